import { Engine } from "../../engine-versions";
import { OptInType, Strategy } from "../../planner";
import { OldClusters } from "../../vocabulary";
import { AuroraGlobalDatabaseArgs, MemberArgs, UpgradeArgs } from "./args";

/**
 * What the stack program reads its settings from: `pulumi.Config` satisfies it; tests hand in a
 * plain map. Pulumi project config types are flat (string, integer, boolean, array), so the
 * settings are flat keys too (see Pulumi.yaml); per-region names are `REGION=NAME` entries.
 */
export interface ConfigSource {
    get(key: string): string | undefined;
    getNumber(key: string): number | undefined;
    getBoolean(key: string): boolean | undefined;
    getObject<T>(key: string): T | undefined;
}

/**
 * The defaults `Pulumi.yaml` gives optional keys, meaning "unset". Pulumi treats a typed project
 * key without a `default` as required ("Stack 'dev' is missing configuration value …", Pulumi's
 * `ValidateStackConfigAndApplyProjectConfig`), so every optional key has one of these, and the
 * stack reads them as not set: the component then applies its own defaults.
 */
export const UNSET = { string: "", integer: 0, array: [] as readonly string[] } as const;

/** The config keys without a default in Pulumi.yaml: Pulumi refuses a stack that does not set them. */
export const REQUIRED_CONFIG_KEYS = ["engine", "engineVersion", "primaryRegion"] as const;

/** A ConfigSource that reads the "unset" defaults ({@link UNSET}) as not set. */
export function withoutUnsetDefaults(cfg: ConfigSource): ConfigSource {
    return {
        get: (key) => {
            const v = cfg.get(key);
            return v === UNSET.string ? undefined : v;
        },
        getNumber: (key) => {
            const v = cfg.getNumber(key);
            return v === UNSET.integer ? undefined : v;
        },
        getBoolean: (key) => cfg.getBoolean(key),
        getObject: <T>(key: string) => {
            const v = cfg.getObject<T>(key);
            return Array.isArray(v) && v.length === 0 ? undefined : v;
        },
    };
}

/** Splits `REGION=VALUE` entries into a map of lists; throws naming the key, the entry and the fix. */
export function regionMap(key: string, entries: readonly unknown[] | undefined): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const entry of entries ?? []) {
        const m = typeof entry === "string" ? /^([a-z0-9-]+)=(.+)$/.exec(entry.trim()) : null;
        if (!m)
            throw new Error(
                `config ${key}: entry ${JSON.stringify(entry)} is not REGION=VALUE: write it as e.g. "us-east-1=my-name"`,
            );
        map.set(m[1], [...(map.get(m[1]) ?? []), m[2]]);
    }
    return map;
}

function optInFrom(value: string | undefined): false | OptInType | undefined {
    if (value === undefined) return undefined;
    return value === "false" ? false : (value as OptInType);
}

/** Per-region settings (`REGION=VALUE` entries), read once for every member. */
interface RegionalSettings {
    readonly subnets: Map<string, string[]>;
    readonly securityGroups: Map<string, string[]>;
    readonly kms: Map<string, string[]>;
    readonly clusterGroups: Map<string, string[]>;
    readonly instanceGroups: Map<string, string[]>;
}

function regionalSettings(cfg: ConfigSource): RegionalSettings {
    return {
        subnets: regionMap("dbSubnetGroups", cfg.getObject<unknown[]>("dbSubnetGroups")),
        securityGroups: regionMap("vpcSecurityGroupIds", cfg.getObject<unknown[]>("vpcSecurityGroupIds")),
        kms: regionMap("kmsKeyIds", cfg.getObject<unknown[]>("kmsKeyIds")),
        clusterGroups: regionMap(
            "secondaryClusterParameterGroups",
            cfg.getObject<unknown[]>("secondaryClusterParameterGroups"),
        ),
        instanceGroups: regionMap(
            "secondaryInstanceParameterGroups",
            cfg.getObject<unknown[]>("secondaryInstanceParameterGroups"),
        ),
    };
}

/** A member's subnet group, security groups and KMS key in its region, when configured. */
function placement(regional: RegionalSettings, region: string): Partial<MemberArgs> {
    return {
        ...(regional.subnets.has(region) ? { dbSubnetGroupName: regional.subnets.get(region)![0] } : {}),
        ...(regional.securityGroups.has(region) ? { vpcSecurityGroupIds: regional.securityGroups.get(region)! } : {}),
        ...(regional.kms.has(region) ? { kmsKeyId: regional.kms.get(region)![0] } : {}),
    };
}

function primaryFromConfig(cfg: ConfigSource, regional: RegionalSettings): MemberArgs {
    const primaryRegion = cfg.get("primaryRegion") as string;
    return {
        region: primaryRegion,
        ...defined("instanceCount", cfg.getNumber("primaryInstanceCount")),
        ...defined("instanceClass", cfg.get("primaryInstanceClass")),
        ...defined("clusterParameterGroupName", cfg.get("primaryClusterParameterGroup")),
        ...defined("instanceParameterGroupName", cfg.get("primaryInstanceParameterGroup")),
        ...placement(regional, primaryRegion),
    };
}

function secondariesFromConfig(cfg: ConfigSource, regional: RegionalSettings): MemberArgs[] {
    return (cfg.getObject<string[]>("secondaryRegions") ?? []).map((region): MemberArgs => ({
        region,
        ...defined("instanceCount", cfg.getNumber("secondaryInstanceCount")),
        ...defined("instanceClass", cfg.get("secondaryInstanceClass")),
        ...defined("clusterParameterGroupName", regional.clusterGroups.get(region)?.[0]),
        ...defined("instanceParameterGroupName", regional.instanceGroups.get(region)?.[0]),
        ...placement(regional, region),
    }));
}

function upgradeFromConfig(cfg: ConfigSource): UpgradeArgs {
    return {
        ...defined("strategy", cfg.get("upgradeStrategy") as Strategy | undefined),
        ...defined("allowMajorVersionUpgrade", cfg.getBoolean("upgradeAllowMajorVersionUpgrade")),
        ...defined("snapshotBeforeUpgrade", cfg.getBoolean("upgradeSnapshotBeforeUpgrade")),
        ...defined("timeoutMinutes", cfg.getNumber("upgradeTimeoutMinutes")),
        ...defined("pollSeconds", cfg.getNumber("upgradePollSeconds")),
        ...defined("applyPendingPatches", optInFrom(cfg.get("upgradeApplyPendingPatches"))),
        ...defined("mysqlInPlaceMajorConfirmed", cfg.getBoolean("upgradeMysqlInPlaceMajorConfirmed")),
        ...defined("keepCompletedSteps", cfg.getBoolean("upgradeKeepCompletedSteps")),
        ...defined("switchoverTimeoutSeconds", cfg.getNumber("upgradeSwitchoverTimeoutSeconds")),
        ...defined("oldClusters", cfg.get("upgradeOldClusters") as OldClusters | undefined),
    };
}

/** Builds the component's arguments from the stack configuration. */
export function argsFromConfig(config: ConfigSource): AuroraGlobalDatabaseArgs {
    const cfg = withoutUnsetDefaults(config);
    const regional = regionalSettings(cfg);
    const primary = primaryFromConfig(cfg, regional);
    const secondaries = secondariesFromConfig(cfg, regional);
    return {
        engine: cfg.get("engine") as Engine,
        engineVersion: cfg.get("engineVersion") as string,
        ...defined("globalClusterIdentifier", cfg.get("globalClusterIdentifier")),
        primary,
        secondaries,
        upgrade: upgradeFromConfig(cfg),
        ...defined("databaseName", cfg.get("databaseName")),
        ...defined("masterUsername", cfg.get("masterUsername")),
        ...defined("port", cfg.getNumber("port")),
        ...defined("backupRetentionPeriod", cfg.getNumber("backupRetentionPeriod")),
        ...defined("preferredBackupWindow", cfg.get("preferredBackupWindow")),
        ...defined("preferredMaintenanceWindow", cfg.get("preferredMaintenanceWindow")),
        ...defined("deletionProtection", cfg.getBoolean("deletionProtection")),
    };
}

/** `{ [key]: value }` when the value is set, `{}` otherwise (so defaults apply). */
function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
