import { main as cli } from "../../../orchestrator/cli";
import { formatDuration } from "../../../aws/logger";
import { SimulatedRds } from "../../simulator";
import { drive, PacedClock, Speed } from "./paced-clock";
import { UpgradeStep } from "./preview";

/** Writes one line of the offline run's output. */
export type Out = (line: string) => void;

/** CLI subcommands a step command line may start; what precedes them is the launcher (`node bin/aurora-global.js`). */
const SUBCOMMANDS = new Set(["upgrade", "patch", "plan", "status"]);

/** The arguments of `aurora-global` in a step's command line (without the launcher). */
export function cliArgs(command: string): string[] {
    const tokens = command.trim().split(/\s+/);
    const at = tokens.findIndex((t) => SUBCOMMANDS.has(t));
    if (at < 0)
        throw new Error(
            `upgrade step command "${command}" does not run an aurora-global subcommand (${[...SUBCOMMANDS].join(", ")})`,
        );
    return tokens.slice(at);
}

/** How often the live status line is redrawn (virtual); the permanent board is a multiple of it. */
const LIVE_TICK_MS = 30_000;

/** `[+12m03s]`, padded so the lines align. */
export function stamp(ms: number): string {
    return `[+${formatDuration(ms)}]`.padEnd(11);
}

export interface UpgradeRunOptions {
    readonly sim: SimulatedRds;
    readonly clock: PacedClock;
    readonly globalClusterId: string;
    readonly speed: Speed;
    readonly out: Out;
    /** Permanent member status lines this often (virtual). Default 5 minutes. */
    readonly boardEveryMs?: number;
    /** Terminals: replaces the one live status line in place ("" clears it). */
    readonly live?: (text: string) => void;
}

export interface UpgradeRun {
    readonly ok: boolean;
    /** Virtual time the whole run took. */
    readonly elapsedMs: number;
    /** Exit code of each step that ran. */
    readonly exits: Readonly<Record<string, number>>;
}

/** What every part of one upgrade run prints through: the output and the elapsed-time stamp. */
interface RunPrinter {
    readonly out: Out;
    /** `[+12m03s]` since the run started. */
    readonly at: () => string;
}

/**
 * `pulumi up` of the upgrade steps: each `command:local:Command` runs once every step it waits
 * for has succeeded, as the engine would run it — here the real `aurora-global` CLI in-process,
 * against the simulated control plane on the paced virtual clock. Prints each step, the CLI's
 * progress lines re-stamped with the run's elapsed virtual time, and every `boardEveryMs` a
 * status line per member that is changing or changed (on a terminal, also one live line).
 */
export async function runUpgradeSteps(steps: readonly UpgradeStep[], o: UpgradeRunOptions): Promise<UpgradeRun> {
    const { clock, speed, live } = o;
    const boardEveryMs = o.boardEveryMs ?? 5 * 60_000;
    // A permanent line first clears the live status line (terminals only).
    const out: Out = live ? (line) => (live(""), o.out(line)) : o.out;
    const start = clock.now();
    const p: RunPrinter = { out, at: () => stamp(clock.now() - start) };
    const exits: Record<string, number> = {};
    const done = new Map<string, Promise<boolean>>();
    const runStep = async (step: UpgradeStep): Promise<boolean> => {
        const ready = await Promise.all(step.after.map((name) => done.get(name) ?? Promise.resolve(true)));
        if (ready.includes(false)) {
            out(`${p.at()} ✗ ${step.name}: not run, a step it waits for failed`);
            return false;
        }
        const code = await runStepCommand(step, o, p);
        exits[step.name] = code;
        return code === 0;
    };
    const board = memberBoard(o, p);
    const liveLine = () => live?.(`${p.at()} ${liveStatus(o)}`);
    let ticks = 0;
    const tick = () => {
        ticks += 1;
        if ((ticks * LIVE_TICK_MS) % boardEveryMs === 0) board();
        liveLine();
    };
    board();
    const all = (async () => {
        for (const step of steps) done.set(step.name, runStep(step));
        return (await Promise.all(done.values())).every(Boolean);
    })();
    const ok = await drive(clock, all, { speed, tick: { everyMs: LIVE_TICK_MS, run: tick } });
    board();
    live?.("");
    return { ok, elapsedMs: clock.now() - start, exits };
}

/**
 * One step's command: the CLI in-process, its progress lines (stderr) re-stamped under the step's
 * name; on success the last line of its stdout as the summary, on a blocked plan the verdict.
 * Returns the exit code.
 */
async function runStepCommand(step: UpgradeStep, o: UpgradeRunOptions, p: RunPrinter): Promise<number> {
    const { sim, clock } = o;
    const { out, at } = p;
    const args = cliArgs(step.command);
    const began = clock.now();
    out(`${at()} ▶ ${step.name}: aurora-global ${args.join(" ")}`);
    const stdout: string[] = [];
    let partial = "";
    const code = await cli(args, {
        clients: sim.clientFor,
        clock,
        random: () => 0.5,
        env: { ...step.environment },
        stdout: (text) => void stdout.push(text),
        stderr: (text) => {
            const lines = (partial + text).split("\n");
            partial = lines.pop() ?? "";
            for (const line of lines)
                if (line.trim() !== "") out(`${at()}   ${step.name} │ ${line.replace(/^\[\+[^\]]*\]\s?/, "")}`);
        },
    });
    const printed = stdout.join("").trim().split("\n");
    const summary = code === 0 ? ` — ${printed.pop() ?? ""}` : "";
    // On failure the CLI's stderr said why; of its stdout (the plan), only the verdict matters.
    const blockedAt = printed.findIndex((l) => l.startsWith("BLOCKED:"));
    if (code !== 0 && blockedAt >= 0)
        for (const line of printed.slice(blockedAt)) out(`${at()}   ${step.name} │ ${line}`);
    out(
        `${at()} ${code === 0 ? "✔" : "✗"} ${step.name}: exit ${code} after ${formatDuration(clock.now() - began)}${summary}`,
    );
    return code;
}

/** The board: at each call, a line per member that is changing or changed since the last call. */
function memberBoard(o: UpgradeRunOptions, p: RunPrinter): () => void {
    const { sim, clock, globalClusterId } = o;
    const shown = new Map<string, string>();
    return () => {
        for (const m of sim.globalCluster(globalClusterId).members) {
            const state = `${m.status} ${m.auroraVersion} ${m.upgradingTo ?? ""}`;
            if (shown.get(m.id) === state && m.status === "available") continue;
            shown.set(m.id, state);
            const started = [...sim.eventsOf("upgrade-started", m.id), ...sim.eventsOf("patch-started", m.id)].pop();
            const since =
                m.status !== "available" && started ? ` for ${formatDuration(clock.now() - started.time)}` : "";
            p.out(`${p.at()}   ${memberLine(m, since)}`);
        }
    };
}

/** The live line's text: every member's region and status (or version). */
function liveStatus(o: UpgradeRunOptions): string {
    return o.sim
        .globalCluster(o.globalClusterId)
        .members.map((m) => `${m.region} ${m.status}${m.upgradingTo ? ` → ${m.upgradingTo}` : ` ${m.auroraVersion}`}`)
        .join(" │ ");
}

/** `ap-northeast-1  secondary  upgrading  17.4.5 → 17.5.4<extra>  (cluster id)` for a member view. */
export function memberLine(
    m: { region: string; role: string; status: string; auroraVersion: string; upgradingTo?: string; id: string },
    extra = "",
): string {
    const version = m.upgradingTo ? `${m.auroraVersion} → ${m.upgradingTo}` : m.auroraVersion;
    return `${m.region.padEnd(15)} ${m.role.padEnd(9)} ${m.status.padEnd(10)} ${version}${extra}  (${m.id})`;
}
