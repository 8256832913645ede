import { RESOURCE_TYPES } from "../../../vocabulary";
/**
 * The inputs whose change replaces the resource (`ForceNew: true` in the Terraform provider the
 * Pulumi provider bridges; pulumi-aws and pulumi-random keep them as replacements). Every region
 * override is ForceNew too (pulumi-aws v7's `region`, terraform-provider-aws
 * `internal/provider/region.go`: "ForceNew" on the injected `region` attribute).
 */
export const FORCE_NEW: Readonly<Record<string, readonly string[]>> = {
    // terraform-provider-aws internal/service/rds/global_cluster.go (resourceGlobalCluster schema).
    [RESOURCE_TYPES.globalCluster]: [
        "region",
        "databaseName",
        "engine",
        "engineLifecycleSupport",
        "sourceDbClusterIdentifier",
        "storageEncrypted",
    ],
    // terraform-provider-aws internal/service/rds/cluster.go (resourceCluster schema).
    [RESOURCE_TYPES.cluster]: [
        "region",
        "availabilityZones",
        "clusterIdentifier",
        "clusterIdentifierPrefix",
        "databaseName",
        "dbSubnetGroupName",
        "dbSystemId",
        "engine",
        "engineMode",
        "kmsKeyId",
        "masterUsername",
        "restoreToPointInTime",
        "s3Import",
        "snapshotIdentifier",
        "sourceRegion",
        "storageEncrypted",
    ],
    // terraform-provider-aws internal/service/rds/cluster_instance.go (resourceClusterInstance schema).
    [RESOURCE_TYPES.clusterInstance]: [
        "region",
        "availabilityZone",
        "clusterIdentifier",
        "customIamInstanceProfile",
        "dbSubnetGroupName",
        "engine",
        "identifier",
        "identifierPrefix",
    ],
    // terraform-provider-aws internal/service/kms/key.go: customer_master_key_spec, key_usage,
    // multi_region, xks_key_id and custom_key_store_id are ForceNew.
    [RESOURCE_TYPES.kmsKey]: [
        "region",
        "customKeyStoreId",
        "customerMasterKeySpec",
        "keyUsage",
        "multiRegion",
        "xksKeyId",
    ],
    // terraform-provider-aws internal/service/kms/alias.go: name and name_prefix are ForceNew.
    [RESOURCE_TYPES.kmsAlias]: ["region", "name", "namePrefix"],
    // terraform-provider-random internal/provider/resource_password.go: every attribute has
    // stringplanmodifier/int64planmodifier RequiresReplace.
    [RESOURCE_TYPES.randomPassword]: [
        "keepers",
        "length",
        "lower",
        "minLower",
        "minNumeric",
        "minSpecial",
        "minUpper",
        "number",
        "numeric",
        "overrideSpecial",
        "special",
        "upper",
    ],
};
