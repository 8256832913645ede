import { PlanStep } from "../../planner";
import {
    DEFAULT_OPT_IN,
    DEFAULT_STRATEGY,
    isMemberStepAction,
    OldClusters,
    OptInType,
    Strategy,
} from "../../vocabulary";
import { AwsIdentity } from "../aws/identity";
import { identityArgs } from "./identity-flags";
import { GROUP_FLAGS, GroupOverrides } from "../topology/group-overrides";

export { CLI_BIN } from "./location";

/**
 * Hidden flags that narrow one run to one step of the plan (what the Pulumi upgrade steps run):
 * `--only-snapshot` (the pre-upgrade snapshot), `--only-member CLUSTER` (that member's
 * ModifyDBCluster or pending-maintenance step). Not in `--help`: the README's flags are the user's.
 */
export const STEP_FLAGS = { onlySnapshot: "--only-snapshot", onlyMember: "--only-member" } as const;

/** The blue/green flags of `upgrade` (AWS's SwitchoverTimeout; what happens to the `-old1` clusters). */
export const BLUE_GREEN_FLAGS = {
    switchoverTimeoutSeconds: "--switchover-timeout-seconds",
    oldClusters: "--old-clusters",
} as const;

/** Which steps of a plan one run executes. */
export interface StepFilter {
    readonly onlySnapshot?: boolean;
    readonly onlyMember?: string;
}

/** The steps of `steps` selected by `filter` (all when it selects nothing in particular). */
export function selectSteps(steps: readonly PlanStep[], filter: StepFilter): PlanStep[] {
    if (filter.onlySnapshot) return steps.filter((s) => s.action === "snapshot");
    if (filter.onlyMember !== undefined)
        return steps.filter((s) => s.cluster === filter.onlyMember && isMemberStepAction(s.action));
    return [...steps];
}

/** `--only-member X` / `--only-snapshot` in words, for messages. */
export function describeFilter(filter: StepFilter): string | undefined {
    if (filter.onlySnapshot) return "the snapshot step";
    if (filter.onlyMember !== undefined) return `the step of cluster "${filter.onlyMember}"`;
    return undefined;
}

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

/** `--cluster-parameter-group CLUSTER=NAME …` and `--instance-parameter-group CLUSTER=NAME …`. */
export function groupFlags(groups: GroupOverrides | undefined): string[] {
    return (["cluster", "instance"] as const).flatMap((kind) =>
        Object.entries(groups?.[kind] ?? {}).flatMap(([cluster, name]) => [GROUP_FLAGS[kind], `${cluster}=${name}`]),
    );
}

/**
 * The CLI arguments (after `node <package>/bin/aurora-global.js`) that run one step of a plan: the
 * snapshot, one member's step, or the whole global operation (managed / major, including the
 * parameter-group steps). Re-running them is safe: the step reads what AWS reports and skips or
 * waits as needed; a step AWS reports done exits 0 with nothing to do.
 */
export function stepCommandArgs(o: StepCommandOptions, step: Pick<PlanStep, "action" | "cluster">): string[] {
    const common = ["--region", o.homeRegion, "--global-cluster", o.globalClusterId, ...identityArgs(o.identity ?? {})];
    const poll = o.pollSeconds !== undefined ? ["--poll-seconds", String(o.pollSeconds)] : [];
    const jitter = o.startJitterSeconds ? ["--start-jitter-seconds", String(o.startJitterSeconds)] : [];
    const patch = ["patch", ...common, "--opt-in", o.optIn ?? DEFAULT_OPT_IN, ...poll, ...jitter];
    if (step.action === "apply-pending-maintenance") return [...patch, STEP_FLAGS.onlyMember, step.cluster];
    if (step.action === "snapshot" && o.patchRound) return [...patch, STEP_FLAGS.onlySnapshot];
    const switchesOver = o.strategy === "blue-green" && step.action !== "snapshot";
    const upgrade = [
        "upgrade",
        ...common,
        "--target",
        o.target,
        ...(o.allowMajorVersionUpgrade ? ["--allow-major"] : []),
        "--strategy",
        o.strategy ?? DEFAULT_STRATEGY,
        ...(o.timeoutMinutes !== undefined ? ["--timeout-minutes", String(o.timeoutMinutes)] : []),
        // The blue/green flags go to the step that switches over only (the CLI refuses them with --only-snapshot).
        ...(switchesOver && o.switchoverTimeoutSeconds !== undefined
            ? [BLUE_GREEN_FLAGS.switchoverTimeoutSeconds, String(o.switchoverTimeoutSeconds)]
            : []),
        ...(switchesOver && o.oldClusters !== undefined ? [BLUE_GREEN_FLAGS.oldClusters, o.oldClusters] : []),
        ...poll,
        ...jitter,
        ...groupFlags(o.parameterGroups),
    ];
    if (step.action === "snapshot") return [...upgrade, STEP_FLAGS.onlySnapshot];
    if (step.action === "modify-db-cluster") return [...upgrade, "--no-snapshot", STEP_FLAGS.onlyMember, step.cluster];
    return [...upgrade, "--no-snapshot"];
}
