import {
    AwsIdentity,
    GroupOverrides,
    RUN_FLAGS,
    shellWord,
    STEP_FLAGS,
    StepCommandOptions,
    stepCommandArgs,
} from "../../cli-contract";
import { isBlocked, Plan, PlanStep } from "../../planner";
import { ComponentStep, ComponentStepAction, DEFAULT_OPT_IN, isMemberStepAction } from "../../vocabulary";
import { ResolvedUpgrade } from "../config/args";

/**
 * One upgrade step as the component creates it: a command line of the orchestrator CLI and the
 * steps it must wait for. Pure data, built from the plan, so tests and the policy pack can reason
 * about it without resources.
 */
export interface StepSpec extends ComponentStep {
    /** The command line, without secrets. */
    readonly command: string;
    /** Keys of the steps that must finish first (none: the step waits only for the database's resources). */
    readonly after: readonly string[];
}

/** The CLI's step flags (`--only-member CLUSTER_ID`, `--only-snapshot`, `--no-snapshot`), from the CLI contract. */
export const CLI_FLAGS = { ...STEP_FLAGS, noSnapshot: RUN_FLAGS.noSnapshot } as const;

/**
 * The upgrade steps for a plan: snapshot first, then every secondary (in parallel), then the
 * primary, which waits for every secondary step; or one global step (managed minor or major,
 * which also prepares and re-applies parameter groups); or one blue/green step (create the
 * deployment, switch over, clean up). No steps for a blocked plan or a plan
 * without work. Each command line comes from the CLI contract's `stepCommandArgs`, so every
 * step re-plans in the CLI with the same options and reaches the same path; a major upgrade's
 * steps carry the program's target-family parameter groups (`--cluster-parameter-group` …).
 */
export function stepGraph(
    plan: Plan,
    upgrade: ResolvedUpgrade,
    homeRegion: string,
    identity: AwsIdentity = {},
    parameterGroups?: GroupOverrides,
): StepSpec[] {
    if (isBlocked(plan) || plan.steps.length === 0) return [];
    const options = stepCommandOptions(plan, upgrade, homeRegion, identity, parameterGroups);
    const command = (step: Pick<PlanStep, "action" | "cluster">): string =>
        [upgrade.cli, ...stepCommandArgs(options, step).map(shellWord)].join(" ");

    const snapshot = plan.steps.find((s) => s.action === "snapshot");
    const first = snapshot ? [{ ...specOf(snapshot, "snapshot", command), role: "primary" as const }] : [];
    const after = first.map((s) => s.key);
    // One global step: the managed or major ModifyGlobalCluster, or blue/green (create, switchover
    // and cleanup in one step; the CLI resumes at any phase).
    const global = plan.steps.find((s) => s.action === "modify-global-cluster" || s.action === "blue-green-switchover");
    if (global) {
        const key = global.action === "modify-global-cluster" ? "global" : "blue-green";
        return [...first, { ...specOf(global, key, command, after), cluster: plan.globalClusterId }];
    }
    return [...first, ...memberSpecs(plan, command, after)];
}

/** What every step of the plan passes the CLI: the path the preview chose, and the upgrade options. */
function stepCommandOptions(
    plan: Plan,
    upgrade: ResolvedUpgrade,
    homeRegion: string,
    identity: AwsIdentity,
    parameterGroups: GroupOverrides | undefined,
): StepCommandOptions {
    return {
        homeRegion,
        globalClusterId: plan.globalClusterId,
        target: plan.to,
        allowMajorVersionUpgrade: upgrade.allowMajorVersionUpgrade,
        strategy:
            plan.path === "managed" || plan.path === "rolling" || plan.path === "blue-green"
                ? plan.path
                : upgrade.strategy,
        ...(upgrade.timeoutMinutes !== undefined ? { timeoutMinutes: upgrade.timeoutMinutes } : {}),
        ...(upgrade.pollSeconds !== undefined ? { pollSeconds: upgrade.pollSeconds } : {}),
        optIn: upgrade.applyPendingPatches || DEFAULT_OPT_IN,
        patchRound: plan.path === "patch",
        identity,
        // A major upgrade's steps plan with the target-family groups the preview planned with; a
        // blue/green major passes them to CreateBlueGreenDeployment (TargetDBClusterParameterGroupName).
        ...((plan.path === "major" || (plan.path === "blue-green" && plan.change === "major")) && parameterGroups
            ? { parameterGroups }
            : {}),
        ...(plan.path === "blue-green"
            ? { switchoverTimeoutSeconds: upgrade.switchoverTimeoutSeconds, oldClusters: upgrade.oldClusters }
            : {}),
    };
}

/** One step of the plan as a spec under `key`, after the steps `after` names. */
function specOf(
    step: PlanStep,
    key: string,
    command: (step: PlanStep) => string,
    after: readonly string[] = [],
): StepSpec {
    return {
        key,
        action: step.action as ComponentStepAction,
        role: step.role,
        cluster: step.cluster,
        region: step.region,
        command: command(step),
        after,
    };
}

/** Every secondary's step (in parallel, after the snapshot), then the primary's, after every secondary. */
function memberSpecs(plan: Plan, command: (step: PlanStep) => string, first: readonly string[]): StepSpec[] {
    const memberSteps = plan.steps.filter((s) => isMemberStepAction(s.action));
    const secondaries = memberSteps
        .filter((s) => s.role === "secondary")
        .map((s) => specOf(s, `secondary-${s.region}`, command, first));
    const secondaryKeys = secondaries.map((s) => s.key);
    const primaries = memberSteps
        .filter((s) => s.role === "primary")
        .map((s) => specOf(s, "primary", command, secondaryKeys.length > 0 ? secondaryKeys : first));
    return [...secondaries, ...primaries];
}
