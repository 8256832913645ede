import { EngineVersion } from "./parse";

/**
 * The community MySQL version each Aurora MySQL 3 minor is compatible with. Source: "Document
 * history for the Aurora MySQL Release Notes" and each release's notes, e.g. "Aurora MySQL 3.08
 * versions are compatible with MySQL 8.0.39"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/doc-history.html,
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.Updates.3081.html).
 * Every patch of one minor keeps its community version (3.08.0, 3.08.1 and 3.08.2 are 8.0.39).
 */
export const COMMUNITY_MYSQL_BY_AURORA_3_MINOR: Readonly<Record<number, string>> = {
    4: "8.0.28",
    5: "8.0.32",
    6: "8.0.34",
    7: "8.0.36",
    8: "8.0.39",
    9: "8.0.40",
    10: "8.0.42",
};

/** The community MySQL version an Aurora MySQL 3 version speaks, when the table knows its minor. */
export function communityMysqlVersion(v: EngineVersion): string | undefined {
    return v.engine === "aurora-mysql" && v.auroraMysqlGeneration === 3
        ? COMMUNITY_MYSQL_BY_AURORA_3_MINOR[v.minor]
        : undefined;
}

/**
 * True when AWS refuses an in-place minor upgrade of an Aurora MySQL *global* database from
 * `from` to `to`: the target is a new minor of 8.4, of 3 from 3.04 on, or 2.12 — it speaks a newer
 * community MySQL than the running minor. AWS's "Upgrading Aurora MySQL by modifying the engine
 * version": "to perform a minor version upgrade to Aurora MySQL 8.4, 3.04.* or higher, or 2.12.*:
 * remove all secondary Regions … upgrade the primary … add the secondary Regions again" (seen as
 * ModifyDBCluster refusing 3.04.0 → 3.10.0 and 3.08.2 → 3.10.0; docs/aws-rules.md §7). A patch inside
 * one minor (3.08.0 → 3.08.2) keeps the community version and upgrades in place.
 */
export function mysqlGlobalMinorInPlaceRefused(from: EngineVersion, to: EngineVersion): boolean {
    if (from.engine !== "aurora-mysql" || to.engine !== "aurora-mysql") return false;
    if (from.major !== to.major || to.minor <= from.minor) return false;
    if (to.auroraMysqlGeneration === 8.4) return true;
    if (to.auroraMysqlGeneration === 3) return to.minor >= 4;
    return to.auroraMysqlGeneration === 2 && to.minor >= 12;
}
