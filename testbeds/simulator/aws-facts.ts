import { IdentifierKind } from "../../aws/identifiers";
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

/**
 * Managed cross-Region switchover and failover between two members' versions, as AWS's page
 * "Patch level compatibility for managed cross-Region switchovers and failovers" states it
 * (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-upgrade.html#aurora-global-database-upgrade.minor.incompatibility)
 * and the global database limitations: the same major and minor always; Aurora MySQL the same patch
 * level too, and switchovers of Aurora MySQL 2 from 2.09.1 on; Aurora PostgreSQL different patch
 * levels from 15 on and from 14.5, 13.8, 12.12 and 11.17 on; and the Warning's patch releases
 * below, past which no member may switch over or fail over until all run one of them or newer.
 * Written here in AWS's own terms, not taken from engine-versions/failover-compatibility.ts:
 * test/simulator/aws-facts.test.ts compares the two over a grid of versions.
 */
const POSTGRES_MIXED_PATCHES_FROM = ["11.17", "12.12", "13.8", "14.5"];
const POSTGRES_WARNING_RELEASES = [
    "16.1.6",
    "16.2.4",
    "16.3.2",
    "16.4.2",
    "15.3.8",
    "15.4.9",
    "15.5.6",
    "15.6.4",
    "15.7.2",
    "15.8.2",
    "14.8.8",
    "14.9.9",
    "14.10.6",
    "14.11.4",
    "14.12.2",
    "14.13.2",
];

export function awsAllowsGlobalMove(a: EngineVersion, b: EngineVersion, move: "switchover" | "failover"): boolean {
    if (a.engine !== b.engine || a.major !== b.major || a.minor !== b.minor) return false;
    if (a.engine === "aurora-mysql") {
        if (a.patch !== b.patch) return false;
        const before2091 = a.auroraMysqlGeneration === 2 && (a.minor < 9 || (a.minor === 9 && (a.patch ?? 0) < 1));
        return move === "failover" || !before2091;
    }
    if (a.patch === undefined || b.patch === undefined || a.patch === b.patch) return true;
    const major = Number(a.major);
    const mixedFrom = POSTGRES_MIXED_PATCHES_FROM.find((v) => Number(v.split(".")[0]) === major);
    if (major < 15 && (mixedFrom === undefined || a.minor < Number(mixedFrom.split(".")[1]))) return false;
    const release = POSTGRES_WARNING_RELEASES.find((r) => r.startsWith(`${a.major}.${a.minor}.`));
    if (release === undefined) return true;
    const past = (v: EngineVersion) => (v.patch ?? 0) >= Number(release.split(".")[2]);
    return past(a) === past(b);
}

/**
 * What AWS takes as an identifier, by request parameter: 1 to `max` characters, a letter first,
 * letters and digits with single hyphens, no trailing hyphen. Sources: the API reference's
 * constraints of CreateDBClusterSnapshot `DBClusterSnapshotIdentifier` and DeleteDBCluster
 * `FinalDBSnapshotIdentifier` (1–63), CreateBlueGreenDeployment `BlueGreenDeploymentName` (1–60),
 * CreateDBClusterParameterGroup / CreateDBParameterGroup group names (1–255). The simulator's own
 * copy (aws/identifiers.ts is the product's; test/simulator/aws-facts.test.ts compares them).
 */
export const AWS_IDENTIFIER_LIMITS: Readonly<Record<IdentifierKind, { parameter: string; max: number }>> = {
    "cluster-snapshot": { parameter: "DBClusterSnapshotIdentifier", max: 63 },
    "final-snapshot": { parameter: "FinalDBSnapshotIdentifier", max: 63 },
    "blue-green-deployment": { parameter: "BlueGreenDeploymentName", max: 60 },
    "cluster-parameter-group": { parameter: "DBClusterParameterGroupName", max: 255 },
    "parameter-group": { parameter: "DBParameterGroupName", max: 255 },
};

/** True when AWS takes `value` for a parameter of `kind`. */
export function awsTakesIdentifier(kind: IdentifierKind, value: string): boolean {
    const { max } = AWS_IDENTIFIER_LIMITS[kind];
    return value.length >= 1 && value.length <= max && /^[a-zA-Z]([a-zA-Z0-9]|-(?=[a-zA-Z0-9]))*$/.test(value);
}
