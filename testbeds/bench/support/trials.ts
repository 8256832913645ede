import { BenchSize } from "../results-writer";
import { max, mean, percentile, round, seededRandom } from "./stats";

/**
 * How many trials a critical-path row runs, and from how many seeds. One fixed seed's worst of 30
 * moved 0.5–1.5 points from seed to seed while the margins were 0.0004–0.003 (issue #23), so a
 * row is judged by its p95 over many trials drawn from many independent seeds.
 */
export interface TrialPlan {
    readonly seeds: number;
    readonly trialsPerSeed: number;
}

/** Full: 20 seeds × 30 trials = 600 per row. Smoke: the shape only. */
export function trialPlan(size: BenchSize): TrialPlan {
    return size === "smoke" ? { seeds: 1, trialsPerSeed: 2 } : { seeds: 20, trialsPerSeed: 30 };
}

/**
 * Runs `trial` for every seed of the plan: seed `base + s` (s = 0 … seeds − 1) feeds its own
 * seeded PRNG, so each seed draws an independent sequence of member durations and a row's figures
 * move only when the code does.
 */
export async function overSeeds<T>(
    plan: TrialPlan,
    base: number,
    trial: (random: () => number, label: string) => Promise<T>,
): Promise<T[]> {
    const out: T[] = [];
    for (let s = 0; s < plan.seeds; s++) {
        const random = seededRandom(base * 1000 + s);
        for (let n = 0; n < plan.trialsPerSeed; n++) out.push(await trial(random, `s${s}-${n}`));
    }
    return out;
}

/** The distribution of a row's total / ideal ratios. */
export interface RatioFigures {
    readonly trials: number;
    readonly seeds: number;
    readonly p50CriticalRatio: number;
    readonly p95CriticalRatio: number;
    readonly maxCriticalRatio: number;
    readonly meanCriticalRatio: number;
}

export function ratioFigures(ratios: readonly number[], plan: TrialPlan): RatioFigures {
    return {
        trials: ratios.length,
        seeds: plan.seeds,
        p50CriticalRatio: round(percentile(ratios, 50), 4),
        p95CriticalRatio: round(percentile(ratios, 95), 4),
        maxCriticalRatio: round(max(ratios), 4),
        meanCriticalRatio: round(mean(ratios), 4),
    };
}

/** "p95 1.0112 (p50 1.0051, max 1.0183)": a row's value. */
export function ratioCell(f: RatioFigures): string {
    return `p95 ${f.p95CriticalRatio.toFixed(4)} (p50 ${f.p50CriticalRatio.toFixed(4)}, max ${f.maxCriticalRatio.toFixed(4)})`;
}
