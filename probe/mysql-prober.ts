/**
 * MySQL version probe with `mysql2`: a fresh connection per probe, `SELECT @@aurora_version`
 * when the variable exists (Aurora MySQL), else `SELECT VERSION()`.
 */
import { createConnection, ConnectionOptions } from "mysql2/promise";
import { Endpoint, ProbeFn } from "./types";

/** The part of a mysql2 promise connection the probe uses; tests inject a fake. */
export interface MysqlConnectionLike {
    query(options: { sql: string; timeout?: number }): Promise<[unknown, unknown]>;
    end(): Promise<void>;
    on(event: "error", listener: (error: Error) => void): unknown;
}

/** Opens a connection; the default is mysql2's `createConnection(options)`. */
export type MysqlConnect = (options: ConnectionOptions) => Promise<MysqlConnectionLike>;

export const MYSQL_AURORA_VERSION = "SELECT @@aurora_version AS version";
export const MYSQL_VERSION = "SELECT VERSION() AS version";
/** MySQL's "Unknown system variable" error (ER_UNKNOWN_SYSTEM_VARIABLE). */
const UNKNOWN_VARIABLE_ERRNO = 1193;

function firstValue(result: unknown): string | null {
    const rows = Array.isArray(result) ? (result as Record<string, unknown>[]) : [];
    const value = rows[0] === undefined ? undefined : Object.values(rows[0])[0];
    return value === undefined || value === null ? null : String(value);
}

function isUnknownVariable(error: unknown): boolean {
    const e = error as { errno?: unknown; code?: unknown } | null;
    return e?.errno === UNKNOWN_VARIABLE_ERRNO || e?.code === "ER_UNKNOWN_SYSTEM_VARIABLE";
}

/** Reads the version over an open connection: `@@aurora_version` if it exists, else `VERSION()`. */
export async function readMysqlVersion(
    connection: Pick<MysqlConnectionLike, "query">,
    timeoutMs?: number,
): Promise<string> {
    try {
        const [rows] = await connection.query({ sql: MYSQL_AURORA_VERSION, timeout: timeoutMs });
        const aurora = firstValue(rows);
        if (aurora !== null) return aurora;
    } catch (error) {
        if (!isUnknownVariable(error)) throw error;
    }
    const [rows] = await connection.query({ sql: MYSQL_VERSION, timeout: timeoutMs });
    const version = firstValue(rows);
    if (version === null) throw new Error(`"${MYSQL_VERSION}" returned no value`);
    return version;
}

/** The mysql2 options of one probe: the URL and a short connect timeout. */
export function mysqlProbeOptions(endpoint: Endpoint, timeoutMs: number): ConnectionOptions {
    return { uri: endpoint.url, connectTimeout: timeoutMs };
}

/** A `ProbeFn` for mysql:// endpoints. */
export function mysqlProber(connect: MysqlConnect = (options) => createConnection(options)): ProbeFn {
    return async (endpoint, timeoutMs) => {
        const connection = await connect(mysqlProbeOptions(endpoint, timeoutMs));
        connection.on("error", () => undefined);
        try {
            return await readMysqlVersion(connection, timeoutMs);
        } finally {
            connection.end().catch(() => undefined);
        }
    };
}
