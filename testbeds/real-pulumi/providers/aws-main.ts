import { RESOURCE_TYPES } from "../../../vocabulary";
/**
 * `pulumi-resource-aws` for the real-Pulumi test bed: the types the aurora-global program declares,
 * against RDS at AWS_ENDPOINT_URL (the simulated control plane). pulumi-aws itself cannot be built
 * here (it carries a patched upstream; docs/real-pulumi.md).
 */
import { kmsAlias, kmsKey } from "./kms";
import { cluster } from "./rds-cluster";
import { globalCluster } from "./rds-global-cluster";
import { clusterInstance } from "./rds-instance";
import { serve, standInProvider } from "./stand-in-provider";

serve(
    standInProvider("@pulumi/aws", [
        {
            type: RESOURCE_TYPES.globalCluster,
            module: "@pulumi/aws/rds/globalCluster.js",
            handler: globalCluster,
        },
        { type: RESOURCE_TYPES.cluster, module: "@pulumi/aws/rds/cluster.js", handler: cluster },
        {
            type: RESOURCE_TYPES.clusterInstance,
            module: "@pulumi/aws/rds/clusterInstance.js",
            handler: clusterInstance,
        },
        { type: RESOURCE_TYPES.kmsKey, module: "@pulumi/aws/kms/key.js", handler: kmsKey },
        { type: RESOURCE_TYPES.kmsAlias, module: "@pulumi/aws/kms/alias.js", handler: kmsAlias },
    ]),
);
