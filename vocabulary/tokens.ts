/**
 * Pulumi type tokens, defined once: the package's own components and the resources and invokes
 * of other providers that the component owns, the policy pack inspects and the test beds emulate.
 * A type token is `<package>:<module>:<type>` (Pulumi docs, "Resource type tokens").
 */
export const RESOURCE_TYPES = {
    /** Our component (components/): owns the global cluster, the regional members and the upgrade steps. */
    component: "aurora-global:index:AuroraGlobalDatabase",
    /** One regional member (DB cluster and its instances) under the component. */
    regionalMember: "aurora-global:index:AuroraRegionalMember",
    globalCluster: "aws:rds/globalCluster:GlobalCluster",
    cluster: "aws:rds/cluster:Cluster",
    clusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    clusterParameterGroup: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    /** A secondary's customer managed key and its alias (components/resources/regional-member.ts). */
    kmsKey: "aws:kms/key:Key",
    kmsAlias: "aws:kms/alias:Alias",
    /** The master password (`@pulumi/random`), never an output. */
    randomPassword: "random:index/randomPassword:RandomPassword",
    /** Upgrade steps are `@pulumi/command` local commands parented (directly or not) to the component. */
    command: "command:local:Command",
} as const;

/** The `@pulumi/aws` invokes (data sources) the component calls. */
export const INVOKE_TOKENS = {
    getCluster: "aws:rds/getCluster:getCluster",
    getGlobalCluster: "aws:rds/getGlobalCluster:getGlobalCluster",
    getEngineVersion: "aws:rds/getEngineVersion:getEngineVersion",
} as const;
