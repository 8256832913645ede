import type {
    DescribeDBClustersCommandInput,
    DescribeDBEngineVersionsCommandInput,
    DescribeDBInstancesCommandInput,
    DescribeGlobalClustersCommandInput,
    Filter,
} from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { idFromArnOrId } from "../topology";
import { page } from "../paging";
import { handler, Handler } from "./context";
import { clusterShape, globalShape, instanceShape } from "./shapes";

/** The values of filter `name` (identifiers; ARNs reduced to identifiers), or undefined. */
export function filterValues(filters: readonly Filter[] | undefined, name: string): string[] | undefined {
    const found = filters?.find((f) => f.Name === name);
    return found ? (found.Values ?? []).map(idFromArnOrId) : undefined;
}

/** DescribeGlobalClusters: one by identifier, or every page of all of them (paging.ts). */
const describeGlobalClusters = handler<DescribeGlobalClustersCommandInput>(({ store }, input) => {
    const id = input.GlobalClusterIdentifier;
    if (id !== undefined) return { GlobalClusters: [globalShape(store, store.global(id))] };
    const { items, Marker } = page([...store.globals.values()], input);
    return { GlobalClusters: items.map((g) => globalShape(store, g)), ...(Marker ? { Marker } : {}) };
});

const describeDBClusters = handler<DescribeDBClustersCommandInput>(({ store, region }, input) => {
    if (input.DBClusterIdentifier !== undefined) {
        return { DBClusters: [clusterShape(store, store.cluster(region, input.DBClusterIdentifier))] };
    }
    const ids = filterValues(input.Filters, "db-cluster-id");
    const clusters = [...store.clusters.values()].filter(
        (c) => c.region === region && (ids === undefined || ids.includes(c.id)),
    );
    return { DBClusters: clusters.map((c) => clusterShape(store, c)) };
});

const describeDBInstances = handler<DescribeDBInstancesCommandInput>(({ store, region, now }, input) => {
    const clusterIds = filterValues(input.Filters, "db-cluster-id");
    const wanted = input.DBInstanceIdentifier === undefined ? undefined : idFromArnOrId(input.DBInstanceIdentifier);
    const instances = store
        .instancesIn(region)
        .filter(
            (i) =>
                (wanted === undefined || i.id === wanted) &&
                (clusterIds === undefined || clusterIds.includes(i.clusterId)),
        );
    if (wanted !== undefined && instances.length === 0)
        fault("DBInstanceNotFoundFault", messages.instanceNotFound(wanted));
    return { DBInstances: instances.map((i) => instanceShape(store, i, store.cluster(region, i.clusterId), now)) };
});

const describeDBEngineVersions = handler<DescribeDBEngineVersionsCommandInput>(({ store }, input) => ({
    DBEngineVersions: store.catalogue.describe(input.Engine, input.EngineVersion),
}));

export const describeHandlers: Record<string, Handler> = {
    DescribeGlobalClusters: describeGlobalClusters,
    DescribeDBClusters: describeDBClusters,
    DescribeDBInstances: describeDBInstances,
    DescribeDBEngineVersions: describeDBEngineVersions,
};
