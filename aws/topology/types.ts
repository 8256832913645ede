import { Engine } from "../../engine-versions";
import { EngineCatalogue, MajorLifecycle, PendingAction, Role } from "../../planner";
import { BlueGreenLimit, QuotaShortfall, ReplicationGap } from "../../vocabulary";

/** One member cluster as AWS reports it. */
export interface MemberTopology {
    /** DB cluster identifier (not the ARN: the identifier works in the member's own region). */
    readonly cluster: string;
    readonly arn: string;
    /** The member's own region, from its ARN. */
    readonly region: string;
    /** From `IsWriter` of DescribeGlobalClusters. */
    readonly role: Role;
    /** DescribeDBClusters `Status` (available, upgrading, upgrade_failed, …). */
    readonly status: string;
    /** DescribeDBClusters `EngineVersion` (PostgreSQL without the patch level). */
    readonly engineVersion?: string;
    readonly instanceIds: readonly string[];
    readonly clusterParameterGroup?: string;
    /** DescribeDBClusters `PreferredMaintenanceWindow` (`ddd:hh24:mi-ddd:hh24:mi` UTC). */
    readonly maintenanceWindow?: string;
    /** Custom DB instance parameter group of the instances, when it was looked up (majors). */
    readonly instanceParameterGroup?: string;
    /** The DB parameter group of each instance, when looked up (commands with a target). */
    readonly instanceParameterGroups?: readonly string[];
    /** Undefined when AWS could not tell (the call failed). */
    readonly pendingActions?: readonly PendingAction[];
    readonly rpoEnabled?: boolean;
    /** What rules a Blue/Green Deployment out, as DescribeDBClusters reports it (blue-green-limits.ts). */
    readonly blueGreenLimits?: readonly BlueGreenLimit[];
    /** The RDS Proxies that target it (rds-proxies.ts), when looked up (blue/green runs). */
    readonly rdsProxies?: readonly string[];
    /** The account quotas of its region that a green copy would pass (account-quotas.ts), when looked up (blue/green runs). */
    readonly quotaShortfalls?: readonly QuotaShortfall[];
    readonly lowerCaseTableNamesDefault?: boolean;
    /** The writer instance and its `DBClusterParameterGroupStatus` (DescribeDBClusters `DBClusterMembers`). */
    readonly writerInstance?: { readonly id: string; readonly clusterParameterGroupStatus?: string };
    /** What keeps the writer from a Blue/Green Deployment's replication (blue-green strategy only). */
    readonly replicationGap?: ReplicationGap;
    /**
     * Names of the target-family groups to create and apply after a major upgrade: derived from
     * the custom groups before it, found by tag after it (see `group-tags.ts`).
     */
    readonly targetClusterParameterGroup?: string;
    readonly targetInstanceParameterGroup?: string;
    /** The DB instance class of each instance, read when the running major is past its end of standard support (lifecycles.ts). */
    readonly instanceClasses?: readonly string[];
}

/** The global database as AWS reports it, and what the engine catalogue says. */
export interface Topology {
    readonly globalClusterId: string;
    readonly homeRegion: string;
    readonly engine: Engine;
    readonly status: string;
    readonly engineVersion?: string;
    /** Primary first, then secondaries in the order AWS lists them. */
    readonly members: readonly MemberTopology[];
    readonly catalogue?: EngineCatalogue;
    /** DescribeDBMajorEngineVersions' dates by major (lifecycles.ts), read with the catalogue. */
    readonly lifecycles?: Readonly<Record<string, MajorLifecycle>>;
    /** Facts that could not be read (the plan is made without them). */
    readonly warnings: readonly string[];
}
