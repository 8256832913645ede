import {
    BlueGreenDeployment,
    DBCluster,
    DeleteDBClusterCommand,
    DeleteDBInstanceCommand,
    DeleteGlobalClusterCommand,
    DescribeDBClustersCommand,
    DescribeDBClustersCommandOutput,
    DescribeGlobalClustersCommand,
    DescribeGlobalClustersCommandOutput,
    GlobalCluster,
    ModifyDBClusterCommand,
    ModifyGlobalClusterCommand,
    RemoveFromGlobalClusterCommand,
} from "@aws-sdk/client-rds";
import { regionFromArn } from "../../aws/arn";
import { describeAwsError, errorCode, isNotFound } from "../../aws/errors";
import { everyPage } from "../../aws/pages";
import { UpgradeStopped } from "../../aws/run-errors";
import { RunContext } from "../execute/context";
import { resourceIdentifier } from "../../aws/identifiers";
import { oldClusters } from "./retire";

type OldCluster = ReturnType<typeof oldClusters>[number];

/**
 * AWS's consistency when a global cluster is taken apart, as terraform-provider-aws handles it
 * (internal/service/rds/global_cluster.go, resourceGlobalClusterDelete): each RemoveFromGlobalCluster
 * is waited for until DescribeGlobalClusters no longer lists the member (waitForGlobalClusterRemoval),
 * the writer is removed last, and DeleteGlobalCluster is retried for up to 5 minutes while AWS answers
 * `InvalidGlobalClusterStateFault ... is not empty` ("Allow for eventual consistency").
 */
export const REMOVAL_POLL_MS = 10_000;
export const REMOVAL_TIMEOUT_MS = 15 * 60_000;
export const DELETE_GLOBAL_RETRY_MS = 5 * 60_000;

/**
 * `--old-clusters delete`: the old `-old1` global cluster and its clusters go, writer last, with a
 * final snapshot of the old writer. The old writer is AWS's: `IsWriter` of the old global cluster,
 * or (once that is gone, on a re-run) the deployment's `Source` (the blue writer, renamed `-old1`),
 * never the order of a list. Each step first reads what is left, so a re-run continues where an
 * interrupted one stopped: deletion protection off → secondaries removed from the old global
 * cluster, each removal waited for → the writer likewise → DeleteGlobalCluster (retried while "is
 * not empty") → per cluster, secondaries first: its instances, then DeleteDBCluster.
 */
export async function deleteOldClusters(ctx: RunContext, d: BlueGreenDeployment): Promise<string[]> {
    const olds = oldClusters(d);
    if (olds.length === 0) return [];
    const global = await globalOf(
        ctx,
        olds[0].region,
        olds.map((o) => o.arn),
    );
    const writerArn = global?.GlobalClusterMembers?.find((m) => m.IsWriter)?.DBClusterArn ?? d.Source;
    const writer = olds.find((o) => o.arn === writerArn);
    if (!writer)
        throw new UpgradeStopped(
            `the old writer of blue/green deployment ${d.BlueGreenDeploymentIdentifier} is not among its old clusters (${olds.map((o) => o.cluster).join(", ")}): AWS reports ${writerArn ?? "none"}; nothing was deleted. Check the old clusters in the RDS console`,
        );
    if (global?.GlobalClusterIdentifier) await deleteOldGlobalCluster(ctx, global, writer);
    const deleted: string[] = [];
    for (const old of [...olds.filter((o) => o !== writer), writer]) {
        if (await deleteOldCluster(ctx, old, old === writer)) deleted.push(`${old.cluster} (${old.region})`);
    }
    ctx.log.info(`deleted the old clusters: ${deleted.join(", ") || "none left"}`);
    return deleted;
}

/** The old global cluster: deletion protection off, every member removed (writer last, each waited for), then deleted. */
async function deleteOldGlobalCluster(ctx: RunContext, global: GlobalCluster, writer: OldCluster): Promise<void> {
    const gid = global.GlobalClusterIdentifier!;
    const region = writer.region;
    if (global.DeletionProtection) {
        ctx.log.info(`old global cluster "${gid}": deletion protection off`);
        await ctx.api.send(
            region,
            new ModifyGlobalClusterCommand({ GlobalClusterIdentifier: gid, DeletionProtection: false }),
        );
    }
    const members = (global.GlobalClusterMembers ?? []).map((m) => m.DBClusterArn ?? "").filter((a) => a);
    for (const arn of [...members.filter((a) => a !== writer.arn), ...members.filter((a) => a === writer.arn)]) {
        ctx.log.info(`old global cluster "${gid}": RemoveFromGlobalCluster ${arn}`);
        try {
            // Sent from the member's own region, as the aws-cli example does (remove-from-global-cluster.rst).
            await ctx.api.send(
                regionFromArn(arn) ?? region,
                new RemoveFromGlobalClusterCommand({ GlobalClusterIdentifier: gid, DbClusterIdentifier: arn }),
            );
        } catch (e) {
            // Removed already (an interrupted run): terraform-provider-aws ignores "is not found in global cluster".
            if (errorCode(e) !== "InvalidParameterValue") throw e;
        }
        await waitForRemoval(ctx, region, gid, arn);
    }
    await deleteGlobalWhenEmpty(ctx, region, gid);
}

/** Polls the old global cluster until AWS no longer lists `arn` as its member. */
async function waitForRemoval(ctx: RunContext, region: string, gid: string, arn: string): Promise<void> {
    const until = ctx.now() + REMOVAL_TIMEOUT_MS;
    for (;;) {
        const g = await globalById(ctx, region, gid);
        if (!(g?.GlobalClusterMembers ?? []).some((m) => m.DBClusterArn === arn)) return;
        if (ctx.now() >= until)
            throw new UpgradeStopped(
                `old global cluster "${gid}" still lists ${arn} ${REMOVAL_TIMEOUT_MS / 60_000} minutes after RemoveFromGlobalCluster: the new production is not affected; run the same command again to continue the cleanup`,
            );
        await ctx.sleep(REMOVAL_POLL_MS);
    }
}

/** DeleteGlobalCluster, retried while AWS still answers "is not empty" (eventual consistency). */
async function deleteGlobalWhenEmpty(ctx: RunContext, region: string, gid: string): Promise<void> {
    const until = ctx.now() + DELETE_GLOBAL_RETRY_MS;
    ctx.log.info(`DeleteGlobalCluster "${gid}"`);
    for (;;) {
        try {
            await ctx.api.send(region, new DeleteGlobalClusterCommand({ GlobalClusterIdentifier: gid }));
            return;
        } catch (e) {
            if (errorCode(e) === "GlobalClusterNotFoundFault") return;
            const notEmpty =
                errorCode(e) === "InvalidGlobalClusterStateFault" && /is not empty/i.test(describeAwsError(e));
            if (!notEmpty || ctx.now() >= until) throw e;
            ctx.log.info(`DeleteGlobalCluster "${gid}": AWS still reports it not empty; trying again`);
            await ctx.sleep(REMOVAL_POLL_MS);
        }
    }
}

/**
 * One old cluster, if it is still there: deletion protection off, its instances, then the cluster
 * (the old writer with a final snapshot). False when it was gone already.
 */
async function deleteOldCluster(ctx: RunContext, old: OldCluster, final: boolean): Promise<boolean> {
    const c = await clusterIfExists(ctx, old.region, old.cluster);
    if (!c) return false;
    if (c.DeletionProtection !== false)
        await ctx.api.send(
            old.region,
            new ModifyDBClusterCommand({
                DBClusterIdentifier: old.cluster,
                DeletionProtection: false,
                ApplyImmediately: true,
            }),
        );
    for (const member of c.DBClusterMembers ?? []) {
        try {
            await ctx.api.send(
                old.region,
                new DeleteDBInstanceCommand({ DBInstanceIdentifier: member.DBInstanceIdentifier }),
            );
        } catch (e) {
            if (!isNotFound(e)) throw e;
        }
    }
    const snapshot = resourceIdentifier("final-snapshot", old.cluster, "final");
    ctx.log.info(`DeleteDBCluster "${old.cluster}" (${old.region})${final ? `, final snapshot "${snapshot}"` : ""}`);
    await ctx.api.send(
        old.region,
        new DeleteDBClusterCommand({
            DBClusterIdentifier: old.cluster,
            ...(final ? { FinalDBSnapshotIdentifier: snapshot } : { SkipFinalSnapshot: true }),
        }),
    );
    return true;
}

/** The old global cluster holding any of `arns` (every page of DescribeGlobalClusters). */
async function globalOf(ctx: RunContext, region: string, arns: readonly string[]): Promise<GlobalCluster | undefined> {
    const all = await everyPage<DescribeGlobalClustersCommandOutput, GlobalCluster>(
        ctx.api,
        region,
        (Marker) => new DescribeGlobalClustersCommand({ Marker }),
        (page) => page.GlobalClusters,
    );
    return all.find((g) => (g.GlobalClusterMembers ?? []).some((m) => arns.includes(m.DBClusterArn ?? "")));
}

async function globalById(ctx: RunContext, region: string, gid: string): Promise<GlobalCluster | undefined> {
    try {
        const out = await ctx.api.send<DescribeGlobalClustersCommandOutput>(
            region,
            new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: gid }),
        );
        return out.GlobalClusters?.[0];
    } catch (e) {
        if (errorCode(e) === "GlobalClusterNotFoundFault") return undefined;
        throw e;
    }
}

async function clusterIfExists(ctx: RunContext, region: string, id: string): Promise<DBCluster | undefined> {
    try {
        const out = await ctx.api.send<DescribeDBClustersCommandOutput>(
            region,
            new DescribeDBClustersCommand({ DBClusterIdentifier: id }),
        );
        return out.DBClusters?.[0];
    } catch (e) {
        if (errorCode(e) === "DBClusterNotFoundFault" || isNotFound(e)) return undefined;
        throw e;
    }
}
