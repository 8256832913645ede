/** The role of a member cluster in the global database (the writer is the primary). */
export const MEMBER_ROLES = ["primary", "secondary"] as const;
export type Role = (typeof MEMBER_ROLES)[number];

/** Whom an upgrade step acts on: one member, or the global cluster as a whole. */
export const STEP_ROLES = [...MEMBER_ROLES, "global"] as const;
export type StepRole = (typeof STEP_ROLES)[number];

export function isRole(value: unknown): value is Role {
    return typeof value === "string" && (MEMBER_ROLES as readonly string[]).includes(value);
}

export function isStepRole(value: unknown): value is StepRole {
    return typeof value === "string" && (STEP_ROLES as readonly string[]).includes(value);
}
