import {
    CreateDBClusterSnapshotCommand,
    DBClusterSnapshot,
    DescribeDBClusterSnapshotsCommand,
    DescribeDBClusterSnapshotsCommandOutput,
} from "@aws-sdk/client-rds";
import { Plan, PlanStep } from "../../planner";
import { isAlreadyExists, isNotFound } from "../../aws/errors";
import { resourceIdentifier } from "../../aws/identifiers";
import { UpgradeStopped } from "../../aws/run-errors";
import { formatDuration } from "../../aws/logger";
import { ref, RunContext } from "./context";
import { nextPollDelay } from "./poll-schedule";
import { stopOnError } from "./stop-on-error";
import { RUN_FLAGS } from "../../cli-contract";

/**
 * The identifier of the pre-upgrade snapshot of a plan: deterministic, so a re-run finds the
 * snapshot it already took (`app-use1-before-17-5`, `shop-euw1-before-8-0-mysql-aurora-3-09-0`),
 * within AWS's 63 characters (aws/identifiers.ts).
 */
export function snapshotIdentifier(plan: Plan, cluster: string): string {
    const patchTargets = plan.steps.filter((s) => s.action === "apply-pending-maintenance" && s.to).map((s) => s.to!);
    const what = plan.path === "patch" ? `patch-${patchTargets[0] ?? plan.to}` : plan.to;
    return resourceIdentifier("cluster-snapshot", cluster, "before", what);
}

/** Snapshot of the primary before the upgrade; reuses (and waits for) one taken by an earlier run. */
export async function snapshotPrimary(ctx: RunContext, plan: Plan, step: PlanStep): Promise<void> {
    const member = ctx.member(step.cluster);
    const id = ctx.options.snapshotIdentifier ?? snapshotIdentifier(plan, member.cluster);
    let snapshot = await findSnapshot(ctx, member.region, id);
    if (snapshot) {
        ctx.log.info(`${ref(member)}: snapshot "${id}" exists (${snapshot.Status}), not taken again`);
    } else {
        ctx.log.info(`${ref(member)}: CreateDBClusterSnapshot "${id}"`);
        try {
            await ctx.api.send(
                member.region,
                new CreateDBClusterSnapshotCommand({
                    DBClusterSnapshotIdentifier: id,
                    DBClusterIdentifier: member.cluster,
                }),
            );
        } catch (e) {
            if (!isAlreadyExists(e)) throw stopOnError(e, member, `CreateDBClusterSnapshot "${id}"`);
        }
    }
    const since = ctx.now();
    while (snapshot?.Status !== "available") {
        if (snapshot && ["failed", "deleted", "deleting"].includes(snapshot.Status ?? "")) {
            throw new UpgradeStopped(
                `snapshot "${id}" of ${ref(member)} is ${snapshot.Status}: nothing was upgraded. Delete it (aws rds delete-db-cluster-snapshot --db-cluster-snapshot-identifier ${id} --region ${member.region}) and run the same command again.`,
                member.cluster,
                member.region,
            );
        }
        if (ctx.now() >= ctx.deadline) {
            throw new UpgradeStopped(
                `timed out after ${ctx.timeoutMinutes} minutes (${RUN_FLAGS.timeoutMinutes} ${ctx.timeoutMinutes}) waiting for snapshot "${id}" of ${ref(member)} (status "${snapshot?.Status ?? "not visible yet"}"): nothing was upgraded. Run the same command again to resume, or raise ${RUN_FLAGS.timeoutMinutes}.`,
                member.cluster,
                member.region,
            );
        }
        await ctx.sleep(
            Math.min(
                nextPollDelay({
                    elapsedMs: ctx.now() - since,
                    fixedMs: pollMs(ctx),
                    slowdown: ctx.api.pollSlowdown(member.region),
                }),
                Math.max(0, ctx.deadline - ctx.now()),
            ),
        );
        snapshot = await findSnapshot(ctx, member.region, id);
    }
    ctx.log.info(`${ref(member)}: snapshot "${id}" available (${formatDuration(ctx.now() - since)})`);
}

function pollMs(ctx: RunContext): number | undefined {
    return ctx.options.pollSeconds !== undefined ? ctx.options.pollSeconds * 1000 : undefined;
}

async function findSnapshot(ctx: RunContext, region: string, id: string): Promise<DBClusterSnapshot | undefined> {
    try {
        const out = await ctx.api.send<DescribeDBClusterSnapshotsCommandOutput>(
            region,
            new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: id }),
        );
        return (out.DBClusterSnapshots ?? []).find((s) => s.DBClusterSnapshotIdentifier === id);
    } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
    }
}
