import type { CreateDBClusterSnapshotCommandInput, DescribeDBClusterSnapshotsCommandInput } from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { SnapshotState } from "../model";
import { snapshotArn } from "../topology";
import { assertModifiable } from "../upgrade-rules";
import { handler, Handler } from "./context";
import { snapshotShape } from "./shapes";

const createDBClusterSnapshot = handler<CreateDBClusterSnapshotCommandInput>(({ store, region, now }, input) => {
    const id =
        input.DBClusterSnapshotIdentifier ??
        fault("InvalidParameterValue", messages.missingParameter("DBClusterSnapshotIdentifier"));
    const cluster = store.cluster(
        region,
        input.DBClusterIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DBClusterIdentifier")),
    );
    if (store.snapshots.has(`${region}/${id}`))
        fault("DBClusterSnapshotAlreadyExistsFault", messages.snapshotExists(id));
    assertModifiable(cluster);
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
