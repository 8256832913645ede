import { runProgramUnderMocks } from "../offline/mock-engine";
import { componentProgram, fleetState, plainProgram } from "./preview/programs";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import { median, medianInterval, round, timeMs } from "./support/stats";

/**
 * Targets (issue #23): the component's preview costs at most 1.5 × the plain program's (median of
 * the paired ratios), with the upper end of its 95 % interval at most 1.6, so that the verdict is
 * not the noise of one run; and the ratio grows at most 10 % from 1 to 50 databases.
 */
export const PREVIEW_RATIO_TARGET = 1.5;
export const PREVIEW_RATIO_UPPER_TARGET = 1.6;
export const PREVIEW_GROWTH_TARGET = 1.1;

/**
 * Pairs per size (each pair runs both programs back to back, in alternating order): enough for a
 * distribution-free 95 % interval of the median narrower than the margin (n = 31: the 10th to
 * 22nd of 31 ratios; n = 9: the 2nd to 8th).
 */
const PAIRS: Readonly<Record<number, number>> = { 1: 31, 10: 15, 50: 9 };

interface Runs {
    readonly cpuMs: number[];
    readonly wallMs: number[];
    resources: number;
}

/** Figures of one size. CPU time is the headline (steady on a shared machine); wall time is kept. */
export interface SizeFigures extends Record<string, unknown> {
    readonly databases: number;
    readonly repetitions: number;
    readonly componentCpuMsPerDatabase: number;
    readonly plainCpuMsPerDatabase: number;
    /** Median of the paired CPU ratios (component / plain, each pair run back to back). */
    readonly costRatio: number;
    /** Distribution-free 95 % interval of that median. */
    readonly costRatioLow: number;
    readonly costRatioHigh: number;
    readonly componentWallMsPerDatabase: number;
    readonly plainWallMsPerDatabase: number;
    /** Median wall time, component / plain. */
    readonly wallCostRatio: number;
    readonly componentResources: number;
    readonly plainResources: number;
    readonly componentCpuRunsMs: number[];
    readonly plainCpuRunsMs: number[];
    readonly componentWallRunsMs: number[];
    readonly plainWallRunsMs: number[];
}

/** One timed preview under the mock engine; throws when the program logged an error. */
async function timedPreview(program: () => void, n: number, into?: Runs): Promise<void> {
    const state = fleetState(n);
    const { ms, cpuMs, value } = await timeMs(() => runProgramUnderMocks({ program, currentState: state }));
    const errors = value.logs.filter((l) => l.severity === "error");
    if (errors.length > 0)
        throw new Error(`bench: the preview logged errors: ${errors.map((e) => e.message).join("; ")}`);
    if (into) {
        into.cpuMs.push(cpuMs);
        into.wallMs.push(ms);
        into.resources = value.resources.length;
    }
}

async function measure(n: number, repetitions: number): Promise<SizeFigures> {
    const component: Runs = { cpuMs: [], wallMs: [], resources: 0 };
    const plain: Runs = { cpuMs: [], wallMs: [], resources: 0 };
    for (let r = 0; r < repetitions; r++) {
        // Alternate which goes first, so drift hits both alike.
        const order = r % 2 === 0 ? [true, false] : [false, true];
        for (const isComponent of order) {
            await timedPreview(isComponent ? componentProgram(n) : plainProgram(n), n, isComponent ? component : plain);
        }
    }
    const per = (xs: number[]) => round(median(xs) / n, 2);
    const list = (xs: number[]) => xs.map((x) => round(x, 1));
    const paired = component.cpuMs.map((c, i) => c / plain.cpuMs[i]);
    const interval = medianInterval(paired);
    return {
        databases: n,
        repetitions,
        componentCpuMsPerDatabase: per(component.cpuMs),
        plainCpuMsPerDatabase: per(plain.cpuMs),
        costRatio: round(median(paired), 3),
        costRatioLow: round(interval.low, 3),
        costRatioHigh: round(interval.high, 3),
        componentWallMsPerDatabase: per(component.wallMs),
        plainWallMsPerDatabase: per(plain.wallMs),
        wallCostRatio: round(median(component.wallMs) / median(plain.wallMs), 3),
        componentResources: component.resources,
        plainResources: plain.resources,
        componentCpuRunsMs: list(component.cpuMs),
        plainCpuRunsMs: list(plain.cpuMs),
        componentWallRunsMs: list(component.wallMs),
        plainWallRunsMs: list(plain.wallMs),
    };
}

/**
 * Preview cost: the stack program under Pulumi's mock engine with 1, 10 and 50 existing global
 * databases (3 regions each) whose declared version moves 17.4 → 17.5, as N AuroraGlobalDatabase
 * components vs the same topology in plain aws.rds resources, measured in the same run.
 */
export async function benchPreview(size: BenchSize = "full"): Promise<BenchOutput> {
    const sizes = size === "smoke" ? [1] : [1, 10, 50];
    // Warm-up: lazy module loading and JIT out of the first timed run.
    await timedPreview(componentProgram(1), 1);
    await timedPreview(plainProgram(1), 1);
    const data: Record<string, unknown> = {
        method: "runProgramUnderMocks (preview) against existing databases at 17.4 declaring 17.5. Component: N AuroraGlobalDatabase (live invokes, planner, managed-upgrade steps). Plain: GlobalCluster + Cluster + ClusterInstance per region, same settings. Both in one process, in pairs run back to back (alternating which goes first), a full GC before each run, one warm-up run each. costRatio is the median of the pairs' CPU ratios (process user+system) with a distribution-free 95 % interval (costRatioLow–costRatioHigh); wallCostRatio uses wall time. growthRatio = costRatio at 50 / at 1.",
        targets: { median: PREVIEW_RATIO_TARGET, upper: PREVIEW_RATIO_UPPER_TARGET, growth: PREVIEW_GROWTH_TARGET },
    };
    const rows: TableRow[] = [];
    const figures: SizeFigures[] = [];
    for (const n of sizes) {
        const f = await measure(n, size === "smoke" ? 1 : (PAIRS[n] ?? 9));
        figures.push(f);
        data[`n${n}`] = f;
        rows.push({
            section: "preview",
            metric: `${n} database${n === 1 ? "" : "s"}, ${f.repetitions} pairs: component / plain CPU`,
            value: `${f.costRatio.toFixed(2)} (95 %: ${f.costRatioLow.toFixed(2)}–${f.costRatioHigh.toFixed(2)})`,
            target: `≤ ${PREVIEW_RATIO_TARGET}, high ≤ ${PREVIEW_RATIO_UPPER_TARGET}`,
            met: f.costRatio <= PREVIEW_RATIO_TARGET && f.costRatioHigh <= PREVIEW_RATIO_UPPER_TARGET,
        });
    }
    if (figures.length > 1) {
        const first = figures[0];
        const last = figures[figures.length - 1];
        const growthRatio = round(last.costRatio / first.costRatio, 3);
        const perDatabaseGrowthRatio = round(last.componentCpuMsPerDatabase / first.componentCpuMsPerDatabase, 3);
        Object.assign(data, { growthRatio, perDatabaseGrowthRatio });
        rows.push({
            section: "preview",
            metric: `growth of the ratio, ${first.databases} → ${last.databases} databases`,
            value: `${growthRatio.toFixed(2)} (CPU ms/database ×${perDatabaseGrowthRatio.toFixed(2)})`,
            target: `≤ ${PREVIEW_GROWTH_TARGET}`,
            met: growthRatio <= PREVIEW_GROWTH_TARGET,
        });
    }
    return { section: "preview", data, rows };
}
