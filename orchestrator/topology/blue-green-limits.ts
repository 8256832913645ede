import { DBCluster } from "@aws-sdk/client-rds";
import { BlueGreenLimit } from "../../vocabulary";

/**
 * The Blue/Green Deployment limits AWS reports on a member in DescribeDBClusters (docs/aws-rules.md
 * §8): a `MasterUserSecret` means RDS manages the master user password in AWS Secrets Manager,
 * which Blue/Green Deployments do not support ("Limitations for blue/green deployments",
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/blue-green-deployments-considerations.html).
 * The other limits of the planner's vocabulary (a volume past its clone limit, logical replication,
 * external binlog replication) are not in any Describe* answer: AWS refuses them at create time.
 */
export function blueGreenLimitsOf(cluster: Pick<DBCluster, "MasterUserSecret">): BlueGreenLimit[] {
    return cluster.MasterUserSecret !== undefined ? ["secrets-manager-password"] : [];
}
