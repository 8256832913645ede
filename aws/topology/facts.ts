import {
    DBEngineVersion,
    DescribeDBClusterParametersCommand,
    DescribeDBClusterParametersCommandOutput,
    DescribeDBEngineVersionsCommand,
    DescribeDBEngineVersionsCommandOutput,
    DescribeDBInstancesCommand,
    DescribeDBInstancesCommandOutput,
    DescribePendingMaintenanceActionsCommand,
    DescribePendingMaintenanceActionsCommandOutput,
} from "@aws-sdk/client-rds";
import { Engine } from "../../engine-versions";
import { CatalogueTarget, EngineCatalogue, PendingAction } from "../../planner";
import { RdsGateway } from "../gateway";
import { RetryPolicy } from "../retry";

/** Optional facts get fewer attempts: the plan can be made without them. */
export const OPTIONAL_FACT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 5_000 };

/** The version a pending action's description names: "Upgrade to Aurora PostgreSQL 17.4.6" → `17.4.6`. */
export function pendingTargetVersion(engine: Engine, description: string | undefined): string | undefined {
    if (!description) return undefined;
    if (engine === "aurora-postgresql") return /(\d+\.\d+\.\d+)/.exec(description)?.[1];
    const full = /(\d\.\d\.mysql_aurora\.\d+\.\d+\.\d+)/.exec(description)?.[1];
    if (full) return full;
    const aurora = /Aurora MySQL (\d)\.(\d+)\.(\d+)/i.exec(description);
    if (aurora) return `${aurora[1] === "2" ? "5.7" : "8.0"}.mysql_aurora.${aurora[1]}.${aurora[2]}.${aurora[3]}`;
    return /\b(8\.4\.\d+)\b/.exec(description)?.[1];
}

/** DescribePendingMaintenanceActions for one cluster ARN, in its region. */
export async function pendingActionsOf(
    api: RdsGateway,
    region: string,
    arn: string,
    engine: Engine,
): Promise<PendingAction[]> {
    const out = await api.send<DescribePendingMaintenanceActionsCommandOutput>(
        region,
        new DescribePendingMaintenanceActionsCommand({ ResourceIdentifier: arn }),
        OPTIONAL_FACT_RETRY,
    );
    return (out.PendingMaintenanceActions ?? [])
        .filter((r) => r.ResourceIdentifier === undefined || r.ResourceIdentifier === arn)
        .flatMap((r) => r.PendingMaintenanceActionDetails ?? [])
        .filter((d) => typeof d.Action === "string")
        .map((d) => {
            const targetVersion = pendingTargetVersion(engine, d.Description);
            return {
                action: d.Action!,
                ...(d.Description ? { description: d.Description } : {}),
                ...(targetVersion ? { targetVersion } : {}),
                // What AWS has scheduled (ApplyPendingMaintenanceAction's opt-in and its date):
                // https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_PendingMaintenanceAction.html
                ...(d.OptInStatus ? { optInStatus: d.OptInStatus } : {}),
                ...(d.CurrentApplyDate ? { currentApplyDate: new Date(d.CurrentApplyDate).toISOString() } : {}),
            };
        });
}

/** User-set parameters of a custom cluster parameter group (all pages). */
export async function userClusterParameters(
    api: RdsGateway,
    region: string,
    group: string,
): Promise<Map<string, string>> {
    const params = new Map<string, string>();
    let marker: string | undefined;
    do {
        const out = await api.send<DescribeDBClusterParametersCommandOutput>(
            region,
            new DescribeDBClusterParametersCommand({
                DBClusterParameterGroupName: group,
                Source: "user",
                Marker: marker,
            }),
        );
        for (const p of out.Parameters ?? [])
            if (p.ParameterName && p.ParameterValue !== undefined) params.set(p.ParameterName, p.ParameterValue);
        marker = out.Marker;
    } while (marker);
    return params;
}

/** True when a group name is one of AWS's defaults (never carries user settings). */
export function isDefaultGroup(name: string | undefined): boolean {
    return name === undefined || name === "" || name.startsWith("default.");
}

/** The DB parameter group of each instance of a cluster. */
export async function instanceParameterGroupsOf(api: RdsGateway, region: string, cluster: string): Promise<string[]> {
    const out = await api.send<DescribeDBInstancesCommandOutput>(
        region,
        new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [cluster] }] }),
    );
    return (out.DBInstances ?? [])
        .flatMap((i) => (i.DBParameterGroups ?? []).map((g) => g.DBParameterGroupName))
        .filter((n): n is string => typeof n === "string");
}

/** Looks up the catalogue entries of `versions` (home region). Throws when AWS cannot answer. */
export async function catalogueOf(
    api: RdsGateway,
    region: string,
    engine: Engine,
    versions: readonly string[],
): Promise<EngineCatalogue> {
    const upgradeTargets: Record<string, CatalogueTarget[]> = {};
    const supportsGlobal: Record<string, boolean> = {};
    for (const version of [...new Set(versions)]) {
        const out = await api.send<DescribeDBEngineVersionsCommandOutput>(
            region,
            new DescribeDBEngineVersionsCommand({ Engine: engine, EngineVersion: version }),
            OPTIONAL_FACT_RETRY,
        );
        const entry: DBEngineVersion | undefined = (out.DBEngineVersions ?? []).find(
            (e) => e.EngineVersion === version,
        );
        if (!entry) continue;
        if (typeof entry.SupportsGlobalDatabases === "boolean") supportsGlobal[version] = entry.SupportsGlobalDatabases;
        // Absent (not empty) means AWS did not say: leave it unknown rather than "no valid target".
        if (Array.isArray(entry.ValidUpgradeTarget)) {
            upgradeTargets[version] = entry.ValidUpgradeTarget.filter((t) => typeof t.EngineVersion === "string").map(
                (t) => ({
                    version: t.EngineVersion!,
                    isMajorVersionUpgrade: t.IsMajorVersionUpgrade === true,
                    ...(typeof t.SupportsGlobalDatabases === "boolean"
                        ? { supportsGlobalDatabases: t.SupportsGlobalDatabases }
                        : {}),
                }),
            );
        }
    }
    return { upgradeTargets, supportsGlobal };
}

/**
 * Every EngineVersion of `engine` that AWS offers in `region` with `SupportsGlobalDatabases`
 * true (all pages). DescribeDBEngineVersions takes `Engine`, `EngineVersion`, `MaxRecords`
 * (20–100, default 100) and `Marker`, and answers `DBEngineVersions[]` (each with `EngineVersion`,
 * `SupportsGlobalDatabases`, `ValidUpgradeTarget[]`) and a `Marker` while more remain:
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DescribeDBEngineVersions.html
 */
export async function globalVersionsOffered(api: RdsGateway, region: string, engine: Engine): Promise<string[]> {
    const versions: string[] = [];
    let marker: string | undefined;
    do {
        const out = await api.send<DescribeDBEngineVersionsCommandOutput>(
            region,
            new DescribeDBEngineVersionsCommand({ Engine: engine, MaxRecords: 100, Marker: marker }),
            OPTIONAL_FACT_RETRY,
        );
        for (const e of out.DBEngineVersions ?? [])
            if (e.SupportsGlobalDatabases === true && typeof e.EngineVersion === "string")
                versions.push(e.EngineVersion);
        marker = out.Marker;
    } while (marker);
    return versions;
}
