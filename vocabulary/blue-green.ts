import { Bounds } from "./limits";

/** What happens to the old (blue, renamed `-old1`) clusters after a blue/green switchover. */
export const OLD_CLUSTERS = ["keep", "delete"] as const;
export type OldClusters = (typeof OLD_CLUSTERS)[number];
export const DEFAULT_OLD_CLUSTERS: OldClusters = "keep";

export function isOldClusters(value: unknown): value is OldClusters {
    return typeof value === "string" && (OLD_CLUSTERS as readonly string[]).includes(value);
}

/**
 * SwitchoverBlueGreenDeployment's `SwitchoverTimeout` in seconds: 30 to 3,600, 300 by default;
 * past it AWS rolls every change back (API_SwitchoverBlueGreenDeployment; docs/aws-rules.md §7).
 */
export const SWITCHOVER_TIMEOUT_SECONDS: Bounds = { min: 30, max: 3600 };
export const DEFAULT_SWITCHOVER_TIMEOUT_SECONDS = 300;

/**
 * What keeps AWS from creating a blue/green deployment of a member ("Limitations and
 * considerations for Amazon Aurora blue/green deployments"):
 * - `secrets-manager-password`: the master user password is managed in AWS Secrets Manager;
 * - `account-quota`: the green copy (a new cluster with as many instances, in the member's region)
 *   would pass the account's DB cluster or DB instance quota there: AWS no longer limits clones of
 *   one volume ("up to the maximum number of DB clusters allowed in the Region", "Limitations of
 *   Aurora cloning"), and CreateBlueGreenDeployment refuses with DBClusterQuotaExceededFault or
 *   InstanceQuotaExceededFault;
 * - `rds-proxy`: an RDS Proxy targets the cluster;
 * - `logical-replication`: (PostgreSQL) the cluster is a logical replication publisher or subscriber;
 * - `external-binlog-replica`: (MySQL) the cluster is an external binary log replica;
 * - `default-cluster-parameter-group`, `replication-off`, `writer-pending-reboot`: the writer is not
 *   prepared for the replication green is fed by (blue-green-replication.ts: AWS's default cluster
 *   parameter group, binlog or logical replication off, the writer instance pending a reboot).
 */
export const BLUE_GREEN_LIMITS = [
    "secrets-manager-password",
    "account-quota",
    "rds-proxy",
    "logical-replication",
    "external-binlog-replica",
    "default-cluster-parameter-group",
    "replication-off",
    "writer-pending-reboot",
] as const;
export type BlueGreenLimit = (typeof BLUE_GREEN_LIMITS)[number];

export function isBlueGreenLimit(value: unknown): value is BlueGreenLimit {
    return typeof value === "string" && (BLUE_GREEN_LIMITS as readonly string[]).includes(value);
}

/**
 * The account quotas the green copy of a member draws on in its region, by their
 * DescribeAccountAttributes `AccountQuotaName`: one more DB cluster, and as many DB instances as
 * the member has (docs/aws-rules.md §8).
 */
export const GREEN_QUOTAS = ["DBClusters", "DBInstances"] as const;
export type GreenQuota = (typeof GREEN_QUOTAS)[number];

/** A quota of the member's region that its green copy would pass. */
export interface QuotaShortfall {
    readonly quota: GreenQuota;
    readonly used: number;
    readonly max: number;
    /** What the green copy of the member adds to it. */
    readonly needed: number;
}
