import {
    DBCluster,
    DescribeDBClustersCommand,
    DescribeDBClustersCommandOutput,
    ListTagsForResourceCommand,
} from "@aws-sdk/client-rds";
import { TAG } from "../../../orchestrator/blue-green/deployment";
import { DEFAULT_SWITCHOVER_TIMEOUT_SECONDS } from "../../../vocabulary";
import { SimulatedRds } from "../../simulator";

/** One old (blue) cluster after a switchover, as DescribeDBClusters and ListTagsForResource report it. */
export interface OldCluster {
    readonly cluster: string;
    readonly region: string;
    readonly engineVersion: string;
    readonly deletionProtection: boolean;
    /** The `aurora-global:retired-by-blue-green` tag: the deployment that retired it. */
    readonly retiredBy?: string;
}

/** What a blue/green run left, read from the simulated control plane. */
export interface BlueGreenRunOutcome {
    /** Successful CreateBlueGreenDeployment calls (a re-run finds its deployment: one). */
    readonly deploymentsCreated: number;
    /** Deployments AWS still lists that are not being deleted. */
    readonly deploymentsLeft: number;
    /** `SwitchoverTimeout` of the successful SwitchoverBlueGreenDeployment call. */
    readonly switchoverTimeoutSeconds?: number;
    /** Virtual seconds from the switchover's start to its completion (all regions). */
    readonly switchoverSeconds?: number;
    /** The `<cluster>-old1` clusters that exist, by the members' regions. */
    readonly oldClusters: readonly OldCluster[];
}

/**
 * The blue/green facts of a run: the calls it made, the switchover's duration from the
 * simulator's events and, through the SDK as a user would check, every `-old1` cluster of the
 * members (`members`: cluster identifier and region of each production cluster).
 */
export async function blueGreenOutcome(
    sim: SimulatedRds,
    members: readonly { readonly cluster: string; readonly region: string }[],
): Promise<BlueGreenRunOutcome> {
    const switchover = sim.callsOf("SwitchoverBlueGreenDeployment").find((c) => !c.error);
    const started = sim.eventsOf("switchover-started").at(-1);
    const completed = sim.eventsOf("switchover-completed").at(-1);
    const oldClusters: OldCluster[] = [];
    for (const m of members) {
        const old = await describeCluster(sim, m.region, `${m.cluster}-old1`);
        if (!old) continue;
        const tags = await sim
            .clientFor(m.region)
            .send(new ListTagsForResourceCommand({ ResourceName: old.DBClusterArn }));
        const retiredBy = tags.TagList?.find((t) => t.Key === TAG.retiredBy)?.Value;
        oldClusters.push({
            cluster: old.DBClusterIdentifier ?? "",
            region: m.region,
            engineVersion: old.EngineVersion ?? "",
            deletionProtection: old.DeletionProtection === true,
            ...(retiredBy !== undefined ? { retiredBy } : {}),
        });
    }
    return {
        deploymentsCreated: sim.callsOf("CreateBlueGreenDeployment").filter((c) => !c.error).length,
        deploymentsLeft: sim.blueGreenDeployments().filter((d) => d.Status !== "DELETING").length,
        ...(switchover
            ? {
                  switchoverTimeoutSeconds: Number(
                      switchover.input.SwitchoverTimeout ?? DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
                  ),
              }
            : {}),
        ...(started && completed && completed.time >= started.time
            ? { switchoverSeconds: (completed.time - started.time) / 1000 }
            : {}),
        oldClusters,
    };
}

async function describeCluster(sim: SimulatedRds, region: string, id: string): Promise<DBCluster | undefined> {
    try {
        const out: DescribeDBClustersCommandOutput = await sim
            .clientFor(region)
            .send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
        return out.DBClusters?.[0];
    } catch (e) {
        if ((e as { name?: string }).name === "DBClusterNotFoundFault") return undefined;
        throw e;
    }
}
