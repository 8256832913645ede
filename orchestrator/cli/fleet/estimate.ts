import { Plan, PlanStep } from "../../../planner";
import { StepAction } from "../../../vocabulary";

/**
 * Rough minutes per step, for the rollout's time estimate (never used to decide anything):
 * a managed minor upgrade took about 3 minutes in all (seed 001, docs/aws-rules.md §2); a member's
 * engine upgrade is modelled at 10 minutes (the bench's members take 6 to 20); a snapshot 5; a
 * blue/green create 30 (green copies of every region), its switchover under a minute, cleanup 5.
 */
export const STEP_MINUTES: Readonly<Record<StepAction, number>> = {
    snapshot: 5,
    "prepare-parameter-groups": 1,
    "modify-global-cluster": 10,
    "modify-db-cluster": 10,
    "apply-pending-maintenance": 10,
    "apply-parameter-groups": 5,
    "blue-green-create": 30,
    "blue-green-switchover": 1,
    "blue-green-cleanup": 5,
};

/** A managed minor upgrade (one ModifyGlobalCluster): about 3 minutes (seed 001). */
export const MANAGED_MINUTES = 3;

/** The plan's estimated time: its waves one after another, each as long as its longest step. */
export function planEstimateMs(plan: Plan): number {
    const waves = new Map<number, number>();
    for (const s of plan.steps) waves.set(s.wave, Math.max(waves.get(s.wave) ?? 0, stepMinutes(plan, s)));
    return [...waves.values()].reduce((a, b) => a + b, 0) * 60_000;
}

function stepMinutes(plan: Plan, s: PlanStep): number {
    return s.action === "modify-global-cluster" && plan.path === "managed" ? MANAGED_MINUTES : STEP_MINUTES[s.action];
}

/** A wave's estimate: its databases in batches of `maxParallel`, each batch as long as its longest, then the bake time. */
export function waveEstimateMs(databaseMs: readonly number[], maxParallel: number, bakeMinutes: number): number {
    const sorted = [...databaseMs].sort((a, b) => b - a);
    let total = 0;
    for (let i = 0; i < sorted.length; i += maxParallel) total += sorted[i];
    return total + bakeMinutes * 60_000;
}
