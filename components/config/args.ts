import * as pulumi from "@pulumi/pulumi";
import { Engine } from "../../engine-versions";
import { Role } from "../../vocabulary";
import { DEFAULTS } from "./defaults";
import { UpgradeArgs } from "./upgrade-args";

export { DEFAULTS } from "./defaults";
export { UpgradeArgs, ResolvedUpgrade, resolveUpgrade } from "./upgrade-args";

/**
 * One regional member (DB cluster) of the global database.
 *
 * Plain values decide the structure (region, counts, identifiers); `pulumi.Input`s are used only
 * where a value may come from another resource (subnet groups, security groups, KMS keys).
 */
export interface MemberArgs {
    /**
     * The AWS region of this member, e.g. `us-east-1`. One member per region.
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html
     */
    readonly region: string;
    /**
     * Number of DB instances in the member (the writer plus readers on the primary; readers on a
     * secondary). At least 1: AWS cannot upgrade a secondary without an instance. At most 16.
     * @default 1
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Overview.html
     */
    readonly instanceCount?: number;
    /**
     * DB instance class of every instance of the member; must start with `db.`.
     * @default "db.r6g.large"
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.html
     */
    readonly instanceClass?: string;
    /**
     * DB cluster identifier: 1–63 letters, digits or hyphens, starting with a letter, no two
     * consecutive hyphens, not ending with a hyphen. The component reads the live version by it.
     * @default `${globalClusterIdentifier}-${region}`
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html
     */
    readonly clusterIdentifier?: string;
    /**
     * Custom DB cluster parameter group (of the running version's family) in this region.
     * @default the engine's default group
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_WorkingWithParamGroups.html
     */
    readonly clusterParameterGroupName?: pulumi.Input<string>;
    /**
     * Custom DB parameter group applied to every instance of the member.
     * @default the engine's default group
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_WorkingWithParamGroups.html
     */
    readonly instanceParameterGroupName?: pulumi.Input<string>;
    /**
     * Custom cluster parameter group of the *target* family to apply after a major upgrade
     * (major upgrades reset parameter groups to the new version's defaults).
     * @default none: the member keeps AWS's defaults after a major upgrade
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-upgrade.html
     */
    readonly targetClusterParameterGroupName?: string;
    /**
     * Custom instance parameter group of the target family to apply after a major upgrade.
     * @default none
     */
    readonly targetInstanceParameterGroupName?: string;
    /**
     * DB subnet group of this region (the VPC placement). Instances are never public.
     * @default the region's default VPC subnet group
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
     */
    readonly dbSubnetGroupName?: pulumi.Input<string>;
    /**
     * VPC security groups of this region.
     * @default the VPC's default security group
     */
    readonly vpcSecurityGroupIds?: pulumi.Input<pulumi.Input<string>[]>;
    /**
     * KMS key (ARN) of this region for storage encryption. Each region encrypts with a key of
     * its own region: AWS refuses an encrypted cross-region replica without one ("For encrypted
     * cross-region replica, kmsKeyId should be explicitly specified").
     * @default the primary: its region's `aws/rds` key; a secondary: a customer managed key the
     * component creates in its region (`aws.kms.Key` with rotation on and alias
     * `alias/<clusterIdentifier>`, parented to the member)
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
     */
    readonly kmsKeyId?: pulumi.Input<string>;
    /**
     * A version pinned on this member only. Must equal `engineVersion`: the planner blocks
     * members declared at different versions (rule `members-at-different-versions`).
     * @default the database's `engineVersion`
     */
    readonly engineVersion?: string;
}

/** Arguments of {@link AuroraGlobalDatabase}. */
export interface AuroraGlobalDatabaseArgs {
    /**
     * `aurora-postgresql` or `aurora-mysql`. Never changes for an existing database.
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database.html
     */
    readonly engine: Engine;
    /**
     * The one engine version of the whole global database, e.g. `17.4` or
     * `8.0.mysql_aurora.3.08.0`. Changing it plans and runs the upgrade; it never replaces a cluster.
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/Welcome.html
     */
    readonly engineVersion: string;
    /**
     * Global cluster identifier (same constraints as a cluster identifier).
     * @default the component's name
     */
    readonly globalClusterIdentifier?: string;
    /** The primary (writer) member. Exactly one. */
    readonly primary: MemberArgs;
    /**
     * Secondary (read-only) members, each in a region of its own; at most 10.
     * @default []
     */
    readonly secondaries?: readonly MemberArgs[];
    /** Upgrade options. */
    readonly upgrade?: UpgradeArgs;
    /**
     * Name of the database created on the primary; letters, digits, underscores, starting with a letter.
     * @default none
     */
    readonly databaseName?: string;
    /**
     * Master user name of the primary (secondaries take none).
     * @default "dbadmin"
     */
    readonly masterUsername?: string;
    /**
     * Port of every cluster.
     * @default 5432 for Aurora PostgreSQL, 3306 for Aurora MySQL
     */
    readonly port?: number;
    /**
     * Days of automated backups, 1–35.
     * @default 7
     */
    readonly backupRetentionPeriod?: number;
    /** Daily backup window, `hh24:mi-hh24:mi` UTC. @default chosen by AWS */
    readonly preferredBackupWindow?: string;
    /** Weekly maintenance window, `ddd:hh24:mi-ddd:hh24:mi` UTC. @default chosen by AWS */
    readonly preferredMaintenanceWindow?: string;
    /**
     * Storage encryption of every member and the global cluster.
     * @default true
     */
    readonly storageEncrypted?: boolean;
    /**
     * Deletion protection of the global cluster and every member.
     * @default true
     */
    readonly deletionProtection?: boolean;
    /** Tags on every resource. @default {} */
    readonly tags?: Readonly<Record<string, string>>;
}

/** A member with its defaults resolved and its role. */
export interface ResolvedMember extends MemberArgs {
    readonly role: Role;
    readonly clusterIdentifier: string;
    readonly instanceCount: number;
    readonly instanceClass: string;
}

export function resolveMembers(name: string, args: AuroraGlobalDatabaseArgs): ResolvedMember[] {
    const globalId = args.globalClusterIdentifier ?? name;
    const resolve = (m: MemberArgs, role: Role): ResolvedMember => ({
        ...m,
        role,
        clusterIdentifier: m.clusterIdentifier ?? `${globalId}-${m.region}`,
        instanceCount: m.instanceCount ?? DEFAULTS.instanceCount,
        instanceClass: m.instanceClass ?? DEFAULTS.instanceClass,
    });
    return [resolve(args.primary, "primary"), ...(args.secondaries ?? []).map((s) => resolve(s, "secondary"))];
}
