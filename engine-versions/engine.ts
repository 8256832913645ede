/** The two Aurora engines a global database can run. */
export const ENGINES = ["aurora-postgresql", "aurora-mysql"] as const;
export type Engine = (typeof ENGINES)[number];

export function isEngine(value: unknown): value is Engine {
    return typeof value === "string" && (ENGINES as readonly string[]).includes(value);
}

/** A valid version of each engine, quoted in error messages. */
export const EXAMPLE_VERSIONS: Record<Engine, string> = {
    "aurora-postgresql": "17.4 (or 17.4.5 with the patch level aurora_version() prints)",
    "aurora-mysql": "8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)",
};

/** Short human name of an engine for plans and messages. */
export function engineLabel(engine: Engine): string {
    return engine === "aurora-postgresql" ? "Aurora PostgreSQL" : "Aurora MySQL";
}
