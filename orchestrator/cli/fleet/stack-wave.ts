import { describeAwsError } from "../../../aws/errors";
import { FleetWave } from "./fleet-plan";
import { Outcome } from "./outcome";
import { inPool } from "./pool";
import { StackDriver } from "./stacks";
import { FleetRunContext, healthGate, WaveResult } from "./run-wave";

/**
 * A wave of Pulumi stacks: every stack gets the version in its config and a preview with the
 * policy pack first; one blocked preview blocks the wave (exit 2, no `up` ran). Then `up`, up to
 * `maxParallel` at once (each stack's upgrade steps run the one-database upgrade); the first
 * failure halts. A re-run resumes: a stack already at the version previews and `up`s with no changes.
 */
export async function runStackWave(ctx: FleetRunContext, wave: FleetWave, stacks: StackDriver): Promise<WaveResult> {
    const entries = wave.entries.filter((e) => !e.skipped);
    const name = wave.wave.name;
    const blocked: string[] = [];
    for (const e of entries) {
        await stacks.setEngineVersion(e.id, e.target ?? "");
        const p = await stacks.preview(e.id);
        ctx.say(`${e.id}: preview ${p.ok ? "passed" : "BLOCKED"}`);
        if (!p.ok) blocked.push(`${e.id}: ${p.reason}`);
    }
    const base = (id: string) => ({ wave: name, id, ...(entries[0]?.target ? { to: entries[0].target } : {}) });
    if (blocked.length > 0) {
        const outcomes = entries.map((e): Outcome => ({ ...base(e.id), state: "not-started" }));
        return {
            outcomes,
            halt: {
                wave: name,
                database: blocked[0].split(": ")[0],
                step: "preview",
                message: blocked.join("\n"),
                code: 2,
            },
        };
    }
    let failure: Outcome | undefined;
    const ran = await inPool(
        entries,
        wave.wave.maxParallel,
        async (e): Promise<Outcome> => {
            const started = ctx.deps.clock.now();
            try {
                await stacks.up(e.id);
                return { ...base(e.id), state: "upgraded", elapsedMs: ctx.deps.clock.now() - started };
            } catch (err) {
                failure ??= { ...base(e.id), state: "failed", step: "pulumi up", message: describeAwsError(err) };
                return failure;
            }
        },
        () => failure === undefined,
    );
    const outcomes = entries.map((e, i) => ran[i] ?? { ...base(e.id), state: "not-started" as const });
    if (failure)
        return {
            outcomes,
            halt: { wave: name, database: failure.id, step: "pulumi up", message: failure.message ?? "", code: 1 },
        };
    if (wave.wave.bakeMinutes > 0) await ctx.api.sleep(wave.wave.bakeMinutes * 60_000);
    const halt = await healthGate(ctx, wave, entries);
    return { outcomes, ...(halt ? { halt } : {}) };
}
