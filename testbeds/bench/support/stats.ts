import * as v8 from "node:v8";
import * as vm from "node:vm";

/** Small statistics helpers for the benches (no dependency). */

export function mean(xs: readonly number[]): number {
    return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function median(xs: readonly number[]): number {
    return percentile(xs, 50);
}

/** Nearest-rank percentile, `p` in 0..100. */
export function percentile(xs: readonly number[], p: number): number {
    if (xs.length === 0) return NaN;
    const sorted = [...xs].sort((a, b) => a - b);
    const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
    return sorted[rank - 1];
}

/**
 * A distribution-free confidence interval for the median of `xs` (order statistics): the k-th
 * smallest and k-th largest values, with k the largest rank such that a Binomial(n, ½) falls in
 * [k, n − k] with probability ≥ `confidence`. Needs no assumption about the noise's shape, which
 * on a shared machine is anything but normal.
 */
export function medianInterval(xs: readonly number[], confidence = 0.95): { low: number; high: number } {
    const sorted = [...xs].sort((a, b) => a - b);
    const n = sorted.length;
    if (n === 0) return { low: NaN, high: NaN };
    const pmf = (k: number) => Math.exp(logChoose(n, k) - n * Math.LN2);
    let k = 0;
    // Coverage of [x(k+1), x(n−k)]: P(k < B ≤ n − k − 1) = 1 − 2·P(B ≤ k).
    let tail = pmf(0);
    while (k + 1 < n / 2 && 1 - 2 * (tail + pmf(k + 1)) >= confidence) tail += pmf(++k);
    return { low: sorted[k], high: sorted[n - 1 - k] };
}

function logChoose(n: number, k: number): number {
    let s = 0;
    for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
    return s;
}

export function max(xs: readonly number[]): number {
    return xs.length === 0 ? NaN : Math.max(...xs);
}

export function min(xs: readonly number[]): number {
    return xs.length === 0 ? NaN : Math.min(...xs);
}

/** Rounds to `digits` decimals (for the results file and the table). */
export function round(x: number, digits = 3): number {
    const f = 10 ** digits;
    return Math.round(x * f) / f;
}

/**
 * Wall milliseconds (monotonic clock) and CPU milliseconds (user + system of this process) of
 * `fn`, after a full garbage collection so one run's garbage is not billed to the next. On a
 * shared machine CPU time is the steadier figure: wall time also measures the neighbours.
 */
export async function timeMs<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
    collectGarbage();
    const cpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    const value = await fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const used = process.cpuUsage(cpu);
    return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

let gc: (() => void) | undefined;

/** A full garbage collection (V8's gc, exposed at run time: no node flag needed). */
export function collectGarbage(): void {
    if (!gc) {
        v8.setFlagsFromString("--expose-gc");
        gc = vm.runInNewContext("gc") as () => void;
    }
    gc();
}

/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every bench run draws the same
 * upgrade durations and the figures move only when the code does.
 */
export function seededRandom(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

/** A duration drawn uniformly in [minMs, maxMs], whole seconds (real upgrades are not 15 s-aligned). */
export function drawDurationMs(random: () => number, minMs: number, maxMs: number): number {
    return Math.round((minMs + random() * (maxMs - minMs)) / 1000) * 1000;
}
