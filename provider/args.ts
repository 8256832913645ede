import * as pulumi from "@pulumi/pulumi";

/*
 * The component's arguments as the provider's schema has them, for Python, Go, .NET and YAML.
 * Schema inference (@pulumi/pulumi/provider/experimental) accepts plain interfaces, strings,
 * numbers, booleans, plain arrays and `pulumi.Input`s, not the TypeScript component's literal
 * unions (`Engine`, `Strategy`, `false | OptInType`) or readonly arrays; so these mirror
 * components/config/args.ts with plain strings. This file imports nothing heavy: the analyzer parses
 * every file this folder reaches. provider/construct/construct-database.ts maps them (type-checked).
 */

/** One regional member (DB cluster) of the global database. */
export interface MemberInputs {
    /** The AWS region of this member, e.g. `us-east-1`. One member per region. */
    readonly region: string;
    /** Number of DB instances in the member, 1–16. Default 1. */
    readonly instanceCount?: number;
    /** DB instance class of every instance of the member; starts with `db.`. Default `db.r6g.large`. */
    readonly instanceClass?: string;
    /** DB cluster identifier (1–63 letters, digits or hyphens). Default `<globalClusterIdentifier>-<region>`. */
    readonly clusterIdentifier?: string;
    /** Custom DB cluster parameter group (of the running version's family) in this region. */
    readonly clusterParameterGroupName?: pulumi.Input<string>;
    /** Custom DB parameter group applied to every instance of the member. */
    readonly instanceParameterGroupName?: pulumi.Input<string>;
    /** Custom cluster parameter group of the target family to apply after a major upgrade. */
    readonly targetClusterParameterGroupName?: string;
    /** Custom instance parameter group of the target family to apply after a major upgrade. */
    readonly targetInstanceParameterGroupName?: string;
    /** DB subnet group of this region (the VPC placement). Instances are never public. */
    readonly dbSubnetGroupName?: pulumi.Input<string>;
    /** VPC security groups of this region. Default: the VPC's default security group. */
    readonly vpcSecurityGroupIds?: pulumi.Input<string>[];
    /**
     * KMS key ARN of this region for storage encryption. Default: the primary uses its region's
     * `aws/rds` key; a secondary gets a customer managed key the component creates in its region.
     */
    readonly kmsKeyId?: pulumi.Input<string>;
    /** A version pinned on this member only; must equal `engineVersion`. */
    readonly engineVersion?: string;
    /** Aurora PostgreSQL: true when this member's cluster parameter group sets `rds.global_db_rpo`. */
    readonly rpoEnabled?: boolean;
    /** Aurora MySQL: false when `lower_case_table_names` is not at its default. */
    readonly lowerCaseTableNamesDefault?: boolean;
}

/** Whom the upgrade steps act as: names and ARNs only, never keys. */
export interface IdentityInputs {
    /** Shared config/credentials profile. Default: the AWS provider's, else the SDK's default chain. */
    readonly profile?: string;
    /** Role to assume with those credentials. */
    readonly roleArn?: string;
    /** The assumed role's session name. Default `aurora-global`. */
    readonly roleSessionName?: string;
    /** The role's external id, when its trust policy requires one. */
    readonly externalId?: string;
    /** RDS endpoint URL, e.g. a VPC endpoint. */
    readonly endpointUrl?: string;
}

/** How an engine-version change is carried out. */
export interface UpgradeInputs {
    /**
     * `auto` (AWS's managed global operation where it exists, rolling otherwise), `managed`,
     * `rolling` (each secondary, then the primary) or `blue-green`. Default `auto`.
     */
    readonly strategy?: string;
    /** Opt-in to a major version upgrade. Default false. */
    readonly allowMajorVersionUpgrade?: boolean;
    /** Take a cluster snapshot of the primary before upgrading. Default true. */
    readonly snapshotBeforeUpgrade?: boolean;
    /** How long one upgrade step may take before it stops with an error; integer 1–10080. Default 180. */
    readonly timeoutMinutes?: number;
    /** Fixed seconds between status polls while waiting; integer 1–3600. Default: adaptive polling. */
    readonly pollSeconds?: number;
    /**
     * Apply pending `system-update` maintenance actions (patch levels), secondaries first:
     * `immediate`, at the `next-maintenance` window, or `none` to leave them alone. Default `none`.
     */
    readonly applyPendingPatches?: string;
    /** Aurora MySQL 2 → 3 in place: confirms `lower_case_table_names` is at its default and the reboot is accepted. */
    readonly mysqlInPlaceMajorConfirmed?: boolean;
    /**
     * Keep the last upgrade's steps declared, unchanged, while `engineVersion` stays their target
     * (export `upgradeStepsRecord` as the stack output `upgradeSteps`). Default true.
     */
    readonly keepCompletedSteps?: boolean;
    /** The command line that starts the orchestrator CLI in the upgrade steps. Default: the installed package's CLI. */
    readonly cli?: string;
    /** Whom the upgrade steps act as. Default: the identity of the AWS provider the members use. */
    readonly identity?: IdentityInputs;
}

/** Arguments of the AuroraGlobalDatabase component. */
export interface AuroraGlobalDatabaseInputs {
    /** `aurora-postgresql` or `aurora-mysql`. Never changes for an existing database. */
    readonly engine: string;
    /**
     * The one engine version of the whole global database, e.g. `17.4` or `8.0.mysql_aurora.3.08.0`.
     * Changing it plans and runs the upgrade; it never replaces a cluster.
     */
    readonly engineVersion: string;
    /** Global cluster identifier. Default: the component's name. */
    readonly globalClusterIdentifier?: string;
    /** The primary (writer) member. Exactly one. */
    readonly primary: MemberInputs;
    /** Secondary (read-only) members, each in a region of its own; at most 10. */
    readonly secondaries?: MemberInputs[];
    /** Upgrade options. */
    readonly upgrade?: UpgradeInputs;
    /** Name of the database created on the primary; letters, digits, underscores, starting with a letter. */
    readonly databaseName?: string;
    /** Master user name of the primary. Default `dbadmin`. The password is generated and never an output. */
    readonly masterUsername?: string;
    /** Port of every cluster. Default 5432 for Aurora PostgreSQL, 3306 for Aurora MySQL. */
    readonly port?: number;
    /** Days of automated backups, 1–35. Default 7. */
    readonly backupRetentionPeriod?: number;
    /** Daily backup window, `hh24:mi-hh24:mi` UTC. Default: chosen by AWS. */
    readonly preferredBackupWindow?: string;
    /** Weekly maintenance window, `ddd:hh24:mi-ddd:hh24:mi` UTC. Default: chosen by AWS. */
    readonly preferredMaintenanceWindow?: string;
    /** Storage encryption of every member and the global cluster. Default true. */
    readonly storageEncrypted?: boolean;
    /** Deletion protection of the global cluster and every member. Default true. */
    readonly deletionProtection?: boolean;
    /** Tags on every resource. */
    readonly tags?: Record<string, string>;
}

/** What the provider's component re-exposes of the TypeScript component. */
export interface DatabaseOutputs {
    readonly globalClusterIdentifier: pulumi.Output<string>;
    readonly globalClusterArn: pulumi.Output<string>;
    readonly primaryClusterArn: pulumi.Output<string>;
    readonly masterUsername: pulumi.Output<string>;
    readonly plan: pulumi.Output<string>;
    readonly planBlocked: pulumi.Output<boolean>;
    readonly memberVersions: pulumi.Output<string>;
    readonly failoverReady: pulumi.Output<boolean>;
    readonly upgradeStepsRecord: pulumi.Output<unknown>;
}

/** Builds the TypeScript component as a child of `parent` and returns its outputs. */
export type ConstructDatabase = (
    name: string,
    inputs: AuroraGlobalDatabaseInputs,
    parent: pulumi.ComponentResource,
) => DatabaseOutputs;
