import {
    DBCluster,
    DescribeDBClustersCommand,
    DescribeDBInstancesCommand,
    DescribeGlobalClustersCommand,
    GlobalCluster,
} from "@aws-sdk/client-rds";
import { RdsClientFactory } from "../../../aws/ports";
import { RecordedResource } from "./recorder";
import { RESOURCE_TYPES } from "../../../vocabulary";

/**
 * `pulumi preview --refresh` of the stack's RDS resources against a simulated control plane:
 * each resource is read by the identifier it was declared with, through the SDK, as the AWS
 * provider's Read does (terraform-provider-aws `resourceClusterRead` reads DescribeDBClusters by
 * identifier and the global cluster by membership, `resourceClusterInstanceRead`
 * DescribeDBInstances, `resourceGlobalClusterRead` DescribeGlobalClusters). Then the provider's
 * Diff: every declared input the read answers is compared, except the resource's
 * `ignoreChanges` (the engine copies the old value over the new one for those paths); a change
 * of a ForceNew attribute is a replacement, any other an update. A resource AWS no longer knows
 * by its identifier would be created again.
 */
export interface RefreshDifference {
    readonly name: string;
    readonly type: string;
    /** The input that differs, or `id` when AWS no longer knows the resource by its identifier. */
    readonly property: string;
    readonly declared: unknown;
    readonly live: unknown;
    /** ForceNew attribute (or a resource gone): the preview shows a replacement. */
    readonly replace: boolean;
}

const CLUSTER = RESOURCE_TYPES.cluster;
const INSTANCE = RESOURCE_TYPES.clusterInstance;
const GLOBAL = RESOURCE_TYPES.globalCluster;

/**
 * ForceNew attributes among those read here, from terraform-provider-aws
 * `internal/service/rds/cluster.go` (`cluster_identifier`, `engine`, `kms_key_id`, `database_name`,
 * `master_username`, `db_subnet_group_name`: ForceNew; `engine_version`,
 * `db_cluster_parameter_group_name`, `deletion_protection`, `global_cluster_identifier`: updated
 * in place), `cluster_instance.go` (`identifier`, `cluster_identifier`, `engine`: ForceNew) and
 * `global_cluster.go` (`global_cluster_identifier`, `engine`, `storage_encrypted`: ForceNew).
 */
const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
    [CLUSTER]: ["clusterIdentifier", "engine", "kmsKeyId", "databaseName", "masterUsername", "dbSubnetGroupName"],
    [INSTANCE]: ["identifier", "clusterIdentifier", "engine"],
    [GLOBAL]: ["globalClusterIdentifier", "engine", "storageEncrypted"],
};

type Live = Record<string, unknown>;

/** Differences a refresh followed by a preview would show for the recorded RDS resources. */
export async function refreshDifferences(
    clients: RdsClientFactory,
    resources: readonly RecordedResource[],
): Promise<RefreshDifference[]> {
    const out: RefreshDifference[] = [];
    for (const r of resources) {
        if (!(r.type in FORCE_NEW)) continue;
        const region = r.region ?? "us-east-1";
        const live = await readLive(clients, region, r);
        if (!live) {
            out.push({
                name: r.name,
                type: r.type,
                property: "id",
                declared: identifierOf(r),
                live: undefined,
                replace: true,
            });
            continue;
        }
        for (const [property, value] of Object.entries(live)) {
            const declared = r.inputs[property];
            if (declared === undefined || value === undefined || r.ignoreChanges.includes(property)) continue;
            if (JSON.stringify(declared) !== JSON.stringify(value))
                out.push({
                    name: r.name,
                    type: r.type,
                    property,
                    declared,
                    live: value,
                    replace: FORCE_NEW[r.type].includes(property),
                });
        }
    }
    return out;
}

function identifierOf(r: RecordedResource): string {
    const key =
        r.type === CLUSTER ? "clusterIdentifier" : r.type === INSTANCE ? "identifier" : "globalClusterIdentifier";
    return String(r.inputs[key] ?? "");
}

/** The provider's Read of one resource, as input names; undefined when AWS does not know it. */
async function readLive(clients: RdsClientFactory, region: string, r: RecordedResource): Promise<Live | undefined> {
    const rds = clients(region);
    const id = identifierOf(r);
    try {
        if (r.type === GLOBAL) {
            const g = (await rds.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: id })))
                .GlobalClusters?.[0];
            return g && globalLive(g);
        }
        if (r.type === CLUSTER) {
            const c = (await rds.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0];
            if (!c) return undefined;
            const globals = (await rds.send(new DescribeGlobalClustersCommand({}))).GlobalClusters ?? [];
            return clusterLive(c, globals);
        }
        const i = (await rds.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))).DBInstances?.[0];
        return (
            i && {
                identifier: i.DBInstanceIdentifier,
                clusterIdentifier: i.DBClusterIdentifier,
                engine: i.Engine,
                engineVersion: i.EngineVersion,
                instanceClass: i.DBInstanceClass,
                dbParameterGroupName: i.DBParameterGroups?.[0]?.DBParameterGroupName,
                publiclyAccessible: i.PubliclyAccessible,
            }
        );
    } catch (e) {
        if (/NotFound/.test((e as Error).name)) return undefined;
        throw e;
    }
}

function globalLive(g: GlobalCluster): Live {
    return {
        globalClusterIdentifier: g.GlobalClusterIdentifier,
        engine: g.Engine,
        engineVersion: g.EngineVersion,
        storageEncrypted: g.StorageEncrypted,
        deletionProtection: g.DeletionProtection,
    };
}

/** A cluster's attributes; `globalClusterIdentifier` from the global cluster that lists its ARN (as the provider reads it). */
function clusterLive(c: DBCluster, globals: readonly GlobalCluster[]): Live {
    const global = globals.find((g) => (g.GlobalClusterMembers ?? []).some((m) => m.DBClusterArn === c.DBClusterArn));
    return {
        clusterIdentifier: c.DBClusterIdentifier,
        engine: c.Engine,
        engineVersion: c.EngineVersion,
        storageEncrypted: c.StorageEncrypted,
        kmsKeyId: c.KmsKeyId,
        deletionProtection: c.DeletionProtection,
        dbClusterParameterGroupName: c.DBClusterParameterGroup,
        globalClusterIdentifier: global?.GlobalClusterIdentifier ?? "",
    };
}
