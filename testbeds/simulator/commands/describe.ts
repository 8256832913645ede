import type {
    DescribeDBClustersCommandInput,
    DescribeDBEngineVersionsCommandInput,
    DescribeDBMajorEngineVersionsCommandInput,
    DescribeDBInstancesCommandInput,
    DescribeGlobalClustersCommandInput,
    Filter,
} from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { idFromArnOrId } from "../topology";
import { page } from "../paging";
import { handler, Handler } from "./context";
import { clusterShape, globalShape, instanceShape } from "./shapes";
import { describeMajorEngineVersions } from "../lifecycles";

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

/**
 * AWS refuses a `db-cluster-id` filter of more than 100 distinct values: "InvalidParameterCombination:
 * Only up to 100 unique filter DB Cluster Identifiers may be specified per filter." (reported by
 * cloud-custodian, pull request #10133, which chunks its calls by 100).
 */
export const DB_CLUSTER_ID_FILTER_LIMIT = 100;

const describeDBClusters = handler<DescribeDBClustersCommandInput>(({ store, region }, input) => {
    if (input.DBClusterIdentifier !== undefined) {
        return { DBClusters: [clusterShape(store, store.cluster(region, input.DBClusterIdentifier))] };
    }
    const ids = filterValues(input.Filters, "db-cluster-id");
    if (ids !== undefined && new Set(ids).size > DB_CLUSTER_ID_FILTER_LIMIT)
        fault(
            "InvalidParameterCombination",
            `Only up to ${DB_CLUSTER_ID_FILTER_LIMIT} unique filter DB Cluster Identifiers may be specified per filter.`,
        );
    const clusters = [...store.clusters.values()].filter(
        (c) => c.region === region && (ids === undefined || ids.includes(c.id)),
    );
    const { items, Marker } = page(clusters, input);
    return { DBClusters: items.map((c) => clusterShape(store, c)), ...(Marker ? { Marker } : {}) };
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

/** DescribeDBMajorEngineVersions: the lifecycle dates of each major (lifecycles.ts); Engine and MajorEngineVersion filter. */
const describeDBMajorEngineVersions = handler<DescribeDBMajorEngineVersionsCommandInput>((_ctx, input) => ({
    DBMajorEngineVersions: describeMajorEngineVersions(input.Engine, input.MajorEngineVersion),
}));

export const describeHandlers: Record<string, Handler> = {
    DescribeDBMajorEngineVersions: describeDBMajorEngineVersions,
    DescribeGlobalClusters: describeGlobalClusters,
    DescribeDBClusters: describeDBClusters,
    DescribeDBInstances: describeDBInstances,
    DescribeDBEngineVersions: describeDBEngineVersions,
};
