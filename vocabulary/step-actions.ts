/**
 * What a step of a plan does, named after the AWS operation it performs. The planner, the
 * component's upgrade steps, the CLI and the policy pack all use these names.
 */
export const STEP_ACTIONS = [
    "snapshot",
    "prepare-parameter-groups",
    "modify-global-cluster",
    "modify-db-cluster",
    "apply-pending-maintenance",
    "apply-parameter-groups",
    "blue-green-create",
    "blue-green-switchover",
    "blue-green-cleanup",
] as const;
export type StepAction = (typeof STEP_ACTIONS)[number];

/**
 * The blue/green path's steps, in order (role `global`, naming the global cluster):
 * `blue-green-create` (CreateBlueGreenDeployment from the primary's ARN, wait until green is
 * AVAILABLE in every region), `blue-green-switchover` (guardrails, SwitchoverBlueGreenDeployment,
 * wait for SWITCHOVER_COMPLETED), `blue-green-cleanup` (DeleteBlueGreenDeployment; the old
 * `-old1` clusters kept or deleted).
 */
export const BLUE_GREEN_ACTIONS = ["blue-green-create", "blue-green-switchover", "blue-green-cleanup"] as const;
export type BlueGreenAction = (typeof BLUE_GREEN_ACTIONS)[number];

/** The actions that act on one member cluster (a member's step: `--only-member`). */
export const MEMBER_STEP_ACTIONS = ["modify-db-cluster", "apply-pending-maintenance"] as const;
export type MemberStepAction = (typeof MEMBER_STEP_ACTIONS)[number];

/**
 * The actions of the component's upgrade steps (one `command:local:Command` each). The global
 * step also prepares and re-applies parameter groups, so those two actions have no step of
 * their own; the blue/green step (`blue-green-switchover`, the moment the version changes) also
 * creates the deployment before and cleans it up after.
 */
export const COMPONENT_STEP_ACTIONS = [
    "snapshot",
    "modify-global-cluster",
    ...MEMBER_STEP_ACTIONS,
    "blue-green-switchover",
] as const;
export type ComponentStepAction = (typeof COMPONENT_STEP_ACTIONS)[number];

/** The actions that change a member's or the global cluster's version or patch level. */
export const UPGRADE_ACTIONS = ["modify-global-cluster", ...MEMBER_STEP_ACTIONS, "blue-green-switchover"] as const;

export function isStepAction(value: unknown): value is StepAction {
    return typeof value === "string" && (STEP_ACTIONS as readonly string[]).includes(value);
}

export function isComponentStepAction(value: unknown): value is ComponentStepAction {
    return typeof value === "string" && (COMPONENT_STEP_ACTIONS as readonly string[]).includes(value);
}

export function isMemberStepAction(value: unknown): value is MemberStepAction {
    return typeof value === "string" && (MEMBER_STEP_ACTIONS as readonly string[]).includes(value);
}

export function isUpgradeAction(value: unknown): boolean {
    return typeof value === "string" && (UPGRADE_ACTIONS as readonly string[]).includes(value);
}
