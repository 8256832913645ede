import type { ModifyDBClusterCommandInput } from "@aws-sdk/client-rds";
import { parameterGroupFamily } from "../../../engine-versions";
import { fault, messages } from "../aws-errors";
import { ClusterState } from "../model";
import { startOperation } from "../operations";
import { markPendingReboot } from "../static-parameters";
import { SimStore } from "../store";
import {
    assertGlobalIdle,
    assertHasInstance,
    assertInstanceGroupGiven,
    assertMajorAllowed,
    assertModifiable,
    assertMysqlGlobalMinorInPlace,
    assertReplicasNotLower,
    requestedChange,
} from "../upgrade-rules";
import { handler, HandlerContext } from "./context";
import { clusterShape, familyOf } from "./shapes";

/** ModifyDBCluster: engine version (rolling upgrade of one member) and parameter groups. */
export const modifyDBCluster = handler<ModifyDBClusterCommandInput>((ctx, input) => {
    const { store, region } = ctx;
    if (!input.DBClusterIdentifier) fault("InvalidParameterValue", messages.missingParameter("DBClusterIdentifier"));
    const cluster = store.cluster(region, input.DBClusterIdentifier);
    if (input.DeletionProtection !== undefined) cluster.deletionProtection = input.DeletionProtection;
    if (input.ManageMasterUserPassword !== undefined) manageMasterPassword(cluster, input);
    if (input.EngineVersion !== undefined) {
        changeEngineVersion(ctx, cluster, input);
    } else {
        if (input.DBInstanceParameterGroupName !== undefined)
            fault(
                "InvalidParameterCombination",
                "DBInstanceParameterGroupName is only valid with a major EngineVersion upgrade and AllowMajorVersionUpgrade.",
            );
        if (input.DBClusterParameterGroupName !== undefined) {
            assertModifiable(cluster);
            const group = checkedGroup(store, cluster, "cluster", input.DBClusterParameterGroupName, familyOf(cluster));
            // Another group's static parameters apply at each instance's next reboot (static-parameters.ts).
            if (group !== cluster.clusterParameterGroup) markPendingReboot(cluster);
            cluster.clusterParameterGroup = group;
        }
    }
    return { DBCluster: clusterShape(store, cluster) };
});

function changeEngineVersion(ctx: HandlerContext, cluster: ClusterState, input: ModifyDBClusterCommandInput): void {
    const { store, faults, now } = ctx;
    const global = cluster.globalClusterId === undefined ? undefined : store.globals.get(cluster.globalClusterId);
    assertGlobalIdle(global);
    assertModifiable(cluster);
    const target = input.EngineVersion as string;
    const change = requestedChange(store, cluster.engine, store.awsVersion(cluster.engine, cluster.version), target);
    if (change.kind === "none") return;
    if (change.kind === "major" && global) fault("InvalidParameterCombination", messages.majorOnSingleMember());
    assertMysqlGlobalMinorInPlace(cluster, change, target);
    assertMajorAllowed(change, input.AllowMajorVersionUpgrade);
    const family = parameterGroupFamily(change.to);
    let parameterGroups: { cluster?: string; instance?: string } | undefined;
    if (change.kind === "major") {
        assertInstanceGroupGiven(store, cluster, input.DBInstanceParameterGroupName);
        parameterGroups = {
            cluster:
                input.DBClusterParameterGroupName === undefined
                    ? undefined
                    : checkedGroup(store, cluster, "cluster", input.DBClusterParameterGroupName, family),
            instance:
                input.DBInstanceParameterGroupName === undefined
                    ? undefined
                    : checkedGroup(store, cluster, "instance", input.DBInstanceParameterGroupName, family),
        };
    }
    assertHasInstance(cluster);
    assertReplicasNotLower(store, cluster, change.to);
    if (input.ApplyImmediately !== true) {
        cluster.pendingEngineVersion = target;
        return;
    }
    const to = store.fullVersion(cluster.engine, target);
    startOperation(store, faults, cluster, {
        kind: "upgrade",
        to,
        now,
        major: change.kind === "major",
        parameterGroups,
    });
}

/** The named group, after checking it exists in the cluster's region and has the right family. */
function checkedGroup(
    store: SimStore,
    cluster: ClusterState,
    kind: "cluster" | "instance",
    name: string,
    family: string,
): string {
    const group = store.parameterGroup(cluster.region, kind, name);
    if (!group) {
        if (kind === "cluster")
            fault("DBClusterParameterGroupNotFoundFault", messages.clusterParameterGroupNotFound(name));
        fault("DBParameterGroupNotFoundFault", messages.parameterGroupNotFound(name));
    }
    if (group.family !== family)
        fault("InvalidParameterCombination", messages.parameterGroupFamilyMismatch(name, group.family, family));
    return name;
}

/**
 * ManageMasterUserPassword (API_ModifyDBCluster): turning it on refuses a MasterUserPassword;
 * turning it off needs one (RDS deletes the secret and sets that password). The texts are the
 * simulator's: AWS's own were not found.
 */
function manageMasterPassword(cluster: ClusterState, input: ModifyDBClusterCommandInput): void {
    if (input.ManageMasterUserPassword && input.MasterUserPassword !== undefined)
        fault(
            "InvalidParameterCombination",
            "MasterUserPassword can't be specified when ManageMasterUserPassword is turned on.",
        );
    if (!input.ManageMasterUserPassword && cluster.managedMasterPassword && input.MasterUserPassword === undefined)
        fault(
            "InvalidParameterCombination",
            "MasterUserPassword is required when ManageMasterUserPassword is turned off for a DB cluster whose master user password is managed in AWS Secrets Manager.",
        );
    cluster.managedMasterPassword = input.ManageMasterUserPassword;
}
