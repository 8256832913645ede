import { RdsGateway } from "../../../aws/gateway";
import { PlanFormat } from "../../../planner";
import { lineLogger } from "../../../aws/logger";
import { EXIT } from "../commands";
import { ResolvedDeps } from "../deps";
import { FleetPlan } from "./fleet-plan";
import { Halt, Outcome, outcomeOf } from "./outcome";
import { renderFleetPlan } from "./render-plan";
import { renderOutcomes } from "./render-outcomes";
import { DatabaseRunOptions } from "./run-database";
import { FleetRunContext, runDatabaseWave } from "./run-wave";
import { SharedDescribes } from "./shared-describe";
import { runStackWave } from "./stack-wave";
import { StackDriver } from "./stacks";

export interface FleetRunResult {
    readonly code: number;
    readonly outcomes: readonly Outcome[];
    readonly halt?: Halt;
    /** Shared DescribeDBClusters reads sent per region. */
    readonly sharedReads: Readonly<Record<string, number>>;
}

/**
 * `fleet run`: the plan's waves in order. A blocked plan changes nothing (exit 2). The first
 * failure halts the rollout (exit 1, 2 when it was a blocked preview or plan): later waves are not
 * touched. Writes the final table to stdout (`format`: text, markdown for a pull request, json).
 */
export async function runFleet(
    deps: ResolvedDeps,
    api: RdsGateway,
    plan: FleetPlan,
    options: DatabaseRunOptions & {
        readonly format?: PlanFormat;
        readonly stacks?: () => StackDriver;
        /** The rollout's clients (planning included): default new ones over `deps.clients`. */
        readonly shared?: SharedDescribes;
    },
): Promise<FleetRunResult> {
    const shared = options.shared ?? new SharedDescribes(deps.clients, deps.clock);
    if (plan.blocked) {
        deps.stdout(renderFleetPlan(plan, "text") + "\n");
        deps.stderr(
            `aurora-global: rollout "${plan.rollout.name}" is blocked (see BLOCKED above): nothing was changed; fix the databases, take them out of their waves, or set skipBlocked: true\n`,
        );
        return { code: EXIT.input, outcomes: [], sharedReads: shared.sharedReads };
    }
    const log = lineLogger(deps.stderr, deps.clock);
    const ctx: FleetRunContext = {
        deps,
        api,
        shared,
        rollout: plan.rollout,
        options,
        say: (l) => log.info(`fleet: ${l}`),
    };
    const outcomes: Outcome[] = [];
    let halt: Halt | undefined;
    for (const wave of plan.waves) {
        if (halt) {
            outcomes.push(...wave.entries.map((e) => outcomeOf(e, e.skipped ? "skipped" : "not-started")));
            continue;
        }
        const result =
            wave.wave.select.kind === "stacks"
                ? await runStackWave(ctx, wave, (options.stacks ?? noStacks)())
                : await runDatabaseWave(ctx, wave);
        outcomes.push(...result.outcomes);
        halt = result.halt;
    }
    deps.stdout(renderOutcomes(outcomes, halt, options.format ?? "text") + "\n");
    if (halt)
        deps.stderr(
            `aurora-global: STOPPED: rollout "${plan.rollout.name}" halted in wave "${halt.wave}": ${halt.database}, step ${halt.step}: ${halt.message}\n`,
        );
    return { code: halt ? halt.code : EXIT.ok, outcomes, ...(halt ? { halt } : {}), sharedReads: shared.sharedReads };
}

function noStacks(): StackDriver {
    throw new Error("fleet: a stack wave needs a StackDriver");
}
