import { ClusterState } from "./model";
import { SimStore } from "./store";

/**
 * Cluster parameters the simulator treats as static (`ApplyType: static` in
 * DescribeDBClusterParameters): a change applies at the next reboot of each instance, which
 * reports `DBClusterParameterGroupStatus: pending-reboot` until then. Aurora's user guide asks for
 * a reboot after turning on `binlog_format` or `rds.logical_replication` ("Preparing for a
 * blue/green deployment": "Blue/green deployments require the writer instance to be in sync with
 * the DB cluster parameter group, otherwise creation fails"; docs/aws-rules.md §8); the PostgreSQL
 * replication sizes and `lower_case_table_names` are static in PostgreSQL and MySQL themselves.
 * Every other parameter is dynamic here (applies at once).
 */
export const STATIC_CLUSTER_PARAMETERS: ReadonlySet<string> = new Set([
    "binlog_format",
    "rds.logical_replication",
    "max_replication_slots",
    "max_logical_replication_workers",
    "max_worker_processes",
    "max_wal_senders",
    "lower_case_table_names",
]);

export function applyTypeOf(parameter: string): "static" | "dynamic" {
    return STATIC_CLUSTER_PARAMETERS.has(parameter) ? "static" : "dynamic";
}

/** Every instance of a cluster now waits for a reboot to apply its cluster parameter group. */
export function markPendingReboot(cluster: ClusterState): void {
    for (const instance of cluster.instances) instance.clusterParameterApplyStatus = "pending-reboot";
}

/** A static parameter of cluster group `group` changed in `region`: every cluster on it waits for a reboot. */
export function staticParameterChanged(store: SimStore, region: string, group: string): void {
    for (const cluster of store.clusters.values())
        if (cluster.region === region && cluster.clusterParameterGroup === group) markPendingReboot(cluster);
}
