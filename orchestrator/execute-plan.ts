import { isBlocked, Plan, PlanStep } from "../planner";
import { readTarget } from "../engine-versions";
import { RdsGateway } from "../aws/gateway";
import { runBlueGreen } from "./blue-green/run";
import { InputError } from "../aws/run-errors";
import { formatDuration } from "../aws/logger";
import { Topology } from "../aws/topology/types";
import { RunContext } from "./execute/context";
import { upgradeGlobalCluster } from "./execute/global-upgrade";
import { upgradeMember } from "./execute/modify-member";
import { runParallel } from "./execute/parallel";
import { applyParameterGroups, prepareParameterGroups } from "./execute/parameter-groups";
import { patchMember } from "./execute/patch";
import { snapshotPrimary } from "./execute/snapshot";
import { ExecuteHooks, ExecuteOptions, ExecuteResult } from "./execute/types";

/**
 * Executes a plan wave by wave (the planner decides; this only runs its steps): the steps of a
 * wave in parallel, the next wave once all are done. Every step reads what AWS reports first,
 * so a re-run after any interruption continues where the last one stopped.
 *
 * Throws {@link InputError} for a blocked plan (nothing is called) and `UpgradeStopped` when a
 * step fails, times out or AWS refuses, with a message naming the member, region, state and fix.
 */
export async function executePlan(
    api: RdsGateway,
    topology: Topology,
    plan: Plan,
    options: ExecuteOptions = {},
    hooks: ExecuteHooks = {},
): Promise<ExecuteResult> {
    if (isBlocked(plan))
        throw new InputError(
            `the plan for global cluster "${plan.globalClusterId}" is blocked (${plan.violations.map((v) => v.rule).join(", ")}): nothing was changed`,
        );
    const ctx = new RunContext(api, topology, { ...options, target: options.target ?? readTarget(plan.to) }, hooks);
    const waves = groupByWave(plan.steps);
    for (const wave of waves) {
        await runParallel(
            ctx,
            wave.map((step) => async () => {
                await hooks.onStepStart?.(step);
                ctx.checkStopped();
                await runStep(ctx, plan, step);
                await hooks.onStepDone?.(step);
            }),
        );
    }
    const elapsedMs = api.clock.now() - ctx.startedAt;
    if (plan.steps.length > 0) {
        api.log.info(
            `${ctx.scheduled ? "scheduled" : "done"}: ${options.part ? `${options.part} of ` : ""}${plan.path} ${plan.from ?? "?"} → ${plan.to} in ${formatDuration(elapsedMs)}; ${describeCalls(api)} describe calls`,
        );
    }
    return {
        outcome: ctx.scheduled ? "scheduled" : "done",
        elapsedMs,
        memberDurationsMs: { ...ctx.memberDurationsMs },
        skipped: [...ctx.skipped],
        stats: api.stats,
    };
}

function describeCalls(api: RdsGateway): number {
    return Object.entries(api.stats.calls)
        .filter(([op]) => op.startsWith("Describe"))
        .reduce((n, [, c]) => n + c, 0);
}

async function runStep(ctx: RunContext, plan: Plan, step: PlanStep): Promise<void> {
    switch (step.action) {
        case "snapshot":
            return snapshotPrimary(ctx, plan, step);
        case "modify-db-cluster":
            return upgradeMember(ctx, step);
        case "modify-global-cluster":
            return upgradeGlobalCluster(ctx, step, plan.path === "major");
        case "apply-pending-maintenance":
            return patchMember(ctx, step);
        case "prepare-parameter-groups":
            return prepareParameterGroups(ctx, step);
        case "apply-parameter-groups":
            return applyParameterGroups(ctx, step);
        case "blue-green-create":
        case "blue-green-switchover":
        case "blue-green-cleanup":
            await runBlueGreen(
                ctx,
                {
                    target: plan.to,
                    switchoverTimeoutSeconds: plan.blueGreen?.switchoverTimeoutSeconds,
                    oldClusters: plan.blueGreen?.oldClusters,
                },
                undefined,
                BLUE_GREEN_PHASE[step.action],
            );
            return;
    }
}

/** Where each blue/green step of a plan stops (blue-green/run.ts). */
const BLUE_GREEN_PHASE = {
    "blue-green-create": "available",
    "blue-green-switchover": "switched-over",
    "blue-green-cleanup": "cleaned-up",
} as const;

/** Steps grouped by wave, in wave order. */
export function groupByWave(steps: readonly PlanStep[]): PlanStep[][] {
    const waves = new Map<number, PlanStep[]>();
    for (const s of steps) waves.set(s.wave, [...(waves.get(s.wave) ?? []), s]);
    return [...waves.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
}
