import { SimStore } from "./store";

/**
 * How long an accepted RemoveFromGlobalCluster takes to show: meanwhile the member is still listed
 * in GlobalClusterMembers and DeleteGlobalCluster answers `InvalidGlobalClusterStateFault ... is
 * not empty`. terraform-provider-aws (internal/service/rds/global_cluster.go) waits for each
 * removal to show (waitForGlobalClusterRemoval) and retries DeleteGlobalCluster on "is not empty"
 * for up to 5 minutes "for eventual consistency"; the delay is the simulator's choice.
 */
export const GLOBAL_REMOVAL_LAG_MS = 30_000;

/** Removals accepted by RemoveFromGlobalCluster that are due by `now` take effect (transitions.ts). */
export function settleGlobalRemovals(store: SimStore, now: number): void {
    for (const global of store.globals.values()) {
        for (const [arn, at] of global.leaving ?? []) {
            if (at > now) continue;
            global.leaving!.delete(arn);
            global.members = global.members.filter((a) => a !== arn);
            const cluster = store.clusterByArn(arn);
            if (!cluster) continue;
            cluster.globalClusterId = undefined;
            cluster.role = "standalone";
            store.emit({
                time: at,
                kind: "removed-from-global",
                subject: cluster.id,
                region: cluster.region,
                message: `cluster ${cluster.id} removed from global cluster ${global.id}`,
            });
        }
    }
}
