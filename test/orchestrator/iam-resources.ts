import { ACCOUNT_ID } from "../../testbeds/simulator/topology";

/** One call the simulator received. */
export interface SeenCall {
    readonly region: string;
    readonly command: string;
    readonly input: Record<string, unknown>;
}

/**
 * The ARNs IAM authorizes one call against (the RDS Service Authorization Reference's resource
 * types of the action, from the identifiers in its input): an identifier names one resource; a
 * describe by filter (no identifier) is authorized on the type's every resource in the region.
 */
export function resourcesOfCall(call: SeenCall, account = ACCOUNT_ID): string[] {
    const i = call.input;
    const arn = (type: string, name: string) => `arn:aws:rds:${call.region}:${account}:${type}:${name}`;
    const str = (v: unknown) => (typeof v === "string" ? v : undefined);
    const idOf = (v: string) => (v.startsWith("arn:") ? v.slice(v.lastIndexOf(":") + 1) : v);
    const out: string[] = [];
    switch (call.command) {
        case "DescribeGlobalClusters":
        case "ModifyGlobalCluster":
            out.push(`arn:aws:rds::${account}:global-cluster:${str(i.GlobalClusterIdentifier) ?? "*"}`);
            break;
        case "DescribeDBClusters":
        case "ModifyDBCluster":
            out.push(arn("cluster", idOf(str(i.DBClusterIdentifier) ?? "*")));
            if (str(i.DBClusterParameterGroupName)) out.push(arn("cluster-pg", str(i.DBClusterParameterGroupName)!));
            break;
        case "DescribeDBInstances":
            out.push(arn("db", str(i.DBInstanceIdentifier) ?? "*"));
            break;
        case "ModifyDBInstance":
            out.push(arn("db", str(i.DBInstanceIdentifier)!));
            if (str(i.DBParameterGroupName)) out.push(arn("pg", str(i.DBParameterGroupName)!));
            break;
        case "CreateDBClusterSnapshot":
            out.push(
                arn("cluster", str(i.DBClusterIdentifier)!),
                arn("cluster-snapshot", str(i.DBClusterSnapshotIdentifier)!),
            );
            break;
        case "DescribeDBClusterSnapshots":
            out.push(arn("cluster-snapshot", str(i.DBClusterSnapshotIdentifier) ?? "*"));
            break;
        case "ApplyPendingMaintenanceAction":
            out.push(str(i.ResourceIdentifier)!);
            break;
        case "DescribeDBClusterParameterGroups":
        case "DescribeDBClusterParameters":
        case "CreateDBClusterParameterGroup":
        case "ModifyDBClusterParameterGroup":
            out.push(arn("cluster-pg", str(i.DBClusterParameterGroupName) ?? "*"));
            break;
        case "DescribeDBParameterGroups":
        case "DescribeDBParameters":
        case "CreateDBParameterGroup":
        case "ModifyDBParameterGroup":
            out.push(arn("pg", str(i.DBParameterGroupName) ?? "*"));
            break;
        case "AddTagsToResource":
        case "ListTagsForResource":
        case "RemoveTagsFromResource":
            out.push(str(i.ResourceName)!);
            break;
        case "CreateBlueGreenDeployment":
            // The deployment (its identifier is AWS's, unknown before), the source cluster, the target groups.
            out.push(arn("deployment", "*"), str(i.Source)!);
            if (str(i.TargetDBClusterParameterGroupName))
                out.push(arn("cluster-pg", str(i.TargetDBClusterParameterGroupName)!));
            if (str(i.TargetDBParameterGroupName)) out.push(arn("pg", str(i.TargetDBParameterGroupName)!));
            break;
        case "DescribeDBProxies":
        case "DescribeDBProxyTargets":
            // A proxy's ARN carries its resource id, not the name the call gives: any proxy of the region.
            out.push(arn("db-proxy", "*"));
            break;
        case "DescribeBlueGreenDeployments":
        case "SwitchoverBlueGreenDeployment":
        case "DeleteBlueGreenDeployment":
            out.push(arn("deployment", str(i.BlueGreenDeploymentIdentifier) ?? "*"));
            break;
        case "RemoveFromGlobalCluster":
            out.push(
                `arn:aws:rds::${account}:global-cluster:${str(i.GlobalClusterIdentifier)!}`,
                str(i.DbClusterIdentifier)!,
            );
            break;
        case "DeleteGlobalCluster":
            out.push(`arn:aws:rds::${account}:global-cluster:${str(i.GlobalClusterIdentifier)!}`);
            break;
        case "DeleteDBInstance":
            out.push(arn("db", str(i.DBInstanceIdentifier)!));
            break;
        case "DeleteDBCluster":
            out.push(arn("cluster", str(i.DBClusterIdentifier)!));
            if (str(i.FinalDBSnapshotIdentifier)) out.push(arn("cluster-snapshot", str(i.FinalDBSnapshotIdentifier)!));
            break;
        default:
            // DescribeDBEngineVersions, DescribePendingMaintenanceActions, DescribeAccountAttributes:
            // no resource-level permissions.
            out.push("*");
    }
    return out;
}
