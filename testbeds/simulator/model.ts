import { Engine } from "../../engine-versions";
import { OptInType } from "../../vocabulary";

/** Cluster statuses the simulator reports (a subset of AWS's, AURORA-FACTS §3). */
export type ClusterStatus = "available" | "upgrading" | "modifying" | "upgrade_failed";

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
    readonly id: string;
    readonly arn: string;
    readonly region: string;
    readonly clusterId: string;
    readonly instanceClass: string;
    readonly isWriter: boolean;
    parameterGroup: string;
    parameterApplyStatus: "in-sync" | "pending-reboot";
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
    readonly id: string;
    readonly arn: string;
    readonly region: string;
    readonly engine: Engine;
    readonly globalClusterId?: string;
    readonly role: MemberRole;
    /** Full version: PostgreSQL `17.4.5` (EngineVersion shows `17.4`), MySQL its EngineVersion. */
    version: string;
    /** Status when no operation is running. */
    status: ClusterStatus;
    clusterParameterGroup: string;
    readonly instances: InstanceState[];
    upgradeDurationMs: number;
    pendingActions: PendingActionState[];
    /** EngineVersion requested without ApplyImmediately (PendingModifiedValues). */
    pendingEngineVersion?: string;
    operation?: Operation;
    /** A status forced by a test ({@link SimulatedRds.holdStatus}) until the given time. */
    heldStatus?: { readonly status: ClusterStatus; readonly until: number };
    readonly createdAt: number;
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
    readonly id: string;
    readonly arn: string;
    readonly engine: Engine;
    /** AWS's EngineVersion (PostgreSQL without patch level). */
    version: string;
    /** Member cluster identifiers, primary first. */
    readonly members: string[];
    operation?: GlobalOperation;
    deletionProtection: boolean;
    readonly createdAt: number;
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
