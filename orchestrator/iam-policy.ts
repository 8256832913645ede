/**
 * The least-privilege IAM policy of the `aurora-global` CLI: exactly the RDS actions it can call,
 * each on the ARNs a run touches. A test proves every command the orchestrator constructs is
 * listed, and that the resource of every call made in the scenarios is covered by a statement.
 *
 * Resource types and condition keys follow AWS's Service Authorization Reference, "Actions,
 * resources, and condition keys for Amazon RDS" (docs.aws.amazon.com/service-authorization/latest/
 * reference/list_amazonrds.html): `global-cluster` = arn:${Partition}:rds::${Account}:global-cluster:${Id}
 * (no region: the resource is global), `cluster`, `db`, `cluster-snapshot`, `cluster-pg`, `pg`,
 * `deployment` (blue/green), `db-proxy` and `target-group` (RDS Proxy) =
 * arn:${Partition}:rds:${Region}:${Account}:${type}:${Name}.
 */

import { TAG_PREFIXES } from "../vocabulary";
export const RDS_ACTIONS: readonly string[] = [
    "rds:DescribeGlobalClusters",
    "rds:DescribeDBClusters",
    "rds:DescribeDBInstances",
    "rds:DescribeDBEngineVersions",
    // the end-of-support dates of each major version (aws/topology/lifecycles.ts)
    "rds:DescribeDBMajorEngineVersions",
    "rds:DescribePendingMaintenanceActions",
    "rds:DescribeDBClusterParameters",
    "rds:DescribeDBParameters",
    "rds:DescribeDBClusterSnapshots",
    "rds:DescribeDBClusterParameterGroups",
    "rds:DescribeDBParameterGroups",
    "rds:ListTagsForResource",
    "rds:CreateDBClusterSnapshot",
    "rds:CreateDBClusterParameterGroup",
    "rds:CreateDBParameterGroup",
    "rds:ModifyDBClusterParameterGroup",
    "rds:ModifyDBParameterGroup",
    "rds:AddTagsToResource",
    "rds:RemoveTagsFromResource",
    "rds:ModifyGlobalCluster",
    "rds:ModifyDBCluster",
    "rds:ModifyDBInstance",
    "rds:ApplyPendingMaintenanceAction",
    // --strategy blue-green (orchestrator/blue-green/)
    "rds:DescribeBlueGreenDeployments",
    "rds:CreateBlueGreenDeployment",
    "rds:SwitchoverBlueGreenDeployment",
    "rds:DeleteBlueGreenDeployment",
    // --strategy blue-green: the RDS Proxies that target a member (aws/topology/rds-proxies.ts)
    "rds:DescribeDBProxies",
    "rds:DescribeDBProxyTargets",
    // --strategy blue-green: the account's DB cluster and instance quotas (aws/topology/account-quotas.ts)
    "rds:DescribeAccountAttributes",
    // --old-clusters delete
    "rds:RemoveFromGlobalCluster",
    "rds:DeleteGlobalCluster",
    "rds:DeleteDBInstance",
    "rds:DeleteDBCluster",
];

/**
 * Actions AWS performs with the caller's permissions while a blue/green deployment is created,
 * switched over and deleted ("Authorizing access to Amazon Aurora blue/green deployment
 * operations", Aurora User Guide). aurora-global never sends them itself, so they are not in
 * {@link RDS_ACTIONS}; the policy document grants them in a statement of their own.
 */
export const BLUE_GREEN_DELEGATED_ACTIONS: readonly string[] = [
    "rds:CreateDBCluster",
    "rds:CreateDBInstance",
    "rds:CreateDBClusterEndpoint",
    "rds:PromoteReadReplicaDBCluster",
    "rds:DeleteDBClusterEndpoint",
    // Same page, "Additional permissions for Aurora Global Database blue/green deployments": the
    // green global cluster is created on the caller's behalf too.
    "rds:CreateGlobalCluster",
];

/** One statement of an IAM policy document. */
export interface IamStatement {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: string | string[];
    Condition?: Record<string, Record<string, string | string[]>>;
}

/** An IAM policy document granting {@link RDS_ACTIONS} and {@link BLUE_GREEN_DELEGATED_ACTIONS} (and nothing else). */
export interface IamPolicyDocument {
    Version: "2012-10-17";
    Statement: IamStatement[];
}

/** What the policy is scoped to; every part left out is a wildcard. */
export interface IamScope {
    /** `aws` (default), `aws-cn`, `aws-us-gov`. */
    readonly partition?: string;
    readonly account?: string;
    readonly globalClusterId?: string;
    /** The member clusters and their regions (roles move, so every member gets the same grants). */
    readonly members?: readonly { readonly cluster: string; readonly region: string }[];
}

/** The tag the tool puts on the parameter groups it creates (aws/topology/group-tags.ts). */
const GROUP_TAG_PREFIX = TAG_PREFIXES.groupFor;

/** Statement templates: actions and the resources they need; actions not in RDS_ACTIONS are dropped. */
function templates(s: IamScope): IamStatement[] {
    const p = s.partition ?? "aws";
    const acct = s.account ?? "*";
    const members = s.members && s.members.length > 0 ? s.members : [{ cluster: "*", region: "*" }];
    const regions = [...new Set(members.map((m) => m.region))];
    const arn = (region: string, type: string, name: string) => `arn:${p}:rds:${region}:${acct}:${type}:${name}`;
    const global = `arn:${p}:rds::${acct}:global-cluster:${s.globalClusterId ?? "*"}`;
    const clusters = members.map((m) => arn(m.region, "cluster", m.cluster));
    const inRegions = (type: string, name = "*") => regions.map((r) => arn(r, type, name));
    const groups = [...inRegions("cluster-pg"), ...inRegions("pg")];
    return [
        {
            Sid: "GlobalCluster",
            Effect: "Allow",
            Action: ["rds:DescribeGlobalClusters", "rds:ModifyGlobalCluster"],
            Resource: [global],
        },
        {
            // The run lease is a tag on the global cluster (lease/lease-tag.ts); the target-family
            // parameter groups carry the `aurora-global:for:<cluster>` tag.
            Sid: "RunLeaseAndGroupTags",
            Effect: "Allow",
            Action: ["rds:ListTagsForResource", "rds:AddTagsToResource", "rds:RemoveTagsFromResource"],
            Resource: [global, ...groups],
        },
        {
            // ModifyDBCluster also names the cluster parameter group on a major upgrade (cluster-pg
            // is one of its resource types), CreateDBClusterSnapshot needs the cluster and the snapshot.
            Sid: "MemberClusters",
            Effect: "Allow",
            Action: [
                "rds:DescribeDBClusters",
                "rds:ModifyDBCluster",
                "rds:ApplyPendingMaintenanceAction",
                "rds:CreateDBClusterSnapshot",
                "rds:CreateBlueGreenDeployment",
            ],
            Resource: clusters,
        },
        {
            // Instances are found by the `db-cluster-id` filter; no condition key ties an instance
            // to its cluster, so they are scoped by region (ModifyDBInstance only sets the new
            // parameter group after a major upgrade).
            Sid: "MemberInstances",
            Effect: "Allow",
            Action: ["rds:DescribeDBInstances", "rds:ModifyDBInstance"],
            Resource: inRegions("db"),
        },
        {
            Sid: "PreUpgradeSnapshots",
            Effect: "Allow",
            Action: ["rds:CreateDBClusterSnapshot", "rds:DescribeDBClusterSnapshots"],
            Resource: members.map((m) => arn(m.region, "cluster-snapshot", `${m.cluster}-before-*`)),
        },
        {
            Sid: "ParameterGroups",
            Effect: "Allow",
            Action: [
                "rds:DescribeDBClusterParameterGroups",
                "rds:DescribeDBClusterParameters",
                "rds:DescribeDBParameterGroups",
                "rds:DescribeDBParameters",
                "rds:ModifyDBClusterParameterGroup",
                "rds:ModifyDBParameterGroup",
                "rds:ModifyDBCluster",
                "rds:ModifyDBInstance",
                "rds:CreateBlueGreenDeployment",
            ],
            Resource: groups,
        },
        {
            // Groups are created with the tool's tag in the same call (aws:TagKeys: the tag keys in
            // the request, supported by the Create*ParameterGroup actions).
            Sid: "CreateTaggedParameterGroups",
            Effect: "Allow",
            Action: ["rds:CreateDBClusterParameterGroup", "rds:CreateDBParameterGroup"],
            Resource: groups,
            Condition: { "ForAnyValue:StringLike": { "aws:TagKeys": [`${GROUP_TAG_PREFIX}*`] } },
        },
        {
            Sid: "BlueGreenDeployments",
            Effect: "Allow",
            Action: [
                "rds:CreateBlueGreenDeployment",
                "rds:DescribeBlueGreenDeployments",
                "rds:SwitchoverBlueGreenDeployment",
                "rds:DeleteBlueGreenDeployment",
            ],
            Resource: inRegions("deployment"),
        },
        {
            // --strategy blue-green reads the RDS Proxies of every member region (a proxy that
            // targets a member rules the deployment out, docs/aws-rules.md §8). A proxy's ARN carries
            // its resource id (`db-proxy:prx-…`), not its name, and its target group's too
            // (`target-group:prx-tg-…`), so both stay wildcards in the members' regions.
            Sid: "RdsProxyReads",
            Effect: "Allow",
            Action: ["rds:DescribeDBProxies", "rds:DescribeDBProxyTargets"],
            Resource: [...inRegions("db-proxy"), ...inRegions("target-group")],
        },
        {
            // --strategy blue-green: the green copies AWS names `<member>-green-<random>` (and the
            // green global cluster `<global>-green-<random>`) are read before the switchover
            // (DescribeDBClusters) and modified by the switchover AWS runs with the caller's
            // ModifyDBCluster / ModifyGlobalCluster ("Authorizing access to Amazon Aurora
            // blue/green deployment operations": switchover needs ModifyDBCluster, ModifyGlobalCluster).
            Sid: "BlueGreenGreenCopies",
            Effect: "Allow",
            Action: ["rds:DescribeDBClusters", "rds:ModifyDBCluster", "rds:ModifyGlobalCluster"],
            Resource: [
                `arn:${p}:rds::${acct}:global-cluster:${s.globalClusterId ?? "*"}-green-*`,
                ...members.map((m) => arn(m.region, "cluster", `${m.cluster}-green-*`)),
            ],
        },
        {
            // After the switchover the blue clusters are AWS's `<member>-old1` (and the blue global
            // cluster `<global>-old1`): kept (deletion protection, retired-by tags) or deleted with
            // their instances (also renamed `-old1`) and a final snapshot `<member>-old1-final`
            // (blue-green/retire.ts, retire-delete.ts). DeleteDBCluster's resource types are the
            // cluster and the final snapshot (Service Authorization Reference).
            Sid: "BlueGreenOldClusters",
            Effect: "Allow",
            Action: [
                "rds:DescribeDBClusters",
                "rds:ModifyDBCluster",
                "rds:AddTagsToResource",
                "rds:RemoveFromGlobalCluster",
                "rds:DeleteDBCluster",
            ],
            Resource: [
                ...members.map((m) => arn(m.region, "cluster", `${m.cluster}-old*`)),
                ...members.map((m) => arn(m.region, "cluster-snapshot", `${m.cluster}-old*-final`)),
            ],
        },
        {
            Sid: "BlueGreenOldGlobalCluster",
            Effect: "Allow",
            Action: ["rds:ModifyGlobalCluster", "rds:RemoveFromGlobalCluster", "rds:DeleteGlobalCluster"],
            Resource: [`arn:${p}:rds::${acct}:global-cluster:${s.globalClusterId ?? "*"}-old*`],
        },
        {
            Sid: "BlueGreenOldInstances",
            Effect: "Allow",
            Action: ["rds:DeleteDBInstance"],
            Resource: inRegions("db", "*-old*"),
        },
        {
            // The old global cluster is found by its members (DescribeGlobalClusters without an
            // identifier, blue-green/retire-delete.ts): a read authorized on every global cluster.
            Sid: "ListGlobalClusters",
            Effect: "Allow",
            Action: ["rds:DescribeGlobalClusters"],
            Resource: [`arn:${p}:rds::${acct}:global-cluster:*`],
        },
        {
            // The reference lists no resource type for DescribeDBEngineVersions (the catalogue is
            // not a resource of the account) nor for DescribeAccountAttributes (the account's
            // quotas), nor a required one for DescribePendingMaintenanceActions (a filter over every
            // resource of the region): they stay on "*".
            Sid: "NoResourceLevelPermissions",
            Effect: "Allow",
            Action: [
                "rds:DescribeDBEngineVersions",
                // Like the catalogue, the lifecycle dates of a major version are not a resource of
                // the account (assumed: the Service Authorization Reference was not checked here).
                "rds:DescribeDBMajorEngineVersions",
                "rds:DescribePendingMaintenanceActions",
                "rds:DescribeAccountAttributes",
            ],
            Resource: "*",
        },
    ];
}

/**
 * The policy document to attach to whoever runs `aurora-global` (the Pulumi deployer, CI): every
 * action of {@link RDS_ACTIONS} on the ARNs of `scope` (wildcards for what it leaves out).
 */
export function iamPolicyDocument(scope: IamScope = {}): IamPolicyDocument {
    const statements = templates(scope)
        .map((t) => ({ ...t, Action: t.Action.filter((a) => RDS_ACTIONS.includes(a)) }))
        .filter((t) => t.Action.length > 0);
    return {
        Version: "2012-10-17",
        Statement: [
            ...statements,
            {
                // "*" is required here: AWS creates and promotes the green environment's resources
                // under internally defined names, and the Aurora User Guide ("Authorizing access to
                // Amazon Aurora blue/green deployment operations") says policies for these
                // operations "can't contain partial resource name patterns such as my-db-prefix-*.
                // Only wildcards (*) are supported."
                Sid: "BlueGreenOnYourBehalf",
                Effect: "Allow",
                Action: [...BLUE_GREEN_DELEGATED_ACTIONS],
                Resource: "*",
            },
        ],
    };
}

/** The IAM action of an SDK command name (`ModifyDBClusterCommand` → `rds:ModifyDBCluster`). */
export function iamActionOf(command: string): string {
    return `rds:${command.replace(/Command$/, "")}`;
}
