import { ChangeKind, Engine, Target } from "../engine-versions";
import { EndOfSupportFacts, MajorLifecycle } from "./end-of-support";
import {
    BlueGreenLimit,
    QuotaShortfall,
    DEFAULT_STRATEGY,
    OldClusters,
    OptInType,
    ReplicationGap,
    Role,
    StepAction,
    StepRole,
    Strategy,
} from "../vocabulary";

export { OptInType, Role, StepAction, StepRole, Strategy } from "../vocabulary";

/** A pending maintenance action AWS reports for a member (DescribePendingMaintenanceActions). */
export interface PendingAction {
    /** e.g. `system-update`. */
    readonly action: string;
    readonly description?: string;
    /** The patch level it brings, when known (PostgreSQL `17.4.6`, MySQL full version). */
    readonly targetVersion?: string;
    /** The opt-in AWS has received for it (`OptInStatus`: `immediate`, `next-maintenance`), if any. */
    readonly optInStatus?: string;
    /** When AWS will apply it (`CurrentApplyDate`, ISO 8601), when an opt-in or AWS's own date set one. */
    readonly currentApplyDate?: string;
}

/** What is known of one member cluster of the global database. */
export interface MemberState {
    /** DB cluster identifier. */
    readonly cluster: string;
    readonly region: string;
    readonly role: Role;
    /**
     * The version running now (AWS's EngineVersion, or `aurora_version()` for PostgreSQL when
     * known). Undefined for a member that does not exist yet.
     */
    readonly currentVersion?: string;
    /** The version the program declares for this member, when it declares one of its own. */
    readonly declaredVersion?: string;
    /** Number of DB instances in the member. */
    readonly instanceCount: number;
    /** Pending maintenance actions, when known. */
    readonly pendingActions?: readonly PendingAction[];
    /** True when the member's cluster parameter group sets `rds.global_db_rpo` (PostgreSQL). */
    readonly rpoEnabled?: boolean;
    /** Aurora MySQL: true when `lower_case_table_names` is at its default (needed for 2 → 3 in place). */
    readonly lowerCaseTableNamesDefault?: boolean;
    /**
     * Blue/green limits AWS reports for this member (e.g. its master password is managed in
     * Secrets Manager: DescribeDBClusters `MasterUserSecret`); any one blocks the blue-green path.
     */
    readonly blueGreenLimits?: readonly BlueGreenLimit[];
    /** The names of the RDS Proxies that target it (the `rds-proxy` limit), when known. */
    readonly rdsProxies?: readonly string[];
    /** The account quotas of its region its green copy would pass (the `account-quota` limit), when known. */
    readonly quotaShortfalls?: readonly QuotaShortfall[];
    /**
     * The writer's replication gap behind a `default-cluster-parameter-group`, `replication-off` or
     * `writer-pending-reboot` limit (its group, the parameter's value, the instance to reboot).
     */
    readonly replicationGap?: ReplicationGap;
    /** Custom parameter group names of the target family to apply after a major upgrade. */
    readonly targetClusterParameterGroup?: string;
    readonly targetInstanceParameterGroup?: string;
    /**
     * The cluster parameter group the member runs now, when known. With a known target group,
     * a member at the target on another group is an interrupted major upgrade to finish.
     */
    readonly currentClusterParameterGroup?: string;
    /** The DB parameter group of each of its instances now, when known. */
    readonly currentInstanceParameterGroups?: readonly string[];
    /** Its weekly maintenance window (`PreferredMaintenanceWindow`, `ddd:hh24:mi-ddd:hh24:mi` UTC), when known. */
    readonly maintenanceWindow?: string;
    /** The DB instance class of each of its instances (DescribeDBInstances), when read: the Extended Support charge counts their vCPUs. */
    readonly instanceClasses?: readonly string[];
}

/** What the engine catalogue (DescribeDBEngineVersions) says, when it was asked. */
export interface EngineCatalogue {
    /** Valid upgrade targets by current EngineVersion. */
    readonly upgradeTargets?: Readonly<Record<string, readonly CatalogueTarget[]>>;
    /** Whether a version supports global databases, by EngineVersion. */
    readonly supportsGlobal?: Readonly<Record<string, boolean>>;
}

export interface CatalogueTarget {
    readonly version: string;
    readonly isMajorVersionUpgrade: boolean;
    readonly supportsGlobalDatabases?: boolean;
}

export interface PlanOptions {
    /** `auto` picks the managed global operation where AWS offers it, rolling otherwise. */
    readonly strategy: Strategy;
    readonly allowMajorVersionUpgrade: boolean;
    readonly snapshotBeforeUpgrade: boolean;
    /**
     * The snapshot is decided outside this run: a CLI run told to take none (`--no-snapshot`), which
     * is how the component's upgrade steps run after its own snapshot step, or a user after taking
     * one. The plan's notes then say this run takes none, not that the program chose no snapshot.
     */
    readonly snapshotDecidedElsewhere?: boolean;
    /** Apply pending `system-update` actions (patch levels); false leaves them alone. */
    readonly applyPendingPatches: false | OptInType;
    /**
     * Aurora MySQL 2 → 3 in place: the operator confirms the documented conditions
     * (`lower_case_table_names` at its default, reboot accepted).
     */
    readonly mysqlInPlaceMajorConfirmed?: boolean;
    /** Blue/green: SwitchoverTimeout in seconds (30–3,600); default 300. */
    readonly switchoverTimeoutSeconds?: number;
    /** Blue/green: keep the old `-old1` clusters after switchover (default) or delete them. */
    readonly oldClusters?: OldClusters;
}

export const DEFAULT_PLAN_OPTIONS: PlanOptions = {
    strategy: DEFAULT_STRATEGY,
    allowMajorVersionUpgrade: false,
    snapshotBeforeUpgrade: true,
    applyPendingPatches: false,
};

export interface PlanInput {
    readonly engine: Engine;
    readonly globalClusterId: string;
    /** The global cluster's current engine and version, when it exists. */
    readonly globalCurrentEngine?: string;
    readonly globalCurrentVersion?: string;
    /** The version to upgrade to, read once at the process entry (readTarget). */
    readonly target: Target;
    readonly members: readonly MemberState[];
    readonly options: PlanOptions;
    readonly catalogue?: EngineCatalogue;
    /** The time of the read (ms since the epoch): when each member's next maintenance window starts is counted from it. */
    readonly now?: number;
    /** DescribeDBMajorEngineVersions' lifecycle dates by major version, when read. */
    readonly lifecycles?: Readonly<Record<string, MajorLifecycle>>;
}

/** The path the planner chose. */
export const UPGRADE_PATHS = ["none", "create", "managed", "rolling", "patch", "major", "blue-green"] as const;
export type UpgradePath = (typeof UPGRADE_PATHS)[number];

export interface PlanStep {
    /** Steps of one wave may run in parallel; wave N+1 starts when wave N is done. */
    readonly wave: number;
    readonly action: StepAction;
    /** The DB cluster identifier, or the global cluster identifier for global steps. */
    readonly cluster: string;
    readonly region: string;
    readonly role: StepRole;
    readonly from?: string;
    readonly to?: string;
    /** Expected impact on this member, in words. */
    readonly impact: string;
}

/** Stable identifiers of the planner's blocking rules. */
export type RuleId =
    | "malformed-version"
    | "patch-level-with-version-change"
    | "downgrade"
    | "engine-change"
    | "major-without-opt-in"
    | "invalid-upgrade-target"
    | "target-without-global-support"
    | "postgres-major-with-rpo"
    | "mysql-2-to-3-in-place"
    | "mysql-8.4-only-from-3"
    | "managed-not-available"
    | "mysql-minor-in-place-refused"
    | "blue-green-not-available"
    | "blue-green-limits"
    | "secondary-without-instance"
    | "members-at-different-versions"
    | "new-secondary-at-other-version"
    | "maintenance-windows-out-of-order"
    | "no-failover-after-plan";

export interface Violation {
    readonly rule: RuleId;
    readonly message: string;
    readonly fix: string;
    /** The member the violation is about, when it is about one. */
    readonly cluster?: string;
}

/** One member of the global database as the plan leaves it: the version now and after the plan. */
export interface PlannedMember {
    readonly cluster: string;
    readonly region: string;
    readonly role: Role;
    /** The version it runs now; undefined for a member that does not exist yet. */
    readonly from?: string;
    /** The version it runs once the plan is done; undefined when the plan is blocked. */
    readonly to?: string;
}

export interface Plan {
    readonly engine: Engine;
    readonly globalClusterId: string;
    /** The version the global database runs now (the primary's), if it exists. */
    readonly from?: string;
    readonly to: string;
    readonly change: ChangeKind | "create";
    readonly path: UpgradePath;
    readonly steps: readonly PlanStep[];
    /** Every member, from → to (the planner fills it; plans built by hand may leave it out). */
    readonly members?: readonly PlannedMember[];
    readonly violations: readonly Violation[];
    /** What a blue/green plan costs and risks; only on the blue-green path. */
    readonly blueGreen?: BlueGreenSummary;
    /**
     * Whether AWS could switch over and fail over now, while each wave runs and after it, and for
     * about how long it cannot; absent without a primary and a secondary.
     */
    readonly failover?: FailoverReadiness;
    /** Every member runs one version newer than the declared one (AWS, or someone, upgraded it): nothing is planned. */
    readonly awsUpgraded?: AwsUpgraded;
    /** The running major's end of standard support and of Extended Support, and past the first its charge. */
    readonly endOfSupport?: EndOfSupportFacts;
    /** The same for the declared version when its major differs from the running one. */
    readonly declaredEndOfSupport?: EndOfSupportFacts;
    /** Warnings that do not block the plan (an AWS-applied upgrade, a version past its end of support). */
    readonly warnings?: readonly string[];
    /** Advice and impact notes for the whole plan. */
    readonly notes: readonly string[];
}

/** The database runs a newer version than the program declares, on every member alike. */
export interface AwsUpgraded {
    readonly running: string;
    readonly declared: string;
}

/** What AWS allows: a managed switchover (SwitchoverGlobalCluster), a failover (FailoverGlobalCluster), and why not. */
export interface FailoverVerdict {
    readonly switchover: boolean;
    readonly failover: boolean;
    readonly reason?: string;
}

/** An estimate in minutes, low to high. */
export interface MinuteRange {
    readonly low: number;
    readonly high: number;
}

/** One wave: what AWS allows while it runs and once it is done, and how long it takes (estimate). */
export interface WaveFailover {
    readonly wave: number;
    readonly during: FailoverVerdict;
    readonly after: FailoverVerdict;
    readonly minutes: MinuteRange;
}

/** Failover readiness over a whole plan. */
export interface FailoverReadiness {
    /** Before the plan runs. */
    readonly now: FailoverVerdict;
    readonly waves: readonly WaveFailover[];
    /** Once the plan is done. */
    readonly after: FailoverVerdict;
    /** The estimated time without failover: the waves during which it is impossible. */
    readonly withoutFailoverMinutes: MinuteRange;
}

/** The cost, downtime and timeout of a blue/green plan, stated in the plan. */
export interface BlueGreenSummary {
    /** The cluster the deployment is created from (the writer). */
    readonly sourceCluster: string;
    readonly sourceRegion: string;
    /** Green copies while the deployment runs: one per member cluster and per instance. */
    readonly greenClusters: number;
    readonly greenInstances: number;
    /** SwitchoverTimeout in seconds; past it AWS rolls the switchover back. */
    readonly switchoverTimeoutSeconds: number;
    readonly oldClusters: OldClusters;
    /** Expected downtime at switchover, in words. */
    readonly expectedDowntime: string;
}

/** True when the plan has a violation and so must not run. */
export function isBlocked(plan: Plan): boolean {
    return plan.violations.length > 0;
}
