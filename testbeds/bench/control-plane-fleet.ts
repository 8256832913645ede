import { AWS_RDS_RATE_LIMIT, createSimulatedRds } from "../simulator";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import { REGIONS, ROLLING, seedFor } from "./support/scenarios";
import { round, seededRandom } from "./support/stats";
import { runUpgrade } from "./support/upgrade-run";
import { RUN_FLAGS } from "../../cli-contract";

/** AWS's sustained RDS request rate per region (the simulator's token bucket refills at it). */
export const SUSTAINED_RPS_TARGET = AWS_RDS_RATE_LIMIT.refillPerSecond;

/** `--start-jitter-seconds` of the jitter variant (what a pipeline starting many runs would pass). */
export const FLEET_START_JITTER_SECONDS = 10;

/** Most requests in any window of `windowMs` (sliding, starting at each request). */
export function peakInWindow(sortedTimes: readonly number[], windowMs: number): number {
    let best = 0;
    let lo = 0;
    for (let hi = 0; hi < sortedTimes.length; hi++) {
        while (sortedTimes[hi] - sortedTimes[lo] >= windowMs) lo++;
        best = Math.max(best, hi - lo + 1);
    }
    return best;
}

interface FleetFigures {
    readonly databases: number;
    readonly virtualMinutes: number;
    readonly throttled: number;
    readonly retries: number;
    /** Upgrades that stopped (e.g. still throttled after every retry). */
    readonly failed: number;
    readonly firstFailure?: string;
    readonly perRegion: Record<string, Record<string, number>>;
    /** The worst region's figure. */
    worst(key: string): number;
}

/**
 * `databases` global databases (3 regions each) upgrading at once on one rate-limited simulator;
 * each run first waits a random 0 to `startJitterSeconds` (`--start-jitter-seconds`, 0: none).
 */
async function fleetRun(databases: number, startJitterSeconds = 0): Promise<FleetFigures> {
    const regions = REGIONS.slice(0, 3);
    const sim = createSimulatedRds();
    const random = seededRandom(5000);
    const seeds = Array.from({ length: databases }, (_, i) =>
        seedFor(ROLLING, `fleet-${String(i).padStart(3, "0")}`, 2, random, regions),
    );
    for (const s of seeds) sim.seed(s);
    const start = sim.clock.now();
    // Each database its own jitter source (fixed seeds), as separate processes would have.
    const settled = await Promise.allSettled(
        seeds.map((s, i) => runUpgrade(sim, s, ROLLING, {}, seededRandom(6000 + i), startJitterSeconds * 1000)),
    );
    const traces = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    const failures = settled.flatMap((r) =>
        r.status === "rejected" ? [r.reason instanceof Error ? r.reason.message : String(r.reason)] : [],
    );
    const end = sim.clock.now();
    const perRegion: Record<string, Record<string, number>> = {};
    for (const region of regions) {
        const times = sim.calls
            .filter((c) => c.region === region)
            .map((c) => c.time)
            .sort((a, b) => a - b);
        const seconds = Math.max(1, (end - start) / 1000);
        perRegion[region] = {
            requests: times.length,
            throttled: sim.rateLimited(region),
            meanRps: round(times.length / seconds, 2),
            peak60sRps: round(peakInWindow(times, 60_000) / 60, 2),
            peak10sRps: round(peakInWindow(times, 10_000) / 10, 2),
            peak1sRps: peakInWindow(times, 1000),
        };
    }
    return {
        databases,
        virtualMinutes: round((end - start) / 60_000, 1),
        throttled: sim.rateLimited(),
        retries: traces.reduce((n, t) => n + t.result.stats.retries, 0),
        failed: failures.length,
        ...(failures.length > 0 ? { firstFailure: failures[0] } : {}),
        perRegion,
        worst: (key) => Math.max(...Object.values(perRegion).map((r) => r[key])),
    };
}

/**
 * 50 global databases (3 regions each: every region holds 50 members) upgrading at once on one
 * simulated control plane with AWS's rate limit on: requests per second per region over sliding
 * windows, and how many calls were throttled. Full size also runs 100 and 200 databases (headroom).
 */
export async function benchFleet(size: BenchSize = "full"): Promise<BenchOutput> {
    const f = await fleetRun(size === "smoke" ? 3 : 50);
    const j = await fleetRun(f.databases, FLEET_START_JITTER_SECONDS);
    const rows = fleetRows(f, j);
    const headroom = size === "full" ? await headroomRuns() : {};
    return {
        section: "controlPlaneCalls",
        data: {
            fleet: {
                method: `one simulator (AWS rate limit: burst 300, 12/s per region), every database a rolling Aurora MySQL upgrade (primary + 2 secondaries, durations 6–20 min) started at the same virtual instant, each run as aurora-global upgrade does (describe, plan, execute), once with the default flags and once with ${RUN_FLAGS.startJitterSeconds} ${FLEET_START_JITTER_SECONDS} (withStartJitter); windows slide over the simulator's call log (throttled calls included)`,
                databases: f.databases,
                regions: Object.keys(f.perRegion).length,
                membersPerRegion: f.databases,
                virtualMinutes: f.virtualMinutes,
                throttled: f.throttled,
                retries: f.retries,
                failed: f.failed,
                worstPeak60sRps: f.worst("peak60sRps"),
                perRegion: f.perRegion,
                withStartJitter: {
                    startJitterSeconds: FLEET_START_JITTER_SECONDS,
                    throttled: j.throttled,
                    retries: j.retries,
                    failed: j.failed,
                    worstPeak60sRps: j.worst("peak60sRps"),
                    worstPeak10sRps: j.worst("peak10sRps"),
                    worstPeak1sRps: j.worst("peak1sRps"),
                },
                target: { sustainedRps: SUSTAINED_RPS_TARGET },
                ...(size === "full" ? { headroom } : {}),
            },
        },
        rows,
    };
}

/** The table's rows: the fleet at once (`f`) against AWS's sustained rate, and with start jitter (`j`). */
function fleetRows(f: FleetFigures, j: FleetFigures): TableRow[] {
    return [
        {
            section: "controlPlaneCalls",
            metric: `${f.databases} databases at once: req/s/region, worst 60 s`,
            value: `${f.worst("peak60sRps")} (mean ${f.worst("meanRps")}, 10 s peak ${f.worst("peak10sRps")}, 1 s peak ${f.worst("peak1sRps")})`,
            target: `< ${SUSTAINED_RPS_TARGET}`,
            met: f.worst("peak60sRps") < SUSTAINED_RPS_TARGET,
        },
        {
            section: "controlPlaneCalls",
            metric: `${f.databases} databases at once: throttled calls`,
            value: `${f.throttled} (${f.retries} retries)`,
            target: "0",
            met: f.throttled === 0,
        },
        {
            section: "controlPlaneCalls",
            metric: `${f.databases} databases at once: upgrades completed`,
            value: `${f.databases - f.failed} of ${f.databases}`,
            target: `${f.databases}`,
            met: f.failed === 0,
        },
        {
            section: "controlPlaneCalls",
            metric: `${f.databases} at once, ${RUN_FLAGS.startJitterSeconds} ${FLEET_START_JITTER_SECONDS}`,
            value: `peaks 1 s ${j.worst("peak1sRps")}, 10 s ${j.worst("peak10sRps")}; ${j.throttled} throttled; ${j.databases - j.failed}/${j.databases} done`,
            target: "(info)",
        },
    ];
}

/** Headroom (full size only): 100 and 200 databases, with and without start jitter. */
async function headroomRuns(): Promise<Record<string, unknown>> {
    const headroom: Record<string, unknown> = {};
    for (const [n, jitter] of [
        [100, 0],
        [200, 0],
        [100, FLEET_START_JITTER_SECONDS],
        [200, FLEET_START_JITTER_SECONDS],
    ] as const) {
        const h = await fleetRun(n, jitter);
        headroom[`databases${n}${jitter > 0 ? `StartJitter${jitter}s` : ""}`] = {
            completed: n - h.failed,
            failed: h.failed,
            ...(h.firstFailure ? { firstFailure: h.firstFailure } : {}),
            throttled: h.throttled,
            retries: h.retries,
            worstPeak60sRps: h.worst("peak60sRps"),
            worstPeak1sRps: h.worst("peak1sRps"),
            virtualMinutes: h.virtualMinutes,
        };
    }
    return headroom;
}
