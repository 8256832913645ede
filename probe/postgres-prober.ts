/**
 * PostgreSQL version probe with `pg`: a fresh connection per probe (a connection kept across a
 * restart would hide the outage), `aurora_version()` when the function exists on that server,
 * else `SHOW server_version`, else `version()`.
 */
import { Client, ClientConfig } from "pg";
import { Endpoint, ProbeFn } from "./types";

/** The part of `pg.Client` the probe uses; tests inject a fake. */
export interface PgClientLike {
    connect(): Promise<unknown>;
    query(sql: string): Promise<{ rows: Record<string, unknown>[] }>;
    end(): Promise<void>;
    on(event: "error", listener: (error: Error) => void): unknown;
}

/** Builds a client from the pg config; the default is `new pg.Client(config)`. */
export type PgClientFactory = (config: ClientConfig) => PgClientLike;

/** Detection query: true when `aurora_version()` exists (Aurora PostgreSQL). */
export const PG_DETECT_AURORA = "SELECT to_regprocedure('aurora_version()') IS NOT NULL AS present";
export const PG_AURORA_VERSION = "SELECT aurora_version() AS version";
export const PG_SERVER_VERSION = "SHOW server_version";
export const PG_VERSION_FUNCTION = "SELECT version() AS version";

/** An error the server answered with (it has a severity), as opposed to a connection failure. */
function isServerError(error: unknown): boolean {
    return typeof error === "object" && error !== null && "severity" in error;
}

function firstValue(rows: Record<string, unknown>[], sql: string): string {
    const row = rows[0];
    const value = row === undefined ? undefined : Object.values(row)[0];
    if (value === undefined || value === null) throw new Error(`"${sql}" returned no value`);
    return String(value);
}

/** Reads the version over an open connection: detection once, then the matching query. */
export async function readPostgresVersion(client: Pick<PgClientLike, "query">): Promise<string> {
    let aurora = false;
    try {
        aurora = (await client.query(PG_DETECT_AURORA)).rows[0]?.present === true;
    } catch (error) {
        if (!isServerError(error)) throw error;
    }
    if (aurora) return firstValue((await client.query(PG_AURORA_VERSION)).rows, PG_AURORA_VERSION);
    try {
        return firstValue((await client.query(PG_SERVER_VERSION)).rows, PG_SERVER_VERSION);
    } catch (error) {
        if (!isServerError(error)) throw error;
        return firstValue((await client.query(PG_VERSION_FUNCTION)).rows, PG_VERSION_FUNCTION);
    }
}

/** The pg config of one probe: short connect, query and statement timeouts. */
export function pgProbeConfig(endpoint: Endpoint, timeoutMs: number): ClientConfig {
    return {
        connectionString: endpoint.url,
        connectionTimeoutMillis: timeoutMs,
        query_timeout: timeoutMs,
        statement_timeout: timeoutMs,
        application_name: "aurora-global-watch",
    };
}

/** A `ProbeFn` for postgres:// and postgresql:// endpoints. */
export function postgresProber(factory: PgClientFactory = (config) => new Client(config)): ProbeFn {
    return async (endpoint, timeoutMs) => {
        const client = factory(pgProbeConfig(endpoint, timeoutMs));
        // A server shutting down ends the session with an 'error' event; unhandled it would crash.
        client.on("error", () => undefined);
        try {
            await client.connect();
            return await readPostgresVersion(client);
        } finally {
            // Not awaited: after a failed connect, end() may never settle.
            client.end().catch(() => undefined);
        }
    };
}
