import { describeAwsError } from "../../../aws/errors";
import { formatDuration } from "../../../aws/logger";
import { InputError, UpgradeStopped } from "../../../aws/run-errors";
import { PlanStep } from "../../../planner";
import { EXIT, runUpgrade } from "../commands";
import { ResolvedDeps } from "../deps";
import { FleetDatabase } from "./discover";
import { FleetEntry } from "./fleet-plan";
import { Outcome } from "./outcome";
import { writeProgress } from "./progress-tag";
import { SharedDescribes } from "./shared-describe";
import { RdsGateway } from "../../../aws/gateway";
import { Rollout } from "./rollout";
import { Target } from "../../../engine-versions";

/** `fleet run`'s per-database flags: `upgrade`'s, with the same names and meaning (cli-contract RUN_FLAGS). */
export interface DatabaseRunOptions {
    readonly pollSeconds?: number;
    readonly timeoutMinutes?: number;
    readonly leaseWaitSeconds?: number;
    /** `--no-lease`: each database's run takes no run lease (an endpoint that cannot tag a global cluster). */
    readonly noLease?: boolean;
    readonly snapshot: boolean;
}

/** Lines of a database's run, each prefixed with its id: `[orders] …`. */
export function prefixed(id: string, write: (t: string) => void): (t: string) => void {
    return (t) =>
        write(
            t
                .split("\n")
                .filter((l) => l.length > 0)
                .map((l) => `[${id}] ${l}\n`)
                .join(""),
        );
}

const stepWords = (s: PlanStep) => `${s.action} ${s.cluster} (${s.region})`;

/** `upgrade`'s arguments for one database of the rollout. */
function upgradeArgs(rollout: Rollout, d: FleetDatabase, target: Target, options: DatabaseRunOptions) {
    return {
        region: d.region,
        globalCluster: d.id,
        target,
        allowMajorVersionUpgrade: rollout.allowMajor,
        strategy: rollout.strategy,
        snapshot: options.snapshot,
        ...(options.timeoutMinutes !== undefined ? { timeoutMinutes: options.timeoutMinutes } : {}),
        ...(options.pollSeconds !== undefined ? { pollSeconds: options.pollSeconds } : {}),
        ...(options.leaseWaitSeconds !== undefined ? { leaseWaitSeconds: options.leaseWaitSeconds } : {}),
        ...(options.noLease ? { noLease: true } : {}),
    };
}

/** The dependencies of one database's run: the rollout's clients, its lines prefixed, its steps followed. */
function databaseDeps(
    deps: ResolvedDeps,
    shared: SharedDescribes,
    id: string,
    onStep: (s: PlanStep) => void,
): ResolvedDeps {
    return {
        ...deps,
        clients: shared.factory,
        stdout: prefixed(id, deps.stderr),
        stderr: prefixed(id, deps.stderr),
        hooks: { ...deps.hooks, onStepStart: (s) => (onStep(s), deps.hooks.onStepStart?.(s)) },
    };
}

/**
 * Upgrades one database exactly as `aurora-global upgrade` does (runUpgrade: describe, plan,
 * lease, snapshot, order, resume), its describes shared with the rollout's other databases of
 * each region, its progress lines prefixed with its id, and the rollout's tag set before and after.
 */
export async function upgradeDatabase(
    deps: ResolvedDeps,
    api: RdsGateway,
    shared: SharedDescribes,
    rollout: Rollout,
    entry: FleetEntry,
    options: DatabaseRunOptions,
): Promise<Outcome> {
    const d = entry.database;
    const target = entry.target;
    const rolloutTarget = d ? rollout.target[d.engine] : undefined;
    if (!d || !target || !rolloutTarget || !entry.plan) throw new Error(`fleet: ${entry.id} has no plan`);
    const members = entry.plan.members ?? [];
    let step: PlanStep | undefined;
    const started = deps.clock.now();
    const base = { wave: entry.wave, id: d.id, from: entry.plan.from, to: target };
    const tag = (state: "running" | "done" | "failed") =>
        writeProgress(api, d, { rollout: rollout.name, wave: entry.wave, state, target, at: deps.clock.now() });
    shared.register(members);
    try {
        await tag("running");
        const run = databaseDeps(deps, shared, d.id, (s) => (step = s));
        const code = await runUpgrade(run, upgradeArgs(rollout, d, rolloutTarget, options));
        if (code !== EXIT.ok)
            throw new InputError(
                `the upgrade exited ${code}: the plan is blocked now (AWS changed since fleet plan); see the lines above`,
            );
        await tag("done");
        return { ...base, state: "upgraded", endedAt: deps.clock.now(), elapsedMs: deps.clock.now() - started };
    } catch (e) {
        await tag("failed").catch(() => undefined);
        const message = e instanceof InputError || e instanceof UpgradeStopped ? e.message : describeAwsError(e);
        deps.stderr(`[${d.id}] FAILED after ${formatDuration(deps.clock.now() - started)}: ${message}\n`);
        const exitCode = e instanceof InputError ? EXIT.input : EXIT.failure;
        return {
            ...base,
            state: "failed",
            elapsedMs: deps.clock.now() - started,
            step: step ? stepWords(step) : "plan",
            message,
            exitCode,
        };
    } finally {
        shared.unregister(members);
    }
}
