/**
 * When to look again at a member that is upgrading. Pure, so the schedule is tested directly.
 *
 * - `--poll-seconds N`: every N seconds.
 * - No expectation of how long the member takes: every 15 s (completion noticed within 15 s,
 *   4 describe calls per minute).
 * - An expected duration E (learned in this run: the shortest member upgrade seen so far, e.g.
 *   the secondaries' for the primary): every 30 s during the first half of E (an upgrade hardly
 *   ends that early), every 15 s after, and every 3 s from 30 s before E, spending the calls saved
 *   in the first half; once they are spent, back to every 15 s. Never more than 4 calls per
 *   minute on average, completion noticed within 15 s after E/2 and within 3 s near E.
 */
export interface PollState {
    /** Time since the member's operation started (or the wait began). */
    readonly elapsedMs: number;
    /** Describe calls made for this member in this wait so far. */
    readonly polls: number;
    readonly expectedMs?: number;
    /** Fixed interval from `--poll-seconds`. */
    readonly fixedMs?: number;
}

export const BASE_POLL_MS = 15_000;
export const SPARSE_POLL_MS = 30_000;
export const DENSE_POLL_MS = 3_000;
/** How long before the expected finish dense polling starts. */
export const DENSE_LEAD_MS = 30_000;

/** Milliseconds until the next describe call. */
export function nextPollDelay(s: PollState): number {
    if (s.fixedMs !== undefined) return s.fixedMs;
    if (s.expectedMs === undefined) return BASE_POLL_MS;
    const half = s.expectedMs / 2;
    if (s.elapsedMs + SPARSE_POLL_MS <= half) return SPARSE_POLL_MS;
    const denseFrom = s.expectedMs - DENSE_LEAD_MS;
    if (s.elapsedMs + DENSE_POLL_MS < denseFrom) return Math.max(DENSE_POLL_MS, Math.min(BASE_POLL_MS, denseFrom - s.elapsedMs));
    // Budget: one call per 15 s of waiting. Call number polls+1 is affordable at (polls+1) × 15 s.
    const affordableIn = (s.polls + 1) * BASE_POLL_MS - s.elapsedMs;
    return Math.min(BASE_POLL_MS, Math.max(DENSE_POLL_MS, affordableIn));
}
