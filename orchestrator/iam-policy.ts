/**
 * The least-privilege IAM policy of the `aurora-global` CLI: exactly the RDS actions it can call.
 * A test proves every command the orchestrator sends in every scenario is listed here.
 */
export const RDS_ACTIONS: readonly string[] = [
    "rds:DescribeGlobalClusters",
    "rds:DescribeDBClusters",
    "rds:DescribeDBInstances",
    "rds:DescribeDBEngineVersions",
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
    "rds:ModifyGlobalCluster",
    "rds:ModifyDBCluster",
    "rds:ModifyDBInstance",
    "rds:ApplyPendingMaintenanceAction",
    // --strategy blue-green (orchestrator/blue-green/)
    "rds:DescribeBlueGreenDeployments",
    "rds:CreateBlueGreenDeployment",
    "rds:SwitchoverBlueGreenDeployment",
    "rds:DeleteBlueGreenDeployment",
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
];

/** One statement of an IAM policy document. */
export interface IamStatement {
    Sid: string;
    Effect: "Allow";
    Action: string[];
    Resource: string;
}

/** An IAM policy document granting {@link RDS_ACTIONS} (and nothing else). */
export interface IamPolicyDocument {
    Version: "2012-10-17";
    Statement: IamStatement[];
}

/** The policy document to attach to whoever runs `aurora-global` (the Pulumi deployer, CI). */
export function iamPolicyDocument(): IamPolicyDocument {
    return {
        Version: "2012-10-17",
        Statement: [
            { Sid: "AuroraGlobalUpgrade", Effect: "Allow", Action: [...RDS_ACTIONS], Resource: "*" },
            {
                Sid: "AuroraGlobalBlueGreenOnYourBehalf",
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
