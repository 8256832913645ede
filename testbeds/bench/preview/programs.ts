import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { AuroraGlobalDatabase } from "../../../components";
import { CurrentState, DescribedEngineVersion, existingDatabase } from "../../offline/mock-engine";
import { TAGS } from "../../../vocabulary";

/** Every bench database: Aurora PostgreSQL, one primary and two secondaries. */
export const PREVIEW_REGIONS = ["us-east-1", "us-west-2", "eu-west-1"] as const;
export const ENGINE = "aurora-postgresql";
/** What runs today (state) and what the pull request declares. */
export const RUNNING = "17.4";
export const DECLARED = "17.5";

const CATALOGUE: DescribedEngineVersion[] = [
    { engine: ENGINE, version: RUNNING, supportsGlobalDatabases: true, validUpgradeTargets: [DECLARED] },
    { engine: ENGINE, version: DECLARED, supportsGlobalDatabases: true, validUpgradeTargets: [] },
];

/** Identifier of bench database `i` (fixed width, so one never prefixes another). */
export function databaseId(i: number): string {
    return `benchdb-${String(i).padStart(5, "0")}`;
}

export function clusterId(i: number, region: string): string {
    return `${databaseId(i)}-${region}`;
}

/** `n` existing global databases running {@link RUNNING} in every region, and the engine catalogue. */
export function fleetState(n: number, first = 0): CurrentState {
    const parts = Array.from({ length: n }, (_, k) =>
        existingDatabase({
            globalClusterIdentifier: databaseId(first + k),
            engine: ENGINE,
            engineVersion: RUNNING,
            members: PREVIEW_REGIONS.map((region) => ({ clusterIdentifier: clusterId(first + k, region), region })),
        }),
    );
    return {
        globalClusters: parts.flatMap((p) => p.globalClusters ?? []),
        clusters: parts.flatMap((p) => p.clusters ?? []),
        engineVersions: CATALOGUE,
    };
}

/**
 * The product: `n` AuroraGlobalDatabase components declaring {@link DECLARED} (each reads its
 * members live, plans the managed upgrade, creates its upgrade steps).
 */
export function componentProgram(n: number, first = 0): () => void {
    return () => {
        for (let k = 0; k < n; k++) {
            const i = first + k;
            new AuroraGlobalDatabase(databaseId(i), {
                engine: ENGINE,
                engineVersion: DECLARED,
                globalClusterIdentifier: databaseId(i),
                primary: { region: PREVIEW_REGIONS[0], clusterIdentifier: clusterId(i, PREVIEW_REGIONS[0]) },
                secondaries: PREVIEW_REGIONS.slice(1).map((region) => ({
                    region,
                    clusterIdentifier: clusterId(i, region),
                })),
            });
        }
    };
}

/**
 * The same topology written with plain `aws.rds` resources: GlobalCluster, one Cluster and one
 * ClusterInstance per region, the same settings — no planner, no live reads, no steps.
 */
export function plainProgram(n: number, first = 0): () => void {
    return () => {
        for (let k = 0; k < n; k++) {
            const i = first + k;
            const id = databaseId(i);
            const tags = { [TAGS.globalCluster]: id };
            const global = new aws.rds.GlobalCluster(`${id}-global`, {
                region: PREVIEW_REGIONS[0],
                globalClusterIdentifier: id,
                engine: ENGINE,
                engineVersion: DECLARED,
                storageEncrypted: true,
                deletionProtection: true,
                tags,
            });
            let primary: aws.rds.Cluster | undefined;
            for (const region of PREVIEW_REGIONS) {
                const cid = clusterId(i, region);
                const isPrimary = primary === undefined;
                const cluster = new aws.rds.Cluster(
                    `${cid}-cluster`,
                    {
                        region,
                        clusterIdentifier: cid,
                        globalClusterIdentifier: global.id,
                        engine: ENGINE,
                        engineVersion: DECLARED,
                        storageEncrypted: true,
                        deletionProtection: true,
                        skipFinalSnapshot: false,
                        finalSnapshotIdentifier: `${cid}-final`,
                        copyTagsToSnapshot: true,
                        backupRetentionPeriod: 7,
                        ...(isPrimary
                            ? { masterUsername: "dbadmin", masterPassword: pulumi.secret("bench-only-not-a-password") }
                            : {}),
                        tags,
                    },
                    { ignoreChanges: ["engineVersion"], ...(primary ? { dependsOn: [primary] } : {}) },
                );
                primary ??= cluster;
                new aws.rds.ClusterInstance(`${cid}-instance-1`, {
                    region,
                    identifier: `${cid}-1`,
                    clusterIdentifier: cluster.id,
                    engine: ENGINE,
                    engineVersion: DECLARED,
                    instanceClass: "db.r6g.large",
                    publiclyAccessible: false,
                    autoMinorVersionUpgrade: false,
                    tags,
                });
            }
        }
    };
}
