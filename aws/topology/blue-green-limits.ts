import { DBCluster } from "@aws-sdk/client-rds";
import { BlueGreenLimit } from "../../vocabulary";
import { MemberTopology } from "./types";

/**
 * The Blue/Green Deployment limits AWS reports on a member in DescribeDBClusters (docs/aws-rules.md
 * §8): a `MasterUserSecret` means RDS manages the master user password in AWS Secrets Manager,
 * which Blue/Green Deployments do not support ("Limitations for blue/green deployments",
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/blue-green-deployments-considerations.html).
 * The `rds-proxy` limit comes from the RDS Proxies that target the member ({@link withProxyLimit}),
 * the `account-quota` limit from the region's quotas (account-quotas.ts). The other limits of the
 * planner's vocabulary (logical replication, external binlog replication) are not in any Describe*
 * answer: AWS refuses them at create time.
 */
export function blueGreenLimitsOf(cluster: Pick<DBCluster, "MasterUserSecret">): BlueGreenLimit[] {
    return cluster.MasterUserSecret !== undefined ? ["secrets-manager-password"] : [];
}

/**
 * The member's limits and proxies once the RDS Proxies that target it are known (rds-proxies.ts):
 * "Global Database does not support RDS Proxy with blue/green deployments" ("Using RDS Proxy with
 * Blue/Green Deployments", docs/aws-rules.md §8), so any one is the `rds-proxy` limit. No proxy:
 * nothing changes (and `rdsProxies` is empty: read, none found).
 */
export function withProxyLimit(
    member: Pick<MemberTopology, "blueGreenLimits">,
    proxies: readonly string[],
): Pick<MemberTopology, "blueGreenLimits" | "rdsProxies"> {
    if (proxies.length === 0) return { rdsProxies: [] };
    const limits = member.blueGreenLimits ?? [];
    return {
        blueGreenLimits: limits.includes("rds-proxy") ? limits : [...limits, "rds-proxy"],
        rdsProxies: [...proxies],
    };
}
