import { EngineVersion } from "../../engine-versions";

/**
 * AWS facts the simulator enforces, written down here from AWS's documentation instead of taken
 * from the planner's rules: a planner rule that drifts from AWS then meets a refusal in the
 * simulator rather than agreeing with itself (test/simulator/aws-facts.test.ts compares both).
 */

/**
 * Aurora PostgreSQL: the lowest minor of each major that runs a Blue/Green Deployment. Source:
 * "Supported Regions and Aurora DB engines for Blue/Green Deployments"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.Aurora_Fea_Regions_DB-eng.Feature.BlueGreenDeployments.html)
 * and "Using Blue/Green Deployments for Amazon Aurora Global Database": 11.21, 12.16, 13.12, 14.9,
 * 15.4, 16.1, 17.4 and higher; every Aurora MySQL version (docs/aws-rules.md §7). A newer major
 * than the table is supported.
 */
const BLUE_GREEN_POSTGRES_LOWEST_MINOR: Readonly<Record<number, number>> = {
    11: 21,
    12: 16,
    13: 12,
    14: 9,
    15: 4,
    16: 1,
    17: 4,
};

/** True when AWS runs a blue/green deployment of a cluster at `v`. */
export function blueGreenRunsOn(v: EngineVersion): boolean {
    if (v.engine === "aurora-mysql") return true;
    const lowest = BLUE_GREEN_POSTGRES_LOWEST_MINOR[Number(v.major)];
    return lowest === undefined || v.minor >= lowest;
}

/**
 * Aurora MySQL global databases: per generation, the lowest target minor that AWS refuses to reach
 * by an in-place minor upgrade. Source: "Upgrading Aurora MySQL by modifying the engine version"
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Updates.Patching.ModifyEngineVersion.html):
 * "to perform a minor version upgrade to Aurora MySQL 8.4, 3.04.* or higher, or 2.12.*: remove all
 * secondary Regions …" (docs/aws-rules.md §7).
 */
const MYSQL_GLOBAL_MINOR_REFUSED_FROM: ReadonlyMap<2 | 3 | 8.4, number> = new Map([
    [8.4, 0],
    [3, 4],
    [2, 12],
] as const);

/** True when AWS refuses ModifyDBCluster on a member of an Aurora MySQL global database from `from` to the minor `to`. */
export function mysqlGlobalMinorRefused(from: EngineVersion, to: EngineVersion): boolean {
    if (from.engine !== "aurora-mysql" || to.engine !== "aurora-mysql") return false;
    if (from.major !== to.major || to.minor <= from.minor || to.auroraMysqlGeneration === undefined) return false;
    const lowest = MYSQL_GLOBAL_MINOR_REFUSED_FROM.get(to.auroraMysqlGeneration);
    return lowest !== undefined && to.minor >= lowest;
}
