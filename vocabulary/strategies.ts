/**
 * How an engine-version change is carried out: `auto` picks AWS's managed global operation where
 * AWS offers it and rolling otherwise; `managed` insists on `ModifyGlobalCluster`; `rolling`
 * upgrades every secondary with `ModifyDBCluster`, then the primary; `blue-green` upgrades a green
 * copy of every region (a Blue/Green Deployment) and switches all regions over at once. `auto`
 * never picks blue-green (it doubles the clusters while it runs): only the user does.
 */
export const STRATEGIES = ["auto", "managed", "rolling", "blue-green"] as const;
export type Strategy = (typeof STRATEGIES)[number];
export const DEFAULT_STRATEGY: Strategy = "auto";

export function isStrategy(value: unknown): value is Strategy {
    return typeof value === "string" && (STRATEGIES as readonly string[]).includes(value);
}
