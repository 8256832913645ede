/** Pulumi type tokens the pack looks at. */
export const TYPES = {
    globalCluster: "aws:rds/globalCluster:GlobalCluster",
    cluster: "aws:rds/cluster:Cluster",
    clusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    clusterParameterGroup: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
    /** Our component (components/): owns the global cluster, the regional members and the upgrade steps. */
    component: "aurora-global:index:AuroraGlobalDatabase",
    /** Upgrade steps are `@pulumi/command` local commands parented (directly or not) to the component. */
    command: "command:local:Command",
} as const;

/** Tags the pack reads on a plain `aws.rds.GlobalCluster` (programs that do not use our component). */
export const TAGS = {
    /** `"true"`: the program opts in to a major version upgrade of this global database. */
    allowMajorVersionUpgrade: "aurora-global:allow-major-version-upgrade",
    /** `"true"`: the operator confirms the Aurora MySQL 2 → 3 in-place conditions. */
    mysqlInPlaceMajorConfirmed: "aurora-global:mysql-in-place-major-confirmed",
    /** `"primary"` or `"secondary"`: the role of a member cluster when the pack cannot infer it. */
    role: "aurora-global:role",
} as const;
