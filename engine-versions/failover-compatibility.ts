import { EngineVersion } from "./parse";

/**
 * AWS's rules for managed cross-Region switchover (`SwitchoverGlobalCluster`) and failover
 * (`FailoverGlobalCluster`) between the members of a global database: the one place they live.
 *
 * Source: Aurora User Guide, "Upgrading an Amazon Aurora global database", section "Patch level
 * compatibility for managed cross-Region switchovers and failovers"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-upgrade.html#aurora-global-database-upgrade.minor.incompatibility),
 * and "Using switchover or failover in Amazon Aurora Global Database" / the global database
 * limitations ("the primary and secondary DB clusters have the same major and minor engine
 * versions"; "For Aurora MySQL with MySQL 5.7 compatibility, Aurora Global Database switchovers
 * require version 2.09.1 or a higher minor version"):
 *
 * - every engine: same major and minor version;
 * - Aurora MySQL: "None of the Aurora MySQL minor versions allow managed cross-Region switchovers
 *   or failovers with differing patch levels" (so the patch must match too);
 * - Aurora PostgreSQL: different patch levels are allowed from 15 on, and from 14.5, 13.8, 12.12
 *   and 11.17 on; below those the patch levels must match;
 * - Aurora PostgreSQL, Warning: "When you update a cluster in your global database to any of the
 *   following patch versions, you won't be able to perform cross-Region switchovers or failovers
 *   until all of the clusters in your global database are running one of these patch versions or a
 *   newer one": 16.1.6, 16.2.4, 16.3.2, 16.4.2; 15.3.8, 15.4.9, 15.5.6, 15.6.4, 15.7.2, 15.8.2;
 *   14.8.8, 14.9.9, 14.10.6, 14.11.4, 14.12.2, 14.13.2 ({@link POSTGRES_PATCH_BARRIERS}).
 *
 * A *manual* cross-Region failover (detach and promote a secondary) needs only the same major and
 * minor version (same page, Note); the rules here are about AWS's managed operations.
 */
export const FAILOVER_COMPATIBILITY_SOURCE =
    'Aurora User Guide, "Patch level compatibility for managed cross-Region switchovers and failovers"';

/** Aurora PostgreSQL: the first minor of each major from which members may run different patch levels. */
export const POSTGRES_PATCH_TOLERANT_FROM: Readonly<Record<number, number>> = {
    11: 17,
    12: 12,
    13: 8,
    14: 5,
    // 15 and every later major: every minor.
};

/**
 * Aurora PostgreSQL patch releases after which no switchover or failover is possible until every
 * member runs one of them or newer, keyed by `MAJOR.MINOR` (the patch level of that minor's release).
 */
export const POSTGRES_PATCH_BARRIERS: Readonly<Record<string, number>> = {
    "16.1": 6,
    "16.2": 4,
    "16.3": 2,
    "16.4": 2,
    "15.3": 8,
    "15.4": 9,
    "15.5": 6,
    "15.6": 4,
    "15.7": 2,
    "15.8": 2,
    "14.8": 8,
    "14.9": 9,
    "14.10": 6,
    "14.11": 4,
    "14.12": 2,
    "14.13": 2,
};

/** Aurora MySQL 2: switchovers need 2.09.1 or a higher minor (failover is not restricted so). */
export const MYSQL_2_SWITCHOVER_FROM = { minor: 9, patch: 1 } as const;

/** What AWS allows between two members' versions, and why not. */
export interface CrossRegionVerdict {
    readonly switchover: boolean;
    readonly failover: boolean;
    /** Why not (absent when both are possible). */
    readonly reason?: string;
}

const both = (ok: boolean, reason?: string): CrossRegionVerdict =>
    ok ? { switchover: true, failover: true } : { switchover: false, failover: false, reason };

/** True when an Aurora PostgreSQL minor lets members differ in patch level. */
export function postgresPatchTolerant(v: EngineVersion): boolean {
    const from = POSTGRES_PATCH_TOLERANT_FROM[Number(v.major)];
    return Number(v.major) >= 15 || (from !== undefined && v.minor >= from);
}

/** The listed patch release of a PostgreSQL minor, as `16.1.6`, when it has one. */
export function postgresPatchBarrier(v: EngineVersion): string | undefined {
    const patch = POSTGRES_PATCH_BARRIERS[`${v.major}.${v.minor}`];
    return patch === undefined ? undefined : `${v.major}.${v.minor}.${patch}`;
}

/**
 * Whether AWS can switch over or fail over between members at `a` and `b` (the order does not
 * matter). A PostgreSQL version without its patch level (`17.4`, AWS's EngineVersion) is taken to
 * match the other's patch: AWS's own field cannot tell them apart.
 */
export function crossRegionVerdict(a: EngineVersion, b: EngineVersion): CrossRegionVerdict {
    if (a.engine !== b.engine) return both(false, `${a.text} and ${b.text} are different engines`);
    if (a.major !== b.major || a.minor !== b.minor)
        return both(false, `${a.text} and ${b.text} are different minor versions (AWS needs the same major and minor)`);
    return a.engine === "aurora-mysql" ? mysqlVerdict(a, b) : postgresVerdict(a, b);
}

function mysqlVerdict(a: EngineVersion, b: EngineVersion): CrossRegionVerdict {
    if (a.patch !== b.patch)
        return both(false, `${a.text} and ${b.text} differ in patch level (Aurora MySQL needs the same patch level)`);
    const old = [a, b].find(
        (v) =>
            v.auroraMysqlGeneration === 2 &&
            (v.minor < MYSQL_2_SWITCHOVER_FROM.minor ||
                (v.minor === MYSQL_2_SWITCHOVER_FROM.minor && (v.patch ?? 0) < MYSQL_2_SWITCHOVER_FROM.patch)),
    );
    return old
        ? { switchover: false, failover: true, reason: `${old.text}: Aurora MySQL 2 switchovers need 2.09.1 or newer` }
        : both(true);
}

function postgresVerdict(a: EngineVersion, b: EngineVersion): CrossRegionVerdict {
    if (a.patch === undefined || b.patch === undefined || a.patch === b.patch) return both(true);
    if (!postgresPatchTolerant(a))
        return both(
            false,
            `${a.text} and ${b.text} differ in patch level (below ${a.major}.${POSTGRES_PATCH_TOLERANT_FROM[Number(a.major)]} Aurora PostgreSQL needs the same patch level)`,
        );
    const barrier = postgresPatchBarrier(a);
    const barrierPatch = POSTGRES_PATCH_BARRIERS[`${a.major}.${a.minor}`];
    if (barrier !== undefined && a.patch >= barrierPatch !== b.patch >= barrierPatch)
        return both(
            false,
            `${a.patch >= barrierPatch ? a.text : b.text} is at or past AWS's listed patch release ${barrier} and ${a.patch >= barrierPatch ? b.text : a.text} is not: no switchover or failover until every member runs ${barrier} or newer`,
        );
    return both(true);
}

/** One member's version, named for messages. */
export interface NamedVersion {
    /** How messages name the member, e.g. `secondary cluster "app-euw1" (eu-west-1)`. */
    readonly name: string;
    readonly version: EngineVersion;
}

/**
 * What AWS allows for a whole global database: every secondary against the primary. After a
 * switchover or failover the other secondaries replicate from the new writer, so the planner asks
 * every member to fit (each relation above is "same side", so the primary against each suffices).
 */
export interface DatabaseVerdict extends CrossRegionVerdict {
    /** Names of the secondaries a switchover (or, when only failover is possible, a failover) may target. */
    readonly targets: readonly string[];
}

/** The verdict of the whole database: each secondary checked against the primary. */
export function databaseVerdict(primary: NamedVersion, secondaries: readonly NamedVersion[]): DatabaseVerdict {
    if (secondaries.length === 0)
        return { switchover: false, failover: false, reason: "no secondary region", targets: [] };
    const bad = secondaries
        .map((s) => ({ s, v: crossRegionVerdict(primary.version, s.version) }))
        .filter((x) => !x.v.failover || !x.v.switchover);
    const targets = secondaries.map((s) => s.name);
    if (bad.length === 0) return { switchover: true, failover: true, targets };
    const failover = bad.every((x) => x.v.failover);
    // One reason per distinct pair of versions, naming every secondary it concerns.
    const byReason = new Map<string, string[]>();
    for (const x of bad) byReason.set(x.v.reason ?? "", [...(byReason.get(x.v.reason ?? "") ?? []), x.s.name]);
    return {
        switchover: false,
        failover,
        reason: [...byReason].map(([why, names]) => `${names.join(", ")}: ${why}`).join("; "),
        targets: failover ? targets : [],
    };
}

/**
 * An Aurora PostgreSQL member whose EngineVersion hides its patch level (`15.6`) but that has a
 * pending system-update to `15.6.4` runs a patch below 15.6.4. When that target is at or below
 * the minor's listed patch release, the member is certainly before it: the version returned
 * carries a patch level that places it there (its text says it is inferred). Otherwise the
 * version is returned as it is.
 */
export function withPendingPatch(current: EngineVersion, pendingTarget: EngineVersion | undefined): EngineVersion {
    if (current.engine !== "aurora-postgresql" || current.patch !== undefined || pendingTarget?.patch === undefined)
        return current;
    if (pendingTarget.major !== current.major || pendingTarget.minor !== current.minor) return current;
    const barrier = POSTGRES_PATCH_BARRIERS[`${current.major}.${current.minor}`];
    if (barrier === undefined || pendingTarget.patch > barrier) return current;
    return { ...current, patch: pendingTarget.patch - 1, text: `${current.text} (below ${pendingTarget.text})` };
}
