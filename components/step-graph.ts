import {
    AwsIdentity,
    GroupOverrides,
    RUN_FLAGS,
    shellWord,
    STEP_FLAGS,
    StepCommandOptions,
    stepCommandArgs,
} from "../cli-contract";
import { isBlocked, Plan, PlanStep } from "../planner";
import { ComponentStep, ComponentStepAction, DEFAULT_OPT_IN, isMemberStepAction } from "../vocabulary";
import { ResolvedUpgrade } from "./args";

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
    const options: StepCommandOptions = {
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
    const command = (step: Pick<PlanStep, "action" | "cluster">): string =>
        [upgrade.cli, ...stepCommandArgs(options, step).map(shellWord)].join(" ");
    const specs: StepSpec[] = [];

    const snapshot = plan.steps.find((s) => s.action === "snapshot");
    if (snapshot) {
        specs.push({
            key: "snapshot",
            action: "snapshot",
            role: "primary",
            cluster: snapshot.cluster,
            region: snapshot.region,
            command: command(snapshot),
            after: [],
        });
    }
    const first = snapshot ? ["snapshot"] : [];

    const global = plan.steps.find((s) => s.action === "modify-global-cluster");
    if (global) {
        specs.push({
            key: "global",
            action: "modify-global-cluster",
            role: "global",
            cluster: plan.globalClusterId,
            region: global.region,
            command: command(global),
            after: first,
        });
        return specs;
    }

    // Blue/green: one step runs create, switchover and cleanup (the CLI resumes at any phase).
    const switchover = plan.steps.find((s) => s.action === "blue-green-switchover");
    if (switchover) {
        specs.push({
            key: "blue-green",
            action: "blue-green-switchover",
            role: "global",
            cluster: plan.globalClusterId,
            region: switchover.region,
            command: command(switchover),
            after: first,
        });
        return specs;
    }

    const memberSteps = plan.steps.filter((s) => isMemberStepAction(s.action));
    const secondaries = memberSteps.filter((s) => s.role === "secondary");
    for (const s of secondaries) {
        specs.push({
            key: `secondary-${s.region}`,
            action: s.action as ComponentStepAction,
            role: "secondary",
            cluster: s.cluster,
            region: s.region,
            command: command(s),
            after: first,
        });
    }
    const secondaryKeys = secondaries.map((s) => `secondary-${s.region}`);
    for (const s of memberSteps.filter((m) => m.role === "primary")) {
        specs.push({
            key: "primary",
            action: s.action as ComponentStepAction,
            role: "primary",
            cluster: s.cluster,
            region: s.region,
            command: command(s),
            after: secondaryKeys.length > 0 ? secondaryKeys : first,
        });
    }
    return specs;
}
