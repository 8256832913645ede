import { DBCluster } from "@aws-sdk/client-rds";
import { Engine } from "../../engine-versions";
import { BLUE_GREEN_REPLICATION_PARAMETER, replicationGap } from "../../vocabulary";
import { RdsGateway } from "../gateway";
import { isDefaultGroup, userClusterParameters } from "./facts";
import { MemberTopology } from "./types";

/** The writer instance of a cluster and its `DBClusterParameterGroupStatus`, as DescribeDBClusters reports them. */
export function writerInstanceOf(c: Pick<DBCluster, "DBClusterMembers">): MemberTopology["writerInstance"] {
    const writer = (c.DBClusterMembers ?? []).find((i) => i.IsClusterWriter === true && i.DBInstanceIdentifier);
    if (!writer) return undefined;
    return {
        id: writer.DBInstanceIdentifier!,
        ...(writer.DBClusterParameterGroupStatus
            ? { clusterParameterGroupStatus: writer.DBClusterParameterGroupStatus }
            : {}),
    };
}

/**
 * What keeps the writer from a Blue/Green Deployment's replication (docs/aws-rules.md §8): AWS's
 * default cluster group, the engine's replication parameter off in its custom group
 * (DescribeDBClusterParameters `Source=user`, read here unless `params` were read already), the
 * writer instance `pending-reboot`. Only the writer is asked: CreateBlueGreenDeployment starts
 * from it. Undefined when nothing is missing, or for a secondary.
 */
export async function writerReplicationFacts(
    api: RdsGateway,
    engine: Engine,
    m: MemberTopology,
    params?: ReadonlyMap<string, string>,
): Promise<Pick<MemberTopology, "replicationGap" | "blueGreenLimits">> {
    if (m.role !== "primary" || m.clusterParameterGroup === undefined) return {};
    const group = m.clusterParameterGroup;
    const name = BLUE_GREEN_REPLICATION_PARAMETER[engine].name;
    const value = isDefaultGroup(group)
        ? undefined
        : (params ?? (await userClusterParameters(api, m.region, group))).get(name);
    const gap = replicationGap({
        engine,
        group,
        value,
        ...(m.writerInstance
            ? {
                  writerInstance: m.writerInstance.id,
                  ...(m.writerInstance.clusterParameterGroupStatus
                      ? { writerStatus: m.writerInstance.clusterParameterGroupStatus }
                      : {}),
              }
            : {}),
    });
    if (!gap) return {};
    return { replicationGap: gap, blueGreenLimits: [...(m.blueGreenLimits ?? []), gap.kind] };
}
