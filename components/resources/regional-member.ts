import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsEngineVersion, Engine, parseVersion, Target, validTarget } from "../../engine-versions";
import { RESOURCE_TYPES, Role, TAGS } from "../../vocabulary";
import { ResolvedMember } from "../config/args";

/** Settings every member shares, decided by the parent {@link AuroraGlobalDatabase}. */
export interface SharedClusterSettings {
    readonly engine: Engine;
    /** The declared engineVersion, read once by the component (readTarget). */
    readonly target: Target;
    readonly storageEncrypted: boolean;
    readonly deletionProtection: boolean;
    readonly port?: number;
    readonly backupRetentionPeriod: number;
    readonly preferredBackupWindow?: string;
    readonly preferredMaintenanceWindow?: string;
    readonly tags: Readonly<Record<string, string>>;
}

/** Arguments of {@link AuroraRegionalMember}. */
export interface AuroraRegionalMemberArgs {
    /** The member, with defaults resolved and its role (primary or secondary). */
    readonly member: ResolvedMember;
    readonly shared: SharedClusterSettings;
    /** The global cluster's identifier (its `id` output). */
    readonly globalClusterIdentifier: pulumi.Input<string>;
    /** Primary only: the master user; secondaries of a global cluster take none. */
    readonly master?: {
        readonly username: string;
        readonly password: pulumi.Input<string>;
        readonly databaseName?: string;
    };
}

/**
 * Properties the provider must never change on its own: the upgrade steps do it. The engine
 * version, and the parameter groups: a major upgrade resets them to the new family's defaults and
 * the steps apply the target-family groups (docs/aws-rules.md §1), so a group name declared for the
 * old family must not be put back after it (AWS would refuse an old-family group on the new
 * version, and a refresh would show the change). A group is set when the member is created.
 */
export const MEMBER_CLUSTER_IGNORE_CHANGES = ["engineVersion", "dbClusterParameterGroupName"];
/** A secondary's replication source is managed by the global cluster. */
export const SECONDARY_CLUSTER_IGNORE_CHANGES = [...MEMBER_CLUSTER_IGNORE_CHANGES, "replicationSourceIdentifier"];
export const INSTANCE_IGNORE_CHANGES = ["engineVersion", "dbParameterGroupName"];

/**
 * The version a resource is given: AWS's EngineVersion form. Aurora PostgreSQL takes
 * `MAJOR.MINOR` (`17.4`): there is no `17.4.5` engine version, patch levels exist only as pending
 * `system-update` actions and in `aurora_version()` (docs/aws-rules.md §7). Aurora MySQL keeps the
 * full `8.0.mysql_aurora.3.08.0`.
 */
export function resourceEngineVersion(engine: Engine, version: string | Target): string {
    return awsEngineVersion(typeof version === "string" ? parseVersion(engine, version) : validTarget(version, engine));
}

/**
 * Days a created KMS key waits before deletion once scheduled (AWS allows 7-30; the longest
 * leaves time to notice a key whose data still exists).
 * @see https://docs.aws.amazon.com/kms/latest/APIReference/API_ScheduleKeyDeletion.html
 */
export const KMS_KEY_DELETION_WINDOW_DAYS = 30;

/**
 * One regional member of an Aurora global database: an `aws.rds.Cluster` and its
 * `aws.rds.ClusterInstance`s, all placed in the member's region with the per-resource `region`
 * input and parented to this component. The engine version is set at creation and then ignored,
 * so only the upgrade steps change it: no provider-driven upgrade, no replacement, no drift.
 */
export class AuroraRegionalMember extends pulumi.ComponentResource {
    public readonly role: Role;
    public readonly region: string;
    public readonly clusterIdentifier: string;
    public readonly cluster: aws.rds.Cluster;
    public readonly instances: aws.rds.ClusterInstance[];
    /** The KMS key created for this member's storage (a secondary without `kmsKeyId`, encrypted). */
    public readonly kmsKey?: aws.kms.Key;
    /** The cluster's ARN. */
    public readonly arn: pulumi.Output<string>;
    /** The version the cluster reports (known after creation). */
    public readonly engineVersionActual: pulumi.Output<string>;

    constructor(name: string, args: AuroraRegionalMemberArgs, opts?: pulumi.ComponentResourceOptions) {
        // Only plain values go to the engine (docs/aws-rules.md §6).
        super(RESOURCE_TYPES.regionalMember, name, plainMemberArgs(args), opts);
        const { member, shared } = args;
        this.role = member.role;
        this.region = member.region;
        this.clusterIdentifier = member.clusterIdentifier;
        this.kmsKey = needsOwnKey(member, shared) ? this.createKmsKey(name, member, shared) : undefined;
        this.cluster = this.createCluster(name, args, member.kmsKeyId ?? this.kmsKey?.arn, opts?.dependsOn);
        this.instances = Array.from({ length: member.instanceCount }, (_, i) =>
            this.createInstance(name, member, shared, i),
        );
        this.arn = this.cluster.arn;
        this.engineVersionActual = this.cluster.engineVersionActual;
        this.registerOutputs({
            role: this.role,
            region: this.region,
            clusterIdentifier: this.clusterIdentifier,
            arn: this.arn,
            engineVersionActual: this.engineVersionActual,
        });
    }

    /** The member's cluster; a secondary joins only once the primary exists (the parent passes it as dependsOn). */
    private createCluster(
        name: string,
        args: AuroraRegionalMemberArgs,
        kmsKeyId: pulumi.Input<string> | undefined,
        dependsOn: pulumi.ComponentResourceOptions["dependsOn"],
    ): aws.rds.Cluster {
        const primary = args.member.role === "primary";
        return new aws.rds.Cluster(`${name}-cluster`, clusterArgs(args, kmsKeyId), {
            parent: this,
            ignoreChanges: primary ? MEMBER_CLUSTER_IGNORE_CHANGES : SECONDARY_CLUSTER_IGNORE_CHANGES,
            dependsOn,
        });
    }

    /** Instance `i` (0-based) of the member's cluster. */
    private createInstance(
        name: string,
        member: ResolvedMember,
        shared: SharedClusterSettings,
        i: number,
    ): aws.rds.ClusterInstance {
        return new aws.rds.ClusterInstance(
            `${name}-instance-${i + 1}`,
            {
                region: member.region,
                identifier: `${member.clusterIdentifier}-${i + 1}`,
                clusterIdentifier: this.cluster.id,
                // No engineVersion: the cluster's applies. AWS refuses an instance whose
                // version differs from its cluster's (e.g. one created in the update that
                // changes the version): "The engine version that you requested for your
                // DB instance (X) does not match the engine version of your DB cluster (Y)".
                engine: shared.engine,
                instanceClass: member.instanceClass,
                dbParameterGroupName: member.instanceParameterGroupName,
                dbSubnetGroupName: member.dbSubnetGroupName,
                publiclyAccessible: false,
                autoMinorVersionUpgrade: false,
                promotionTier: i,
                tags: { ...shared.tags, [TAGS.role]: member.role },
            },
            { parent: this, ignoreChanges: INSTANCE_IGNORE_CHANGES },
        );
    }

    /** A customer managed key in the member's region, with an alias and yearly rotation. */
    private createKmsKey(name: string, member: ResolvedMember, shared: SharedClusterSettings): aws.kms.Key {
        const key = new aws.kms.Key(
            `${name}-kms-key`,
            {
                region: member.region,
                description: `Storage encryption of Aurora cluster ${member.clusterIdentifier} (${member.region})`,
                enableKeyRotation: true,
                deletionWindowInDays: KMS_KEY_DELETION_WINDOW_DAYS,
                tags: { ...shared.tags, [TAGS.role]: member.role },
            },
            { parent: this },
        );
        new aws.kms.Alias(
            `${name}-kms-alias`,
            { region: member.region, name: `alias/${member.clusterIdentifier}`, targetKeyId: key.keyId },
            { parent: this },
        );
        return key;
    }
}

/** The plain, structural arguments recorded with the member (never Inputs or secrets). */
function plainMemberArgs({ member, shared }: AuroraRegionalMemberArgs): Record<string, unknown> {
    return {
        role: member.role,
        region: member.region,
        clusterIdentifier: member.clusterIdentifier,
        engine: shared.engine,
        engineVersion: shared.target.text,
        instanceCount: member.instanceCount,
        instanceClass: member.instanceClass,
    };
}

/**
 * The member cluster's inputs: encrypted, deletion protection on, a final snapshot kept, the
 * version set at creation (then ignored), the master user on the primary only.
 */
function clusterArgs(args: AuroraRegionalMemberArgs, kmsKeyId: pulumi.Input<string> | undefined): aws.rds.ClusterArgs {
    const { member, shared } = args;
    return {
        region: member.region,
        clusterIdentifier: member.clusterIdentifier,
        globalClusterIdentifier: args.globalClusterIdentifier,
        engine: shared.engine,
        engineVersion: resourceEngineVersion(shared.engine, member.engineVersion ?? shared.target),
        storageEncrypted: shared.storageEncrypted,
        kmsKeyId,
        deletionProtection: shared.deletionProtection,
        skipFinalSnapshot: false,
        finalSnapshotIdentifier: `${member.clusterIdentifier}-final`,
        copyTagsToSnapshot: true,
        backupRetentionPeriod: shared.backupRetentionPeriod,
        preferredBackupWindow: shared.preferredBackupWindow,
        preferredMaintenanceWindow: shared.preferredMaintenanceWindow,
        port: shared.port,
        dbClusterParameterGroupName: member.clusterParameterGroupName,
        dbSubnetGroupName: member.dbSubnetGroupName,
        vpcSecurityGroupIds: member.vpcSecurityGroupIds,
        ...(member.role === "primary" && args.master
            ? {
                  masterUsername: args.master.username,
                  masterPassword: args.master.password,
                  databaseName: args.master.databaseName,
              }
            : {}),
        tags: { ...shared.tags, [TAGS.role]: member.role },
    };
}

/**
 * An encrypted secondary is a cross-region replica, and AWS refuses one without a KMS key of its
 * own region: "InvalidParameterCombination: For encrypted cross-region replica, kmsKeyId should be
 * explicitly specified" (there is no aws/rds default for it). The primary may use its region's
 * aws/rds key.
 * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-getting-started.html
 */
export function needsOwnKey(member: ResolvedMember, shared: Pick<SharedClusterSettings, "storageEncrypted">): boolean {
    return shared.storageEncrypted && member.role === "secondary" && member.kmsKeyId === undefined;
}
