import { runProgramUnderMocks } from "../offline/mock-engine";
import { componentProgram, fleetState, plainProgram } from "./preview/programs";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import { median, round, timeMs } from "./support/stats";

/** Target (testbeds/bench/README.md): the component's preview at most 1.5 × the plain program's. */
export const PREVIEW_RATIO_TARGET = 1.5;

/** Repetitions per size (each repetition runs both programs). */
const REPETITIONS: Readonly<Record<number, number>> = { 1: 9, 10: 5, 50: 3 };

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
    /** Median CPU time, component / plain. */
    readonly costRatio: number;
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
    return {
        databases: n,
        repetitions,
        componentCpuMsPerDatabase: per(component.cpuMs),
        plainCpuMsPerDatabase: per(plain.cpuMs),
        costRatio: round(median(component.cpuMs) / median(plain.cpuMs), 3),
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
        method: "runProgramUnderMocks (preview) against existing databases at 17.4 declaring 17.5. Component: N AuroraGlobalDatabase (live invokes, planner, managed-upgrade steps). Plain: GlobalCluster + Cluster + ClusterInstance per region, same settings. Both in one process, alternating order, a full GC before each run, one warm-up run each; median of the repetitions. costRatio uses CPU time (process user+system), wallCostRatio wall time.",
        target: PREVIEW_RATIO_TARGET,
    };
    const rows: TableRow[] = [];
    const figures: SizeFigures[] = [];
    for (const n of sizes) {
        const f = await measure(n, size === "smoke" ? 1 : (REPETITIONS[n] ?? 3));
        figures.push(f);
        data[`n${n}`] = f;
        rows.push({
            section: "preview",
            metric: `${n} database${n === 1 ? "" : "s"} (${f.repetitions} reps): component / plain, CPU ms per database`,
            value: `${f.costRatio.toFixed(2)} (${f.componentCpuMsPerDatabase} vs ${f.plainCpuMsPerDatabase}; wall ratio ${f.wallCostRatio.toFixed(2)})`,
            target: `≤ ${PREVIEW_RATIO_TARGET}`,
            met: f.costRatio <= PREVIEW_RATIO_TARGET,
        });
    }
    if (figures.length > 1) {
        const small = figures.find((f) => f.databases === 10) ?? figures[0];
        const large = figures[figures.length - 1];
        const growthRatio = round(large.componentCpuMsPerDatabase / small.componentCpuMsPerDatabase, 3);
        const plainGrowthRatio = round(large.plainCpuMsPerDatabase / small.plainCpuMsPerDatabase, 3);
        const relativeGrowthRatio = round(growthRatio / plainGrowthRatio, 3);
        Object.assign(data, { growthRatio, plainGrowthRatio, relativeGrowthRatio });
        rows.push({
            section: "preview",
            metric: `growth: CPU ms per database at ${large.databases} / at ${small.databases}`,
            value: `component ${growthRatio.toFixed(2)}, plain ${plainGrowthRatio.toFixed(2)}`,
            target: "≈ 1 (linear)",
            met: growthRatio <= 1.15,
        });
        rows.push({
            section: "preview",
            metric: `growth of the component relative to plain (${large.databases} vs ${small.databases})`,
            value: relativeGrowthRatio.toFixed(2),
            target: "≤ 1.15 (no extra growth)",
            met: relativeGrowthRatio <= 1.15,
        });
    }
    return { section: "preview", data, rows };
}
