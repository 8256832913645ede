/**
 * When a pending maintenance action is applied: AWS's `OptInType` of
 * `ApplyPendingMaintenanceAction` (its third value, `undo-opt-in`, is never sent by us).
 */
export const OPT_IN_TYPES = ["immediate", "next-maintenance"] as const;
export type OptInType = (typeof OPT_IN_TYPES)[number];
export const DEFAULT_OPT_IN: OptInType = "immediate";

export function isOptInType(value: unknown): value is OptInType {
    return typeof value === "string" && (OPT_IN_TYPES as readonly string[]).includes(value);
}
