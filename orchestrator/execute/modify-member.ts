import { DBCluster, ModifyDBClusterCommand } from "@aws-sdk/client-rds";
import { awsEngineVersion } from "../../engine-versions";
import { PlanStep } from "../../planner";
import { errorCode } from "../../aws/errors";
import { UpgradeStopped } from "../../aws/run-errors";
import { FRESH_READ_MS, readCluster } from "../../aws/topology/reads";
import { MemberTopology } from "../../aws/topology/types";
import { ref, RunContext } from "./context";
import { EARLIEST_UPGRADE_FINISH_MS } from "./poll-schedule";
import { stopOnError } from "./stop-on-error";
import { FAILED_STATUSES, waitForMember } from "./wait-member";
import { RUN_FLAGS } from "../../cli-contract";

/**
 * Rolling step: ModifyDBCluster EngineVersion (ApplyImmediately) on one member, then wait until
 * it reports the target and `available`. Skips a member already at the target; waits for one
 * already upgrading; before the primary, re-reads every secondary and refuses unless all are at
 * the target. A read at most {@link FRESH_READ_MS} old (the topology read, the wait's last poll)
 * stands for the step's first look.
 */
export async function upgradeMember(ctx: RunContext, step: PlanStep): Promise<void> {
    const member = ctx.member(step.cluster);
    const target = awsEngineVersion(ctx.stepVersion(step.to));
    if (member.role === "primary") await requireSecondariesAt(ctx, target);
    const doing = `upgrading to ${target}`;
    const untouched = member.role === "secondary" ? "The primary was not touched." : undefined;
    let c = await readCluster(ctx.api, member.region, member.cluster, { reuseWithinMs: FRESH_READ_MS });
    if (ctx.atVersion(c.EngineVersion, target) && c.Status === "available") {
        ctx.skipped.push(member.cluster);
        ctx.log.info(`${ref(member)}: already at ${c.EngineVersion}, skipped`);
        return;
    }
    const since = ctx.now();
    let started = false;
    if (!isBusyTowards(c)) {
        c = await waitUntilModifiable(ctx, member, c, doing);
        if (FAILED_STATUSES.has(c.Status ?? "")) {
            // The operator re-ran after a failure: AWS accepts a new attempt from upgrade_failed.
            ctx.log.warn(
                `${ref(member)}: status "${c.Status}" at ${c.EngineVersion ?? "?"} from an earlier attempt; trying the upgrade again`,
            );
        }
        ctx.log.info(`${ref(member)}: ModifyDBCluster ${c.EngineVersion ?? "?"} → ${target} (apply immediately)`);
        try {
            await ctx.api.send(
                member.region,
                new ModifyDBClusterCommand({
                    DBClusterIdentifier: member.cluster,
                    EngineVersion: target,
                    ApplyImmediately: true,
                }),
            );
            started = true;
        } catch (e) {
            if (errorCode(e) !== "InvalidDBClusterStateFault")
                throw stopOnError(e, member, `ModifyDBCluster (${doing})`);
            const now = await readCluster(ctx.api, member.region, member.cluster);
            if (!isBusyTowards(now)) throw stopOnError(e, member, `ModifyDBCluster (${doing})`);
            ctx.log.info(`${ref(member)}: already ${now.Status}; waiting for it`);
        }
    } else {
        ctx.log.info(
            `${ref(member)}: already ${c.Status} (${c.EngineVersion ?? "?"}); waiting for it to reach ${target}, not modifying it again`,
        );
    }
    await waitForMember(ctx, {
        member,
        target,
        since,
        doing,
        untouched,
        ...(started ? { earliestFinishMs: EARLIEST_UPGRADE_FINISH_MS } : {}),
        // A secondary is read once more before the primary is modified.
        ...(member.role === "secondary" ? { reservedReads: 1 } : {}),
    });
}

/** A member AWS is already changing (a previous run's modify, or a global operation). */
function isBusyTowards(c: DBCluster): boolean {
    return c.Status === "upgrading" || c.Status === "modifying";
}

async function waitUntilModifiable(
    ctx: RunContext,
    member: MemberTopology,
    c: DBCluster,
    doing: string,
): Promise<DBCluster> {
    let current = c;
    while (current.Status !== "available" && !FAILED_STATUSES.has(current.Status ?? "")) {
        if (ctx.now() >= ctx.deadline) {
            throw new UpgradeStopped(
                `timed out after ${ctx.timeoutMinutes} minutes (${RUN_FLAGS.timeoutMinutes} ${ctx.timeoutMinutes}) waiting for ${ref(member)} to become available before ${doing}: it reports status "${current.Status}". Run the same command again later.`,
                member.cluster,
                member.region,
            );
        }
        ctx.log.info(`${ref(member)}: status "${current.Status}", waiting until available before ${doing}`);
        await ctx.sleep(15_000);
        current = await readCluster(ctx.api, member.region, member.cluster);
    }
    return current;
}

/** The primary is never modified unless every secondary reports the target and `available`. */
export async function requireSecondariesAt(ctx: RunContext, target: string): Promise<void> {
    for (const s of ctx.secondaries()) {
        const c = await readCluster(ctx.api, s.region, s.cluster, { reuseWithinMs: FRESH_READ_MS });
        if (!ctx.atVersion(c.EngineVersion, target) || c.Status !== "available") {
            throw new UpgradeStopped(
                `refusing to upgrade the primary: ${ref(s)} reports status "${c.Status ?? "unknown"}" at version ${c.EngineVersion ?? "unknown"}, not ${target}. ` +
                    `The primary was not touched. Run the same command again: it upgrades the secondaries first.`,
                s.cluster,
                s.region,
            );
        }
    }
}
