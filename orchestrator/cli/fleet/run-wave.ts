import { formatDuration } from "../../../aws/logger";
import { RdsGateway } from "../../../aws/gateway";
import { ResolvedDeps } from "../deps";
import { FleetEntry, FleetWave } from "./fleet-plan";
import { checkHealth, gateEnvironment, runGateCommand } from "./gate";
import { Halt, Outcome, outcomeOf } from "./outcome";
import { inPool } from "./pool";
import { progressOf, writeProgress } from "./progress-tag";
import { Rollout } from "./rollout";
import { DatabaseRunOptions, upgradeDatabase } from "./run-database";
import { SharedDescribes } from "./shared-describe";

/** What every wave of one `fleet run` shares. */
export interface FleetRunContext {
    readonly deps: ResolvedDeps;
    readonly api: RdsGateway;
    readonly shared: SharedDescribes;
    readonly rollout: Rollout;
    readonly options: DatabaseRunOptions;
    /** Progress lines of the rollout itself (stderr). */
    readonly say: (line: string) => void;
}

export interface WaveResult {
    readonly outcomes: Outcome[];
    readonly halt?: Halt;
}

const tagOf = (ctx: FleetRunContext, e: FleetEntry) =>
    e.database && e.target ? progressOf(e.database, ctx.rollout.name, e.target) : undefined;
const nothingToDo = (e: FleetEntry) => e.plan !== undefined && e.plan.steps.length === 0;

/**
 * A wave of global databases: up to `maxParallel` upgrades at once (each exactly as `upgrade`);
 * the first failure lets the running ones finish and starts no other; then the bake time (counted
 * from the last database's end, so a re-run does not bake twice) and the health gate. A wave
 * that passed its gate before (its tags say `gated`, AWS reports every database at the target)
 * is skipped whole.
 */
export async function runDatabaseWave(ctx: FleetRunContext, wave: FleetWave): Promise<WaveResult> {
    const skipped = wave.entries.filter((e) => e.skipped).map((e) => outcomeOf(e, "skipped"));
    const entries = wave.entries.filter((e) => !e.skipped);
    if (entries.every((e) => nothingToDo(e) && tagOf(ctx, e)?.state === "gated")) {
        ctx.say(
            `wave "${wave.wave.name}": passed its health gate in an earlier run, every database at the target: skipped`,
        );
        return { outcomes: [...skipped, ...entries.map((e) => already(e))] };
    }
    ctx.say(`wave "${wave.wave.name}": ${entries.length} database(s), up to ${wave.wave.maxParallel} at once`);
    let halt: Halt | undefined;
    const ran = await inPool(
        entries,
        wave.wave.maxParallel,
        async (e) => {
            const outcome = nothingToDo(e)
                ? await markAlready(ctx, e)
                : await upgradeDatabase(ctx.deps, ctx.api, ctx.shared, ctx.rollout, e, ctx.options);
            ctx.say(
                `${e.id}: ${outcome.state}${outcome.elapsedMs !== undefined ? ` in ${formatDuration(outcome.elapsedMs)}` : ""}`,
            );
            if (outcome.state === "failed" && !halt) halt = haltOf(outcome);
            return outcome;
        },
        () => halt === undefined,
    );
    const outcomes = [...skipped, ...entries.map((e, i) => ran[i] ?? outcomeOf(e, "not-started"))];
    if (halt) return { outcomes, halt };
    const gateHalt = await bakeAndGate(ctx, wave, entries, outcomes);
    return { outcomes, ...(gateHalt ? { halt: gateHalt } : {}) };
}

function already(e: FleetEntry): Outcome {
    return outcomeOf(e, "already");
}

/** A database at the target already: its tag says done (unless an earlier run said so already). */
async function markAlready(ctx: FleetRunContext, e: FleetEntry): Promise<Outcome> {
    const t = tagOf(ctx, e);
    if (e.database && e.target && t?.state !== "done" && t?.state !== "gated")
        await writeProgress(ctx.api, e.database, {
            rollout: ctx.rollout.name,
            wave: e.wave,
            state: "done",
            target: e.target,
            at: ctx.deps.clock.now(),
        });
    return already(e);
}

function haltOf(o: Outcome): Halt {
    return { wave: o.wave, database: o.id, step: o.step ?? "plan", message: o.message ?? "", code: o.exitCode ?? 1 };
}

/** Bake (from the wave's last finish: this run's, or the done tags'), then the health gate; tags `gated` when it passes. */
async function bakeAndGate(
    ctx: FleetRunContext,
    wave: FleetWave,
    entries: readonly FleetEntry[],
    outcomes: readonly Outcome[],
): Promise<Halt | undefined> {
    const now = ctx.deps.clock.now();
    const upgradedNow = outcomes.some((o) => o.state === "upgraded");
    const lastTag = Math.max(0, ...entries.map((e) => tagOf(ctx, e)?.at ?? 0));
    const lastFinish = upgradedNow ? now : lastTag || now;
    const bakeMs = wave.wave.bakeMinutes * 60_000 - (now - lastFinish);
    if (bakeMs > 0) {
        ctx.say(`wave "${wave.wave.name}": baking ${formatDuration(bakeMs)} before its health gate`);
        await ctx.api.sleep(bakeMs);
    }
    const halt = await healthGate(ctx, wave, entries);
    if (halt) return halt;
    ctx.say(`wave "${wave.wave.name}": health gate passed`);
    for (const e of entries)
        if (e.database && e.target)
            await writeProgress(ctx.api, e.database, {
                rollout: ctx.rollout.name,
                wave: e.wave,
                state: "gated",
                target: e.target,
                at: ctx.deps.clock.now(),
            });
    return undefined;
}

/** The health gate: AWS's view of every database first (the first unhealthy one is named), then gate.command. */
export async function healthGate(
    ctx: FleetRunContext,
    wave: FleetWave,
    entries: readonly FleetEntry[],
): Promise<Halt | undefined> {
    const halt = (database: string, message: string): Halt => ({
        wave: wave.wave.name,
        database,
        step: "health gate",
        message,
        code: 1,
    });
    const problems = await checkHealth(ctx.api, entries);
    if (problems.length > 0) return halt(problems[0].split(":")[0], problems.join("; "));
    const gate = ctx.rollout.gate;
    if (!gate?.command) return undefined;
    ctx.say(`wave "${wave.wave.name}": gate.command ${gate.command}`);
    const env = gateEnvironment(ctx.rollout.name, wave.wave.name, entries, ctx.deps.env);
    const failed = await runGateCommand(
        { ...gate, command: gate.command },
        env,
        (l) => ctx.say(`[gate] ${l}`),
        ctx.rollout.directory,
    );
    return failed ? halt("(gate.command)", failed) : undefined;
}
