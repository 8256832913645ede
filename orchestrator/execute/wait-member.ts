import { DBCluster } from "@aws-sdk/client-rds";
import { describeAwsError, isRetryable } from "../../aws/errors";
import { UpgradeStopped } from "../../aws/run-errors";
import { formatDuration } from "../../aws/logger";
import { readCluster } from "../../aws/topology/reads";
import { MemberTopology } from "../../aws/topology/types";
import { ref, RunContext, WaitAccount } from "./context";
import { DENSE_POLL_MS, nextPollDelay } from "./poll-schedule";
import { stopOnError } from "./stop-on-error";
import { RUN_FLAGS } from "../../cli-contract";

/** Statuses that end an operation without reaching the target. */
export const FAILED_STATUSES = new Set([
    "upgrade_failed",
    "incompatible-parameters",
    "failed",
    "inaccessible-encryption-credentials",
]);

/** A member that stays `available` at its old version this long after our modify call did not start upgrading. */
export const START_GRACE_MS = 5 * 60_000;

/** A sleeping wait looks at the schedule again this often (it may have become the critical wait). */
const RECHECK_MS = DENSE_POLL_MS;

/** A progress line per member at least this often while it is waited for. */
export const HEARTBEAT_MS = 2 * 60_000;

export interface WaitSpec {
    readonly member: MemberTopology;
    /** Version to reach; undefined to wait only for `available` (parameter groups, patches without a version). */
    readonly target?: string;
    /** When the operation started (our modify call, or the resumed wait). */
    readonly since: number;
    /** What the member is doing, for progress lines: "upgrading to 17.5". */
    readonly doing: string;
    /** Extra completion check (e.g. the pending action is gone). */
    readonly alsoDone?: (cluster: DBCluster) => Promise<boolean>;
    /** What to tell the operator if the member fails, beyond the standard advice. */
    readonly untouched?: string;
    /** We just started the operation: it cannot be over before this (poll-schedule.ts). */
    readonly earliestFinishMs?: number;
    /** Reads of the member due after the wait (the pre-primary check): paid from this wait's budget. */
    readonly reservedReads?: number;
}

/**
 * Polls DescribeDBClusters (in the member's region, by identifier) until the member reports
 * the target and `available`. Stops on `upgrade_failed` (and the like), on a rollback to the old
 * version, and at the run's deadline, with a message naming member, region, state and the fix.
 * The poll budget counts the member's reads since its last wait and the reads reserved for after.
 */
export async function waitForMember(ctx: RunContext, spec: WaitSpec): Promise<DBCluster> {
    try {
        return await pollUntilDone(ctx, spec);
    } finally {
        ctx.markWaitEnd(spec.member.cluster);
    }
}

async function pollUntilDone(ctx: RunContext, spec: WaitSpec): Promise<DBCluster> {
    const { member } = spec;
    const account = ctx.openWait(spec.since, ctx.readsSinceLastWait(member.cluster) + (spec.reservedReads ?? 0));
    try {
        return await pollLoop(ctx, spec, account);
    } finally {
        ctx.closeWait(account);
    }
}

async function pollLoop(ctx: RunContext, spec: WaitSpec, account: WaitAccount): Promise<DBCluster> {
    const { member } = spec;
    let sawBusy = false;
    let lastStatus = "";
    let lastLogAt = ctx.now();
    let busy = 0;
    let lastPollAt = ctx.now();
    for (;;) {
        const now = ctx.now();
        const delay = nextPollDelay({
            elapsedMs: lastPollAt - spec.since,
            fixedMs: ctx.options.pollSeconds !== undefined ? ctx.options.pollSeconds * 1000 : undefined,
            earliestFinishMs: spec.earliestFinishMs,
            slowdown: ctx.api.pollSlowdown(member.region),
            critical: ctx.isOnlyWait(account),
            pooledPolls: ctx.pooledPolls(lastPollAt),
        });
        const due = lastPollAt + delay;
        if (due > ctx.deadline) {
            await ctx.sleep(Math.max(0, ctx.deadline - now));
            const c = await readCluster(ctx.api, member.region, member.cluster);
            if (await isDone(ctx, spec, c)) return finish(ctx, spec, c);
            throw timeout(ctx, spec, c);
        }
        if (now < due) {
            // Sleep in slices: the wait may become the critical one (its siblings done) meanwhile.
            await ctx.sleep(Math.min(due - now, RECHECK_MS));
            if (ctx.now() < due) continue;
        }
        account.polls += 1;
        const read = await pollRead(ctx, spec);
        lastPollAt = ctx.now();
        if (!read.ok) {
            busy += 1;
            ctx.log.warn(
                `${ref(member)}: DescribeDBClusters still ${describeAwsError(read.error)} after its retries (${busy} poll${busy === 1 ? "" : "s"} in a row): the region is busy; ${spec.doing} goes on in AWS, polling again`,
            );
            continue;
        }
        busy = 0;
        const c = read.cluster;
        const status = c.Status ?? "unknown";
        await ctx.hooks.onPoll?.(member.cluster, status, c.EngineVersion);
        if (status !== lastStatus || ctx.now() - lastLogAt >= HEARTBEAT_MS) {
            ctx.log.info(
                `${ref(member)}: ${status} at ${c.EngineVersion ?? "?"} (${spec.doing}, ${formatDuration(ctx.now() - spec.since)})`,
            );
            lastStatus = status;
            lastLogAt = ctx.now();
        }
        if (FAILED_STATUSES.has(status)) throw failed(ctx, spec, c);
        if (await isDone(ctx, spec, c)) return finish(ctx, spec, c);
        if (status !== "available") sawBusy = true;
        else if (spec.target !== undefined && (sawBusy || ctx.now() - spec.since > START_GRACE_MS))
            throw rolledBack(ctx, spec, c, sawBusy);
    }
}

/**
 * One poll of the wait. A poll still throttled (or failing transiently) after its retries is no
 * news, not a failure: the operation goes on in AWS, so the wait polls again at the next
 * interval (the run's deadline still bounds it). Any other error stops the run, naming the member.
 */
async function pollRead(
    ctx: RunContext,
    spec: WaitSpec,
): Promise<{ ok: true; cluster: DBCluster } | { ok: false; error: unknown }> {
    try {
        return { ok: true, cluster: await readCluster(ctx.api, spec.member.region, spec.member.cluster) };
    } catch (e) {
        if (!isRetryable(e)) throw stopOnError(e, spec.member, `DescribeDBClusters while ${spec.doing}`);
        return { ok: false, error: e };
    }
}

async function isDone(ctx: RunContext, spec: WaitSpec, c: DBCluster): Promise<boolean> {
    if (c.Status !== "available") return false;
    if (spec.target !== undefined && !ctx.atVersion(c.EngineVersion, spec.target)) return false;
    return spec.alsoDone ? spec.alsoDone(c) : true;
}

function finish(ctx: RunContext, spec: WaitSpec, c: DBCluster): DBCluster {
    const took = ctx.now() - spec.since;
    ctx.noteDuration(spec.member.cluster, took);
    ctx.log.info(`${ref(spec.member)}: done, ${c.EngineVersion ?? "?"} and available after ${formatDuration(took)}`);
    return c;
}

function state(c: DBCluster): string {
    return `status "${c.Status ?? "unknown"}" at version ${c.EngineVersion ?? "unknown"}`;
}

function failed(_ctx: RunContext, spec: WaitSpec, c: DBCluster): UpgradeStopped {
    const m = spec.member;
    return new UpgradeStopped(
        `${ref(m)} reports ${state(c)} while ${spec.doing}. ${spec.untouched ?? "Nothing else was changed."} ` +
            `Look at its events (aws rds describe-events --source-type db-cluster --source-identifier ${m.cluster} --region ${m.region}), ` +
            `fix the cause (or restore the pre-upgrade snapshot), then run the same command again: it resumes from what AWS reports.`,
        m.cluster,
        m.region,
    );
}

function rolledBack(_ctx: RunContext, spec: WaitSpec, c: DBCluster, sawBusy: boolean): UpgradeStopped {
    const m = spec.member;
    const what = sawBusy
        ? "is available again without reaching"
        : `did not start upgrading within ${formatDuration(START_GRACE_MS)} towards`;
    return new UpgradeStopped(
        `${ref(m)} ${what} ${spec.target} (${state(c)}): AWS did not apply the change${sawBusy ? " (rolled back)" : ""}. ${spec.untouched ?? ""} ` +
            `Check its events (aws rds describe-events --source-type db-cluster --source-identifier ${m.cluster} --region ${m.region}) and pending modifications, then run the same command again.`.replace(
                /\s+/g,
                " ",
            ),
        m.cluster,
        m.region,
    );
}

function timeout(ctx: RunContext, spec: WaitSpec, c: DBCluster): UpgradeStopped {
    const m = spec.member;
    return new UpgradeStopped(
        `timed out after ${ctx.timeoutMinutes} minutes (${RUN_FLAGS.timeoutMinutes} ${ctx.timeoutMinutes}) while ${spec.doing}: ${ref(m)} reports ${state(c)}. ` +
            `AWS keeps working on it; run the same command again to resume waiting (it is not modified twice), or raise ${RUN_FLAGS.timeoutMinutes}.`,
        m.cluster,
        m.region,
    );
}
