import type { CreateDBClusterSnapshotCommandInput, DescribeDBClusterSnapshotsCommandInput } from "@aws-sdk/client-rds";
import { assertIdentifier, fault, messages } from "../aws-errors";
import { ClusterState, SnapshotState } from "../model";
import { SimStore } from "../store";
import { snapshotArn } from "../topology";
import { assertModifiable } from "../upgrade-rules";
import { handler, Handler } from "./context";
import { snapshotShape } from "./shapes";

/**
 * A cluster snapshot of `cluster` named `id`, `creating` until the simulator's snapshot duration
 * has passed (CreateDBClusterSnapshot, and DeleteDBCluster's final snapshot). The caller has
 * checked that the identifier is free.
 */
export function takeSnapshot(
    store: SimStore,
    region: string,
    id: string,
    cluster: ClusterState,
    now: number,
): SnapshotState {
    const snapshot: SnapshotState = {
        id,
        arn: snapshotArn(region, id),
        region,
        clusterId: cluster.id,
        engine: cluster.engine,
        engineVersion: store.awsVersion(cluster.engine, cluster.version),
        createdAt: now,
        availableAt: now + store.settings.snapshotDurationMs,
        announced: false,
    };
    store.snapshots.set(`${region}/${id}`, snapshot);
    return snapshot;
}

const createDBClusterSnapshot = handler<CreateDBClusterSnapshotCommandInput>(({ store, region, now }, input) => {
    const id =
        input.DBClusterSnapshotIdentifier ??
        fault("InvalidParameterValue", messages.missingParameter("DBClusterSnapshotIdentifier"));
    assertIdentifier("cluster-snapshot", id);
    const cluster = store.cluster(
        region,
        input.DBClusterIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DBClusterIdentifier")),
    );
    if (store.snapshots.has(`${region}/${id}`))
        fault("DBClusterSnapshotAlreadyExistsFault", messages.snapshotExists(id));
    assertModifiable(cluster);
    const snapshot = takeSnapshot(store, region, id, cluster, now);
    store.emit({
        time: now,
        kind: "snapshot-created",
        subject: id,
        region,
        message: `snapshot ${id} of ${cluster.id} creating`,
    });
    return { DBClusterSnapshot: snapshotShape(snapshot, now) };
});

const describeDBClusterSnapshots = handler<DescribeDBClusterSnapshotsCommandInput>(({ store, region, now }, input) => {
    const id = input.DBClusterSnapshotIdentifier;
    const found = [...store.snapshots.values()].filter(
        (s) =>
            s.region === region &&
            (id === undefined || s.id === id) &&
            (input.DBClusterIdentifier === undefined || s.clusterId === input.DBClusterIdentifier),
    );
    if (id !== undefined && found.length === 0) fault("DBClusterSnapshotNotFoundFault", messages.snapshotNotFound(id));
    return { DBClusterSnapshots: found.map((s) => snapshotShape(s, now)) };
});

export const snapshotHandlers: Record<string, Handler> = {
    CreateDBClusterSnapshot: createDBClusterSnapshot,
    DescribeDBClusterSnapshots: describeDBClusterSnapshots,
};
