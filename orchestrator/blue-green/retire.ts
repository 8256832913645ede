import {
    AddTagsToResourceCommand,
    BlueGreenDeployment,
    DescribeDBInstancesCommand,
    DescribeDBInstancesCommandOutput,
    ModifyDBClusterCommand,
} from "@aws-sdk/client-rds";
import { UpgradeStopped } from "../../aws/run-errors";
import { RunContext } from "../execute/context";
import { readCluster } from "../../aws/topology/reads";
import { TAG } from "./deployment";
import { membersOfKind, sourceMissing } from "./members";

/** A blue cluster after the switchover (renamed `-old1` by AWS), as kept. */
export interface RetiredCluster {
    readonly cluster: string;
    readonly region: string;
    readonly engineVersion?: string;
    /** Instance classes, one per instance. */
    readonly instanceClasses: readonly string[];
}

/**
 * The blue clusters of a switched-over deployment: the `SourceMember`s whose ARN is a cluster's
 * (AWS renamed them `-old1`; the details also list DB instances and custom endpoints, members.ts),
 * except those AWS reports deleted already (MISSING_SOURCE).
 */
export function oldClusters(
    d: BlueGreenDeployment,
): { readonly cluster: string; readonly region: string; readonly arn: string }[] {
    return membersOfKind(d, "cluster")
        .filter((m) => !sourceMissing(m))
        .map((m) => ({ cluster: m.source!.id, region: m.source!.region, arn: m.source!.arn }));
}

/**
 * Keeps the old clusters: deletion protection on (ModifyDBCluster, when it is off) and tagged as
 * retired by this deployment (AddTagsToResource; the same tags again on a re-run). Returns them
 * with their instance classes for the cost report.
 */
export async function keepOldClusters(
    ctx: RunContext,
    d: BlueGreenDeployment,
    globalClusterId: string,
): Promise<RetiredCluster[]> {
    const kept: RetiredCluster[] = [];
    for (const old of oldClusters(d)) {
        if (!/-old\d+$/.test(old.cluster))
            throw new UpgradeStopped(
                `blue/green deployment ${d.BlueGreenDeploymentIdentifier} reports SWITCHOVER_COMPLETED but its blue cluster "${old.cluster}" (${old.region}) was not renamed with -old1: nothing retired; check the deployment in the RDS console`,
                old.cluster,
                old.region,
            );
        const c = await readCluster(ctx.api, old.region, old.cluster);
        if (c.DeletionProtection !== true) {
            ctx.log.info(`old cluster "${old.cluster}" (${old.region}): deletion protection on`);
            await ctx.api.send(
                old.region,
                new ModifyDBClusterCommand({
                    DBClusterIdentifier: old.cluster,
                    DeletionProtection: true,
                    ApplyImmediately: true,
                }),
            );
        }
        await ctx.api.send(
            old.region,
            new AddTagsToResourceCommand({
                ResourceName: old.arn,
                Tags: [
                    { Key: TAG.retiredBy, Value: d.BlueGreenDeploymentIdentifier ?? "" },
                    { Key: TAG.retiredFrom, Value: globalClusterId },
                    { Key: TAG.retiredAt, Value: new Date(ctx.now()).toISOString() },
                ],
            }),
        );
        const instances = await ctx.api.send<DescribeDBInstancesCommandOutput>(
            old.region,
            new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [old.cluster] }] }),
        );
        kept.push({
            cluster: old.cluster,
            region: old.region,
            engineVersion: c.EngineVersion,
            instanceClasses: (instances.DBInstances ?? []).map((i) => i.DBInstanceClass ?? "?"),
        });
    }
    return kept;
}

/** "app-use1-old1 (us-east-1, 17.4, 2 × db.r6g.large)". */
export function describeRetired(r: RetiredCluster): string {
    const counts = new Map<string, number>();
    for (const c of r.instanceClasses) counts.set(c, (counts.get(c) ?? 0) + 1);
    const classes = [...counts].map(([c, n]) => `${n} × ${c}`).join(", ") || "no instances";
    return `${r.cluster} (${r.region}, ${r.engineVersion ?? "?"}, ${classes})`;
}
