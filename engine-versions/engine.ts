import { Engine } from "../vocabulary";

export { ENGINES, Engine, isEngine } from "../vocabulary";
/** A valid version of each engine, quoted in error messages. */
export const EXAMPLE_VERSIONS: Record<Engine, string> = {
    "aurora-postgresql": "17.4 (or 17.4.5 with the patch level aurora_version() prints)",
    "aurora-mysql": "8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)",
};

/** Short human name of an engine for plans and messages. */
export function engineLabel(engine: Engine): string {
    return engine === "aurora-postgresql" ? "Aurora PostgreSQL" : "Aurora MySQL";
}
