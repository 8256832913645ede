import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { describeAwsError, isRetryable } from "../../aws/errors";
import { UpgradeStopped } from "../../aws/run-errors";
import { RunContext } from "../execute/context";
import { BASE_POLL_MS, DENSE_POLL_MS } from "../execute/poll-schedule";
import { HEARTBEAT_MS } from "../execute/wait-member";
import { formatDuration } from "../../aws/logger";
import { readDeployment } from "./deployment";
import { membersOfKind } from "./members";

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

/** One line per deployment state: status, then each region's (cluster's) switchover detail and the tasks. */
export function progressLine(d: BlueGreenDeployment): string {
    const regions = membersOfKind(d, "cluster")
        .map((m) => `${(m.source ?? m.target)?.region ?? "?"} ${m.status ?? "?"}`)
        .join(", ");
    const tasks = (d.Tasks ?? []).map((t) => `${t.Name ?? "?"} ${t.Status ?? "?"}`).join(", ");
    return `${d.Status ?? "?"}${regions ? ` [${regions}]` : ""}${tasks ? `; tasks: ${tasks}` : ""}`;
}

/**
 * Polls DescribeBlueGreenDeployments until `done`. A poll still throttled after its retries is no
 * news (polled again); the run's deadline stops the wait with what to do (AWS goes on; a re-run
 * resumes waiting). Prints a line at every change and every 2 minutes.
 */
export async function waitForDeployment(ctx: RunContext, w: DeploymentWait): Promise<BlueGreenDeployment | undefined> {
    const since = ctx.now();
    let last = "";
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
                `timed out after ${ctx.timeoutMinutes} minutes (--timeout-minutes ${ctx.timeoutMinutes}) during the ${w.doing} of blue/green deployment ${w.id} (${last || "status unknown"}). AWS keeps working on it; run the same command again to resume waiting (the deployment is not created twice), or raise --timeout-minutes.`,
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
        if (line !== last || ctx.now() - lastLogAt >= HEARTBEAT_MS) {
            ctx.log.info(`blue/green deployment ${w.id}: ${line} (${w.doing}, ${formatDuration(ctx.now() - since)})`);
            last = line;
            lastLogAt = ctx.now();
        }
        if (w.done(d)) return d;
    }
}
