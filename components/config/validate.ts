import { regionProblem, knownRegion } from "../../aws-regions";
import { awsWrittenForm, tryParseVersion, VersionParseError } from "../../engine-versions";
import {
    BACKUP_RETENTION_DAYS,
    Bounds,
    ENGINES,
    INSTANCE_COUNT,
    isEngine,
    MAX_SECONDARIES,
    PORT,
} from "../../vocabulary";
import {
    BOOLEAN_VALUE,
    checkValue,
    COMPONENT_OPTIONS,
    OptionName,
    OptionSpec,
    parseOption,
    renderProblem,
    UPGRADE_OPTIONS,
} from "../../upgrade-options";
import { AuroraGlobalDatabaseArgs } from "./args";
import { ArgsProblem } from "./args-error";
import { AWS_LIMIT_RULES } from "./aws-limits";
import { ArgsRule, Found, found, identifier, isObject, members, oneOf, q } from "./rule-kit";
import { parseBackupWindow, parseMaintenanceWindow, Window, windowsOverlap } from "./windows";

export { ArgsProblem, argsErrorMessage, AuroraGlobalDatabaseArgsError } from "./args-error";
export { ArgsRule, q } from "./rule-kit";

const DATABASE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;
const MASTER_USERNAME = /^[a-zA-Z][a-zA-Z0-9_]{0,15}$/;
const INSTANCE_CLASS = /^db\.[a-z0-9-]+\.[a-z0-9]+$/;

function integerIn(path: string, value: unknown, { min, max }: Bounds, fix: string): Found[] {
    if (value === undefined) return [];
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
        ? []
        : [found(path, `${path} ${q(value)} is not an integer from ${min} to ${max}: ${fix}`)];
}

/** A version string: a string, not blank, without spaces around it, parsing as a version of the engine. */
function version(path: string, engine: string, value: unknown): Found[] {
    const example = engine === "aurora-mysql" ? "8.0.mysql_aurora.3.08.0" : "17.4";
    if (value === undefined || value === null)
        return [found(path, `${path} is missing: give the engine version, e.g. "${example}"`)];
    if (typeof value !== "string")
        return [found(path, `${path} ${q(value)} is not a string: write the version in quotes, e.g. "${example}"`)];
    if (value.trim() === "")
        return [found(path, `${path} ${q(value)} is empty: give the engine version, e.g. "${example}"`)];
    if (value !== value.trim())
        return [
            found(
                path,
                `${path} ${q(value)} has spaces around it: write ${q(value.trim())} (AWS takes the version exactly as written)`,
            ),
        ];
    const parsed = tryParseVersion(engine, value);
    if (parsed instanceof VersionParseError)
        return [found(path, parsed.message.replace(/^engineVersion /, `${path} `))];
    // AWS compares EngineVersion as a string: "16.08" is no version AWS runs (engine-versions awsWrittenForm).
    return awsWrittenForm(parsed) === value
        ? []
        : [found(path, `${path} ${q(value)} is not how AWS writes the version: write ${q(awsWrittenForm(parsed))}`)];
}

function booleanAt(path: string, value: unknown): Found[] {
    const read = checkValue(BOOLEAN_VALUE, path, value, "value");
    return read.ok ? [] : [found(path, renderProblem(read.problem))];
}

/** One upgrade option (upgrade-options/), named by its arg path, read by the one option parser. */
function upgradeOption(name: OptionName, a: AuroraGlobalDatabaseArgs): Found[] {
    const path = (UPGRADE_OPTIONS[name] as OptionSpec).argPath ?? name;
    const upgrade: unknown = a.upgrade;
    const read = parseOption(name, path, isObject(upgrade) ? upgrade[name] : undefined, "value");
    return read.ok ? [] : [found(path, renderProblem(read.problem))];
}

/** The rule of one upgrade option, under the rule id of the table. */
const optionRule = (name: OptionName): ArgsRule => ({
    id: UPGRADE_OPTIONS[name].rule,
    check: (a) => upgradeOption(name, a),
});

const UPGRADE_BOOLEANS = COMPONENT_OPTIONS.filter((name) => UPGRADE_OPTIONS[name].kind === "boolean");

function duplicates(entries: { path: string; value: unknown }[], field: string, why: string): Found[] {
    const seen = new Map<unknown, string[]>();
    for (const e of entries) seen.set(e.value, [...(seen.get(e.value) ?? []), e.path]);
    return [...seen.entries()]
        .filter(([value, paths]) => paths.length > 1 && value !== undefined)
        .map(([value, paths]) =>
            found(
                `${paths[1]}.${field}`,
                `${field} ${q(value)} is declared ${paths.length} times (${paths.join(", ")}): ${why}`,
            ),
        );
}

/** A window property: a string in AWS's format, at least 30 minutes long. */
function window(path: string, value: unknown, parse: (text: string) => Window | string, example: string): Found[] {
    if (value === undefined) return [];
    if (typeof value !== "string")
        return [found(path, `${path} ${q(value)} is not a window: write it as a string, e.g. "${example}"`)];
    const parsed = parse(value);
    return typeof parsed === "string"
        ? [
              found(
                  path,
                  `${path} ${q(value)} is not a valid window (${parsed}): leave it out for AWS's choice or write e.g. "${example}"`,
              ),
          ]
        : [];
}

/** The rules, in the order their problems are reported. */
export const ARGS_RULES: readonly ArgsRule[] = [
    {
        id: "engine",
        check: (a) =>
            isEngine(a.engine)
                ? []
                : [found("engine", `engine ${q(a.engine)} is not supported: use ${oneOf(ENGINES)}`)],
    },
    {
        id: "engine-version",
        check: (a) => (isEngine(a.engine) ? version("engineVersion", a.engine, a.engineVersion) : []),
    },
    { id: "global-cluster-identifier", check: (a) => identifier("globalClusterIdentifier", a.globalClusterIdentifier) },
    {
        id: "primary",
        check: (a) =>
            a.primary === undefined
                ? [
                      found(
                          "primary",
                          `primary is missing: declare the primary member, e.g. primary: { region: "us-east-1" }`,
                      ),
                  ]
                : isObject(a.primary)
                  ? []
                  : [
                        found(
                            "primary",
                            `primary ${q(a.primary)} is not a member: declare it as an object, e.g. primary: { region: "us-east-1" }`,
                        ),
                    ],
    },
    {
        id: "secondaries",
        check: (a) => {
            if (a.secondaries === undefined) return [];
            if (!Array.isArray(a.secondaries))
                return [
                    found(
                        "secondaries",
                        `secondaries ${q(a.secondaries)} is not a list: declare secondaries as a list of members, e.g. [{ region: "ap-northeast-1" }]`,
                    ),
                ];
            const notMembers = (a.secondaries as unknown[]).flatMap((s, i) =>
                isObject(s)
                    ? []
                    : [
                          found(
                              `secondaries[${i}]`,
                              `secondaries[${i}] ${q(s)} is not a member: declare each secondary as an object, e.g. { region: ${typeof s === "string" && s !== "" ? q(s) : '"eu-west-1"'} }`,
                          ),
                      ],
            );
            const tooMany =
                a.secondaries.length > MAX_SECONDARIES
                    ? [
                          found(
                              "secondaries",
                              `secondaries has ${a.secondaries.length} members: an Aurora global database has at most ${MAX_SECONDARIES} secondary regions`,
                          ),
                      ]
                    : [];
            return [...notMembers, ...tooMany];
        },
    },
    {
        id: "region",
        check: (a) =>
            members(a).flatMap(({ path, member }) => {
                const problem = regionProblem(`${path}.region ${q(member.region)}`, member.region);
                return problem === undefined ? [] : [found(`${path}.region`, problem)];
            }),
    },
    {
        id: "region-unique",
        check: (a) =>
            duplicates(
                members(a).map(({ path, member }) => ({ path, value: member.region })),
                "region",
                "a global database has at most one cluster per region",
            ),
    },
    {
        id: "region-partition",
        check: (a) => {
            const all = members(a).map(({ path, member }) => ({
                path,
                region: member.region,
                known: knownRegion(member.region),
            }));
            const first = all.find((m) => m.known !== undefined);
            return all
                .filter((m) => m.known !== undefined && m.known.partition !== first!.known!.partition)
                .map((m) =>
                    found(
                        `${m.path}.region`,
                        `${m.path}.region ${q(m.region)} is in the ${m.known!.partition} partition, ${first!.path}.region ${q(first!.region)} in ${first!.known!.partition}: the regions of one global database are all in one partition`,
                    ),
                );
        },
    },
    {
        id: "instance-count",
        check: (a) =>
            members(a).flatMap(({ path, member }) =>
                integerIn(
                    `${path}.instanceCount`,
                    member.instanceCount,
                    INSTANCE_COUNT,
                    "every member needs at least one DB instance (a secondary without one cannot be upgraded)",
                ),
            ),
    },
    {
        id: "instance-class",
        check: (a) =>
            members(a).flatMap(({ path, member }) =>
                member.instanceClass === undefined ||
                (typeof member.instanceClass === "string" && INSTANCE_CLASS.test(member.instanceClass))
                    ? []
                    : [
                          found(
                              `${path}.instanceClass`,
                              `${path}.instanceClass ${q(member.instanceClass)} is not a DB instance class: use a class such as "db.r6g.large"`,
                          ),
                      ],
            ),
    },
    {
        id: "cluster-identifier",
        check: (a) =>
            members(a).flatMap(({ path, member }) => identifier(`${path}.clusterIdentifier`, member.clusterIdentifier)),
    },
    {
        id: "cluster-identifier-unique",
        check: (a) =>
            duplicates(
                members(a)
                    .filter(({ member }) => member.clusterIdentifier !== undefined)
                    .map(({ path, member }) => ({ path, value: member.clusterIdentifier })),
                "clusterIdentifier",
                "every member needs a cluster identifier of its own",
            ),
    },
    {
        id: "member-engine-version",
        check: (a) =>
            isEngine(a.engine)
                ? members(a).flatMap(({ path, member }) =>
                      member.engineVersion === undefined
                          ? []
                          : version(`${path}.engineVersion`, a.engine, member.engineVersion),
                  )
                : [],
    },
    {
        id: "upgrade",
        check: (a) =>
            a.upgrade === undefined || isObject(a.upgrade)
                ? []
                : [
                      found(
                          "upgrade",
                          `upgrade ${q(a.upgrade)} is not an object: give the options as e.g. upgrade: { strategy: "auto" }`,
                      ),
                  ],
    },
    optionRule("strategy"),
    optionRule("applyPendingPatches"),
    {
        id: "boolean",
        check: (a) => [
            ...UPGRADE_BOOLEANS.flatMap((name) => upgradeOption(name, a)),
            ...booleanAt("storageEncrypted", a.storageEncrypted),
            ...booleanAt("deletionProtection", a.deletionProtection),
        ],
    },
    optionRule("timeoutMinutes"),
    optionRule("pollSeconds"),
    optionRule("switchoverTimeoutSeconds"),
    optionRule("oldClusters"),
    {
        id: "cli",
        check: (a) => {
            const cli: unknown = a.upgrade?.cli;
            if (cli === undefined) return [];
            const fix =
                'leave upgrade.cli out for the default, or give the command that starts the aurora-global CLI, e.g. "node bin/aurora-global.js"';
            if (typeof cli !== "string")
                return [found("upgrade.cli", `upgrade.cli ${q(cli)} is not a command line: ${fix}`)];
            if (cli.trim() === "") return [found("upgrade.cli", `upgrade.cli ${q(cli)} is empty: ${fix}`)];
            if (/[\r\n]/.test(cli)) return [found("upgrade.cli", `upgrade.cli ${q(cli)} spans several lines: ${fix}`)];
            return [];
        },
    },
    { id: "port", check: (a) => integerIn("port", a.port, PORT, `use a port from ${PORT.min} to ${PORT.max}`) },
    {
        id: "backup-retention",
        check: (a) =>
            integerIn(
                "backupRetentionPeriod",
                a.backupRetentionPeriod,
                BACKUP_RETENTION_DAYS,
                `keep automated backups ${BACKUP_RETENTION_DAYS.min} to ${BACKUP_RETENTION_DAYS.max} days`,
            ),
    },
    {
        id: "backup-window",
        check: (a) => window("preferredBackupWindow", a.preferredBackupWindow, parseBackupWindow, "03:00-03:30"),
    },
    {
        id: "maintenance-window",
        check: (a) =>
            window(
                "preferredMaintenanceWindow",
                a.preferredMaintenanceWindow,
                parseMaintenanceWindow,
                "sun:05:00-sun:05:30",
            ),
    },
    {
        id: "windows-overlap",
        check: (a) => {
            const backup =
                typeof a.preferredBackupWindow === "string" ? parseBackupWindow(a.preferredBackupWindow) : "";
            const maintenance =
                typeof a.preferredMaintenanceWindow === "string"
                    ? parseMaintenanceWindow(a.preferredMaintenanceWindow)
                    : "";
            return typeof backup !== "string" && typeof maintenance !== "string" && windowsOverlap(backup, maintenance)
                ? [
                      found(
                          "preferredBackupWindow",
                          `preferredBackupWindow ${q(a.preferredBackupWindow)} overlaps preferredMaintenanceWindow ${q(a.preferredMaintenanceWindow)}: AWS refuses a backup window that conflicts with the maintenance window; move one of them`,
                      ),
                  ]
                : [];
        },
    },
    {
        id: "database-name",
        check: (a) =>
            a.databaseName === undefined || (typeof a.databaseName === "string" && DATABASE_NAME.test(a.databaseName))
                ? []
                : [
                      found(
                          "databaseName",
                          `databaseName ${q(a.databaseName)} is not a database name: use letters, digits and underscores, starting with a letter`,
                      ),
                  ],
    },
    {
        id: "master-username",
        check: (a) =>
            a.masterUsername === undefined ||
            (typeof a.masterUsername === "string" && MASTER_USERNAME.test(a.masterUsername))
                ? []
                : [
                      found(
                          "masterUsername",
                          `masterUsername ${q(a.masterUsername)} is not a user name: use 1–16 letters, digits and underscores, starting with a letter`,
                      ),
                  ],
    },
    {
        id: "tags",
        check: (a) => {
            if (a.tags === undefined) return [];
            if (!isObject(a.tags))
                return [found("tags", `tags ${q(a.tags)} is not a map: give tags as { key: "value" }`)];
            return Object.entries(a.tags)
                .filter(([, v]) => typeof v !== "string")
                .map(([k, v]) =>
                    found(
                        `tags.${k}`,
                        `tags.${k} ${q(v)} is not a string: tag values are strings, e.g. "${String(v)}"`,
                    ),
                );
        },
    },
    ...AWS_LIMIT_RULES,
];

/**
 * Checks the arguments of an AuroraGlobalDatabase. Pure: returns every problem found (an empty
 * list when the input is well-formed), each with its rule id, the property path and a message
 * naming the value and the fix.
 */
export function validateArgs(args: AuroraGlobalDatabaseArgs, name = "db"): ArgsProblem[] {
    if (!isObject(args))
        return [
            {
                rule: "args",
                path: "",
                message: `arguments ${q(args)} are missing: pass { engine, engineVersion, primary, ... }`,
            },
        ];
    return ARGS_RULES.flatMap((rule) => rule.check(args, name).map((f) => ({ rule: rule.id, ...f })));
}
