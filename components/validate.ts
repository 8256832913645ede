import { tryParseVersion, VersionParseError } from "../engine-versions";
import {
    BACKUP_RETENTION_DAYS,
    Bounds,
    ENGINES,
    INSTANCE_COUNT,
    isEngine,
    isOptInType,
    isRegion,
    isStrategy,
    MAX_SECONDARIES,
    OPT_IN_TYPES,
    POLL_SECONDS,
    PORT,
    STRATEGIES,
    TIMEOUT_MINUTES,
} from "../vocabulary";
import { AuroraGlobalDatabaseArgs, MemberArgs } from "./args";

/**
 * Input checks of {@link AuroraGlobalDatabaseArgs}: one table of rules, every problem reported
 * together. These are about malformed input only; whether a version *change* is allowed is the
 * planner's business (planner/rules.ts), never repeated here.
 */
type ArgsRule = (args: AuroraGlobalDatabaseArgs) => string[];

const IDENTIFIER = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}$/;
const DATABASE_NAME = /^[a-zA-Z][a-zA-Z0-9_]{0,62}$/;

const q = (value: unknown): string => JSON.stringify(value) ?? String(value);

/** Every declared member with the field path used in messages. */
function members(args: AuroraGlobalDatabaseArgs): { path: string; member: MemberArgs }[] {
    const list: { path: string; member: MemberArgs }[] = [];
    if (isObject(args.primary)) list.push({ path: "primary", member: args.primary as MemberArgs });
    if (Array.isArray(args.secondaries)) {
        args.secondaries.forEach((member, i) => {
            if (isObject(member)) list.push({ path: `secondaries[${i}]`, member: member as MemberArgs });
        });
    }
    return list;
}

function isObject(value: unknown): value is object {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Quoted and joined with "or": `"a", "b" or "c"`. */
const oneOf = (values: readonly unknown[]): string =>
    values.length === 1 ? q(values[0]) : `${values.slice(0, -1).map(q).join(", ")} or ${q(values.at(-1))}`;

function integerIn(path: string, value: unknown, { min, max }: Bounds, fix: string): string[] {
    if (value === undefined) return [];
    return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max
        ? []
        : [`${path} ${q(value)} is not an integer from ${min} to ${max}: ${fix}`];
}

function identifier(path: string, value: unknown): string[] {
    if (value === undefined) return [];
    return typeof value === "string" && IDENTIFIER.test(value) && !value.endsWith("-")
        ? []
        : [
              `${path} ${q(value)} is not a valid identifier: use 1–63 letters, digits or hyphens, starting with a letter, without "--" or a trailing hyphen`,
          ];
}

/** The rules, in the order their messages are reported. */
export const ARGS_RULES: readonly ArgsRule[] = [
    (a) => (isEngine(a.engine) ? [] : [`engine ${q(a.engine)} is not supported: use ${oneOf(ENGINES)}`]),
    (a) => {
        if (!isEngine(a.engine)) return [];
        const parsed = tryParseVersion(a.engine, a.engineVersion);
        return parsed instanceof VersionParseError ? [parsed.message] : [];
    },
    (a) => identifier("globalClusterIdentifier", a.globalClusterIdentifier),
    (a) =>
        isObject(a.primary)
            ? []
            : [`primary is missing: declare the primary member, e.g. primary: { region: "us-east-1" }`],
    (a) =>
        a.secondaries === undefined || Array.isArray(a.secondaries)
            ? []
            : [
                  `secondaries ${q(a.secondaries)} is not a list: declare secondaries as a list of members, e.g. [{ region: "ap-northeast-1" }]`,
              ],
    (a) =>
        Array.isArray(a.secondaries) && a.secondaries.length > MAX_SECONDARIES
            ? [
                  `secondaries has ${a.secondaries.length} members: an Aurora global database has at most ${MAX_SECONDARIES} secondary regions`,
              ]
            : [],
    (a) =>
        members(a).flatMap(({ path, member }) =>
            isRegion(member.region)
                ? []
                : [`${path}.region ${q(member.region)} is not an AWS region: use a region code such as "us-east-1"`],
        ),
    (a) =>
        duplicates(
            members(a).map(({ path, member }) => ({ path, value: member.region })),
            "region",
            "a global database has at most one cluster per region",
        ),
    (a) =>
        members(a).flatMap(({ path, member }) =>
            integerIn(
                `${path}.instanceCount`,
                member.instanceCount,
                INSTANCE_COUNT,
                `every member needs at least one DB instance (a secondary without one cannot be upgraded)`,
            ),
        ),
    (a) =>
        members(a).flatMap(({ path, member }) =>
            member.instanceClass === undefined ||
            (typeof member.instanceClass === "string" && /^db\.[a-z0-9]+\.[a-z0-9]+$/.test(member.instanceClass))
                ? []
                : [
                      `${path}.instanceClass ${q(member.instanceClass)} is not a DB instance class: use a class such as "db.r6g.large"`,
                  ],
        ),
    (a) => members(a).flatMap(({ path, member }) => identifier(`${path}.clusterIdentifier`, member.clusterIdentifier)),
    (a) =>
        duplicates(
            members(a)
                .filter(({ member }) => member.clusterIdentifier !== undefined)
                .map(({ path, member }) => ({ path, value: member.clusterIdentifier })),
            "clusterIdentifier",
            "every member needs a cluster identifier of its own",
        ),
    (a) => {
        if (!isEngine(a.engine)) return [];
        return members(a).flatMap(({ path, member }) => {
            if (member.engineVersion === undefined) return [];
            const parsed = tryParseVersion(a.engine, member.engineVersion);
            return parsed instanceof VersionParseError ? [`${path}.${parsed.message}`] : [];
        });
    },
    (a) =>
        a.upgrade?.strategy === undefined || isStrategy(a.upgrade.strategy)
            ? []
            : [`upgrade.strategy ${q(a.upgrade.strategy)} is not a strategy: use ${oneOf(STRATEGIES)}`],
    (a) =>
        a.upgrade?.applyPendingPatches === undefined ||
        a.upgrade.applyPendingPatches === false ||
        isOptInType(a.upgrade.applyPendingPatches)
            ? []
            : [
                  `upgrade.applyPendingPatches ${q(a.upgrade.applyPendingPatches)} is not an opt-in: use ${oneOf([false, ...OPT_IN_TYPES])}`,
              ],
    (a) => booleans(a),
    (a) =>
        integerIn(
            "upgrade.timeoutMinutes",
            a.upgrade?.timeoutMinutes,
            TIMEOUT_MINUTES,
            "give the minutes one upgrade step may take",
        ),
    (a) =>
        integerIn("upgrade.pollSeconds", a.upgrade?.pollSeconds, POLL_SECONDS, "give the seconds between status polls"),
    (a) => integerIn("port", a.port, PORT, `use a port from ${PORT.min} to ${PORT.max}`),
    (a) =>
        integerIn(
            "backupRetentionPeriod",
            a.backupRetentionPeriod,
            BACKUP_RETENTION_DAYS,
            `keep automated backups ${BACKUP_RETENTION_DAYS.min} to ${BACKUP_RETENTION_DAYS.max} days`,
        ),
    (a) =>
        a.databaseName === undefined || (typeof a.databaseName === "string" && DATABASE_NAME.test(a.databaseName))
            ? []
            : [
                  `databaseName ${q(a.databaseName)} is not a database name: use letters, digits and underscores, starting with a letter`,
              ],
    (a) =>
        a.masterUsername === undefined ||
        (typeof a.masterUsername === "string" && /^[a-zA-Z][a-zA-Z0-9_]{0,15}$/.test(a.masterUsername))
            ? []
            : [
                  `masterUsername ${q(a.masterUsername)} is not a user name: use 1–16 letters, digits and underscores, starting with a letter`,
              ],
];

function booleans(a: AuroraGlobalDatabaseArgs): string[] {
    const fields: [string, unknown][] = [
        ["upgrade.allowMajorVersionUpgrade", a.upgrade?.allowMajorVersionUpgrade],
        ["upgrade.snapshotBeforeUpgrade", a.upgrade?.snapshotBeforeUpgrade],
        ["upgrade.mysqlInPlaceMajorConfirmed", a.upgrade?.mysqlInPlaceMajorConfirmed],
        ["upgrade.keepCompletedSteps", a.upgrade?.keepCompletedSteps],
        ["storageEncrypted", a.storageEncrypted],
        ["deletionProtection", a.deletionProtection],
    ];
    return fields
        .filter(([, v]) => v !== undefined && typeof v !== "boolean")
        .map(([path, v]) => `${path} ${q(v)} is not a boolean: use true or false`);
}

function duplicates(entries: { path: string; value: unknown }[], field: string, why: string): string[] {
    const seen = new Map<unknown, string[]>();
    for (const e of entries) seen.set(e.value, [...(seen.get(e.value) ?? []), e.path]);
    return [...seen.entries()]
        .filter(([value, paths]) => paths.length > 1 && value !== undefined)
        .map(
            ([value, paths]) => `${field} ${q(value)} is declared ${paths.length} times (${paths.join(", ")}): ${why}`,
        );
}

/**
 * Checks the arguments of an AuroraGlobalDatabase. Pure: returns every problem found (an empty
 * list when the input is well-formed), each naming the field, the value and the fix.
 */
export function validateArgs(args: AuroraGlobalDatabaseArgs): string[] {
    if (!isObject(args)) return ["arguments are missing: pass { engine, engineVersion, primary, ... }"];
    return ARGS_RULES.flatMap((rule) => rule(args));
}

/** The one message of the ResourceError thrown for malformed input. */
export function argsErrorMessage(name: string, problems: readonly string[]): string {
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    return `AuroraGlobalDatabase "${name}" has invalid arguments (${count}):\n${problems.map((p) => `  - ${p}`).join("\n")}`;
}
