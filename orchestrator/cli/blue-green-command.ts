import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { nothingToDoLine, warningLines } from "./nothing-to-do";
import { isBlocked, Plan, renderPlan } from "../../planner";
import { OldClusters } from "../../vocabulary";
import { Target } from "../../engine-versions";
import { RdsGateway } from "../../aws/gateway";
import { existingDeployment, runBlueGreen } from "../blue-green/run";
import { prepareGreenGroups } from "../blue-green/green-groups";
import { describeRetired } from "../blue-green/retire";
import { RunContext } from "../execute/context";
import { RunLease } from "../lease/run-lease";
import { snapshotPrimary, snapshotIdentifier } from "../execute/snapshot";
import { formatDuration } from "../../aws/logger";
import { GroupOverrides } from "../../cli-contract";
import { Topology } from "../../aws/topology/types";
import { ResolvedDeps } from "./deps";

export interface BlueGreenArgs {
    /** `--target`, read once where the command starts. */
    readonly target: Target;
    readonly snapshot: boolean;
    readonly timeoutMinutes?: number;
    readonly pollSeconds?: number;
    readonly switchoverTimeoutSeconds?: number;
    readonly oldClusters: OldClusters;
    readonly parameterGroups?: GroupOverrides;
}

/** How the blue/green run takes the run lease (lease/acquire.ts) and re-reads AWS after waiting for another run. */
export interface BlueGreenLease {
    readonly take: () => Promise<{ lease: RunLease | undefined; waited: boolean }>;
    readonly replan: () => Promise<{ topology: Topology; plan: Plan }>;
    /** Printed after the plan when the run has no lease (`--no-lease`). */
    readonly notice?: string;
}

/**
 * An upgrade on the plan's blue-green path, or the rest of an earlier one. A deployment of an
 * earlier run (found by its name) is resumed whatever the plan now says (after the switchover the
 * database already runs the target: only the cleanup is left). Otherwise the plan decides:
 * blocked → exit 2, nothing to do → exit 0, else the snapshot of the writer, then the deployment
 * (blue-green/run.ts). Whatever changes something runs under the run lease, like any upgrade: a
 * run that waited for another re-reads AWS and decides again; the lease is released at the end,
 * failed or not. `known`: the deployment the caller found already (see {@link resumableDeployment}).
 */
export async function runBlueGreenUpgrade(
    deps: ResolvedDeps,
    api: RdsGateway,
    topology: Topology,
    plan: Plan,
    a: BlueGreenArgs,
    leaseRequest: BlueGreenLease,
    known?: BlueGreenDeployment,
): Promise<number> {
    let decided = known ? { found: known } : await decide(deps, api, topology, plan, a);
    if ("code" in decided) return decided.code;
    if (leaseRequest.notice) deps.stdout(`${leaseRequest.notice}\n`);
    const { lease, waited } = await leaseRequest.take();
    try {
        if (waited) {
            ({ topology, plan } = await leaseRequest.replan());
            deps.stdout("after the other run, AWS reports:\n");
            decided = await decide(deps, api, topology, plan, a);
            if ("code" in decided) return decided.code;
        }
        return await blueGreen(deps, api, topology, plan, a, decided.found);
    } finally {
        await lease?.release();
    }
}

/**
 * The deployment of an earlier blue/green run to `target` that AWS still reports, when the plan
 * has nothing to do in place (path `none`: after the switchover every member runs the target, yet
 * the old clusters and the deployment are left). The CLI decides from this and the plan's path,
 * never from the strategy flag. None without a writer: a deployment starts from the writer.
 */
export async function resumableDeployment(
    api: RdsGateway,
    topology: Topology,
    plan: Plan,
    target: string,
): Promise<BlueGreenDeployment | undefined> {
    // A blocked plan (path none) still resumes the earlier run's deployment, as `decide` does: the
    // fresh plan's reads count the deployment's own green clusters (the account quotas, for one),
    // so it may block what only finishes an operation already under way.
    if (plan.path !== "none" || !topology.members.some((m) => m.role === "primary")) return undefined;
    return existingDeployment(new RunContext(api, topology, {}), target);
}

/** The deployment to resume, or none to create; the exit code when there is nothing to change. */
async function decide(
    deps: ResolvedDeps,
    api: RdsGateway,
    topology: Topology,
    plan: Plan,
    a: BlueGreenArgs,
): Promise<{ code: number } | { found: BlueGreenDeployment | undefined }> {
    const ctx = new RunContext(api, topology, { timeoutMinutes: a.timeoutMinutes, pollSeconds: a.pollSeconds });
    const found = await existingDeployment(ctx, a.target.text);
    if (found) return { found };
    deps.stdout(renderPlan(plan, "text") + "\n");
    if (isBlocked(plan)) {
        deps.stderr(
            `aurora-global: the plan is blocked (${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}): nothing was changed\n`,
        );
        return { code: 2 };
    }
    if (plan.steps.length === 0) {
        deps.stderr(warningLines(plan));
        deps.stdout(nothingToDoLine(plan));
        return { code: 0 };
    }
    return { found: undefined };
}

async function blueGreen(
    deps: ResolvedDeps,
    api: RdsGateway,
    topology: Topology,
    plan: Plan,
    a: BlueGreenArgs,
    found: BlueGreenDeployment | undefined,
): Promise<number> {
    const ctx = new RunContext(
        api,
        topology,
        { timeoutMinutes: a.timeoutMinutes, pollSeconds: a.pollSeconds, target: a.target },
        deps.hooks,
    );
    // Before the snapshot: groups that cannot go into one deployment stop the run with nothing done.
    // A deployment found is past its creation: its groups were chosen then.
    const groups = found ? {} : await prepareGreenGroups(ctx, a.target.text);
    if (!found) {
        const snapshot = plan.steps.find((s) => s.action === "snapshot");
        if (snapshot && a.snapshot)
            await snapshotPrimary(
                new RunContext(
                    api,
                    topology,
                    { ...ctx.options, snapshotIdentifier: snapshotIdentifier(plan, snapshot.cluster) },
                    deps.hooks,
                ),
                plan,
                snapshot,
            );
    }
    const outcome = await runBlueGreen(
        ctx,
        {
            target: a.target.text,
            switchoverTimeoutSeconds: a.switchoverTimeoutSeconds,
            oldClusters: a.oldClusters,
            clusterParameterGroup: groups.cluster,
            instanceParameterGroup: groups.instance,
        },
        found,
    );
    const kept = outcome.kept.length > 0 ? `; old clusters kept: ${outcome.kept.map(describeRetired).join("; ")}` : "";
    const deleted = outcome.deleted.length > 0 ? `; old clusters deleted: ${outcome.deleted.join(", ")}` : "";
    deps.stdout(
        `blue-green ${summaryFrom(plan, a.target.text, outcome.from)} → ${a.target.text}${outcome.switchedOver ? " (switched over)" : ": nothing left to do"} in ${formatDuration(api.clock.now() - ctx.startedAt)} (deployment ${outcome.deploymentId})${kept}${deleted}\n`,
    );
    return 0;
}

/**
 * The version the summary starts from: the old writer's as AWS reports it after the switchover;
 * else the plan's, unless the plan was made after the switchover (it then reads the target: a
 * re-run that only cleans up), when the earlier version is no longer known.
 */
function summaryFrom(plan: Plan, target: string, blue: string | undefined): string {
    if (blue) return blue;
    return plan.from && plan.from !== target ? plan.from : "?";
}
