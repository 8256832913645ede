/**
 * How well ANY poll schedule can do within a call budget: the bound quoted in
 * testbeds/bench/README.md ("Targets missed"), computed rather than asserted.
 *
 * A wait whose end may fall anywhere in [earliest, longest] is noticed within a share c of its
 * duration, for every end, only if each poll comes at most (1 + c)× the elapsed time of the one
 * before: ln(t / earliest) / ln(1 + c) polls by elapsed time t. A wait that may spend only what it
 * has earned by t (`pooled` calls at the earliest finish, then one per `earnEveryMs`) needs, for
 * every t, ln(t / earliest) / ln(1 + c) ≤ pooled + (t − earliest) / earnEveryMs. The least such c
 * is the best worst-case share any schedule can guarantee; a run of waits one after another (the
 * secondary, then the primary) is no better, since each may end at its worst moment.
 */
export interface PollingBudget {
    /** No end comes before this (the orchestrator's EARLIEST_UPGRADE_FINISH_MS). */
    readonly earliestMs: number;
    /** The longest the wait may take (the bench's longest draw). */
    readonly longestMs: number;
    /** Calls in hand at the earliest finish. */
    readonly pooled: number;
    /** One more call is earned per this much waiting (15 s: 4 per minute). */
    readonly earnEveryMs: number;
}

/** Points of the elapsed-time grid the bound is maximised over (1 s apart at most). */
const GRID_STEP_MS = 1000;

export function leastGuaranteedShare(b: PollingBudget): number {
    if (!(b.earliestMs > 0) || !(b.longestMs > b.earliestMs) || !(b.earnEveryMs > 0) || !(b.pooled >= 0))
        throw new Error(
            `polling bound: need 0 < earliest < longest, earnEvery > 0 and pooled ≥ 0 (got ${JSON.stringify(b)})`,
        );
    let worst = 0;
    for (let t = b.earliestMs + GRID_STEP_MS; t <= b.longestMs; t += GRID_STEP_MS) {
        const calls = b.pooled + (t - b.earliestMs) / b.earnEveryMs;
        worst = Math.max(worst, Math.expm1(Math.log(t / b.earliestMs) / calls));
    }
    return worst;
}
