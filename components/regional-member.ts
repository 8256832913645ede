import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Engine } from "../engine-versions";
import { Role } from "../vocabulary";
import { ResolvedMember } from "./args";

/** Settings every member shares, decided by the parent {@link AuroraGlobalDatabase}. */
export interface SharedClusterSettings {
    readonly engine: Engine;
    readonly engineVersion: string;
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

/** Properties the provider must never change on its own: the upgrade steps do it. */
export const MEMBER_CLUSTER_IGNORE_CHANGES = ["engineVersion"];
/** A secondary's replication source is managed by the global cluster. */
export const SECONDARY_CLUSTER_IGNORE_CHANGES = ["engineVersion", "replicationSourceIdentifier"];
export const INSTANCE_IGNORE_CHANGES = ["engineVersion"];

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
    /** The cluster's ARN. */
    public readonly arn: pulumi.Output<string>;
    /** The version the cluster reports (known after creation). */
    public readonly engineVersionActual: pulumi.Output<string>;

    constructor(name: string, args: AuroraRegionalMemberArgs, opts?: pulumi.ComponentResourceOptions) {
        const { member, shared } = args;
        // Only plain values go to the engine (FACTS §6).
        super(
            "aurora-global:index:AuroraRegionalMember",
            name,
            {
                role: member.role,
                region: member.region,
                clusterIdentifier: member.clusterIdentifier,
                engine: shared.engine,
                engineVersion: shared.engineVersion,
                instanceCount: member.instanceCount,
                instanceClass: member.instanceClass,
            },
            opts,
        );
        this.role = member.role;
        this.region = member.region;
        this.clusterIdentifier = member.clusterIdentifier;
        const primary = member.role === "primary";

        this.cluster = new aws.rds.Cluster(
            `${name}-cluster`,
            {
                region: member.region,
                clusterIdentifier: member.clusterIdentifier,
                globalClusterIdentifier: args.globalClusterIdentifier,
                engine: shared.engine,
                engineVersion: member.engineVersion ?? shared.engineVersion,
                storageEncrypted: shared.storageEncrypted,
                kmsKeyId: member.kmsKeyId,
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
                ...(primary && args.master
                    ? {
                          masterUsername: args.master.username,
                          masterPassword: args.master.password,
                          databaseName: args.master.databaseName,
                      }
                    : {}),
                tags: { ...shared.tags, "aurora-global:role": member.role },
            },
            {
                parent: this,
                ignoreChanges: primary ? MEMBER_CLUSTER_IGNORE_CHANGES : SECONDARY_CLUSTER_IGNORE_CHANGES,
                // A secondary joins only once the primary exists (passed by the parent as dependsOn).
                dependsOn: opts?.dependsOn,
            },
        );

        this.instances = Array.from(
            { length: member.instanceCount },
            (_, i) =>
                new aws.rds.ClusterInstance(
                    `${name}-instance-${i + 1}`,
                    {
                        region: member.region,
                        identifier: `${member.clusterIdentifier}-${i + 1}`,
                        clusterIdentifier: this.cluster.id,
                        engine: shared.engine,
                        engineVersion: member.engineVersion ?? shared.engineVersion,
                        instanceClass: member.instanceClass,
                        dbParameterGroupName: member.instanceParameterGroupName,
                        dbSubnetGroupName: member.dbSubnetGroupName,
                        publiclyAccessible: false,
                        autoMinorVersionUpgrade: false,
                        promotionTier: i,
                        tags: { ...shared.tags, "aurora-global:role": member.role },
                    },
                    { parent: this, ignoreChanges: INSTANCE_IGNORE_CHANGES },
                ),
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
}
