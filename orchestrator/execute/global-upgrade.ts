import { ModifyGlobalClusterCommand } from "@aws-sdk/client-rds";
import { awsEngineVersion } from "../../engine-versions";
import { PlanStep } from "../../planner";
import { errorCode } from "../../aws/errors";
import { describeGlobalCluster, FRESH_READ_MS, readCluster } from "../../aws/topology/reads";
import { RunContext } from "./context";
import { runParallel } from "./parallel";
import { EARLIEST_UPGRADE_FINISH_MS } from "./poll-schedule";
import { stopOnError } from "./stop-on-error";
import { waitForMember } from "./wait-member";

/**
 * One ModifyGlobalCluster: the managed minor upgrade (Aurora PostgreSQL) or a major upgrade
 * (AllowMajorVersionUpgrade). Waits until every member reports the target and `available`.
 * Resumable: when the global cluster or a member is already upgrading, it only waits. Reads at
 * most {@link FRESH_READ_MS} old (the topology read just before) stand for the step's first look.
 */
export async function upgradeGlobalCluster(ctx: RunContext, step: PlanStep, major: boolean): Promise<void> {
    const target = awsEngineVersion(ctx.stepVersion(step.to));
    const { globalClusterId } = ctx.topology;
    // Global operations are started from the writer's region (the plan's global step carries it).
    const homeRegion = step.region || ctx.topology.homeRegion;
    const kind = major ? "major upgrade" : "managed minor upgrade";
    const doing = `the global ${kind} to ${target}`;
    const members = ctx.topology.members;
    const fresh = { reuseWithinMs: FRESH_READ_MS };
    const states = await Promise.all(members.map((m) => readCluster(ctx.api, m.region, m.cluster, fresh)));
    const globalStatus =
        (await describeGlobalCluster(ctx.api, homeRegion, globalClusterId, fresh))?.Status ?? "unknown";
    const allDone = states.every((c) => ctx.atVersion(c.EngineVersion, target) && c.Status === "available");
    if (allDone) {
        ctx.skipped.push(...members.map((m) => m.cluster));
        ctx.log.info(`global cluster "${globalClusterId}": every member already at ${target}, skipped`);
        return;
    }
    const busy =
        globalStatus === "upgrading" || globalStatus === "modifying" || states.some((c) => c.Status === "upgrading");
    const since = ctx.now();
    let started = false;
    if (busy) {
        ctx.log.info(
            `global cluster "${globalClusterId}": already ${globalStatus === "available" ? "upgrading members" : globalStatus}; waiting for ${doing}, not modifying it again`,
        );
    } else started = await startGlobalUpgrade(ctx, { target, homeRegion, doing, major });
    await waitForEveryMember(ctx, { target, since, doing, started });
}

/**
 * ModifyGlobalCluster from the writer's region. True when AWS took it; false when the global
 * cluster was busy (InvalidGlobalClusterStateFault: an upgrade already under way, waited for).
 */
async function startGlobalUpgrade(
    ctx: RunContext,
    g: { readonly target: string; readonly homeRegion: string; readonly doing: string; readonly major: boolean },
): Promise<boolean> {
    const { globalClusterId, members } = ctx.topology;
    ctx.log.info(
        `global cluster "${globalClusterId}": ModifyGlobalCluster → ${g.target}${g.major ? " (AllowMajorVersionUpgrade)" : ""}`,
    );
    try {
        await ctx.api.send(
            g.homeRegion,
            new ModifyGlobalClusterCommand({
                GlobalClusterIdentifier: globalClusterId,
                EngineVersion: g.target,
                ...(g.major ? { AllowMajorVersionUpgrade: true } : {}),
            }),
        );
        return true;
    } catch (e) {
        const primary = members.find((m) => m.role === "primary") ?? members[0];
        const where = {
            role: "primary" as const,
            cluster: primary?.cluster ?? globalClusterId,
            region: g.homeRegion,
        };
        if (errorCode(e) !== "InvalidGlobalClusterStateFault")
            throw stopOnError(e, where, `ModifyGlobalCluster (${g.doing})`);
        ctx.log.info(`global cluster "${globalClusterId}": busy (${errorCode(e)}); waiting for it`);
        return false;
    }
}

/** Waits until every member reports the target and `available` (one wait per member, in parallel). */
async function waitForEveryMember(
    ctx: RunContext,
    w: { readonly target: string; readonly since: number; readonly doing: string; readonly started: boolean },
): Promise<void> {
    await runParallel(
        ctx,
        ctx.topology.members.map(
            (m) => () =>
                waitForMember(ctx, {
                    member: m,
                    target: w.target,
                    since: w.since,
                    doing: w.doing,
                    untouched: `AWS rolls a global upgrade back on every member when one fails; the events of each member say which one failed.`,
                    ...(w.started ? { earliestFinishMs: EARLIEST_UPGRADE_FINISH_MS } : {}),
                }).then(() => undefined),
        ),
    );
}
