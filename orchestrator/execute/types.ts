import { OptInType, PlanStep } from "../../planner";
import { CallStats } from "../../aws/gateway";
import { Target } from "../../engine-versions";

/** How to execute a plan. */
export interface ExecuteOptions {
    /**
     * The run's target, read once where the command started (`--target`). Default: the plan's
     * `to`, read when executePlan starts. Steps compare with it instead of parsing it again.
     */
    readonly target?: Target;
    /** The whole run stops (exit 1, nothing undone) when it takes longer. Default 180. */
    readonly timeoutMinutes?: number;
    /** Fixed polling interval; default: the adaptive schedule of poll-schedule.ts. */
    readonly pollSeconds?: number;
    /** Opt-in of pending maintenance steps. Default `immediate`. */
    readonly optIn?: OptInType;
    /**
     * Identifier of the pre-upgrade snapshot. Default: `snapshotIdentifier` of the executed plan.
     * A run narrowed to one step passes the whole plan's, so every run names the same snapshot.
     */
    readonly snapshotIdentifier?: string;
    /**
     * What part of the plan this run executes, in words (`the snapshot step`), when it runs only
     * part of it (`--only-snapshot`, `--only-member`): the final line says what was done, not
     * that the whole upgrade was.
     */
    readonly part?: string;
}

/** Called around each step; throwing stops the run (tests use it to simulate a kill). */
export interface ExecuteHooks {
    onStepStart?(step: PlanStep): void | Promise<void>;
    onStepDone?(step: PlanStep): void | Promise<void>;
    /** Called after every describe poll of a wait. */
    onPoll?(cluster: string, status: string, version: string | undefined): void | Promise<void>;
}

/** What a run did. */
export interface ExecuteResult {
    /** `scheduled` when pending maintenance was opted in for the next window (not waited for). */
    readonly outcome: "done" | "scheduled";
    readonly elapsedMs: number;
    /** Time each member took, from our modify call (or the resumed wait) to noticing completion. */
    readonly memberDurationsMs: Readonly<Record<string, number>>;
    /** Members skipped because AWS reported them at the target already. */
    readonly skipped: readonly string[];
    readonly stats: CallStats;
}
