import { Endpoint, watch, WatchReport } from "../../probe";
import { createSimulatedRds, SeedTopology, SimulatedRds } from "../simulator";
import { SHORT_UPGRADE_RANGE } from "./critical-path";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import {
    BLUE_GREEN_MYSQL,
    BLUE_GREEN_PG,
    MAX_UPGRADE_MS,
    MIN_UPGRADE_MS,
    seedFor,
    UpgradeKind,
} from "./support/scenarios";
import { max, mean, round } from "./support/stats";
import { overSeeds, ratioCell, RatioFigures, ratioFigures, TrialPlan, trialPlan } from "./support/trials";
import { runUpgrade } from "./support/upgrade-run";

/** Target (issue #23): blue/green total within 2 % of AWS's own time, p95, both engines and member lengths. */
export const BLUE_GREEN_P95_TARGET = 1.02;

/** How often the simulated `watch` probes every region's cluster endpoint (its default). */
const PROBE_INTERVAL_MS = 500;
/** How long it watches once green is AVAILABLE (the switchover is about to start). */
const WATCH_MS = 3 * 60_000;

interface Trial {
    readonly awsMs: number;
    readonly totalMs: number;
    /** Downtime per region (ms) the probe measured, by region; undefined when this trial was not watched. */
    readonly downtime?: Record<string, number>;
}

function endpoints(seed: SeedTopology): Endpoint[] {
    const engine = seed.engine === "aurora-postgresql" ? "postgres" : "mysql";
    return seed.members.map((m) => {
        const host = `${m.id}.cluster-sim.${m.region}.rds.amazonaws.com`;
        const url = `${engine}://bench@${host}:${engine === "postgres" ? 5432 : 3306}/app`;
        return { name: m.region, engine, url, displayUrl: url };
    });
}

/**
 * The `watch` probe (probe/watch.ts) on the virtual clock, answering from the simulator's endpoint
 * model (`sim.probeEndpoint`): started when green is AVAILABLE, for {@link WATCH_MS}.
 */
async function watchSwitchover(sim: SimulatedRds, seed: SeedTopology, done: () => boolean): Promise<WatchReport> {
    while (!sim.blueGreenDeployments().some((d) => d.Status === "AVAILABLE")) {
        if (done()) throw new Error("bench: the blue/green run ended before green was AVAILABLE");
        await sim.clock.sleep(1000);
    }
    return watch(
        { endpoints: endpoints(seed), intervalMs: PROBE_INTERVAL_MS, durationMs: WATCH_MS },
        {
            now: () => sim.clock.now(),
            sleep: (ms) => sim.clock.sleep(Math.max(0, ms)),
            probe: (endpoint) => {
                const answer = sim.probeEndpoint(new URL(endpoint.url).hostname);
                return answer.ok ? Promise.resolve(answer.version) : Promise.reject(new Error(answer.error));
            },
        },
    );
}

async function trial(
    kind: UpgradeKind,
    random: () => number,
    label: string,
    range: readonly [number, number],
    watched: boolean,
): Promise<Trial> {
    const sim = createSimulatedRds();
    const seed = seedFor(kind, `bg-${kind.name}-${label}`, 2, random, undefined, range);
    sim.seed(seed);
    let finished = false;
    const watching = watched ? watchSwitchover(sim, seed, () => finished) : undefined;
    const trace = await runUpgrade(sim, seed, kind).finally(() => (finished = true));
    const report = await watching;
    const at = (kind: Parameters<SimulatedRds["eventsOf"]>[0]) => {
        const e = sim.eventsOf(kind).at(-1);
        if (!e) throw new Error(`bench: no ${kind} event`);
        return e.time;
    };
    const awsMs =
        at("blue-green-available") - at("blue-green-created") + (at("switchover-completed") - at("switchover-started"));
    const downtime =
        report &&
        Object.fromEntries(
            report.endpoints.map((e) => [e.summary.name, e.outages.reduce((ms, o) => ms + o.durationMs, 0)]),
        );
    return { awsMs, totalMs: trace.result.elapsedMs, ...(downtime ? { downtime } : {}) };
}

/** Figures of one blue/green scenario: ratios over every trial, downtime over the watched ones. */
export interface BlueGreenFigures extends RatioFigures, Record<string, unknown> {
    readonly maxOverheadSeconds: number;
    readonly meanAwsMinutes: number;
    /** Trials the watch probe followed (the first seed's): its switchover downtime is measured on these. */
    readonly watchedTrials: number;
    /** Worst and mean downtime per region the probe measured (seconds). */
    readonly maxDowntimeSeconds: number;
    readonly meanDowntimeSeconds: number;
    readonly downtimeByRegionMaxSeconds: Record<string, number>;
}

async function scenario(
    kind: UpgradeKind,
    plan: TrialPlan,
    seedBase: number,
    range: readonly [number, number],
): Promise<BlueGreenFigures> {
    // The probe follows the first seed's trials only: 0.5 s probes of three regions for three
    // minutes cost more than the upgrade itself, and the downtime does not depend on the draw.
    const results = await overSeeds(plan, seedBase, (random, label) =>
        trial(kind, random, label, range, label.startsWith("s0-")),
    );
    const watched = results.flatMap((t) => (t.downtime ? [t.downtime] : []));
    const downtimes = watched.flatMap((d) => Object.values(d));
    const byRegion: Record<string, number> = {};
    for (const d of watched)
        for (const [region, ms] of Object.entries(d))
            byRegion[region] = Math.max(byRegion[region] ?? 0, round(ms / 1000, 1));
    return {
        ...ratioFigures(
            results.map((t) => t.totalMs / t.awsMs),
            plan,
        ),
        maxOverheadSeconds: round(max(results.map((t) => (t.totalMs - t.awsMs) / 1000)), 1),
        meanAwsMinutes: round(mean(results.map((t) => t.awsMs / 60_000)), 1),
        watchedTrials: watched.length,
        maxDowntimeSeconds: round(max(downtimes) / 1000, 1),
        meanDowntimeSeconds: round(mean(downtimes) / 1000, 1),
        downtimeByRegionMaxSeconds: byRegion,
    };
}

/**
 * Blue/green on the virtual clock: `aurora-global upgrade --strategy blue-green --no-snapshot`'s
 * plan (describe, plan, executePlan) against the simulator, green cloning 20 min plus the member
 * upgrade (6–20 min drawn; for short members 3–8 min), switchover 45 s. AWS's own time: created → AVAILABLE plus
 * switchover started → completed (simulator events). Downtime: the `watch` probe, every 0.5 s, on
 * each region's cluster endpoint.
 */
export async function benchBlueGreen(size: BenchSize = "full"): Promise<BenchOutput> {
    const plan = trialPlan(size);
    const data: Record<string, unknown> = {
        blueGreenMethod: `virtual clock; describe → plan (strategy blue-green) → executePlan (no snapshot) against the simulator; green cloning 20 min + member upgrade drawn in 6–20 min (short*: 3–8 min), switchover 45 s (the last 35 s without writes); ${plan.seeds} seeds × ${plan.trialsPerSeed} trials per row; ratio = executePlan elapsed / (AWS provisioning + switchover), judged by p95; downtime = outages the watch probe (0.5 s interval) measured per region endpoint, over the first seed's trials`,
        blueGreenTarget: BLUE_GREEN_P95_TARGET,
    };
    const rows: TableRow[] = [];
    const long = [MIN_UPGRADE_MS, MAX_UPGRADE_MS] as const;
    const scenarios = [
        ["blueGreenPg", "blue/green PG 17.4→17.5 (6–20 min)", BLUE_GREEN_PG, 4000, long],
        ["blueGreenMysql", "blue/green MySQL 3.08→3.10 (6–20 min)", BLUE_GREEN_MYSQL, 4100, long],
        ["shortBlueGreenPg", "blue/green PG 17.4→17.5 (3–8 min)", BLUE_GREEN_PG, 4200, SHORT_UPGRADE_RANGE],
        ["shortBlueGreenMysql", "blue/green MySQL 3.08→3.10 (3–8 min)", BLUE_GREEN_MYSQL, 4300, SHORT_UPGRADE_RANGE],
    ] as const;
    for (const [key, label, kind, seed, range] of size === "smoke" ? scenarios.slice(0, 2) : scenarios) {
        const f = await scenario(kind, plan, seed, range);
        data[key] = f;
        rows.push({
            section: "criticalPath",
            metric: label,
            value: ratioCell(f),
            target: `p95 ≤ ${BLUE_GREEN_P95_TARGET}`,
            met: f.p95CriticalRatio <= BLUE_GREEN_P95_TARGET,
        });
        rows.push({
            section: "criticalPath",
            metric: `${label}: downtime/region`,
            value: `max ${f.maxDowntimeSeconds}s, mean ${f.meanDowntimeSeconds}s (${f.watchedTrials} watched)`,
            target: "(info) < 60 s",
        });
    }
    return { section: "criticalPath", data, rows };
}
