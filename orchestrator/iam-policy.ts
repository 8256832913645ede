import { identifierPattern } from "../aws/identifiers";
import { Strategy, TAG_PREFIXES } from "../vocabulary";
import { mayTakeBlueGreenPath } from "../planner";

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
 * operations", Aurora User Guide: create needs AddTagsToResource, CreateDBCluster, CreateDBInstance,
 * CreateDBClusterEndpoint, plus CreateGlobalCluster for a global database; switchover ModifyDBCluster,
 * PromoteReadReplicaDBCluster, plus ModifyGlobalCluster; delete DeleteDBCluster, DeleteDBInstance,
 * DeleteDBClusterEndpoint, plus DeleteGlobalCluster). Those aurora-global never sends itself are not
 * in {@link RDS_ACTIONS}.
 */
export const BLUE_GREEN_DELEGATED_ACTIONS: readonly string[] = [
    "rds:CreateDBCluster",
    "rds:CreateDBInstance",
    "rds:CreateDBClusterEndpoint",
    "rds:CreateGlobalCluster",
    "rds:PromoteReadReplicaDBCluster",
    "rds:DeleteDBClusterEndpoint",
];

/**
 * Everything a blue/green run does, on `*` (the same page: Aurora names the green and `-old1`
 * resources internally, so "attached IAM policies can't contain partial resource name patterns
 * such as my-db-prefix-*. Only wildcards (*) are supported"): the deployment's own operations, what
 * AWS does on the caller's behalf, and aurora-global's own calls on the green and old resources
 * (the readiness check, keeping or deleting the `-old1` clusters, finding the old global cluster
 * among all of them). Narrowed by region (`aws:RequestedRegion`) only.
 */
export const BLUE_GREEN_ACTIONS: readonly string[] = [
    "rds:CreateBlueGreenDeployment",
    "rds:DescribeBlueGreenDeployments",
    "rds:SwitchoverBlueGreenDeployment",
    "rds:DeleteBlueGreenDeployment",
    "rds:AddTagsToResource",
    "rds:ModifyDBCluster",
    "rds:ModifyGlobalCluster",
    "rds:DescribeDBClusters",
    "rds:DescribeDBInstances",
    "rds:DescribeGlobalClusters",
    "rds:RemoveFromGlobalCluster",
    "rds:DeleteGlobalCluster",
    "rds:DeleteDBInstance",
    "rds:DeleteDBCluster",
    ...BLUE_GREEN_DELEGATED_ACTIONS,
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
    /**
     * The upgrade strategy of the database (`upgrade.strategy`): the blue/green statements are
     * granted only when it is `blue-green` (`auto` never chooses blue/green). Left out: a policy
     * for every strategy.
     */
    readonly strategy?: Strategy;
}

/** True when runs with `strategy` may take the blue/green path (undefined: any strategy may be used). */
export function canBeBlueGreen(strategy: Strategy | undefined): boolean {
    return strategy === undefined || mayTakeBlueGreenPath(strategy);
}

/** The tag the tool puts on the parameter groups it creates (aws/topology/group-tags.ts). */
const GROUP_TAG_PREFIX = TAG_PREFIXES.groupFor;

/** The ARNs of one database (wildcards for what the scope leaves out). */
function scopeArns(s: IamScope) {
    const p = s.partition ?? "aws";
    const acct = s.account ?? "*";
    const members = s.members && s.members.length > 0 ? s.members : [{ cluster: "*", region: "*" }];
    const regions = [...new Set(members.map((m) => m.region))];
    const arn = (region: string, type: string, name: string) => `arn:${p}:rds:${region}:${acct}:${type}:${name}`;
    const inRegions = (type: string, name = "*") => regions.map((r) => arn(r, type, name));
    return {
        members,
        regions,
        global: `arn:${p}:rds::${acct}:global-cluster:${s.globalClusterId ?? "*"}`,
        clusters: members.map((m) => arn(m.region, "cluster", m.cluster)),
        // The pre-upgrade snapshots' identifiers (aws/identifiers.ts; orchestrator/execute/snapshot.ts).
        snapshots: members.map((m) =>
            arn(
                m.region,
                "cluster-snapshot",
                m.cluster === "*" ? "*" : identifierPattern("cluster-snapshot", m.cluster, "before"),
            ),
        ),
        instances: inRegions("db"),
        groups: [...inRegions("cluster-pg"), ...inRegions("pg")],
    };
}

/** The statements every strategy needs, each on the database's own ARNs. */
function upgradeStatements(s: IamScope): IamStatement[] {
    const a = scopeArns(s);
    return [
        {
            Sid: "GlobalCluster",
            Effect: "Allow",
            Action: ["rds:DescribeGlobalClusters", "rds:ModifyGlobalCluster"],
            Resource: [a.global],
        },
        {
            // The run lease is a tag on the global cluster (lease/lease-tag.ts); the target-family
            // parameter groups carry the `aurora-global:for:<cluster>` tag.
            Sid: "RunLeaseAndGroupTags",
            Effect: "Allow",
            Action: ["rds:ListTagsForResource", "rds:AddTagsToResource", "rds:RemoveTagsFromResource"],
            Resource: [a.global, ...a.groups],
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
            ],
            Resource: a.clusters,
        },
        {
            // Instances are found by the `db-cluster-id` filter; no condition key ties an instance
            // to its cluster, so they are scoped by region (ModifyDBInstance only sets the new
            // parameter group after a major upgrade).
            Sid: "MemberInstances",
            Effect: "Allow",
            Action: ["rds:DescribeDBInstances", "rds:ModifyDBInstance"],
            Resource: a.instances,
        },
        {
            Sid: "PreUpgradeSnapshots",
            Effect: "Allow",
            Action: ["rds:CreateDBClusterSnapshot", "rds:DescribeDBClusterSnapshots"],
            Resource: a.snapshots,
        },
        ...groupStatements(a.groups),
        ...readsWithoutScope(s, a.regions),
    ];
}

/** Reads every strategy makes beyond the database's own ARNs: deployments of its regions, and two with no resource type. */
function readsWithoutScope(s: IamScope, regions: string[]): IamStatement[] {
    return [
        {
            // `status` and `plan` show any blue/green deployment of the database, whatever the
            // strategy (a read; they work without it). Deployment ids are AWS's (`bgd-…`): every
            // deployment of the members' regions.
            Sid: "BlueGreenDeploymentReads",
            Effect: "Allow",
            Action: ["rds:DescribeBlueGreenDeployments"],
            Resource: regions.map((r) => `arn:${s.partition ?? "aws"}:rds:${r}:${s.account ?? "*"}:deployment:*`),
        },
        {
            // The reference lists no resource type for DescribeDBEngineVersions (the catalogue is
            // not a resource of the account), nor a required one for DescribePendingMaintenanceActions
            // (a filter over every resource of the region): they stay on "*".
            Sid: "NoResourceLevelPermissions",
            Effect: "Allow",
            // The lifecycle dates of a major version (DescribeDBMajorEngineVersions), like the
            // catalogue, are no resource of the account (assumed: the reference was not checked here).
            Action: [
                "rds:DescribeDBEngineVersions",
                "rds:DescribeDBMajorEngineVersions",
                "rds:DescribePendingMaintenanceActions",
            ],
            Resource: "*",
        },
    ];
}

/** Reading, modifying and creating (with the tool's tag) the parameter groups of the members' regions. */
function groupStatements(groups: string[]): IamStatement[] {
    return [
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
    ];
}

/** The statements a blue/green run adds (only when the strategy can be blue/green). */
function blueGreenStatements(s: IamScope): IamStatement[] {
    const a = scopeArns(s);
    const inRegions = a.regions.includes("*") ? undefined : { StringEquals: { "aws:RequestedRegion": a.regions } };
    return [
        {
            // AWS's page: "Only wildcards (*) are supported" for the blue/green operations (see
            // BLUE_GREEN_ACTIONS); the regions of the database's members are the only narrowing.
            Sid: "BlueGreen",
            Effect: "Allow",
            Action: [...BLUE_GREEN_ACTIONS],
            Resource: "*",
            ...(inRegions ? { Condition: inRegions } : {}),
        },
        {
            // A proxy's ARN carries its resource id (`db-proxy:prx-…`), not its name, and its target
            // group's too (`target-group:prx-tg-…`), so both stay wildcards in the members' regions;
            // a proxy that targets a member rules the deployment out (docs/aws-rules.md §8).
            Sid: "RdsProxyReads",
            Effect: "Allow",
            Action: ["rds:DescribeDBProxies", "rds:DescribeDBProxyTargets"],
            Resource: a.regions.flatMap((r) => [
                `arn:${s.partition ?? "aws"}:rds:${r}:${s.account ?? "*"}:db-proxy:*`,
                `arn:${s.partition ?? "aws"}:rds:${r}:${s.account ?? "*"}:target-group:*`,
            ]),
        },
        {
            // The account's DB cluster and instance quotas (aws/topology/account-quotas.ts): no resource type.
            Sid: "AccountQuotas",
            Effect: "Allow",
            Action: ["rds:DescribeAccountAttributes"],
            Resource: "*",
        },
    ];
}

/**
 * The policy document to attach to whoever runs `aurora-global` (the Pulumi deployer, CI): the
 * actions of {@link RDS_ACTIONS} a run of `scope`'s strategy can send, each on the database's own
 * ARNs, and with a strategy that can be blue/green the blue/green statements, which AWS requires
 * on `*` (docs/iam.md lists what stays on `*` and why).
 */
export function iamPolicyDocument(scope: IamScope = {}): IamPolicyDocument {
    const grantable = new Set([...RDS_ACTIONS, ...BLUE_GREEN_DELEGATED_ACTIONS]);
    const statements = [
        ...upgradeStatements(scope),
        ...(canBeBlueGreen(scope.strategy) ? blueGreenStatements(scope) : []),
    ]
        .map((t) => ({ ...t, Action: t.Action.filter((a) => grantable.has(a)) }))
        .filter((t) => t.Action.length > 0);
    return { Version: "2012-10-17", Statement: statements };
}

/** The IAM action of an SDK command name (`ModifyDBClusterCommand` → `rds:ModifyDBCluster`). */
export function iamActionOf(command: string): string {
    return `rds:${command.replace(/Command$/, "")}`;
}
