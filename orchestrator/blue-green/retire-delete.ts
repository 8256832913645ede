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
import { errorCode, isNotFound } from "../../aws/errors";
import { RunContext } from "../execute/context";
import { oldClusters } from "./retire";

type OldCluster = ReturnType<typeof oldClusters>[number];

/**
 * `--old-clusters delete`: the old `-old1` global cluster and its clusters go, writer last, with
 * a final snapshot of the old writer (`<id>-final`). Each step first reads what is left, so a
 * re-run continues where an interrupted one stopped:
 * deletion protection off → every member removed from the old global cluster (RemoveFromGlobalCluster,
 * secondaries first) → DeleteGlobalCluster → per cluster: its instances (DeleteDBInstance), then
 * DeleteDBCluster. AWS refuses to delete a protected cluster, one with instances, or one still in
 * a global cluster, in that order of checks.
 */
export async function deleteOldClusters(ctx: RunContext, d: BlueGreenDeployment): Promise<string[]> {
    const olds = oldClusters(d);
    if (olds.length === 0) return [];
    const writer = olds[0];
    const global = await globalOf(
        ctx,
        writer.region,
        olds.map((o) => o.arn),
    );
    if (global?.GlobalClusterIdentifier) await deleteOldGlobalCluster(ctx, global, writer.region);
    const deleted: string[] = [];
    for (const old of [...olds.slice(1), writer]) {
        if (await deleteOldCluster(ctx, old, old === writer)) deleted.push(`${old.cluster} (${old.region})`);
    }
    ctx.log.info(`deleted the old clusters: ${deleted.join(", ") || "none left"}`);
    return deleted;
}

/** The old global cluster: deletion protection off, every member removed (writer last), then deleted. */
async function deleteOldGlobalCluster(ctx: RunContext, global: GlobalCluster, region: string): Promise<void> {
    const gid = global.GlobalClusterIdentifier;
    if (global.DeletionProtection) {
        ctx.log.info(`old global cluster "${gid}": deletion protection off`);
        await ctx.api.send(
            region,
            new ModifyGlobalClusterCommand({ GlobalClusterIdentifier: gid, DeletionProtection: false }),
        );
    }
    const members = [...(global.GlobalClusterMembers ?? [])].sort((a, b) => Number(a.IsWriter) - Number(b.IsWriter));
    for (const m of members) {
        ctx.log.info(`old global cluster "${gid}": RemoveFromGlobalCluster ${m.DBClusterArn}`);
        await ctx.api.send(
            region,
            new RemoveFromGlobalClusterCommand({
                GlobalClusterIdentifier: gid,
                DbClusterIdentifier: m.DBClusterArn,
            }),
        );
    }
    ctx.log.info(`DeleteGlobalCluster "${gid}"`);
    await ctx.api.send(region, new DeleteGlobalClusterCommand({ GlobalClusterIdentifier: gid }));
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
    ctx.log.info(
        `DeleteDBCluster "${old.cluster}" (${old.region})${final ? `, final snapshot "${old.cluster}-final"` : ""}`,
    );
    await ctx.api.send(
        old.region,
        new DeleteDBClusterCommand({
            DBClusterIdentifier: old.cluster,
            ...(final ? { FinalDBSnapshotIdentifier: `${old.cluster}-final` } : { SkipFinalSnapshot: true }),
        }),
    );
    return true;
}

async function globalOf(ctx: RunContext, region: string, arns: readonly string[]): Promise<GlobalCluster | undefined> {
    const out = await ctx.api.send<DescribeGlobalClustersCommandOutput>(region, new DescribeGlobalClustersCommand({}));
    return (out.GlobalClusters ?? []).find((g) =>
        (g.GlobalClusterMembers ?? []).some((m) => arns.includes(m.DBClusterArn ?? "")),
    );
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
