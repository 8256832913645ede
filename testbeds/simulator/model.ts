import { Engine } from "../../engine-versions";
import { OptInType } from "../../vocabulary";

/** Cluster statuses the simulator reports (a subset of AWS's, docs/aws-rules.md §3). */
export type ClusterStatus = "available" | "upgrading" | "modifying" | "upgrade_failed" | "creating" | "deleting";

export type MemberRole = "primary" | "secondary" | "standalone";

/** An engine change in flight on one cluster; evaluated lazily against the clock. */
export interface Operation {
    readonly kind: "upgrade" | "patch";
    /** Full versions (PostgreSQL with patch level). */
    readonly from: string;
    readonly to: string;
    readonly startedAt: number;
    endsAt: number;
    /** Ends in `upgrade_failed` (rolling) or, for a global operation, in a rollback. */
    fails: boolean;
    /** Set when the operation is part of a ModifyGlobalCluster. */
    readonly globalOperation?: boolean;
    /** The pending maintenance action it applies. */
    readonly pendingAction?: string;
    /** A major upgrade: parameter groups reset to the new family's defaults when it ends. */
    readonly major?: boolean;
    /** Parameter groups named in ModifyDBCluster for a major upgrade, applied when it ends. */
    readonly parameterGroups?: { readonly cluster?: string; readonly instance?: string };
}

export interface InstanceState {
    /** Mutable: a blue/green switchover renames instances (blue-green.ts). */
    id: string;
    arn: string;
    readonly region: string;
    clusterId: string;
    readonly instanceClass: string;
    isWriter: boolean;
    parameterGroup: string;
    parameterApplyStatus: "in-sync" | "pending-reboot";
    /**
     * DescribeDBClusters `DBClusterMembers[].DBClusterParameterGroupStatus`: `pending-reboot` after
     * a static cluster parameter changed or another cluster group was attached, until the instance
     * reboots (static-parameters.ts); undefined: `in-sync`.
     */
    clusterParameterApplyStatus?: "pending-reboot";
    /** While set and in the future, the instance reports `rebooting`. */
    rebootingUntil?: number;
    readonly createdAt: number;
}

export interface PendingActionState {
    readonly action: string;
    readonly description: string;
    readonly targetVersion?: string;
    readonly durationMs?: number;
    optInStatus?: OptInType;
    currentApplyDate?: number;
}

export interface ClusterState {
    /** Mutable: a blue/green switchover renames clusters (blue-green.ts). */
    id: string;
    arn: string;
    readonly region: string;
    readonly engine: Engine;
    globalClusterId?: string;
    /** Mutable: RemoveFromGlobalCluster makes a member standalone. */
    role: MemberRole;
    /** Full version: PostgreSQL `17.4.5` (EngineVersion shows `17.4`), MySQL its EngineVersion. */
    version: string;
    /** Status when no operation is running. */
    status: ClusterStatus;
    clusterParameterGroup: string;
    /** PreferredMaintenanceWindow (`ddd:hh24:mi-ddd:hh24:mi` UTC); see maintenance-window.ts. */
    maintenanceWindow: string;
    readonly instances: InstanceState[];
    upgradeDurationMs: number;
    pendingActions: PendingActionState[];
    /** EngineVersion requested without ApplyImmediately (PendingModifiedValues). */
    pendingEngineVersion?: string;
    operation?: Operation;
    /** A status forced by a test ({@link SimulatedRds.holdStatus}) until the given time. */
    heldStatus?: { readonly status: ClusterStatus; readonly until: number };
    readonly createdAt: number;
    /** DeletionProtection (ModifyDBCluster); undefined: on, as seeded. */
    deletionProtection?: boolean;
    /** Tags (AddTagsToResource on the cluster ARN). */
    tags?: Map<string, string>;
    /**
     * KmsKeyId of an encrypted cluster (CreateDBCluster's, else the region's `aws/rds` key). A
     * blue/green green copy is a clone of the blue volume: the same key.
     */
    kmsKeyId?: string;
    /** The master password is managed in Secrets Manager (ManageMasterUserPassword; ModifyDBCluster turns it off). */
    managedMasterPassword?: boolean;
    /** Custom endpoints (objects: a blue/green switchover renames them in place). */
    customEndpoints?: { name: string }[];
}

export interface GlobalOperation {
    readonly kind: "managed-minor" | "major";
    readonly from: string;
    readonly to: string;
    readonly startedAt: number;
    readonly endsAt: number;
    readonly fails: boolean;
}

export interface GlobalClusterState {
    /** Mutable: a blue/green switchover renames global clusters (blue-green.ts). */
    id: string;
    arn: string;
    readonly engine: Engine;
    /** AWS's EngineVersion (PostgreSQL without patch level). */
    version: string;
    /** Member cluster ARNs, primary first. */
    members: string[];
    operation?: GlobalOperation;
    /** A SwitchoverGlobalCluster or FailoverGlobalCluster in progress (DescribeGlobalClusters' FailoverState until `until`). */
    switchover?: {
        readonly from: string;
        readonly to: string;
        readonly until: number;
        readonly kind?: "switchover" | "failover";
        readonly dataLoss?: boolean;
    };
    deletionProtection: boolean;
    readonly createdAt: number;
    /** Tags (CreateGlobalCluster Tags, AddTagsToResource on the global cluster's ARN); absent until one is set. */
    tags?: Map<string, string>;
    /**
     * Members whose RemoveFromGlobalCluster has been accepted but has not taken effect yet (ARN →
     * when it does): still listed, still refusing DeleteGlobalCluster (commands/delete.ts).
     */
    leaving?: Map<string, number>;
}

export interface SnapshotState {
    readonly id: string;
    readonly arn: string;
    readonly region: string;
    readonly clusterId: string;
    readonly engine: Engine;
    readonly engineVersion: string;
    readonly createdAt: number;
    readonly availableAt: number;
    announced: boolean;
}

export interface ParameterGroupState {
    readonly name: string;
    readonly family: string;
    readonly description: string;
    readonly kind: "cluster" | "instance";
    readonly isDefault: boolean;
    readonly parameters: Map<string, string>;
    /** Tags (CreateDB*ParameterGroup Tags, AddTagsToResource); absent until one is set. */
    tags?: Map<string, string>;
}

/**
 * Statuses of a blue/green deployment (API reference, `BlueGreenDeployment.Status`; the SDK's
 * `@aws-sdk/client-rds` model documents the same values).
 */
export type BlueGreenStatus =
    | "PROVISIONING"
    | "AVAILABLE"
    | "SWITCHOVER_IN_PROGRESS"
    | "SWITCHOVER_COMPLETED"
    | "INVALID_CONFIGURATION"
    | "SWITCHOVER_FAILED"
    | "DELETING";

/** One blue cluster and its green copy (one per region of the global database). */
export interface BlueGreenPair {
    readonly blue: ClusterState;
    readonly green: ClusterState;
    /** Each blue instance and its green copy (the objects: renames keep them; a deleted one leaves its cluster). */
    readonly instances: readonly { readonly blue: InstanceState; readonly green: InstanceState }[];
    /** Each blue custom endpoint and its green copy. */
    readonly endpoints: readonly { readonly blue: { name: string }; readonly green: { name: string } }[];
    /** The green copy's storage clone and instances exist from then on (then it upgrades). */
    readonly clonedAt: number;
    /** The green copy runs the target version and is available from then on. */
    readonly readyAt: number;
    /** Its green upgrade was started (lazily, at `clonedAt`). */
    upgradeStarted: boolean;
}

/** A switchover in flight or done: AWS's guardrails, then every region together (blue-green.ts). */
export interface SwitchoverState {
    readonly startedAt: number;
    readonly timeoutMs: number;
    /** When the run ends: completed, or failed and rolled back. */
    readonly endsAt: number;
    readonly outcome: "completed" | "timed-out" | "guardrail";
    /** Writes are stopped on blue (endpoints unreachable) from then until `endsAt` (completed only). */
    readonly downtimeFrom: number;
    readonly detail?: string;
    settled: boolean;
}

export interface BlueGreenState {
    /** `bgd-` and 16 lowercase letters and digits. */
    readonly id: string;
    readonly name: string;
    /** The region it was created in (the writer's). */
    readonly region: string;
    readonly createdAt: number;
    readonly tags: Map<string, string>;
    /** Full target version (PostgreSQL with its patch level). */
    readonly targetVersion: string;
    /**
     * Blue and green member clusters in the global cluster's member order: the writer is not
     * necessarily first (after a global switchover it is not). `Source`/`Target` are the writer's pair.
     */
    readonly pairs: readonly BlueGreenPair[];
    /** The pair of the writer the deployment was created from (its `Source`). */
    readonly sourcePair: BlueGreenPair;
    readonly blueGlobal?: GlobalClusterState;
    readonly greenGlobal?: GlobalClusterState;
    status: BlueGreenStatus;
    statusDetails?: string;
    /** When every green copy was ready (AVAILABLE announced). */
    availableAt?: number;
    switchover?: SwitchoverState;
    /** DELETING until then, then the deployment is gone. */
    deletingUntil?: number;
    deleteTarget?: boolean;
}

/**
 * An RDS Proxy (DescribeDBProxies) and the Aurora clusters of its default target group
 * (DescribeDBProxyTargets): one `TRACKED_CLUSTER` target per cluster, one `RDS_INSTANCE` per
 * instance. Targets are cluster identifiers in the proxy's region.
 */
export interface ProxyState {
    readonly name: string;
    readonly arn: string;
    readonly region: string;
    /** `MYSQL` (Aurora MySQL) or `POSTGRESQL` (Aurora PostgreSQL). */
    readonly engineFamily: "MYSQL" | "POSTGRESQL";
    readonly targets: string[];
    readonly createdAt: number;
}
