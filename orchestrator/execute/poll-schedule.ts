/**
 * When to look again at a member that is upgrading. Pure, so the schedule is tested directly.
 *
 * - `--poll-seconds N`: every N seconds, whatever else holds (throttling still stretches it).
 * - Plain: every 15 s (completion noticed within 15 s, 4 describe calls per minute). When we
 *   just started the operation it cannot be over before `earliestFinishMs` (an engine upgrade:
 *   {@link EARLIEST_UPGRADE_FINISH_MS}): the first poll comes 15 s after that earliest finish, so
 *   a finish at that moment is still noticed within 15 s. The 8 polls it skips are the run's pool.
 * - Critical: when the wait is the only one of its run still in progress (the last member of a
 *   wave, the primary of a rolling upgrade, the last member of a global upgrade), the whole run
 *   waits on it, and every second it goes unnoticed is added to the upgrade. A fixed 15 s is then
 *   a large share of a short operation (15 s of a 3-minute upgrade is 8 %). The critical wait
 *   polls at a share c of the time its operation has run, so the delay in noticing it stays a
 *   share of the operation, not an absolute 15 s. It pays from the run's pool: each wait of the
 *   run earns one call per 15 s of waiting, and the pool holds what the waits have not spent
 *   (mostly the polls skipped before the earliest finish). c spreads the pool over the time until
 *   the operation has run twice as long (see {@link criticalStep}); never below 3 s, never above
 *   15 s. So the run as a whole stays within 4 calls per member-minute of waiting, and no wait
 *   goes longer than 15 s without a look.
 *
 * The budget counts every read of the member, not only the wait's: a wait's account starts with
 * the member's reads since its last wait (the topology read, the step's own read) plus those due
 * after it (the pre-primary check).
 *
 * While AWS throttles the member's region, every interval is stretched by the region's slowdown
 * (up to 4×, back to 1× after quiet minutes): fewer calls where the token bucket is empty.
 */
export interface PollState {
    /** Time since the member's operation started (or the wait began), at the last look. */
    readonly elapsedMs: number;
    /** Fixed interval from `--poll-seconds`. */
    readonly fixedMs?: number;
    /** The operation cannot have finished before this (we just started it); undefined when unknown. */
    readonly earliestFinishMs?: number;
    /** Factor to stretch the interval by while the region throttles us (aws/throttle-pressure.ts); default 1. */
    readonly slowdown?: number;
    /** This is the only wait of the run in progress: the run waits on it alone. */
    readonly critical?: boolean;
    /** Calls the run's waits have earned and not spent, at the last look (context.ts). */
    readonly pooledPolls?: number;
}

export const BASE_POLL_MS = 15_000;
export const DENSE_POLL_MS = 3_000;
/**
 * No engine upgrade we started is over this soon after the modify call: AWS takes the request,
 * checks, then upgrades and restarts every instance (the fastest measured, a managed minor upgrade
 * of two small clusters, took about 3 minutes; docs/aws-rules.md §2). Were one faster, it would
 * be noticed 15 s after this, no later.
 */
export const EARLIEST_UPGRADE_FINISH_MS = 2 * 60_000;

/** Milliseconds from the last look until the next describe call, stretched while the region throttles us. */
export function nextPollDelay(s: PollState): number {
    return Math.round(scheduledDelay(s) * Math.max(1, s.slowdown ?? 1));
}

function scheduledDelay(s: PollState): number {
    if (s.fixedMs !== undefined) return s.fixedMs;
    const from = s.earliestFinishMs ?? 0;
    const plain = s.elapsedMs < from ? from + BASE_POLL_MS - s.elapsedMs : BASE_POLL_MS;
    if (!s.critical || s.pooledPolls === undefined) return plain;
    if (s.elapsedMs < from) return Math.min(plain, from + criticalStep(from, s.pooledPolls) - s.elapsedMs);
    return Math.min(plain, criticalStep(s.elapsedMs, s.pooledPolls));
}

/**
 * The critical wait's interval after `elapsedMs` of its operation, with `pooledPolls` in the pool.
 * Polling at a share c of the elapsed time costs ln 2 / c calls until the operation has run twice
 * as long; the wait earns elapsed / 15 s calls meanwhile; so c = ln 2 / (pool + elapsed / 15 s)
 * spends the pool by then. Never before the pool holds the call (an empty pool: 15 s, the plain
 * rate). Recomputed at every look, clamped to 3–15 s.
 */
export function criticalStep(elapsedMs: number, pooledPolls: number): number {
    const share = Math.LN2 / (Math.max(0, pooledPolls) + elapsedMs / BASE_POLL_MS);
    const affordableIn = (1 - pooledPolls) * BASE_POLL_MS;
    return Math.min(BASE_POLL_MS, Math.max(DENSE_POLL_MS, affordableIn, Math.round(share * elapsedMs)));
}
