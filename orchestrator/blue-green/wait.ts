import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { describeAwsError, isRetryable } from "../../aws/errors";
import { UpgradeStopped } from "../../aws/run-errors";
import { RunContext } from "../execute/context";
import { BASE_POLL_MS, DENSE_POLL_MS } from "../execute/poll-schedule";
import { formatDuration } from "../../aws/logger";
import { readDeployment } from "./deployment";
import { deploymentState, DeploymentState, heartbeatLine, progressLine, stateChanges } from "./progress";

export { progressLine } from "./progress";

/**
 * The longest silence while nothing changes: 5 minutes in a provisioning wait (tens of minutes; a
 * line at every change of a status, a region or a task in between), 30 s in a switchover's.
 */
export const HEARTBEAT_MS = { long: 5 * 60_000, short: 30_000 } as const;
import { RUN_FLAGS } from "../../cli-contract";

/** What one wait is for: provisioning the green environment, or a switchover. */
export interface DeploymentWait {
    readonly region: string;
    readonly id: string;
    /** "green environment provisioning", "switchover". */
    readonly doing: string;
    /** Stop waiting once this holds (the deployment as AWS reports it; undefined once deleted). */
    readonly done: (d: BlueGreenDeployment | undefined) => boolean;
    /**
     * `long`: tens of minutes (provisioning), every 15 s — completion noticed within 15 s, one call
     * per deployment whatever the number of regions. `short`: under a minute (a switchover), every
     * 3 s from the start.
     */
    readonly pace: "long" | "short";
}

/**
 * Polls DescribeBlueGreenDeployments until `done`. A poll still throttled after its retries is no
 * news (polled again); the run's deadline stops the wait with what to do (AWS goes on; a re-run
 * resumes waiting). Prints the whole state at the first poll, then a line naming what changed (a
 * status, a region, a task) at each change, and a one-line heartbeat after {@link HEARTBEAT_MS}
 * without one; every line carries the elapsed time.
 */
export async function waitForDeployment(ctx: RunContext, w: DeploymentWait): Promise<BlueGreenDeployment | undefined> {
    const since = ctx.now();
    let last = "";
    let state: DeploymentState | undefined;
    let lastLogAt = since;
    const interval =
        ctx.options.pollSeconds !== undefined
            ? ctx.options.pollSeconds * 1000
            : w.pace === "long"
              ? BASE_POLL_MS
              : DENSE_POLL_MS;
    for (;;) {
        const delay = interval * Math.max(1, ctx.api.pollSlowdown(w.region));
        if (ctx.now() + delay > ctx.deadline) {
            throw new UpgradeStopped(
                `timed out after ${ctx.timeoutMinutes} minutes (${RUN_FLAGS.timeoutMinutes} ${ctx.timeoutMinutes}) during the ${w.doing} of blue/green deployment ${w.id} (${last || "status unknown"}). AWS keeps working on it; run the same command again to resume waiting (the deployment is not created twice), or raise ${RUN_FLAGS.timeoutMinutes}.`,
            );
        }
        await ctx.sleep(delay);
        let d: BlueGreenDeployment | undefined;
        try {
            d = await readDeployment(ctx.api, w.region, w.id);
        } catch (e) {
            if (!isRetryable(e)) throw e;
            ctx.log.warn(
                `blue/green deployment ${w.id}: DescribeBlueGreenDeployments still ${describeAwsError(e)} after its retries; polling again`,
            );
            continue;
        }
        await ctx.hooks.onPoll?.(w.id, d?.Status ?? "deleted", undefined);
        const line = d ? progressLine(d) : "deleted";
        const news = describeNews(state, d, ctx.now() - lastLogAt >= HEARTBEAT_MS[w.pace]);
        if (news !== undefined) {
            ctx.log.info(`blue/green deployment ${w.id}: ${news} (${w.doing}, ${formatDuration(ctx.now() - since)})`);
            lastLogAt = ctx.now();
        }
        last = line;
        state = deploymentState(d);
        if (w.done(d)) return d;
    }
}

/**
 * What one poll has to say: the whole state the first time, what changed since the last poll, a
 * heartbeat when `heartbeatDue` and nothing changed, else nothing.
 */
function describeNews(
    before: DeploymentState | undefined,
    d: BlueGreenDeployment | undefined,
    heartbeatDue: boolean,
): string | undefined {
    if (!d) return before === undefined || before.size > 0 || heartbeatDue ? "deleted" : undefined;
    if (before === undefined) return progressLine(d);
    const changes = stateChanges(before, deploymentState(d));
    if (changes.length > 0) return changes.join(", ");
    return heartbeatDue ? heartbeatLine(d) : undefined;
}
