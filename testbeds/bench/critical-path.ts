import { ExecuteOptions } from "../../orchestrator/execute/types";
import { createSimulatedRds } from "../simulator";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import {
    MAJOR,
    MANAGED,
    MAX_UPGRADE_MS,
    MIN_UPGRADE_MS,
    REGIONS,
    ROLLING,
    seedFor,
    SHORT_MAX_UPGRADE_MS,
    SHORT_MIN_UPGRADE_MS,
    UpgradeKind,
} from "./support/scenarios";
import { max, mean, round } from "./support/stats";
import { overSeeds, ratioCell, RatioFigures, ratioFigures, TrialPlan, trialPlan } from "./support/trials";
import { memberRunTimes, runUpgrade } from "./support/upgrade-run";
import { leastGuaranteedShare } from "./support/polling-bound";
import { fittedScheduleRows } from "./fitted-schedule";
import { BASE_POLL_MS, EARLIEST_UPGRADE_FINISH_MS } from "../../orchestrator/execute/poll-schedule";
import { MAX_PRIOR_READS } from "../../orchestrator/execute/context";
import { RUN_FLAGS } from "../../cli-contract";

/**
 * Targets (issue #23), judged by p95 over ≥ 600 trials from ≥ 20 seeds: members of 6–20 min
 * within 1.5 % of the ideal critical path, short members (3–8 min) within 3.5 % — the computed
 * bound below says why no poll schedule within the call budget can hold a short wait tighter.
 */
export const LONG_P95_TARGET = 1.015;
export const SHORT_P95_TARGET = 1.035;
/** Every row but the fixed `--poll-seconds` ones: at most 4 describes per member-minute of waiting. */
export const DESCRIBES_PER_MEMBER_MINUTE_TARGET = 4;

interface Trial {
    readonly idealMs: number;
    readonly totalMs: number;
    /** Every DescribeDBClusters of the run. */
    readonly describes: number;
    /** Sum over members of modify call → noticed. */
    readonly waitMs: number;
}

/** Figures of one scenario over its trials. */
export interface ScenarioFigures extends RatioFigures, Record<string, unknown> {
    readonly path: string;
    readonly secondaries: number;
    /** total − ideal, seconds. */
    readonly meanOverheadSeconds: number;
    readonly maxOverheadSeconds: number;
    readonly meanIdealMinutes: number;
    /** Every DescribeDBClusters over every member's wait (modify → noticed), all trials together. */
    readonly describesPerMemberMinute: number;
}

/**
 * One upgrade on a fresh simulator. Ideal critical path: rolling — the slowest secondary plus
 * the primary, as the simulator ran them; managed and major — the single global operation
 * (global-upgrade-started → global-upgraded). Total: executePlan's elapsed virtual time.
 */
async function trial(
    kind: UpgradeKind,
    secondaries: number,
    random: () => number,
    label: string,
    range: readonly [number, number],
    execute: ExecuteOptions,
): Promise<Trial> {
    const sim = createSimulatedRds();
    const seed = seedFor(kind, `cp-${kind.name}-${secondaries}-${label}`, secondaries, random, REGIONS, range);
    sim.seed(seed);
    const trace = await runUpgrade(sim, seed, kind, execute);
    let idealMs: number;
    if (kind.path === "rolling") {
        const runs = memberRunTimes(sim, seed);
        const primary = seed.members.find((m) => m.role === "primary")!;
        const slowestSecondary = max(
            seed.members.filter((m) => m.role === "secondary").map((m) => runs[m.id].end - runs[m.id].start),
        );
        idealMs = slowestSecondary + (runs[primary.id].end - runs[primary.id].start);
    } else {
        const started = sim.eventsOf("global-upgrade-started", seed.globalClusterId).at(-1);
        const done = sim.eventsOf("global-upgraded", seed.globalClusterId).at(-1);
        if (!started || !done) throw new Error(`bench: no global operation recorded for ${seed.globalClusterId}`);
        idealMs = done.time - started.time;
    }
    const { stats, memberDurationsMs } = trace.result;
    return {
        idealMs,
        totalMs: trace.result.elapsedMs,
        describes: Object.values(stats.describesPerCluster).reduce((a, b) => a + b, 0),
        waitMs: Object.values(memberDurationsMs).reduce((a, b) => a + b, 0),
    };
}

async function scenario(
    kind: UpgradeKind,
    secondaries: number,
    plan: TrialPlan,
    seedBase: number,
    range: readonly [number, number] = [MIN_UPGRADE_MS, MAX_UPGRADE_MS],
    execute: ExecuteOptions = {},
): Promise<ScenarioFigures> {
    const results = await overSeeds(plan, seedBase, (random, label) =>
        trial(kind, secondaries, random, label, range, execute),
    );
    const overheads = results.map((t) => (t.totalMs - t.idealMs) / 1000);
    return {
        path: kind.path,
        secondaries,
        ...ratioFigures(
            results.map((t) => t.totalMs / t.idealMs),
            plan,
        ),
        meanOverheadSeconds: round(mean(overheads), 1),
        maxOverheadSeconds: round(max(overheads), 1),
        meanIdealMinutes: round(mean(results.map((t) => t.idealMs / 60_000)), 1),
        describesPerMemberMinute: round(
            results.reduce((n, t) => n + t.describes, 0) / (results.reduce((n, t) => n + t.waitMs, 0) / 60_000),
            2,
        ),
    };
}

/**
 * The least worst-case overhead any poll schedule can guarantee for one wait of a short member
 * within the call budget (support/polling-bound.ts): a computed bound, not a measurement. The pool
 * is the one the orchestrator has for a lone wait (the only member of its wave): the polls its
 * schedule skips before the earliest finish, less the reads counted against the wait
 * (orchestrator/execute/context.ts MAX_PRIOR_READS: the topology read, the step's own read, the
 * pre-primary check).
 */
function shortWaitBound(data: Record<string, unknown>): TableRow {
    const pooled = EARLIEST_UPGRADE_FINISH_MS / BASE_POLL_MS - MAX_PRIOR_READS;
    const share = leastGuaranteedShare({
        earliestMs: EARLIEST_UPGRADE_FINISH_MS,
        longestMs: SHORT_MAX_UPGRADE_MS,
        pooled,
        earnEveryMs: BASE_POLL_MS,
    });
    data.shortWaitBound = {
        kind: "computed bound (support/polling-bound.ts), not a measurement",
        pooledPolls: pooled,
        earliestFinishMinutes: EARLIEST_UPGRADE_FINISH_MS / 60_000,
        leastGuaranteedShare: round(share, 4),
    };
    return {
        section: "criticalPath",
        metric: "bound: short wait, any schedule at 4 calls/min",
        value: `${(share * 100).toFixed(1)} % of the wait (computed)`,
        target: "(info) computed bound",
    };
}

/** The fixed interval of the `--poll-seconds` trade-off rows. */
const TRADE_OFF_POLL_SECONDS = 5;

/** Short members: durations drawn in 3–8 min, where the orchestrator's overhead weighs most. */
export const SHORT_UPGRADE_RANGE: readonly [number, number] = [SHORT_MIN_UPGRADE_MS, SHORT_MAX_UPGRADE_MS];

const secondariesLabel = (s: number): string => `${s} secondar${s === 1 ? "y" : "ies"}`;

/** A row: p95 against the member length's target, and the describes per member-minute. */
function row(label: string, f: ScenarioFigures, target?: number): TableRow {
    const calls = f.describesPerMemberMinute;
    return {
        section: "criticalPath",
        metric: label,
        value: `${ratioCell(f)}; ${calls}/min`,
        target: target === undefined ? "(info)" : `p95 ≤ ${target}; ≤ ${DESCRIBES_PER_MEMBER_MINUTE_TARGET}/min`,
        ...(target === undefined
            ? {}
            : { met: f.p95CriticalRatio <= target && calls <= DESCRIBES_PER_MEMBER_MINUTE_TARGET }),
    };
}

/**
 * Critical path on the virtual clock: rolling upgrades with 1, 3 and 5 secondaries, the managed
 * minor and the major global upgrade (2 secondaries), member durations drawn in 6–20 min, then
 * the same with short members (3–8 min). Each row: 600 trials from 20 seeds, judged by p95.
 */
export async function benchCriticalPath(size: BenchSize = "full"): Promise<BenchOutput> {
    const plan = trialPlan(size);
    const rollingSizes = size === "smoke" ? [1] : [1, 3, 5];
    const data: Record<string, unknown> = {
        method: `virtual clock; aurora-global upgrade (${RUN_FLAGS.noSnapshot}) against the simulated control plane; member upgrade durations drawn uniformly in 6–20 min, short* scenarios in 3–8 min (whole seconds); ${plan.seeds} seeds × ${plan.trialsPerSeed} trials per row; ratio = executePlan elapsed / ideal; judged by p95CriticalRatio`,
        targets: {
            longP95: LONG_P95_TARGET,
            shortP95: SHORT_P95_TARGET,
            describesPerMemberMinute: DESCRIBES_PER_MEMBER_MINUTE_TARGET,
        },
    };
    const rows: TableRow[] = [];
    for (const [prefix, label, range, seedOffset, target] of [
        ["", "6–20 min", [MIN_UPGRADE_MS, MAX_UPGRADE_MS], 0, LONG_P95_TARGET],
        ["short", "3–8 min", SHORT_UPGRADE_RANGE, 100, SHORT_P95_TARGET],
    ] as const) {
        const key = (name: string) => (prefix ? `${prefix}${name[0].toUpperCase()}${name.slice(1)}` : name);
        const add = (name: string, text: string, f: ScenarioFigures) => {
            data[key(name)] = f;
            rows.push(row(`${text} (${label})`, f, target));
        };
        for (const s of rollingSizes)
            add(
                `rolling${s}`,
                `rolling, ${secondariesLabel(s)}`,
                await scenario(ROLLING, s, plan, 1000 + seedOffset + s, range),
            );
        add("managed", "managed PG, 3 regions", await scenario(MANAGED, 2, plan, 2000 + seedOffset, range));
        add("major", "major PG 16→17, 3 regions", await scenario(MAJOR, 2, plan, 3000 + seedOffset, range));
    }
    rows.push(shortWaitBound(data));
    rows.push(...fittedScheduleRows(data, size));
    if (size === "full") {
        // What `--poll-seconds N` trades: a fixed interval for every wait, calls for latency.
        for (const s of [1, 3]) {
            const f = await scenario(ROLLING, s, plan, 1100 + s, SHORT_UPGRADE_RANGE, {
                pollSeconds: TRADE_OFF_POLL_SECONDS,
            });
            data[`shortRolling${s}PollSeconds${TRADE_OFF_POLL_SECONDS}`] = f;
            rows.push(row(`rolling, ${secondariesLabel(s)} (3–8 min), poll ${TRADE_OFF_POLL_SECONDS} s`, f));
        }
    }
    return { section: "criticalPath", data, rows };
}
