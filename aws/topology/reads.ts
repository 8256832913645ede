import {
    DBCluster,
    DescribeDBClustersCommand,
    DescribeDBClustersCommandOutput,
    DescribeGlobalClustersCommand,
    DescribeGlobalClustersCommandOutput,
    GlobalCluster,
} from "@aws-sdk/client-rds";
import { errorCode, isNotFound } from "../errors";
import { RdsGateway } from "../gateway";
import { InputError } from "../run-errors";
import { DATABASE_FLAGS } from "../../cli-contract/flags";

/**
 * How old a read may be and still stand for a new one: a step's first look at a member right
 * after the topology read, or the pre-primary check right after the wait that saw the secondary
 * finish. Nothing of ours happens in between, and a change by someone else in those seconds is
 * refused by AWS at the modify call anyway (handled there). Waits never reuse a read.
 */
export const FRESH_READ_MS = 5_000;

/** What a read may reuse: an answer to the same read at most `reuseWithinMs` old (default: none). */
export interface ReadOptions {
    readonly reuseWithinMs?: number;
}

const clusterKey = (region: string, cluster: string) => `DescribeDBClusters ${region} ${cluster}`;
const globalKey = (id: string) => `DescribeGlobalClusters ${id}`;

/** DescribeDBClusters for one member, by identifier in its own region. */
export async function readCluster(
    api: RdsGateway,
    region: string,
    cluster: string,
    options: ReadOptions = {},
): Promise<DBCluster> {
    const key = clusterKey(region, cluster);
    const reused = options.reuseWithinMs !== undefined ? api.recall<DBCluster>(key, options.reuseWithinMs) : undefined;
    if (reused) return reused;
    try {
        const out = await api.send<DescribeDBClustersCommandOutput>(
            region,
            new DescribeDBClustersCommand({ DBClusterIdentifier: cluster }),
        );
        const found = (out.DBClusters ?? []).find((c) => c.DBClusterIdentifier === cluster) ?? out.DBClusters?.[0];
        if (found) {
            api.remember(key, found);
            return found;
        }
    } catch (e) {
        if (!(errorCode(e) === "DBClusterNotFoundFault" || isNotFound(e))) throw e;
    }
    throw new InputError(
        `member cluster "${cluster}" (${region}) of the global cluster was not found in its region: check the global cluster's members (aws rds describe-global-clusters)`,
    );
}

/** DescribeGlobalClusters for one global cluster from `region`; undefined when AWS does not list it. */
export async function describeGlobalCluster(
    api: RdsGateway,
    region: string,
    id: string,
    options: ReadOptions = {},
): Promise<GlobalCluster | undefined> {
    const reused =
        options.reuseWithinMs !== undefined
            ? api.recall<GlobalCluster>(globalKey(id), options.reuseWithinMs)
            : undefined;
    if (reused) return reused;
    const out = await api.send<DescribeGlobalClustersCommandOutput>(
        region,
        new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: id }),
    );
    const found = (out.GlobalClusters ?? []).find((g) => g.GlobalClusterIdentifier === id);
    if (found) api.remember(globalKey(id), found);
    return found;
}

/** The global cluster, or bad input naming the flags to check when AWS does not know it. */
export async function readGlobalCluster(api: RdsGateway, region: string, id: string): Promise<GlobalCluster> {
    let found: GlobalCluster | undefined;
    try {
        found = await describeGlobalCluster(api, region, id);
    } catch (e) {
        // Only AWS's own fault says so (DescribeGlobalClusters errors, RDS API reference): a
        // proxy's 404 page or any other stranger's answer is not "not found" (aws/gateway.ts).
        if (errorCode(e) !== "GlobalClusterNotFoundFault") throw e;
    }
    if (!found)
        throw new InputError(
            `global cluster "${id}" was not found from ${region}: check ${DATABASE_FLAGS.globalCluster} and ${DATABASE_FLAGS.region} (or AWS_REGION)`,
        );
    return found;
}
