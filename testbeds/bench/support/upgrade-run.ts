import { DEFAULT_PLAN_OPTIONS, Plan, planUpgrade, PlanStep } from "../../../planner";
import { readTarget } from "../../../engine-versions";
import { RdsGateway } from "../../../aws/gateway";
import { startJitter } from "../../../aws/start-jitter";
import { executePlan } from "../../../orchestrator/execute-plan";
import { ExecuteHooks, ExecuteOptions, ExecuteResult } from "../../../orchestrator/execute/types";
import { describeTopology } from "../../../aws/topology/describe";
import { toPlanInput } from "../../../aws/topology/plan-input";
import { SeedTopology, SimulatedRds } from "../../simulator";
import { UpgradeKind } from "./scenarios";

/** Fixed jitter for single-database runs (the fleet bench passes a seeded source per database). */
export const FIXED_RANDOM = (): number => 0.5;

/** A describe poll the orchestrator made while waiting. */
export interface Poll {
    readonly cluster: string;
    readonly time: number;
    readonly status: string;
    readonly version?: string;
}

/** What one upgrade run did, in virtual time. */
export interface UpgradeTrace {
    readonly seed: SeedTopology;
    readonly plan: Plan;
    readonly result: ExecuteResult;
    /** Virtual start and end of every step, by `action:cluster`. */
    readonly steps: Record<string, { readonly start: number; readonly end: number; readonly step: PlanStep }>;
    readonly polls: readonly Poll[];
    /** Virtual time executePlan started (after the topology was described). */
    readonly startedAt: number;
}

/**
 * Does what `aurora-global upgrade --no-snapshot` does — describeTopology, planUpgrade,
 * executePlan — against the simulator, recording step times and every poll. The simulator may
 * hold other databases upgrading at the same time (the fleet bench). `startJitterMs` is what
 * `--start-jitter-seconds` waits first (before the topology read, outside executePlan's time).
 */
export async function runUpgrade(
    sim: SimulatedRds,
    seed: SeedTopology,
    kind: UpgradeKind,
    execute: ExecuteOptions = {},
    random: () => number = FIXED_RANDOM,
    startJitterMs = 0,
): Promise<UpgradeTrace> {
    const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random });
    await startJitter(api, startJitterMs);
    const home = seed.members.find((m) => m.role === "primary")?.region ?? seed.members[0].region;
    const id = seed.globalClusterId;
    if (id === undefined) throw new Error("bench: the seed needs a globalClusterId");
    const target = readTarget(kind.to);
    const topology = await describeTopology(api, home, id, { target, strategy: kind.options.strategy });
    const plan = planUpgrade(
        toPlanInput(topology, target, { ...DEFAULT_PLAN_OPTIONS, snapshotBeforeUpgrade: false, ...kind.options }),
    );
    if (plan.violations.length > 0)
        throw new Error(
            `bench: the plan for ${id} is blocked: ${plan.violations.map((v) => `${v.rule}: ${v.message}`).join("; ")}`,
        );
    if (plan.path !== kind.path)
        throw new Error(`bench: expected the ${kind.path} path for ${kind.name}, the planner chose ${plan.path}`);
    const steps: Record<string, { start: number; end: number; step: PlanStep }> = {};
    const polls: Poll[] = [];
    const key = (s: PlanStep) => `${s.action}:${s.cluster}`;
    const hooks: ExecuteHooks = {
        onStepStart: (s) => void (steps[key(s)] = { start: sim.clock.now(), end: NaN, step: s }),
        onStepDone: (s) => void (steps[key(s)].end = sim.clock.now()),
        onPoll: (cluster, status, version) =>
            void polls.push({ cluster, time: sim.clock.now(), status, ...(version ? { version } : {}) }),
    };
    const startedAt = sim.clock.now();
    const result = await executePlan(api, topology, plan, execute, hooks);
    return { seed, plan, result, steps, polls, startedAt };
}

/** Each member's upgrade duration as the simulator ran it: upgrade-started → member-upgraded. */
export function memberRunTimes(sim: SimulatedRds, seed: SeedTopology): Record<string, { start: number; end: number }> {
    const out: Record<string, { start: number; end: number }> = {};
    for (const m of seed.members) {
        const start = sim.eventsOf("upgrade-started", m.id).at(-1)?.time;
        const end = sim.eventsOf("member-upgraded", m.id).at(-1)?.time;
        if (start === undefined || end === undefined)
            throw new Error(`bench: member ${m.id} has no upgrade-started/member-upgraded event`);
        out[m.id] = { start, end };
    }
    return out;
}
