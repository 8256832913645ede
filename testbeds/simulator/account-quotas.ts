import { GreenQuota } from "../../vocabulary";
import { fault, messages } from "./aws-errors";
import type { SimStore } from "./store";

/**
 * The account's RDS quotas per region, as DescribeAccountAttributes reports them (`Used`, `Max`).
 * Defaults: 40 DB clusters and 40 DB instances per region ("Quotas in Amazon Aurora",
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/CHAP_Limits.html; docs/aws-rules.md
 * §8). `Used` counts what the simulator holds in the region, green clusters of a blue/green
 * deployment and `-old1` clusters after a switchover included.
 */
export const DEFAULT_ACCOUNT_QUOTAS: Readonly<Record<GreenQuota, number>> = { DBClusters: 40, DBInstances: 40 };

/** What the account has in `region` against `quota`. */
export function quotaUsed(store: SimStore, region: string, quota: GreenQuota): number {
    const clusters = [...store.clusters.values()].filter((c) => c.region === region);
    return quota === "DBClusters" ? clusters.length : clusters.reduce((n, c) => n + c.instances.length, 0);
}

/** The quota's maximum in `region` (an override of {@link SimStore.quotaMax}, else the default). */
export function quotaMax(store: SimStore, region: string, quota: GreenQuota): number {
    return store.quotaOverrides.get(`${region}/${quota}`) ?? DEFAULT_ACCOUNT_QUOTAS[quota];
}

/**
 * Refuses what would pass a quota of `region`, with the fault CreateDBCluster, CreateDBInstance and
 * CreateBlueGreenDeployment list for it (RDS API reference): DBClusterQuotaExceededFault,
 * InstanceQuotaExceededFault. Their texts are the API reference's descriptions of the faults; the
 * live wording was not found (the simulator's own).
 */
export function assertRoom(store: SimStore, region: string, adds: Partial<Record<GreenQuota, number>>): void {
    if (
        (adds.DBClusters ?? 0) > 0 &&
        quotaUsed(store, region, "DBClusters") + adds.DBClusters! > quotaMax(store, region, "DBClusters")
    )
        fault("DBClusterQuotaExceededFault", messages.clusterQuotaExceeded());
    if (
        (adds.DBInstances ?? 0) > 0 &&
        quotaUsed(store, region, "DBInstances") + adds.DBInstances! > quotaMax(store, region, "DBInstances")
    )
        fault("InstanceQuotaExceededFault", messages.instanceQuotaExceeded());
}
