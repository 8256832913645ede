/** The Aurora engines of a global database (AWS's `Engine` values). */
export const ENGINES = ["aurora-postgresql", "aurora-mysql"] as const;
export type Engine = (typeof ENGINES)[number];

export function isEngine(value: unknown): value is Engine {
    return typeof value === "string" && (ENGINES as readonly string[]).includes(value);
}
