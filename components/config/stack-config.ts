import * as pulumi from "@pulumi/pulumi";
import { Engine } from "../../engine-versions";
import {
    OptionName,
    optionDefault,
    OptionSpec,
    parseOption,
    renderProblem,
    STACK_CONFIG_NAMESPACE,
    UPGRADE_OPTIONS,
} from "../../upgrade-options";
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

/** The upgrade options the stack config sets (Pulumi.yaml `upgrade*` keys), in the order the component's args list them. */
const CONFIG_UPGRADE_OPTIONS: readonly OptionName[] = [
    "strategy",
    "allowMajorVersionUpgrade",
    "snapshotBeforeUpgrade",
    "timeoutMinutes",
    "pollSeconds",
    "applyPendingPatches",
    "mysqlInPlaceMajorConfirmed",
    "keepCompletedSteps",
    "switchoverTimeoutSeconds",
    "oldClusters",
];

/**
 * Pulumi.yaml gives these their defaults: a default is "not set" (the component's
 * blue-green-only-options rule refuses a value set with another strategy).
 */
const DEFAULT_IS_UNSET: readonly OptionName[] = ["switchoverTimeoutSeconds", "oldClusters"];

/** The raw value of one option's key, read with the config type Pulumi.yaml gives it. */
function rawOption(cfg: ConfigSource, spec: OptionSpec, key: string): unknown {
    if (spec.kind === "whole-number") return cfg.getNumber(key);
    if (spec.kind === "boolean") return cfg.getBoolean(key);
    return cfg.get(key);
}

/**
 * The `upgrade` args from the stack config, each option read by the one option parser
 * (upgrade-options/) and refused as the user wrote it (`aurora-global:upgradeStrategy`).
 */
function upgradeFromConfig(cfg: ConfigSource): { upgrade: UpgradeArgs; problems: ArgsProblem[] } {
    const upgrade: Record<string, unknown> = {};
    const problems: ArgsProblem[] = [];
    for (const name of CONFIG_UPGRADE_OPTIONS) {
        const spec: OptionSpec = UPGRADE_OPTIONS[name];
        const key = spec.configKey ?? name;
        const read = parseOption(name, `${STACK_CONFIG_NAMESPACE}:${key}`, rawOption(cfg, spec, key), "text");
        if (!read.ok) problems.push({ rule: spec.rule, path: key, message: renderProblem(read.problem) });
        else if (read.value !== undefined && !(DEFAULT_IS_UNSET.includes(name) && read.value === optionDefault(name)))
            upgrade[name] = read.value;
    }
    return { upgrade: upgrade as UpgradeArgs, problems };
}

/** Builds the component's arguments from the stack configuration. */
export function argsFromConfig(config: ConfigSource): AuroraGlobalDatabaseArgs {
    const cfg = withoutUnsetDefaults(config);
    const regional = regionalSettings(cfg);
    const { upgrade, problems: optionProblems } = upgradeFromConfig(cfg);
    const problems = [
        ...regionEntryProblems(cfg, cfg.get("primaryRegion") ?? "", cfg.getObject<string[]>("secondaryRegions") ?? []),
        ...optionProblems,
    ];
    if (problems.length > 0) throw new StackConfigError(problems);
    const primary = primaryFromConfig(cfg, regional);
    const secondaries = secondariesFromConfig(cfg, regional);
    return {
        engine: cfg.get("engine") as Engine,
        engineVersion: cfg.get("engineVersion") as string,
        ...defined("globalClusterIdentifier", cfg.get("globalClusterIdentifier")),
        primary,
        secondaries,
        upgrade,
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
