import type {
    DBCluster,
    DBClusterSnapshot,
    DBInstance,
    FailoverStatus,
    GlobalCluster,
    ResourcePendingMaintenanceActions,
} from "@aws-sdk/client-rds";
import { parameterGroupFamily, parseVersion } from "../../../engine-versions";
import { ClusterState, GlobalClusterState, InstanceState, PendingActionState, SnapshotState } from "../model";
import { SimStore } from "../store";
import { ACCOUNT_ID } from "../topology";
import { clusterStatus } from "../upgrade-rules";

/** DescribeDBClusters' shape of a cluster. */
export function clusterShape(store: SimStore, c: ClusterState): DBCluster {
    return {
        DBClusterIdentifier: c.id,
        DBClusterArn: c.arn,
        Engine: c.engine,
        EngineVersion: store.awsVersion(c.engine, c.version),
        EngineMode: "provisioned",
        Status: clusterStatus(c),
        DBClusterParameterGroup: c.clusterParameterGroup,
        PreferredMaintenanceWindow: c.maintenanceWindow,
        DBClusterMembers: c.instances.map((i) => ({
            DBInstanceIdentifier: i.id,
            IsClusterWriter: i.isWriter,
            DBClusterParameterGroupStatus: i.clusterParameterApplyStatus ?? "in-sync",
            PromotionTier: 1,
        })),
        MultiAZ: c.instances.length > 1,
        StorageEncrypted: true,
        ...(c.kmsKeyId ? { KmsKeyId: c.kmsKeyId } : {}),
        DeletionProtection: c.deletionProtection ?? true,
        AutoMinorVersionUpgrade: false,
        ClusterCreateTime: new Date(c.createdAt),
        Endpoint: `${c.id}.cluster-sim.${c.region}.rds.amazonaws.com`,
        ReaderEndpoint: `${c.id}.cluster-ro-sim.${c.region}.rds.amazonaws.com`,
        Port: c.engine === "aurora-postgresql" ? 5432 : 3306,
        PendingModifiedValues: c.pendingEngineVersion ? { EngineVersion: c.pendingEngineVersion } : undefined,
        // Present only when RDS manages the master password in Secrets Manager (API_DBCluster,
        // MasterUserSecret; the secret is named `rds!cluster-<resource id>`).
        ...(c.managedMasterPassword
            ? {
                  MasterUserSecret: {
                      SecretArn: `arn:aws:secretsmanager:${c.region}:${ACCOUNT_ID}:secret:rds!cluster-${c.id}-AbCdEf`,
                      SecretStatus: "active",
                      KmsKeyId: `arn:aws:kms:${c.region}:${ACCOUNT_ID}:alias/aws/secretsmanager`,
                  },
              }
            : {}),
    };
}

export function globalShape(store: SimStore, g: GlobalClusterState): GlobalCluster {
    const members = store.membersOf(g);
    return {
        GlobalClusterIdentifier: g.id,
        GlobalClusterArn: g.arn,
        GlobalClusterResourceId: `cluster-${g.id}`,
        Status: g.operation ? "upgrading" : "available",
        Engine: g.engine,
        EngineVersion: g.version,
        StorageEncrypted: true,
        DeletionProtection: g.deletionProtection,
        // GlobalCluster.TagList (SDK model 3.1169, API_GlobalCluster): the tags come with the describe.
        TagList: [...(g.tags ?? new Map<string, string>())].map(([Key, Value]) => ({ Key, Value })),
        ...(g.switchover && g.switchover.until > store.now()
            ? {
                  FailoverState: {
                      // API_FailoverState documents `switching-over`; the SDK's FailoverStatus enum lacks it.
                      Status: (g.switchover.kind === "failover" ? "failing-over" : "switching-over") as FailoverStatus,
                      FromDbClusterArn: g.switchover.from,
                      ToDbClusterArn: g.switchover.to,
                      IsDataLossAllowed: g.switchover.dataLoss ?? false,
                  },
              }
            : {}),
        GlobalClusterMembers: members.map((m) => ({
            DBClusterArn: m.arn,
            IsWriter: m.role === "primary",
            Readers: m.role === "primary" ? members.filter((r) => r.role === "secondary").map((r) => r.arn) : [],
            GlobalWriteForwardingStatus: "disabled",
            SynchronizationStatus: m.role === "primary" ? undefined : "connected",
        })),
    };
}

export function instanceShape(store: SimStore, i: InstanceState, cluster: ClusterState, now: number): DBInstance {
    const rebooting = i.rebootingUntil !== undefined && i.rebootingUntil > now;
    return {
        DBInstanceIdentifier: i.id,
        DBInstanceArn: i.arn,
        DBInstanceClass: i.instanceClass,
        DBClusterIdentifier: i.clusterId,
        Engine: cluster.engine,
        EngineVersion: store.awsVersion(cluster.engine, cluster.version),
        DBInstanceStatus: cluster.operation ? "upgrading" : rebooting ? "rebooting" : "available",
        DBParameterGroups: [
            {
                DBParameterGroupName: i.parameterGroup,
                ParameterApplyStatus: rebooting ? "applying" : i.parameterApplyStatus,
            },
        ],
        AvailabilityZone: `${i.region}a`,
        InstanceCreateTime: new Date(i.createdAt),
        AutoMinorVersionUpgrade: false,
        PubliclyAccessible: false,
    };
}

export function snapshotShape(s: SnapshotState, now: number): DBClusterSnapshot {
    const available = s.availableAt <= now;
    const progress = available
        ? 100
        : Math.floor(((now - s.createdAt) / Math.max(1, s.availableAt - s.createdAt)) * 100);
    return {
        DBClusterSnapshotIdentifier: s.id,
        DBClusterSnapshotArn: s.arn,
        DBClusterIdentifier: s.clusterId,
        SnapshotCreateTime: new Date(s.createdAt),
        Engine: s.engine,
        EngineVersion: s.engineVersion,
        Status: available ? "available" : "creating",
        PercentProgress: progress,
        SnapshotType: "manual",
        StorageEncrypted: true,
    };
}

export function pendingActionShape(
    arn: string,
    actions: readonly PendingActionState[],
): ResourcePendingMaintenanceActions {
    return {
        ResourceIdentifier: arn,
        PendingMaintenanceActionDetails: actions.map((a) => ({
            Action: a.action,
            Description: a.description,
            OptInStatus: a.optInStatus,
            CurrentApplyDate: a.currentApplyDate === undefined ? undefined : new Date(a.currentApplyDate),
        })),
    };
}

/** The parameter group family of a cluster's current version. */
export function familyOf(cluster: ClusterState): string {
    return parameterGroupFamily(parseVersion(cluster.engine, cluster.version));
}
