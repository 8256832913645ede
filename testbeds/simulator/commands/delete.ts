import type {
    DeleteDBClusterCommandInput,
    DeleteDBInstanceCommandInput,
    DeleteGlobalClusterCommandInput,
    RemoveFromGlobalClusterCommandInput,
} from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { idFromArnOrId } from "../topology";
import { GLOBAL_REMOVAL_LAG_MS } from "../global-removal";
import { handler, Handler } from "./context";
import { takeSnapshot } from "./snapshots";
import { clusterShape, globalShape } from "./shapes";

/**
 * Retiring clusters (what `aurora-global upgrade --strategy blue-green --old-clusters delete` does
 * with the `-old1` clusters). Deletions take effect at once here (AWS shows `deleting` for
 * minutes); the refusals are AWS's: deletion protection, instances left, membership of a global
 * cluster, a global cluster with members.
 */
const deleteDBInstance = handler<DeleteDBInstanceCommandInput>(({ store, region, now }, input) => {
    const id = idFromArnOrId(
        input.DBInstanceIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DBInstanceIdentifier")),
    );
    const cluster = [...store.clusters.values()].find(
        (c) => c.region === region && c.instances.some((i) => i.id === id),
    );
    if (!cluster) return fault("DBInstanceNotFoundFault", messages.instanceNotFound(id));
    const index = cluster.instances.findIndex((i) => i.id === id);
    const [instance] = cluster.instances.splice(index, 1);
    store.emit({ time: now, kind: "instance-deleted", subject: id, region, message: `instance ${id} deleted` });
    return {
        DBInstance: { DBInstanceIdentifier: instance.id, DBInstanceArn: instance.arn, DBInstanceStatus: "deleting" },
    };
});

const deleteDBCluster = handler<DeleteDBClusterCommandInput>(({ store, region, now }, input) => {
    const cluster = store.cluster(
        region,
        input.DBClusterIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DBClusterIdentifier")),
    );
    if (cluster.deletionProtection !== false) fault("InvalidParameterCombination", messages.protectedCluster());
    if (cluster.globalClusterId !== undefined) fault("InvalidDBClusterStateFault", messages.clusterInGlobal());
    if (cluster.instances.length > 0) fault("InvalidDBClusterStateFault", messages.clusterHasInstances());
    if (input.SkipFinalSnapshot !== true) {
        const id = input.FinalDBSnapshotIdentifier ?? fault("InvalidParameterValue", messages.finalSnapshotRequired());
        // The SDK model allows 255 here; aurora-global keeps to 63 (aws/identifiers.ts), the simulator to the model.
        if (id.length > 255)
            fault("InvalidParameterValue", messages.invalidIdentifier("FinalDBSnapshotIdentifier", 255));
        if (store.snapshots.has(`${region}/${id}`))
            fault("DBClusterSnapshotAlreadyExistsFault", messages.snapshotExists(id));
        takeSnapshot(store, region, id, cluster, now);
    }
    const shape = { ...clusterShape(store, cluster), Status: "deleting" };
    store.removeCluster(cluster);
    store.emit({
        time: now,
        kind: "cluster-deleted",
        subject: cluster.id,
        region,
        message: `cluster ${cluster.id} deleted`,
    });
    return { DBCluster: shape };
});

const removeFromGlobalCluster = handler<RemoveFromGlobalClusterCommandInput>(({ store, now }, input) => {
    const global = store.global(
        input.GlobalClusterIdentifier ??
            fault("InvalidParameterValue", messages.missingParameter("GlobalClusterIdentifier")),
    );
    const arn =
        input.DbClusterIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DbClusterIdentifier"));
    const cluster = store.clusterByArn(arn);
    if (!cluster || !global.members.includes(cluster.arn))
        return fault("InvalidParameterValue", messages.notAGlobalMember(arn, global.id));
    global.leaving ??= new Map();
    if (!global.leaving.has(cluster.arn)) global.leaving.set(cluster.arn, now + GLOBAL_REMOVAL_LAG_MS);
    return { GlobalCluster: globalShape(store, global) };
});

const deleteGlobalCluster = handler<DeleteGlobalClusterCommandInput>(({ store, now }, input) => {
    const global = store.global(
        input.GlobalClusterIdentifier ??
            fault("InvalidParameterValue", messages.missingParameter("GlobalClusterIdentifier")),
    );
    if (global.deletionProtection) fault("InvalidParameterCombination", messages.protectedGlobalCluster());
    if (global.members.length > 0) fault("InvalidGlobalClusterStateFault", messages.globalNotEmpty(global.arn));
    const shape = { ...globalShape(store, global), Status: "deleting" };
    store.globals.delete(global.id);
    store.emit({
        time: now,
        kind: "global-deleted",
        subject: global.id,
        message: `global cluster ${global.id} deleted`,
    });
    return { GlobalCluster: shape };
});

export const deleteHandlers: Record<string, Handler> = {
    DeleteDBInstance: deleteDBInstance,
    DeleteDBCluster: deleteDBCluster,
    RemoveFromGlobalCluster: removeFromGlobalCluster,
    DeleteGlobalCluster: deleteGlobalCluster,
};
