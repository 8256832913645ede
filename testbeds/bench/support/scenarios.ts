import { Engine } from "../../../engine-versions";
import { PlanOptions } from "../../../planner";
import { blueGreenReady, SeedTopology } from "../../simulator";
import { drawDurationMs } from "./stats";

/** Regions members are placed in, the primary's first. */
export const REGIONS = [
    "us-east-1",
    "us-west-2",
    "eu-west-1",
    "eu-central-1",
    "ap-northeast-1",
    "ap-southeast-2",
] as const;

/** Member upgrade durations are drawn in this range (whole seconds). */
export const MIN_UPGRADE_MS = 6 * 60_000;
export const MAX_UPGRADE_MS = 20 * 60_000;
/** Short members (the orchestrator's overhead weighs most): durations drawn in this range. */
export const SHORT_MIN_UPGRADE_MS = 3 * 60_000;
export const SHORT_MAX_UPGRADE_MS = 8 * 60_000;

/** One kind of upgrade the benches run: engine, versions, path and plan options. */
export interface UpgradeKind {
    readonly name: string;
    readonly engine: Engine;
    readonly from: string;
    readonly to: string;
    /** The plan path the planner must choose (checked, so a planner change cannot skew a bench silently). */
    readonly path: "rolling" | "managed" | "major" | "blue-green";
    readonly options: Partial<PlanOptions>;
}

export const ROLLING: UpgradeKind = {
    name: "rolling",
    engine: "aurora-mysql",
    from: "8.0.mysql_aurora.3.08.0",
    to: "8.0.mysql_aurora.3.08.2",
    path: "rolling",
    options: {},
};
export const MANAGED: UpgradeKind = {
    name: "managed",
    engine: "aurora-postgresql",
    from: "17.4.5",
    to: "17.5",
    path: "managed",
    options: { strategy: "managed" },
};
export const MAJOR: UpgradeKind = {
    name: "major",
    engine: "aurora-postgresql",
    from: "16.8.3",
    to: "17.5",
    path: "major",
    options: { allowMajorVersionUpgrade: true },
};

/** Blue/green minor (PostgreSQL) and community-crossing minor (MySQL 3.08 → 3.10, refused in place). */
export const BLUE_GREEN_PG: UpgradeKind = {
    name: "blue-green-pg",
    engine: "aurora-postgresql",
    from: "17.4.5",
    to: "17.5",
    path: "blue-green",
    options: { strategy: "blue-green" },
};
export const BLUE_GREEN_MYSQL: UpgradeKind = {
    name: "blue-green-mysql",
    engine: "aurora-mysql",
    from: "8.0.mysql_aurora.3.08.0",
    to: "8.0.mysql_aurora.3.10.0",
    path: "blue-green",
    options: { strategy: "blue-green" },
};

/**
 * A global database of `kind` with a primary and `secondaries` secondaries (one per region),
 * each member's upgrade duration drawn from `random`.
 */
export function seedFor(
    kind: UpgradeKind,
    id: string,
    secondaries: number,
    random: () => number,
    regions: readonly string[] = REGIONS,
    range: readonly [number, number] = [MIN_UPGRADE_MS, MAX_UPGRADE_MS],
): SeedTopology {
    if (secondaries + 1 > regions.length)
        throw new Error(
            `bench: ${secondaries} secondaries need ${secondaries + 1} regions, only ${regions.length} listed`,
        );
    const seed: SeedTopology = {
        globalClusterId: id,
        engine: kind.engine,
        version: kind.from,
        members: regions.slice(0, secondaries + 1).map((region, i) => ({
            id: `${id}-${region}`,
            region,
            role: i === 0 ? ("primary" as const) : ("secondary" as const),
            upgradeDurationMs: drawDurationMs(random, range[0], range[1]),
        })),
    };
    // A blue/green run starts from clusters prepared as AWS asks: custom group, replication on, in sync
    // (docs/aws-rules.md §8).
    return kind.path === "blue-green" ? blueGreenReady(seed) : seed;
}
