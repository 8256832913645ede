import { RUN_FLAGS } from "../../cli-contract";
import { gateway } from "../../orchestrator/cli/commands";
import { resolveDeps } from "../../orchestrator/cli/deps";
import { planFleet } from "../../orchestrator/cli/fleet/fleet-plan";
import { runFleet } from "../../orchestrator/cli/fleet/fleet-run";
import { parseRollout } from "../../orchestrator/cli/fleet/rollout-file";
import { SharedDescribes } from "../../orchestrator/cli/fleet/shared-describe";
import { createSimulatedRds, SeedTopology, SimulatedRds } from "../simulator";
import { peakInWindow } from "./control-plane-fleet";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import { REGIONS, ROLLING, seedFor } from "./support/scenarios";
import { percentile, round, seededRandom } from "./support/stats";
import { memberRunTimes } from "./support/upgrade-run";

/** The bound: a rollout keeps every region under 5 requests per second. */
export const ROLLOUT_RPS_TARGET = 5;
/** Each database's upgrade inside a rollout takes at most this × AWS's own time, at p95. */
export const ROLLOUT_RATIO_TARGET = 1.02;

const SIZES = { full: { databases: 200, wave: 50 }, smoke: { databases: 6, wave: 3 } } as const;

/** A rolling Aurora MySQL database with a member in each of the 3 regions, its writer's region rotating. */
function fleetSeeds(count: number): SeedTopology[] {
    const regions = REGIONS.slice(0, 3);
    const random = seededRandom(7000);
    return Array.from({ length: count }, (_, i) => {
        const rotated = [...regions.slice(i % 3), ...regions.slice(0, i % 3)];
        return seedFor(ROLLING, `roll-${String(i).padStart(3, "0")}`, 2, random, rotated);
    });
}

function rolloutYaml(seeds: readonly SeedTopology[], wave: number): string {
    const waves: string[] = [];
    for (let i = 0; i < seeds.length; i += wave)
        waves.push(
            `  - name: wave-${waves.length + 1}\n    maxParallel: ${wave}\n    select: { globalClusters: [${seeds
                .slice(i, i + wave)
                .map((s) => s.globalClusterId)
                .join(", ")}] }`,
        );
    return `name: bench\ntarget: { aurora-mysql: "${ROLLING.to}" }\nregions: [${REGIONS.slice(0, 3).join(", ")}]\nwaves:\n${waves.join("\n")}\n`;
}

/** When the database's first change was sent (its first ModifyDBCluster): where its upgrade starts. */
function firstChange(sim: SimulatedRds, seed: SeedTopology): number {
    const members = new Set(seed.members.map((m) => m.id));
    return Math.min(
        ...sim
            .callsOf("ModifyDBCluster")
            .filter((c) => members.has(String(c.input.DBClusterIdentifier)))
            .map((c) => c.time),
    );
}

/** AWS's own time of a rolling upgrade: its slowest secondary, then its primary (the simulator's events). */
function awsOwnMs(sim: SimulatedRds, seed: SeedTopology): number {
    const times = memberRunTimes(sim, seed);
    const primary = seed.members.find((m) => m.role === "primary")?.id ?? "";
    const secondaries = seed.members
        .filter((m) => m.role === "secondary")
        .map((m) => times[m.id].end - times[m.id].start);
    return Math.max(...secondaries) + (times[primary].end - times[primary].start);
}

/**
 * `fleet run` over many rolling upgrades on one rate-limited simulator (AWS's limit on): requests
 * per second per region over sliding windows, throttled calls, and each database's time against
 * AWS's own time. Full: 200 databases in 3 regions, waves of 50; smoke: 6 in waves of 3.
 */
export async function benchFleetRollout(size: BenchSize = "full"): Promise<BenchOutput> {
    const { databases, wave } = SIZES[size];
    const sim = createSimulatedRds();
    const seeds = fleetSeeds(databases);
    for (const s of seeds) sim.seed(s);
    const shared = new SharedDescribes(sim.clientFor, sim.clock);
    const deps = resolveDeps({
        clients: shared.factory,
        clock: sim.clock,
        random: seededRandom(7100),
        env: {},
        stdout: () => undefined,
        stderr: () => undefined,
    });
    const api = gateway(deps);
    const start = sim.clock.now();
    const plan = await planFleet(api, parseRollout(rolloutYaml(seeds, wave), "bench.yaml"));
    const result = await runFleet(deps, api, plan, { snapshot: false, shared });
    const end = sim.clock.now();
    const perRegion = regionFigures(sim, start, end);
    const ended = new Map(result.outcomes.map((o) => [o.id, o.endedAt ?? NaN]));
    const ratios = seeds
        .map((s) => (ended.get(s.globalClusterId ?? "") ?? NaN) - firstChange(sim, s))
        .map((ms, i) => ms / awsOwnMs(sim, seeds[i]));
    const worst = (k: string) => Math.max(...Object.values(perRegion).map((r) => r[k]));
    const data = {
        method: `fleet run (planFleet + runFleet, as aurora-global fleet run ${RUN_FLAGS.noSnapshot}) over ${databases} rolling Aurora MySQL databases (a member in each of 3 regions, writers rotating, durations 6–20 min), waves of ${wave} with maxParallel ${wave}, on one simulator with AWS's rate limit (burst 300, 12/s per region); windows slide over the simulator's call log; each database's upgrade time (its first ModifyDBCluster to its run noticing it done) over AWS's own time (slowest secondary + primary, the simulator's events)`,
        databases,
        wave,
        code: result.code,
        completed: result.outcomes.filter((o) => o.state === "upgraded").length,
        virtualMinutes: round((end - start) / 60_000, 1),
        throttled: sim.rateLimited(),
        sharedReadsPerRegion: result.sharedReads,
        perRegion,
        p95DatabaseRatio: round(percentile(ratios, 95), 4),
        maxDatabaseRatio: round(Math.max(...ratios), 4),
        target: { peak60sRps: ROLLOUT_RPS_TARGET, p95DatabaseRatio: ROLLOUT_RATIO_TARGET },
    };
    return { section: "controlPlaneCalls", data: { fleetRollout: data }, rows: rolloutRows(data, worst) };
}

function regionFigures(sim: SimulatedRds, start: number, end: number): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const region of REGIONS.slice(0, 3)) {
        const times = sim.calls
            .filter((c) => c.region === region)
            .map((c) => c.time)
            .sort((a, b) => a - b);
        out[region] = {
            requests: times.length,
            throttled: sim.rateLimited(region),
            meanRps: round(times.length / Math.max(1, (end - start) / 1000), 2),
            peak60sRps: round(peakInWindow(times, 60_000) / 60, 2),
            peak1sRps: peakInWindow(times, 1000),
        };
    }
    return out;
}

function rolloutRows(
    d: {
        databases: number;
        wave: number;
        completed: number;
        throttled: number;
        p95DatabaseRatio: number;
        maxDatabaseRatio: number;
    },
    worst: (k: string) => number,
): TableRow[] {
    const name = `fleet run, ${d.databases} DBs, waves of ${d.wave}`;
    return [
        {
            section: "controlPlaneCalls",
            metric: `${name}: req/s/region, worst 60 s`,
            value: `${worst("peak60sRps")} (1 s peak ${worst("peak1sRps")})`,
            target: `< ${ROLLOUT_RPS_TARGET}`,
            met: worst("peak60sRps") < ROLLOUT_RPS_TARGET,
        },
        {
            section: "controlPlaneCalls",
            metric: `${name}: throttled, completed`,
            value: `${d.throttled} throttled, ${d.completed} of ${d.databases} completed`,
            target: `0, ${d.databases}`,
            met: d.throttled === 0 && d.completed === d.databases,
        },
        {
            section: "controlPlaneCalls",
            metric: `${name}: each DB ÷ AWS's own time, p95`,
            value: `${d.p95DatabaseRatio} (max ${d.maxDatabaseRatio})`,
            target: `≤ ${ROLLOUT_RATIO_TARGET}`,
            met: d.p95DatabaseRatio <= ROLLOUT_RATIO_TARGET,
        },
    ];
}
