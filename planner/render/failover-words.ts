import { FailoverReadiness, FailoverVerdict, MinuteRange, Plan, WaveFailover } from "../types";

/** Shared wording of failover readiness, so text, markdown and the CLI say the same thing. */
export function verdictWords(v: FailoverVerdict): string {
    if (v.switchover && v.failover) return "switchover and failover possible";
    const what = v.failover ? "failover possible, switchover not" : "no switchover, no failover";
    return v.reason ? `${what} (${v.reason})` : what;
}

export function minutesWords(m: MinuteRange): string {
    return m.low === m.high ? `about ${m.low} min` : `about ${m.low}–${m.high} min`;
}

/** One wave's line: while it runs, once it is done, how long (estimate). */
export function waveFailoverWords(w: WaveFailover): string {
    const time = w.minutes.high === 0 ? "" : `; ${minutesWords(w.minutes)} (estimate)`;
    return `while it runs: ${verdictWords(w.during)}; after it: ${verdictWords(w.after)}${time}`;
}

/** The plan's summary: now, after the plan, and the estimated time without failover. */
export function failoverSummary(f: FailoverReadiness): string {
    const lost = f.waves.filter((w) => !w.during.failover).map((w) => w.wave);
    const window =
        lost.length === 0
            ? "failover stays possible throughout"
            : `no failover during wave${lost.length === 1 ? "" : "s"} ${lost.join(", ")}: ${minutesWords(f.withoutFailoverMinutes)} (estimate)`;
    return `failover now: ${verdictWords(f.now)}; after the plan: ${verdictWords(f.after)}; ${window}`;
}

/** The failover line of one wave, when the plan states readiness. */
export function waveFailover(plan: Plan, wave: number): WaveFailover | undefined {
    return plan.failover?.waves.find((w) => w.wave === wave);
}
