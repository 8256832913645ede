import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsEngineVersion, classifyChange, Engine, tryParseVersion, VersionParseError } from "../engine-versions";
import { CatalogueTarget, EngineCatalogue, MemberState, PendingAction, PlanInput } from "../planner";
import { ResolvedMember, ResolvedUpgrade } from "./args";
import { pendingMaintenanceReader } from "./pending-maintenance";

/** What the live invokes found for one member. */
export interface LiveMember {
    readonly clusterIdentifier: string;
    readonly region: string;
    /** AWS's EngineVersion; undefined when the cluster does not exist yet. */
    readonly engineVersion?: string;
    /** Pending maintenance actions, read only when the stack opts in to applying them. */
    readonly pendingActions?: readonly PendingAction[];
}

/** What the live invokes found for the whole database. */
export interface LiveState {
    readonly members: readonly LiveMember[];
    readonly globalCluster?: { readonly engine: string; readonly engineVersion: string };
    readonly catalogue?: EngineCatalogue;
}

/** True for the provider's "does not exist" answers (a new member, not a failure). */
export function isNotFound(error: unknown): boolean {
    const text = error instanceof Error ? error.message : String(error);
    return /couldn't find resource|not ?found|empty result|no matching|no RDS engine versions? match/i.test(text);
}

/** The invoke's answer, undefined when the thing does not exist; any other failure stops the plan. */
async function orUndefinedWhenMissing<T>(
    read: Promise<T>,
    what: string,
    action: string,
    parent: pulumi.Resource,
): Promise<T | undefined> {
    try {
        return await read;
    } catch (e) {
        if (isNotFound(e)) return undefined;
        const reason = e instanceof Error ? e.message : String(e);
        throw new pulumi.ResourceError(
            `cannot read ${what} to plan the upgrade (${reason}): nothing was planned; check that the deployer may call ${action} and run again`,
            parent,
            true,
        );
    }
}

/**
 * Reads each member's running version with `aws.rds.getCluster` (in the member's region), the
 * global cluster with `aws.rds.getGlobalCluster`, and the engine catalogue with
 * `aws.rds.getEngineVersion`. A missing cluster is a new member; an unknown catalogue is left out.
 * With `readPendingMaintenance`, also each existing member's pending maintenance actions.
 */
export async function readLiveState(
    parent: pulumi.Resource,
    engine: Engine,
    globalClusterIdentifier: string,
    members: readonly ResolvedMember[],
    target: string,
    readPendingMaintenance: boolean,
): Promise<LiveState> {
    const opts: pulumi.InvokeOptions = { parent };
    const live = await Promise.all(
        members.map(async (m): Promise<LiveMember> => {
            const found = await orUndefinedWhenMissing(
                aws.rds.getCluster({ clusterIdentifier: m.clusterIdentifier, region: m.region }, opts),
                `the version of cluster "${m.clusterIdentifier}" (${m.region})`,
                "rds:DescribeDBClusters",
                parent,
            );
            const engineVersion = found?.engineVersion || undefined;
            const pendingActions =
                engineVersion !== undefined && readPendingMaintenance ? await readPending(m, parent) : undefined;
            return {
                clusterIdentifier: m.clusterIdentifier,
                region: m.region,
                ...(engineVersion ? { engineVersion } : {}),
                ...(pendingActions ? { pendingActions } : {}),
            };
        }),
    );
    const primaryRegion = members[0].region;
    const global = await orUndefinedWhenMissing(
        aws.rds.getGlobalCluster({ identifier: globalClusterIdentifier, region: primaryRegion }, opts),
        `global cluster "${globalClusterIdentifier}"`,
        "rds:DescribeGlobalClusters",
        parent,
    );
    const runningVersions = [...new Set(live.map((m) => m.engineVersion).filter((v): v is string => v !== undefined))];
    const catalogue =
        runningVersions.length > 0
            ? await readCatalogue(parent, engine, primaryRegion, runningVersions, target)
            : undefined;
    return {
        members: live,
        ...(global ? { globalCluster: { engine: global.engine, engineVersion: global.engineVersion } } : {}),
        ...(catalogue ? { catalogue } : {}),
    };
}

async function readPending(m: ResolvedMember, parent: pulumi.Resource): Promise<readonly PendingAction[]> {
    try {
        return await pendingMaintenanceReader()({ clusterIdentifier: m.clusterIdentifier, region: m.region });
    } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        throw new pulumi.ResourceError(
            `cannot read the pending maintenance of cluster "${m.clusterIdentifier}" (${m.region}) to plan the patch round (${reason}): nothing was planned; check that the deployer may call rds:DescribePendingMaintenanceActions and run again`,
            parent,
            true,
        );
    }
}

/** DescribeDBEngineVersions through the provider; undefined when the catalogue cannot be read. */
async function readCatalogue(
    parent: pulumi.Resource,
    engine: Engine,
    region: string,
    running: string[],
    target: string,
): Promise<EngineCatalogue | undefined> {
    const lookup = (version: string) =>
        aws.rds.getEngineVersion({ engine, version, region, includeAll: true }, { parent }).then(
            (r) => r,
            (e) => {
                if (!isNotFound(e)) {
                    void pulumi.log.warn(
                        `engine catalogue for ${engine} ${version} not available (${e instanceof Error ? e.message : String(e)}): upgrade-target checks skipped`,
                        parent,
                    );
                }
                return undefined;
            },
        );
    const upgradeTargets: Record<string, CatalogueTarget[]> = {};
    const supportsGlobal: Record<string, boolean> = {};
    for (const version of running) {
        const found = await lookup(version);
        if (!found) continue;
        supportsGlobal[version] = found.supportsGlobalDatabases;
        upgradeTargets[version] = (found.validUpgradeTargets ?? []).map((t) => ({
            version: t,
            isMajorVersionUpgrade: isMajorStep(engine, version, t),
        }));
    }
    const parsedTarget = tryParseVersion(engine, target);
    const targetFound =
        parsedTarget instanceof VersionParseError ? undefined : await lookup(awsEngineVersion(parsedTarget));
    if (targetFound) supportsGlobal[targetFound.version] = targetFound.supportsGlobalDatabases;
    if (Object.keys(upgradeTargets).length === 0 && Object.keys(supportsGlobal).length === 0) return undefined;
    return { upgradeTargets, supportsGlobal };
}

function isMajorStep(engine: Engine, from: string, to: string): boolean {
    const a = tryParseVersion(engine, from);
    const b = tryParseVersion(engine, to);
    if (a instanceof VersionParseError || b instanceof VersionParseError) return false;
    return classifyChange(a, b) === "major";
}

/** The planner's input from the declared members and what runs live. */
export function buildPlanInput(
    engine: Engine,
    globalClusterIdentifier: string,
    target: string,
    members: readonly ResolvedMember[],
    upgrade: ResolvedUpgrade,
    live: LiveState,
): PlanInput {
    const states = members.map((m, i): MemberState => {
        const current = live.members[i]?.engineVersion;
        const pending = live.members[i]?.pendingActions;
        return {
            cluster: m.clusterIdentifier,
            region: m.region,
            role: m.role,
            instanceCount: m.instanceCount,
            ...(current !== undefined ? { currentVersion: current } : {}),
            ...(pending !== undefined ? { pendingActions: pending } : {}),
            ...(m.engineVersion !== undefined ? { declaredVersion: m.engineVersion } : {}),
            ...(m.rpoEnabled !== undefined ? { rpoEnabled: m.rpoEnabled } : {}),
            ...(m.lowerCaseTableNamesDefault !== undefined
                ? { lowerCaseTableNamesDefault: m.lowerCaseTableNamesDefault }
                : {}),
            ...(m.targetClusterParameterGroupName !== undefined
                ? { targetClusterParameterGroup: m.targetClusterParameterGroupName }
                : {}),
            ...(m.targetInstanceParameterGroupName !== undefined
                ? { targetInstanceParameterGroup: m.targetInstanceParameterGroupName }
                : {}),
        };
    });
    return {
        engine,
        globalClusterId: globalClusterIdentifier,
        ...(live.globalCluster
            ? { globalCurrentEngine: live.globalCluster.engine, globalCurrentVersion: live.globalCluster.engineVersion }
            : {}),
        target,
        members: states,
        options: {
            strategy: upgrade.strategy,
            allowMajorVersionUpgrade: upgrade.allowMajorVersionUpgrade,
            snapshotBeforeUpgrade: upgrade.snapshotBeforeUpgrade,
            applyPendingPatches: upgrade.applyPendingPatches,
            mysqlInPlaceMajorConfirmed: upgrade.mysqlInPlaceMajorConfirmed,
        },
        ...(live.catalogue ? { catalogue: live.catalogue } : {}),
    };
}
