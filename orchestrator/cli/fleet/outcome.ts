import type { FleetEntry } from "./fleet-plan";

/** What happened to one database (or stack) of the rollout in this run. */
export type OutcomeState =
    /** Upgraded by this run. */
    | "upgraded"
    /** At the target already (an earlier run, or by hand): nothing to do. */
    | "already"
    /** Blocked, left out by `skipBlocked: true`. */
    | "skipped"
    /** Its upgrade stopped: the rollout halted. */
    | "failed"
    /** Not started: an earlier failure halted the rollout. */
    | "not-started";

export interface Outcome {
    readonly wave: string;
    readonly id: string;
    readonly state: OutcomeState;
    readonly from?: string;
    readonly to?: string;
    readonly elapsedMs?: number;
    /** When its run ended (the clock's ms), for databases run by this run. */
    readonly endedAt?: number;
    /** Failed: the step it was on (`modify-db-cluster app-euw1 (eu-west-1)`) and AWS's message. */
    readonly step?: string;
    readonly message?: string;
    /** Failed: the exit code it stops the rollout with (2 when it was bad input or a blocked plan, else 1). */
    readonly exitCode?: number;
}

/** Why the rollout stopped: the database, the step and AWS's message (exit 1; 2 when it was bad input). */
export interface Halt {
    readonly wave: string;
    readonly database: string;
    readonly step: string;
    readonly message: string;
    readonly code: number;
}

/** The outcome of an entry that did not run in this run: its change, and why it was skipped. */
export function outcomeOf(e: FleetEntry, state: "skipped" | "not-started" | "already"): Outcome {
    return {
        wave: e.wave,
        id: e.id,
        state,
        ...(e.plan?.from ? { from: e.plan.from } : {}),
        ...(e.target ? { to: e.target } : {}),
        ...(state === "skipped" ? { message: `blocked: ${e.blocked.map((b) => b.rule).join(", ")}` } : {}),
    };
}
