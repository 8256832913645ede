import type {
    DBProxy,
    DBProxyTarget,
    DescribeDBProxiesCommandInput,
    DescribeDBProxyTargetsCommandInput,
} from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { ProxyState } from "../model";
import { SimStore } from "../store";
import { handler, Handler } from "./context";

/**
 * RDS Proxy reads, in AWS's shapes (the RDS API reference: DescribeDBProxies, DescribeDBProxyTargets,
 * DBProxy, DBProxyTarget; docs/aws-rules.md §8):
 * - DescribeDBProxies: every proxy of the region, or the one `DBProxyName` names
 *   (DBProxyNotFoundFault otherwise); `MaxRecords` 20–100 (default 100) and `Marker` pages.
 * - DescribeDBProxyTargets: `DBProxyName` required (DBProxyNotFoundFault for an unknown one);
 *   `TargetGroupName` other than the proxy's one target group `default` is
 *   DBProxyTargetGroupNotFoundFault. An Aurora cluster is one `TRACKED_CLUSTER` target
 *   (`RdsResourceId` = the cluster identifier) and one `RDS_INSTANCE` target per instance
 *   (`TrackedClusterId` = the cluster identifier), as `register-db-proxy-targets
 *   --db-cluster-identifiers` answers.
 */

const DEFAULT_PAGE = 100;

/** One page of `items` from `Marker` (the index of the next item, as the simulator hands it out). */
function page<T>(
    items: readonly T[],
    input: { Marker?: string; MaxRecords?: number },
): { items: T[]; marker?: string } {
    const size = input.MaxRecords ?? DEFAULT_PAGE;
    if (!Number.isInteger(size) || size < 20 || size > 100)
        fault("InvalidParameterValue", messages.maxRecordsRange(size));
    const start = input.Marker === undefined ? 0 : Number(input.Marker);
    if (!Number.isInteger(start) || start < 0 || start > items.length)
        fault("InvalidParameterValue", messages.invalidMarker(String(input.Marker)));
    const end = start + size;
    return { items: items.slice(start, end), ...(end < items.length ? { marker: String(end) } : {}) };
}

function proxyShape(p: ProxyState): DBProxy {
    return {
        DBProxyName: p.name,
        DBProxyArn: p.arn,
        Status: "available",
        EngineFamily: p.engineFamily,
        RequireTLS: true,
        IdleClientTimeout: 1800,
        DebugLogging: false,
        Endpoint: `${p.name}.proxy-sim.${p.region}.rds.amazonaws.com`,
        CreatedDate: new Date(p.createdAt),
        UpdatedDate: new Date(p.createdAt),
    };
}

function findProxy(store: SimStore, region: string, name: string): ProxyState {
    return (
        store.proxiesIn(region).find((p) => p.name === name) ??
        fault("DBProxyNotFoundFault", messages.proxyNotFound(name))
    );
}

/** The targets of one proxy: each cluster it tracks, then that cluster's instances. */
function targetsOf(store: SimStore, p: ProxyState): DBProxyTarget[] {
    const port = p.engineFamily === "MYSQL" ? 3306 : 5432;
    return p.targets.flatMap((id) => {
        const cluster = [...store.clusters.values()].find((c) => c.region === p.region && c.id === id);
        if (!cluster) return [];
        const tracked: DBProxyTarget = {
            TargetArn: cluster.arn,
            RdsResourceId: cluster.id,
            TrackedClusterId: cluster.id,
            Port: port,
            Type: "TRACKED_CLUSTER",
            TargetHealth: { State: "AVAILABLE" },
        };
        const instances = cluster.instances.map((i): DBProxyTarget => ({
            TargetArn: i.arn,
            Endpoint: `${i.id}.sim.${i.region}.rds.amazonaws.com`,
            TrackedClusterId: cluster.id,
            RdsResourceId: i.id,
            Port: port,
            Type: "RDS_INSTANCE",
            Role: i.isWriter ? "READ_WRITE" : "READ_ONLY",
            TargetHealth: { State: "AVAILABLE" },
        }));
        return [tracked, ...instances];
    });
}

const describeDBProxies = handler<DescribeDBProxiesCommandInput>(({ store, region }, input) => {
    const proxies =
        input.DBProxyName !== undefined ? [findProxy(store, region, input.DBProxyName)] : store.proxiesIn(region);
    const { items, marker } = page(proxies, input);
    return { DBProxies: items.map(proxyShape), ...(marker ? { Marker: marker } : {}) };
});

const describeDBProxyTargets = handler<DescribeDBProxyTargetsCommandInput>(({ store, region }, input) => {
    const name = input.DBProxyName || fault("InvalidParameterValue", messages.missingParameter("DBProxyName"));
    const proxy = findProxy(store, region, name);
    if (input.TargetGroupName !== undefined && input.TargetGroupName !== "default")
        fault("DBProxyTargetGroupNotFoundFault", messages.proxyTargetGroupNotFound(name, input.TargetGroupName));
    const { items, marker } = page(targetsOf(store, proxy), input);
    return { Targets: items, ...(marker ? { Marker: marker } : {}) };
});

export const proxyHandlers: Record<string, Handler> = {
    DescribeDBProxies: describeDBProxies,
    DescribeDBProxyTargets: describeDBProxyTargets,
};
