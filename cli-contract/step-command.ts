import { DEFAULT_OPT_IN, DEFAULT_STRATEGY, OldClusters, OptInType, StepAction, Strategy } from "../vocabulary";
import { BLUE_GREEN_FLAGS, DATABASE_FLAGS, RUN_FLAGS, STEP_COMMANDS, STEP_FLAGS, VERSION_FLAGS } from "./flags";
import { AwsIdentity, identityArgs } from "./identity";
import { groupArgs, GroupOverrides } from "./parameter-groups";

/** What the upgrade steps of a Pulumi program share. */
export interface StepCommandOptions {
    readonly homeRegion: string;
    readonly globalClusterId: string;
    readonly target: string;
    readonly allowMajorVersionUpgrade?: boolean;
    readonly strategy?: Strategy;
    readonly timeoutMinutes?: number;
    readonly pollSeconds?: number;
    /** Opt-in of pending-maintenance steps. */
    readonly optIn?: OptInType;
    /**
     * The plan is a pending-patch round (path `patch`): its snapshot step runs `patch
     * --only-snapshot`, which re-plans the same round (an `upgrade` to the running version
     * would plan nothing and take no snapshot).
     */
    readonly patchRound?: boolean;
    /**
     * Each step waits a random 0 to N seconds before its first call (`--start-jitter-seconds`):
     * for many global databases upgraded at once, so their start-up reads do not land in the
     * same second of a region's rate limit. Default: none.
     */
    readonly startJitterSeconds?: number;
    /**
     * Whom the step acts as: the identity of the AWS provider the members use (profile, role,
     * session name, external id, endpoint), as flags. Names and ARNs only, never keys.
     */
    readonly identity?: AwsIdentity;
    /**
     * Target-family parameter groups the program names for a major upgrade, by member cluster:
     * passed as `--cluster-parameter-group CLUSTER=NAME` / `--instance-parameter-group CLUSTER=NAME`,
     * so the step plans with the very groups the preview showed.
     */
    readonly parameterGroups?: GroupOverrides;
    /** Blue/green: `--switchover-timeout-seconds` (passed with strategy blue-green only). */
    readonly switchoverTimeoutSeconds?: number;
    /** Blue/green: `--old-clusters keep|delete` (passed with strategy blue-green only). */
    readonly oldClusters?: OldClusters;
}

/** `FLAG VALUE` when the value is set, else nothing. */
const valued = (flag: string, value: string | number | undefined): string[] =>
    value !== undefined ? [flag, String(value)] : [];

/** The database and whom to act as: what every step passes. */
function sharedArgs(o: StepCommandOptions): string[] {
    return [
        DATABASE_FLAGS.region,
        o.homeRegion,
        DATABASE_FLAGS.globalCluster,
        o.globalClusterId,
        ...identityArgs(o.identity ?? {}),
    ];
}

/** The polling interval and the start jitter, when set. */
const runArgs = (o: StepCommandOptions): string[] => [
    ...valued(RUN_FLAGS.pollSeconds, o.pollSeconds),
    ...valued(RUN_FLAGS.startJitterSeconds, o.startJitterSeconds || undefined),
];

/** What the command line needs of a plan step (the planner's PlanStep has both). */
export interface StepToRun {
    readonly action: StepAction;
    readonly cluster: string;
}

/** `upgrade …`: the version change with every option the step re-plans with. */
function upgradeArgs(o: StepCommandOptions, step: Pick<StepToRun, "action">): string[] {
    // The blue/green flags go to the step that switches over only (the CLI refuses them with --only-snapshot).
    const switchesOver = o.strategy === "blue-green" && step.action !== "snapshot";
    return [
        STEP_COMMANDS.upgrade,
        ...sharedArgs(o),
        VERSION_FLAGS.target,
        o.target,
        ...(o.allowMajorVersionUpgrade ? [VERSION_FLAGS.allowMajor] : []),
        VERSION_FLAGS.strategy,
        o.strategy ?? DEFAULT_STRATEGY,
        ...valued(RUN_FLAGS.timeoutMinutes, o.timeoutMinutes),
        ...(switchesOver ? valued(BLUE_GREEN_FLAGS.switchoverTimeoutSeconds, o.switchoverTimeoutSeconds) : []),
        ...(switchesOver ? valued(BLUE_GREEN_FLAGS.oldClusters, o.oldClusters) : []),
        ...runArgs(o),
        ...groupArgs(o.parameterGroups),
    ];
}

/**
 * The CLI arguments (after `node <package>/bin/aurora-global.js`) that run one step of a plan: the
 * snapshot, one member's step, or the whole global operation (managed / major, including the
 * parameter-group steps). Re-running them is safe: the step reads what AWS reports and skips or
 * waits as needed; a step AWS reports done exits 0 with nothing to do.
 */
export function stepCommandArgs(o: StepCommandOptions, step: StepToRun): string[] {
    const patch = [STEP_COMMANDS.patch, ...sharedArgs(o), RUN_FLAGS.optIn, o.optIn ?? DEFAULT_OPT_IN, ...runArgs(o)];
    if (step.action === "apply-pending-maintenance") return [...patch, STEP_FLAGS.onlyMember, step.cluster];
    if (step.action === "snapshot" && o.patchRound) return [...patch, STEP_FLAGS.onlySnapshot];
    const upgrade = upgradeArgs(o, step);
    if (step.action === "snapshot") return [...upgrade, STEP_FLAGS.onlySnapshot];
    if (step.action === "modify-db-cluster")
        return [...upgrade, RUN_FLAGS.noSnapshot, STEP_FLAGS.onlyMember, step.cluster];
    return [...upgrade, RUN_FLAGS.noSnapshot];
}
