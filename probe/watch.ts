/**
 * The probe loop: every `intervalMs`, one probe per endpoint, all started at the same scheduled
 * instant. Slots are computed from the start time (slot k at start + k·interval), so a slow probe
 * never shifts the schedule; results are recorded in probe start order.
 */
import { redactSecrets } from "./redact";
import { EndpointRecorder } from "./timeline";
import { Endpoint, ProbeFn, ProbeSample, TimelineEvent, WatchReport } from "./types";

/** Defaults of `watch()`. */
export const DEFAULT_INTERVAL_MS = 500;
export const DEFAULT_TIMEOUT_MS = 2000;

/** What to watch and for how long. */
export interface WatchOptions {
    readonly endpoints: readonly Endpoint[];
    /** Time between probe starts (default 500). */
    readonly intervalMs?: number;
    /** Stop after this long; omit to run until `signal` aborts. */
    readonly durationMs?: number;
    /** Connect + query timeout of one probe; a probe without an answer by then failed (default 2000). */
    readonly timeoutMs?: number;
    /** Aborting stops the watch; `watch()` still resolves with the report. */
    readonly signal?: AbortSignal;
    /** Called with each timeline event as it happens (live output). */
    readonly onEvent?: (event: TimelineEvent) => void;
}

/** Injectable effects (tests pass fakes; the defaults are the real clock and database probers). */
export interface WatchDeps {
    readonly probe?: ProbeFn;
    readonly now?: () => number;
    /** Sleeps `ms`, resolving early when `signal` aborts. */
    readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/** Real-time sleep that resolves early (and clears its timer) when `signal` aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
        if (signal?.aborted) return resolve();
        const done = () => {
            clearTimeout(timer);
            signal?.removeEventListener("abort", done);
            resolve();
        };
        const timer = setTimeout(done, Math.max(0, ms));
        signal?.addEventListener("abort", done, { once: true });
    });
}

/** One line of error text: the message, the inner errors of an AggregateError, or the code. */
export function errorText(error: unknown): string {
    if (!(error instanceof Error)) return String(error);
    let text = error.message;
    const inner = (error as { errors?: unknown }).errors;
    if (!text && Array.isArray(inner)) text = inner.map(errorText).join("; ");
    if (!text) text = String((error as { code?: unknown }).code ?? error.name);
    return text.replace(/\s*\n\s*/g, " ").trim();
}

async function sample(
    probe: ProbeFn,
    endpoint: Endpoint,
    at: number,
    timeoutMs: number,
    sleep: NonNullable<WatchDeps["sleep"]>,
): Promise<ProbeSample> {
    const cancel = new AbortController();
    const timedOut = sleep(timeoutMs, cancel.signal).then(() => {
        if (!cancel.signal.aborted) throw new Error(`no answer within ${timeoutMs} ms`);
        return new Promise<never>(() => undefined);
    });
    try {
        const version = await Promise.race([probe(endpoint, timeoutMs), timedOut]);
        return { at, ok: true, version };
    } catch (error) {
        return { at, ok: false, error: redactSecrets(errorText(error), [endpoint.url]) };
    } finally {
        cancel.abort();
    }
}

/**
 * Probes every endpoint until `durationMs` elapses or `signal` aborts, then waits for the probes
 * in flight (each bounded by `timeoutMs`) and resolves with the report. Never rejects because an
 * endpoint is unreachable: failed probes are outages.
 */
export async function watch(options: WatchOptions, deps: WatchDeps = {}): Promise<WatchReport> {
    const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!(intervalMs > 0) || !(timeoutMs > 0)) throw new RangeError("watch: intervalMs and timeoutMs must be positive");
    if (options.endpoints.length === 0) throw new RangeError("watch: give at least one endpoint");
    // Loaded lazily so that library users with fakes never load pg/mysql2.
    const probe = deps.probe ?? (await import("./probers")).probeEndpoint;
    const now = deps.now ?? Date.now;
    const sleep = deps.sleep ?? sleepUnlessAborted;
    const { signal, onEvent } = options;

    const startedAt = now();
    const deadline = options.durationMs === undefined ? Infinity : startedAt + options.durationMs;
    const recorders = options.endpoints.map((e) => new EndpointRecorder(e));
    const chains: Promise<void>[] = options.endpoints.map(() => Promise.resolve());
    for (let slot = 0; !signal?.aborted;) {
        const due = startedAt + slot * intervalMs;
        if (due >= deadline) {
            // Node's timers may fire a millisecond early against Date.now (they round to whole
            // milliseconds on a monotonic clock), so sleep until the deadline has really passed.
            while (!signal?.aborted && now() < deadline) await sleep(deadline - now(), signal);
            break;
        }
        if (due > now()) await sleep(due - now(), signal);
        if (signal?.aborted) break;
        const at = now();
        options.endpoints.forEach((endpoint, i) => {
            const pending = sample(probe, endpoint, at, timeoutMs, sleep);
            chains[i] = chains[i]
                .then(() => pending)
                .then((s) => {
                    for (const event of recorders[i].record(s)) onEvent?.(event);
                });
        });
        // Next slot after this one; slots missed while the event loop was busy are skipped.
        slot = Math.max(slot + 1, Math.ceil((now() - startedAt) / intervalMs));
    }
    const stoppedAt = Math.min(now(), deadline);
    await Promise.all(chains);
    return {
        startedAt,
        stoppedAt,
        intervalMs,
        stopReason: signal?.aborted ? "aborted" : "duration",
        endpoints: recorders.map((r) => r.finish(stoppedAt)),
    };
}
