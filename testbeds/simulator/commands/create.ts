import { assertRoom } from "../account-quotas";
import type {
    CreateDBClusterCommandInput,
    CreateDBInstanceCommandInput,
    CreateGlobalClusterCommandInput,
} from "@aws-sdk/client-rds";
import { Engine, isEngine, parameterGroupFamily, parseVersion } from "../../../engine-versions";
import { fault, messages } from "../aws-errors";
import { ClusterState, ParameterGroupState } from "../model";
import { SimStore } from "../store";
import { ACCOUNT_ID, clusterArn, globalClusterArn, idFromArnOrId, instanceArn } from "../topology";
import { handler, Handler } from "./context";
import { assertKmsKey, assertMasterUsername, assertOrderable, assertTags, storedIdentifier } from "../create-rules";
import { seedWindow } from "../maintenance-window";
import { clusterShape, globalShape, instanceShape } from "./shapes";

/**
 * AWS's create-time refusals, each with the source it is taken from. Codes are stable; texts are
 * as reported (match codes first).
 */
export const createMessages = {
    /**
     * CreateDBCluster of an encrypted secondary in another region without KmsKeyId: there is no
     * default key for a cross-region replica. Source: docs/aws-rules.md §7; terraform-provider-aws
     * issue reports of `aws_rds_cluster` secondaries ("InvalidParameterCombination: For encrypted
     * cross-region replica, kmsKeyId should be explicitly specified").
     */
    crossRegionReplicaNeedsKey: () => "For encrypted cross-region replica, kmsKeyId should be explicitly specified",
    /**
     * CreateDBInstance with an EngineVersion other than its cluster's. Source: docs/aws-rules.md §7
     * (AWS's answer quoted there); API_CreateDBInstance: for Aurora "the engine version is managed
     * by the DB cluster".
     */
    instanceVersionMismatch: (instance: string, cluster: string) =>
        `The engine version that you requested for your DB instance (${instance}) does not match the engine version of your DB cluster (${cluster}).`,
    /**
     * A secondary created at another version than its global cluster. Source: docs/aws-rules.md §4
     * (terraform-provider-aws issues on `aws_rds_cluster` joining `aws_rds_global_cluster`).
     */
    secondaryVersionMismatch: () => "Value for engineVersion should match setting for global cluster",
    /**
     * CreateDBCluster at an EngineVersion that DescribeDBEngineVersions does not list (e.g. `17.4.5`:
     * PostgreSQL patch levels are not engine versions). Source: CreateDBCluster answers
     * reported in terraform-provider-aws issues ("Cannot find version … for aurora-postgresql").
     */
    unknownVersion: (version: string, engine: string) => `Cannot find version ${version} for ${engine}`,
    /**
     * CreateGlobalCluster at an EngineVersion DescribeDBEngineVersions does not list, or lists with
     * `SupportsGlobalDatabases` false (`InvalidParameterValue`). Source: docs/aws-rules.md §9
     * (reported word for word from terraform-provider-aws's aws_rds_global_cluster).
     */
    versionWithoutGlobal: () => "The requested engine version was not found or does not support global functionality",
    /**
     * A secondary joining a global cluster whose primary has no writer DB instance yet: AWS
     * refuses to start the physical replication from the primary. AWS's text, with the primary's
     * ARN, as reported from CreateDBCluster of a secondary created before the primary's writer was
     * available. Source: docs/aws-rules.md §9 (reports in hashicorp/terraform-provider-aws,
     * github.com/hashicorp/terraform-provider-aws/issues/28546 and …/48769):
     * "InvalidDBClusterStateFault: Source cluster: arn:aws:rds:…:cluster:… is in a state which is
     * not valid for physical replication").
     */
    primaryWithoutWriter: (primaryArn: string) =>
        `Source cluster: ${primaryArn} is in a state which is not valid for physical replication`,
} as const;

function knownVersion(store: SimStore, engine: Engine, version: string): void {
    if (!store.catalogue.find(engine, version))
        fault("InvalidParameterCombination", createMessages.unknownVersion(version, engine));
}

/** CreateGlobalCluster: a global cluster of an engine version AWS has, with global database support. */
const createGlobalCluster = handler<CreateGlobalClusterCommandInput>(({ store }, input) => {
    const id = storedIdentifier(
        "GlobalClusterIdentifier",
        input.GlobalClusterIdentifier ??
            fault("InvalidParameterValue", messages.missingParameter("GlobalClusterIdentifier")),
    );
    assertTags(input.Tags);
    const engine = input.Engine ?? "";
    if (!isEngine(engine)) fault("InvalidParameterValue", `Invalid DB engine: ${engine}`);
    if (store.globals.has(id)) fault("GlobalClusterAlreadyExistsFault", `Global cluster ${id} already exists`);
    const version = input.EngineVersion ?? fault("InvalidParameterValue", messages.missingParameter("EngineVersion"));
    if (!store.catalogue.supportsGlobal(engine, version))
        fault("InvalidParameterValue", createMessages.versionWithoutGlobal());
    const global = {
        id,
        arn: globalClusterArn(id),
        engine,
        version,
        members: [] as string[],
        deletionProtection: input.DeletionProtection ?? false,
        createdAt: store.now(),
    };
    store.globals.set(id, global);
    return { GlobalCluster: globalShape(store, global) };
});

/**
 * CreateDBCluster: a primary (the first member of its global cluster) or a secondary. Refused as
 * AWS does: an unknown version, a secondary at another version than the global cluster, an
 * encrypted secondary without a key of its region, a secondary before the primary has a writer.
 */
const createDBCluster = handler<CreateDBClusterCommandInput>(({ store, region }, input) => {
    const id = storedIdentifier(
        "DBClusterIdentifier",
        input.DBClusterIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DBClusterIdentifier")),
    );
    assertMasterUsername(input.MasterUsername);
    assertTags(input.Tags);
    assertKmsKey(region, input.KmsKeyId, input.StorageEncrypted);
    if (store.clusters.has(`${region}/${id}`)) fault("DBClusterAlreadyExistsFault", `DB cluster already exists`);
    const global = input.GlobalClusterIdentifier ? store.global(input.GlobalClusterIdentifier) : undefined;
    const engine = (input.Engine ?? global?.engine ?? "") as Engine;
    if (!isEngine(engine)) fault("InvalidParameterValue", `Invalid DB engine: ${engine}`);
    const version =
        input.EngineVersion ??
        global?.version ??
        fault("InvalidParameterValue", messages.missingParameter("EngineVersion"));
    knownVersion(store, engine, version);
    assertRoom(store, region, { DBClusters: 1 });
    const primary = global ? store.membersOf(global).find((m) => m.role === "primary") : undefined;
    if (global && primary) {
        if (version !== global.version) fault("InvalidParameterValue", createMessages.secondaryVersionMismatch());
        if (!primary.instances.some((i) => i.isWriter))
            fault("InvalidDBClusterStateFault", createMessages.primaryWithoutWriter(primary.arn));
        if (primary.region !== region && input.StorageEncrypted && !input.KmsKeyId)
            fault("InvalidParameterCombination", createMessages.crossRegionReplicaNeedsKey());
    }
    const full = store.fullVersion(engine, version);
    const family = parameterGroupFamily(parseVersion(engine, full));
    const group = store.parameterGroup(region, "cluster", input.DBClusterParameterGroupName ?? `default.${family}`) as
        ParameterGroupState | undefined;
    if (!group)
        fault(
            "DBClusterParameterGroupNotFoundFault",
            messages.parameterGroupNotFound(input.DBClusterParameterGroupName ?? ""),
        );
    const cluster: ClusterState = {
        id,
        arn: clusterArn(region, id),
        region,
        engine,
        globalClusterId: global?.id,
        role: global === undefined ? "standalone" : primary ? "secondary" : "primary",
        version: full,
        status: "available",
        clusterParameterGroup: group.name,
        instances: [],
        upgradeDurationMs: store.settings.defaultUpgradeDurationMs,
        pendingActions: [],
        createdAt: store.now(),
        deletionProtection: input.DeletionProtection ?? false,
        maintenanceWindow: seedWindow(input.PreferredMaintenanceWindow),
        // Encrypted without a key: the account's AWS managed key of the region (API_CreateDBCluster, KmsKeyId).
        ...(input.StorageEncrypted
            ? { kmsKeyId: input.KmsKeyId ?? `arn:aws:kms:${region}:${ACCOUNT_ID}:alias/aws/rds` }
            : {}),
    };
    store.clusters.set(`${region}/${id}`, cluster);
    if (global) global.members.push(cluster.arn);
    return { DBCluster: clusterShape(store, cluster) };
});

/** CreateDBInstance in an Aurora cluster: the cluster's version applies; another one is refused. */
const createDBInstance = handler<CreateDBInstanceCommandInput>(({ store, region, now }, input) => {
    const id = storedIdentifier(
        "DBInstanceIdentifier",
        input.DBInstanceIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("DBInstanceIdentifier")),
    );
    assertTags(input.Tags);
    const cluster = store.cluster(region, idFromArnOrId(input.DBClusterIdentifier ?? ""));
    assertRoom(store, region, { DBInstances: 1 });
    const clusterVersion = store.awsVersion(cluster.engine, cluster.version);
    assertOrderable(input.DBInstanceClass ?? "db.r6g.large", cluster.engine, clusterVersion);
    if (input.EngineVersion !== undefined && input.EngineVersion !== clusterVersion)
        fault(
            "InvalidParameterCombination",
            createMessages.instanceVersionMismatch(input.EngineVersion, clusterVersion),
        );
    const instance = {
        id,
        arn: instanceArn(region, id),
        region,
        clusterId: cluster.id,
        instanceClass: input.DBInstanceClass ?? "db.r6g.large",
        // The first instance of a primary (or standalone) cluster is its writer.
        isWriter: cluster.role !== "secondary" && cluster.instances.length === 0,
        parameterGroup:
            input.DBParameterGroupName ??
            `default.${parameterGroupFamily(parseVersion(cluster.engine, cluster.version))}`,
        parameterApplyStatus: "in-sync" as const,
        createdAt: now,
    };
    cluster.instances.push(instance);
    return { DBInstance: instanceShape(store, instance, cluster, now) };
});

export const createHandlers: Record<string, Handler> = {
    CreateGlobalCluster: createGlobalCluster,
    CreateDBCluster: createDBCluster,
    CreateDBInstance: createDBInstance,
};
