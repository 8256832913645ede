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
 * - `not-cloneable`: the cluster volume cannot be cloned (green is a clone of blue's storage);
 * - `rds-proxy`: an RDS Proxy targets the cluster;
 * - `logical-replication`: (PostgreSQL) the cluster is a logical replication publisher or subscriber;
 * - `external-binlog-replica`: (MySQL) the cluster is an external binary log replica.
 */
export const BLUE_GREEN_LIMITS = [
    "secrets-manager-password",
    "not-cloneable",
    "rds-proxy",
    "logical-replication",
    "external-binlog-replica",
] as const;
export type BlueGreenLimit = (typeof BLUE_GREEN_LIMITS)[number];

export function isBlueGreenLimit(value: unknown): value is BlueGreenLimit {
    return typeof value === "string" && (BLUE_GREEN_LIMITS as readonly string[]).includes(value);
}
