import * as pulumi from "@pulumi/pulumi";
import { Engine } from "../../engine-versions";
import { OptInType, Strategy } from "../../planner";
import { DEFAULT_OLD_CLUSTERS, DEFAULT_SWITCHOVER_TIMEOUT_SECONDS, OldClusters } from "../../vocabulary";
import { AuroraGlobalDatabaseArgs, MemberArgs, UpgradeArgs } from "./args";
import { ArgsProblem } from "./args-error";

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

/**
 * Stack configuration that would declare a database other than the one written: an entry for a
 * region that is no member, two entries for one region of a one-value setting. Thrown before the
 * component is constructed (Pulumi prints a RunError without a stack trace).
 */
export class StackConfigError extends pulumi.RunError {
    constructor(readonly problems: readonly ArgsProblem[]) {
        super(
            `the stack configuration has ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${problems.map((p) => `  - [${p.rule}] ${p.message}`).join("\n")}`,
        );
        this.name = "StackConfigError";
    }
}

/** The `REGION=VALUE` keys, each with whether a member takes several values of it. */
const REGION_KEYS = {
    dbSubnetGroups: { many: false, secondaryOnly: false },
    vpcSecurityGroupIds: { many: true, secondaryOnly: false },
    kmsKeyIds: { many: false, secondaryOnly: false },
    secondaryClusterParameterGroups: { many: false, secondaryOnly: true },
    secondaryInstanceParameterGroups: { many: false, secondaryOnly: true },
} as const;

/** Entries naming a region that is no member (or the primary, for the secondaries' keys), and one-value keys given twice. */
function regionEntryProblems(cfg: ConfigSource, primary: string, secondaries: readonly string[]): ArgsProblem[] {
    return Object.entries(REGION_KEYS).flatMap(([key, kind]) => {
        const entries = regionMap(key, cfg.getObject<unknown[]>(key));
        const allowed = kind.secondaryOnly ? secondaries : [primary, ...secondaries];
        return [...entries.entries()].flatMap(([region, values]): ArgsProblem[] => {
            const shown = values.map((v) => `"${region}=${v}"`).join(" and ");
            if (!allowed.includes(region))
                return [
                    {
                        rule: "config-region-entry",
                        path: key,
                        message: notAMember(key, shown, region, primary, secondaries),
                    },
                ];
            return !kind.many && values.length > 1
                ? [
                      {
                          rule: "config-region-entry",
                          path: key,
                          message: `config ${key}: entries ${shown} both name ${region}, and a member takes one: keep one of them`,
                      },
                  ]
                : [];
        });
    });
}

/** Why an entry's region takes no value of `key`, and the fix. */
function notAMember(
    key: string,
    shown: string,
    region: string,
    primary: string,
    secondaries: readonly string[],
): string {
    if (region === primary)
        return `config ${key}: entry ${shown} names the primary region ${region}: ${key} is for secondary regions; set primary${key.includes("Instance") ? "Instance" : "Cluster"}ParameterGroup for the primary`;
    const members = `primaryRegion ${primary}${secondaries.length > 0 ? `, secondaryRegions ${secondaries.join(", ")}` : ", no secondaryRegions"}`;
    return `config ${key}: entry ${shown} names ${region}, which is no member region of this database (${members}): fix the region, or add ${region} to secondaryRegions`;
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
        // Pulumi.yaml gives these their defaults: a default is "not set" (the component's
        // blue-green-only-options rule refuses a value set with another strategy).
        ...defined(
            "switchoverTimeoutSeconds",
            unlessDefault(cfg.getNumber("upgradeSwitchoverTimeoutSeconds"), DEFAULT_SWITCHOVER_TIMEOUT_SECONDS),
        ),
        ...defined(
            "oldClusters",
            unlessDefault(cfg.get("upgradeOldClusters") as OldClusters | undefined, DEFAULT_OLD_CLUSTERS),
        ),
    };
}

/** Builds the component's arguments from the stack configuration. */
export function argsFromConfig(config: ConfigSource): AuroraGlobalDatabaseArgs {
    const cfg = withoutUnsetDefaults(config);
    const regional = regionalSettings(cfg);
    const problems = regionEntryProblems(
        cfg,
        cfg.get("primaryRegion") ?? "",
        cfg.getObject<string[]>("secondaryRegions") ?? [],
    );
    if (problems.length > 0) throw new StackConfigError(problems);
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

/** The value, or undefined when it is the default (a setting Pulumi.yaml defaults reads the same unset). */
function unlessDefault<V>(value: V | undefined, fallback: V): V | undefined {
    return value === fallback ? undefined : value;
}

/** `{ [key]: value }` when the value is set, `{}` otherwise (so defaults apply). */
function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
    return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
