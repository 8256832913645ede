import { Engine, EXAMPLE_VERSIONS, isEngine } from "./engine";

/**
 * One engine version, split into the parts that decide how it may change.
 *
 * - Aurora PostgreSQL `17.4` is major 17, minor 4. The patch level is not part of the
 *   EngineVersion AWS reports; `aurora_version()` prints it (`17.4.5`), and it may be given so.
 * - Aurora MySQL `8.0.mysql_aurora.3.08.0` is major line `8.0` (Aurora MySQL version 3),
 *   minor 8, patch 0; `5.7.mysql_aurora.2.12.1` is line `5.7` (version 2); the 8.4 line uses
 *   plain `8.4.7` (line `8.4`, minor 7).
 */
export interface EngineVersion {
    readonly engine: Engine;
    /** The string as given, trimmed. */
    readonly text: string;
    /** The major line: `17` for PostgreSQL, `5.7` / `8.0` / `8.4` for MySQL. */
    readonly major: string;
    /** Numeric rank of the major line, for ordering. */
    readonly majorRank: number;
    readonly minor: number;
    /** Patch level when the string carries one. */
    readonly patch?: number;
    /** Aurora MySQL generation (2, 3 or 8.4); undefined for PostgreSQL. */
    readonly auroraMysqlGeneration?: 2 | 3 | 8.4;
}

/** Thrown for a version string that does not parse; the message names engine, value and fix. */
export class VersionParseError extends Error {
    constructor(
        readonly engine: string,
        readonly value: string,
        /** Why it does not parse (the words in the message's parentheses). */
        readonly reason: string,
    ) {
        super(versionErrorMessage(engine, value, reason));
        this.name = "VersionParseError";
    }
}

function versionErrorMessage(engine: string, value: string, reason: string): string {
    if (!isEngine(engine)) {
        return `engine "${engine}" is not supported: use "aurora-postgresql" or "aurora-mysql"`;
    }
    return `engineVersion "${value}" is not a valid ${engine} version (${reason}): use a version such as ${EXAMPLE_VERSIONS[engine]}`;
}

const PG = /^(\d+)\.(\d+)(?:\.(\d+))?$/;
const MYSQL_V2_V3 = /^(5\.7|8\.0)\.mysql_aurora\.(2|3)\.(\d+)\.(\d+)$/;
const MYSQL_V84 = /^8\.4\.(\d+)$/;

/** Parses `value` as a version of `engine`, or throws a {@link VersionParseError}. */
export function parseVersion(engine: string, value: string): EngineVersion {
    if (!isEngine(engine)) throw new VersionParseError(engine, value, "unknown engine");
    const text = typeof value === "string" ? value.trim() : "";
    if (text === "") throw new VersionParseError(engine, String(value ?? ""), "it is empty");
    // No version number has more than 4 digits; a longer one would lose digits as a JS number.
    if (/\d{5,}/.test(text)) throw new VersionParseError(engine, text, "a version number has more than 4 digits");
    return engine === "aurora-postgresql" ? parsePostgres(text) : parseMysql(text);
}

/** Like {@link parseVersion} but returns the error message instead of throwing. */
export function tryParseVersion(engine: string, value: string): EngineVersion | VersionParseError {
    try {
        return parseVersion(engine, value);
    } catch (e) {
        if (e instanceof VersionParseError) return e;
        throw e;
    }
}

function parsePostgres(text: string): EngineVersion {
    const m = PG.exec(text);
    if (!m) throw new VersionParseError("aurora-postgresql", text, "expected MAJOR.MINOR or MAJOR.MINOR.PATCH");
    const major = Number(m[1]);
    if (major < 11) {
        throw new VersionParseError(
            "aurora-postgresql",
            text,
            `major version ${major} is not an Aurora PostgreSQL global database version`,
        );
    }
    return {
        engine: "aurora-postgresql",
        text,
        major: String(major),
        majorRank: major,
        minor: Number(m[2]),
        patch: m[3] === undefined ? undefined : Number(m[3]),
    };
}

function parseMysql(text: string): EngineVersion {
    const v84 = MYSQL_V84.exec(text);
    if (v84) {
        return {
            engine: "aurora-mysql",
            text,
            major: "8.4",
            majorRank: 8.4,
            minor: Number(v84[1]),
            auroraMysqlGeneration: 8.4,
        };
    }
    const m = MYSQL_V2_V3.exec(text);
    if (!m) {
        throw new VersionParseError(
            "aurora-mysql",
            text,
            "expected MYSQL.mysql_aurora.AURORA.MINOR.PATCH or 8.4.MINOR",
        );
    }
    const line = m[1];
    const generation = Number(m[2]) as 2 | 3;
    if ((line === "5.7" && generation !== 2) || (line === "8.0" && generation !== 3)) {
        throw new VersionParseError(
            "aurora-mysql",
            text,
            `MySQL ${line} pairs with Aurora MySQL version ${line === "5.7" ? 2 : 3}`,
        );
    }
    return {
        engine: "aurora-mysql",
        text,
        major: line,
        majorRank: Number(line),
        minor: Number(m[3]),
        patch: Number(m[4]),
        auroraMysqlGeneration: generation,
    };
}
