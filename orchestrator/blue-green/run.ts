import {
    BlueGreenDeployment,
    DeleteBlueGreenDeploymentCommand,
    SwitchoverBlueGreenDeploymentCommand,
} from "@aws-sdk/client-rds";
import { idFromArn, regionFromArn } from "../../aws/arn";
import { describeAwsError, errorCode } from "../../aws/errors";
import { UpgradeStopped } from "../../aws/run-errors";
import { RunContext } from "../execute/context";
import { readCluster } from "../../aws/topology/reads";
import { MemberTopology } from "../../aws/topology/types";
import { createDeployment, deploymentName, findDeployment } from "./deployment";
import { DEFAULT_SWITCHOVER_TIMEOUT_SECONDS, OldClusters, TAGS } from "../../vocabulary";
import { describeRetired, keepOldClusters, RetiredCluster } from "./retire";
import { deleteOldClusters } from "./retire-delete";
import {
    afterFailedSwitchover,
    deletedBeforeSwitchover,
    invalidConfiguration,
    switchoverReported,
    unknownStatus,
} from "./status-meaning";
import { progressLine, waitForDeployment } from "./wait";
import { BLUE_GREEN_FLAGS } from "../../cli-contract";
import { checkBeforeSwitchover } from "./ready-check";
import { memberKind } from "./members";

export interface BlueGreenOptions {
    readonly target: string;
    readonly switchoverTimeoutSeconds?: number;
    readonly oldClusters?: OldClusters;
    /** Target-family groups for the green clusters (a major upgrade; the user's own when given). */
    readonly clusterParameterGroup?: string;
    readonly instanceParameterGroup?: string;
}

/**
 * Where a run stops: the whole upgrade (`done`), or one of the plan's blue/green steps:
 * `available` (blue-green-create), `switched-over` (blue-green-switchover), `cleaned-up`
 * (blue-green-cleanup: nothing to do without a deployment).
 */
export type BlueGreenPhase = "available" | "switched-over" | "cleaned-up" | "done";

/** What the run did. */
export interface BlueGreenOutcome {
    readonly deploymentId: string;
    readonly name: string;
    /** False when nothing was there to do (no deployment, nothing to upgrade). */
    readonly switchedOver: boolean;
    readonly kept: readonly RetiredCluster[];
    readonly deleted: readonly string[];
    /**
     * The version production ran before the switchover: the old (blue) writer's, as AWS reports it
     * (`Source` of the deployment); undefined when no longer readable.
     */
    readonly from?: string;
}

/**
 * Finds this upgrade's deployment by name in the writer's region; a re-run never creates a second
 * one. Undefined when there is none.
 */
export async function existingDeployment(ctx: RunContext, target: string): Promise<BlueGreenDeployment | undefined> {
    return findDeployment(ctx.api, writerOf(ctx).region, deploymentName(ctx.topology.globalClusterId, target));
}

function writerOf(ctx: RunContext): MemberTopology {
    const writer = ctx.topology.members.find((m) => m.role === "primary");
    if (!writer)
        throw new UpgradeStopped(
            `global cluster "${ctx.topology.globalClusterId}" reports no writer: a blue/green deployment starts from the writer cluster; run again once AWS reports one`,
        );
    return writer;
}

/**
 * The blue/green upgrade, resumable at every phase from what AWS reports:
 * create (unless found) → wait until green is AVAILABLE in every region → check → switchover →
 * wait for SWITCHOVER_COMPLETED → retire the old `-old1` clusters (keep: protected and tagged;
 * delete) → DeleteBlueGreenDeployment. A failed switchover (AWS rolled it back) stops the run
 * with production unchanged.
 */
export async function runBlueGreen(
    ctx: RunContext,
    options: BlueGreenOptions,
    found?: BlueGreenDeployment,
    until: BlueGreenPhase = "done",
): Promise<BlueGreenOutcome> {
    const writer = writerOf(ctx);
    const name = deploymentName(ctx.topology.globalClusterId, options.target);
    const d = found ?? (await findDeployment(ctx.api, writer.region, name));
    if (until === "cleaned-up") {
        const nothingToDo = cleanupWithout(ctx, d, name, options.target);
        if (nothingToDo) return nothingToDo;
    }
    const deployment = d ? announceFound(ctx, d, name) : await create(ctx, writer, name, options);
    return drive(
        {
            ctx,
            writer,
            name,
            id: deployment.BlueGreenDeploymentIdentifier ?? name,
            options,
            timeout: options.switchoverTimeoutSeconds ?? DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
            until,
            switchedThisRun: false,
        },
        deployment,
    );
}

/** One run's course through the deployment's statuses. */
interface Drive {
    readonly ctx: RunContext;
    readonly writer: MemberTopology;
    readonly name: string;
    readonly id: string;
    readonly options: BlueGreenOptions;
    readonly timeout: number;
    readonly until: BlueGreenPhase;
    /** This run asked for the switchover (a failure then is this run's, not an earlier one's). */
    switchedThisRun: boolean;
}

/**
 * The cleanup step without a deployment to clean (none, or already deleting after its
 * switchover): nothing to do. A deployment that has not switched over yet stops the step: the
 * switchover step comes first; one deleted before its switchover stops it too (nothing upgraded).
 */
function cleanupWithout(
    ctx: RunContext,
    d: BlueGreenDeployment | undefined,
    name: string,
    target: string,
): BlueGreenOutcome | undefined {
    if (d?.Status === "DELETING") assertSwitchedOver(ctx, d, target);
    if (!d || d.Status === "DELETING")
        return {
            deploymentId: d?.BlueGreenDeploymentIdentifier ?? "",
            name,
            switchedOver: d !== undefined,
            kept: [],
            deleted: [],
        };
    if (d.Status !== "SWITCHOVER_COMPLETED")
        throw new UpgradeStopped(
            `blue/green deployment ${d.BlueGreenDeploymentIdentifier} is ${d.Status}, not SWITCHOVER_COMPLETED: nothing to clean up yet; run the switchover step first`,
        );
    return undefined;
}

function announceFound(ctx: RunContext, d: BlueGreenDeployment, name: string): BlueGreenDeployment {
    ctx.log.info(
        `blue/green deployment ${d.BlueGreenDeploymentIdentifier} ("${name}") found: ${progressLine(d)}; not created again`,
    );
    return d;
}

/** CreateBlueGreenDeployment from the writer's ARN: a green copy of every region at the target. */
async function create(
    ctx: RunContext,
    writer: MemberTopology,
    name: string,
    options: BlueGreenOptions,
): Promise<BlueGreenDeployment> {
    ctx.log.info(
        `CreateBlueGreenDeployment "${name}" from the writer ${writer.cluster} (${writer.region}) to ${options.target}: a green copy of every region`,
    );
    try {
        return await createDeployment(ctx.api, {
            name,
            globalClusterId: ctx.topology.globalClusterId,
            writer,
            target: options.target,
            clusterParameterGroup: options.clusterParameterGroup,
            instanceParameterGroup: options.instanceParameterGroup,
        });
    } catch (e) {
        throw refused(
            e,
            `CreateBlueGreenDeployment "${name}" from ${writer.cluster} (${writer.region})`,
            "nothing was created",
        );
    }
}

/** Follows the deployment from status to status until the run's phase is reached or it is done. */
async function drive(run: Drive, first: BlueGreenDeployment | undefined): Promise<BlueGreenOutcome> {
    for (let d = first; ;) {
        const stopped = stoppedAt(run, d);
        if (stopped) return stopped;
        if (d?.Status === "SWITCHOVER_COMPLETED") return finish(run.ctx, d, run.options, run.name);
        d = await advance(run, d);
    }
}

/** The outcome when the run stops at this status: its phase reached, or no deployment left. */
function stoppedAt(run: Drive, d: BlueGreenDeployment | undefined): BlueGreenOutcome | undefined {
    const status = d?.Status;
    const reached =
        (run.until === "available" && status !== "PROVISIONING") ||
        (run.until === "switched-over" && status === "SWITCHOVER_COMPLETED");
    if (reached && status !== "INVALID_CONFIGURATION")
        return {
            deploymentId: run.id,
            name: run.name,
            switchedOver: status === "SWITCHOVER_COMPLETED",
            kept: [],
            deleted: [],
        };
    if (d && status === "DELETING") assertSwitchedOver(run.ctx, d, run.options.target);
    if (status === undefined || status === "DELETING")
        return { deploymentId: run.id, name: run.name, switchedOver: d !== undefined, kept: [], deleted: [] };
    return undefined;
}

/**
 * A DELETING deployment ended the upgrade only if it switched over: AWS's SwitchoverDetails say
 * so, or (no detail reported) the writer AWS reported at the start of the run already runs the
 * target. Otherwise it was given up before a switchover: the run stops saying production is unchanged.
 */
function assertSwitchedOver(ctx: RunContext, d: BlueGreenDeployment, target: string): void {
    const reported = switchoverReported(d);
    if (reported === "completed") return;
    if (reported === "unknown" && ctx.atVersion(writerOf(ctx).engineVersion, target)) return;
    throw new UpgradeStopped(
        `blue/green deployment ${d.BlueGreenDeploymentIdentifier} ("${d.BlueGreenDeploymentName}") ${deletedBeforeSwitchover("the same command")}`,
    );
}

/** One move from the deployment's status: wait, switch over, or stop with what the user must do. */
async function advance(run: Drive, d: BlueGreenDeployment | undefined): Promise<BlueGreenDeployment | undefined> {
    const { ctx, id, writer } = run;
    const region = writer.region;
    switch (d?.Status) {
        case "PROVISIONING":
            return waitForDeployment(ctx, {
                region,
                id,
                doing: "green environment provisioning",
                pace: "long",
                done: (x) => x?.Status !== "PROVISIONING",
            });
        case "SWITCHOVER_IN_PROGRESS":
            run.switchedThisRun = true;
            return waitForDeployment(ctx, {
                region,
                id,
                doing: "switchover",
                pace: "short",
                done: (x) => x?.Status !== "SWITCHOVER_IN_PROGRESS",
            });
        case "INVALID_CONFIGURATION":
            throw new UpgradeStopped(
                `blue/green deployment ${id} is ${invalidConfiguration(d, "the same command")}`,
                writer.cluster,
                region,
            );
        case "SWITCHOVER_FAILED":
        case "AVAILABLE":
            if (d.Status === "SWITCHOVER_FAILED") {
                if (run.switchedThisRun) throw await switchoverFailed(ctx, d, writer, run.timeout);
                // AWS rolled everything back and the green environment is still there: try again.
                ctx.log.warn(
                    `blue/green deployment ${id}: the last switchover failed (${d.StatusDetails ?? "no details"}); production was left unchanged; trying again`,
                );
            }
            await checkBeforeSwitchover(ctx, d, run.options.target);
            run.switchedThisRun = true;
            return switchover(ctx, region, id, run.timeout);
        default:
            throw new UpgradeStopped(
                `blue/green deployment ${id} ${unknownStatus(d?.Status)}: nothing more was done; check it in the RDS console and run the same command again`,
            );
    }
}

async function switchover(
    ctx: RunContext,
    region: string,
    id: string,
    timeout: number,
): Promise<BlueGreenDeployment | undefined> {
    ctx.log.info(`SwitchoverBlueGreenDeployment ${id} (timeout ${timeout}s): every region switches together`);
    try {
        const out = await ctx.api.send<{ BlueGreenDeployment?: BlueGreenDeployment }>(
            region,
            new SwitchoverBlueGreenDeploymentCommand({ BlueGreenDeploymentIdentifier: id, SwitchoverTimeout: timeout }),
        );
        return out.BlueGreenDeployment;
    } catch (e) {
        throw refused(e, `SwitchoverBlueGreenDeployment ${id}`, "production is unchanged");
    }
}

async function switchoverFailed(
    ctx: RunContext,
    d: BlueGreenDeployment,
    writer: MemberTopology,
    timeout: number,
): Promise<UpgradeStopped> {
    const id = d.BlueGreenDeploymentIdentifier ?? "?";
    const now = await readCluster(ctx.api, writer.region, writer.cluster);
    return new UpgradeStopped(
        `the switchover of blue/green deployment ${id} failed and AWS rolled it back: ${sentence(d.StatusDetails ?? "no details")} ` +
            `Production is unchanged: writer "${writer.cluster}" (${writer.region}) still runs ${now.EngineVersion ?? "?"} under its own name. ` +
            `The green environment is kept. ${afterFailedSwitchover(d, "the same command", timeout)}`,
        writer.cluster,
        writer.region,
    );
}

async function finish(
    ctx: RunContext,
    d: BlueGreenDeployment,
    options: BlueGreenOptions,
    name: string,
): Promise<BlueGreenOutcome> {
    const id = d.BlueGreenDeploymentIdentifier ?? name;
    const region = regionFromArn(d.Target ?? d.Source ?? "") ?? ctx.topology.homeRegion;
    ctx.log.info(
        `blue/green deployment ${id}: switchover completed; every region runs ${options.target} under its original names`,
    );
    // The green global cluster now bears the name the run lease is on: the lease follows it.
    await ctx.api.resourceRenamed();
    let kept: RetiredCluster[] = [];
    let deleted: string[] = [];
    let from: string | undefined;
    if (options.oldClusters === "delete") {
        from = await blueWriterVersion(ctx, d);
        deleted = await deleteOldClusters(ctx, d);
    } else {
        kept = await keepOldClusters(ctx, d, ctx.topology.globalClusterId);
        from = kept.find((k) => d.Source?.endsWith(`:cluster:${k.cluster}`))?.engineVersion;
        const instances = kept.reduce((n, k) => n + k.instanceClasses.length, 0);
        ctx.log.info(
            `kept the old clusters (deletion protection on, tagged ${TAGS.retiredBy}=${id}): ${kept.map(describeRetired).join("; ")}. ` +
                `They keep running and costing (${kept.length} clusters, ${instances} instances and their storage) until you delete them, or run again with ${BLUE_GREEN_FLAGS.oldClusters} delete.`,
        );
    }
    ctx.log.info(`DeleteBlueGreenDeployment ${id} (the green clusters are production now and stay)`);
    try {
        await ctx.api.send(region, new DeleteBlueGreenDeploymentCommand({ BlueGreenDeploymentIdentifier: id }));
    } catch (e) {
        if (errorCode(e) !== "BlueGreenDeploymentNotFoundFault")
            throw refused(e, `DeleteBlueGreenDeployment ${id}`, "the upgrade itself is done");
    }
    return { deploymentId: id, name, switchedOver: true, kept, deleted, ...(from ? { from } : {}) };
}

/** The old (blue) writer's engine version: the deployment's `Source` cluster, if still there. */
async function blueWriterVersion(ctx: RunContext, d: BlueGreenDeployment): Promise<string | undefined> {
    const source = d.Source;
    const region = source ? regionFromArn(source) : undefined;
    if (!source || !region || memberKind(source) !== "cluster") return undefined;
    try {
        return (await readCluster(ctx.api, region, idFromArn(source))).EngineVersion;
    } catch (e) {
        if (errorCode(e) === "DBClusterNotFoundFault") return undefined;
        throw e;
    }
}

/** The text as one sentence ending with a period. */
function sentence(text: string): string {
    return /[.!?]$/.test(text) ? text : `${text}.`;
}

function refused(e: unknown, doing: string, state: string): Error {
    if (e instanceof UpgradeStopped) return e;
    return new UpgradeStopped(
        `${doing} failed: AWS answered ${sentence(describeAwsError(e))} ${state[0].toUpperCase()}${state.slice(1)}. Fix the cause, then run the same command again: it resumes from what AWS reports.`,
    );
}
