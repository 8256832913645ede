/**
 * When to look again at a member that is upgrading. Pure, so the schedule is tested directly.
 *
 * - `--poll-seconds N`: every N seconds.
 * - No expectation of how long the member takes: every 15 s (completion noticed within 15 s,
 *   4 describe calls per minute). When we just started the operation and it cannot be over
 *   before `earliestFinishMs` (an engine upgrade: {@link EARLIEST_UPGRADE_FINISH_MS}), the first
 *   poll comes 15 s after that earliest finish, so a finish at that moment is still noticed
 *   within 15 s. The polls it skips (two, at 15 s and 30 s) pay for the member's reads outside
 *   the wait: the topology read and, for a secondary, the check before the primary.
 * - An expected duration E (learned in this run: the shortest member upgrade seen so far, e.g.
 *   the secondaries' for the primary): every 30 s during the first half of E (an upgrade hardly
 *   ends that early), every 15 s after, and every 3 s from 30 s before E, spending the calls saved
 *   in the first half; once they are spent, back to every 15 s. Never more than 4 calls per
 *   minute on average, completion noticed within 15 s after E/2 and within 3 s near E.
 *
 * The budget of the dense phase is one describe call per 15 s of waiting, and it counts every read
 * of the member, not only the wait's: `polls` starts at the member's reads since its last wait
 * (the topology read, the step's own read) plus those due after it (the pre-primary check), so
 * the run as a whole stays within 4 calls per member per minute.
 *
 * While AWS throttles the member's region, every interval is stretched by the region's slowdown
 * (up to 4×, back to 1× after quiet minutes): fewer calls where the token bucket is empty.
 */
export interface PollState {
    /** Time since the member's operation started (or the wait began). */
    readonly elapsedMs: number;
    /** Describe calls for this member counted against this wait's budget so far (earlier reads included). */
    readonly polls: number;
    readonly expectedMs?: number;
    /** Fixed interval from `--poll-seconds`. */
    readonly fixedMs?: number;
    /** The operation cannot have finished before this (we just started it); undefined when unknown. */
    readonly earliestFinishMs?: number;
    /** Factor to stretch the interval by while the region throttles us (aws/throttle-pressure.ts); default 1. */
    readonly slowdown?: number;
}

export const BASE_POLL_MS = 15_000;
export const SPARSE_POLL_MS = 30_000;
export const DENSE_POLL_MS = 3_000;
/** How long before the expected finish dense polling starts. */
export const DENSE_LEAD_MS = 30_000;
/**
 * No engine upgrade we started is over this soon after the modify call: AWS takes the request,
 * then upgrades and restarts every instance (the fastest measured, a managed minor upgrade of two
 * small clusters, took about 3 minutes; docs/aws-rules.md §2).
 */
export const EARLIEST_UPGRADE_FINISH_MS = 30_000;

/** Milliseconds until the next describe call, stretched while the region throttles us. */
export function nextPollDelay(s: PollState): number {
    return Math.round(scheduledDelay(s) * Math.max(1, s.slowdown ?? 1));
}

function scheduledDelay(s: PollState): number {
    if (s.fixedMs !== undefined) return s.fixedMs;
    if (s.expectedMs === undefined) {
        // Nothing to see before the earliest finish: the first poll comes 15 s after it.
        if (s.earliestFinishMs !== undefined && s.elapsedMs < s.earliestFinishMs)
            return s.earliestFinishMs + BASE_POLL_MS - s.elapsedMs;
        return BASE_POLL_MS;
    }
    const half = s.expectedMs / 2;
    if (s.elapsedMs + SPARSE_POLL_MS <= half) return SPARSE_POLL_MS;
    const denseFrom = s.expectedMs - DENSE_LEAD_MS;
    if (s.elapsedMs + DENSE_POLL_MS < denseFrom)
        return Math.max(DENSE_POLL_MS, Math.min(BASE_POLL_MS, denseFrom - s.elapsedMs));
    // Budget: one call per 15 s of waiting. Call number polls+1 is affordable at (polls+1) × 15 s.
    const affordableIn = (s.polls + 1) * BASE_POLL_MS - s.elapsedMs;
    return Math.min(BASE_POLL_MS, Math.max(DENSE_POLL_MS, affordableIn));
}
