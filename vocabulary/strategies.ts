/**
 * How an engine-version change is carried out: `auto` picks AWS's managed global operation where
 * AWS offers it and rolling otherwise; `managed` insists on `ModifyGlobalCluster`; `rolling`
 * upgrades every secondary with `ModifyDBCluster`, then the primary.
 */
export const STRATEGIES = ["auto", "managed", "rolling"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const DEFAULT_STRATEGY: Strategy = "auto";

export function isStrategy(value: unknown): value is Strategy {
    return typeof value === "string" && (STRATEGIES as readonly string[]).includes(value);
}
