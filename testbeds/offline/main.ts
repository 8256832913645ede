import { Command, CommanderError } from "commander";
import { HELP_WIDTH } from "../../vocabulary";
import { EXIT } from "./run/exit-codes";
import { DEFAULT_SPEED, Speed } from "./run/speed";
import { DEFAULT_SCENARIO, listScenarios, loadScenario, ScenarioError } from "./scenario/load";
import { wrap, wrapLine } from "./run/wrap";

/** Where the offline run writes. */
export interface OfflineIo {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

const processIo: OfflineIo = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
};

/** `--speed`: a factor over real time from 1 to 100000, or `max`; undefined with an error pushed otherwise. */
export function parseSpeed(raw: string | undefined, errors: string[]): Speed {
    if (raw === undefined) return DEFAULT_SPEED;
    if (raw === "max") return "max";
    const n = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (Number.isFinite(n) && n >= 1 && n <= 100_000) return n;
    errors.push(
        `--speed "${raw}" is not valid: give how many times faster than real time the upgrade runs, a number from 1 to 100000 (default ${DEFAULT_SPEED}: 1 virtual minute ≈ ${Math.round(60_000 / DEFAULT_SPEED)} ms), or "max" for no delay`,
    );
    return DEFAULT_SPEED;
}

/**
 * `npm run offline -- [--scenario NAME] [--speed N|max] [--markdown] [--list]`: the product end to end with no
 * cloud account and no Pulumi CLI. Resolves with the exit code: 0 done, 2 blocked or bad input
 * (nothing changed), 1 a failure while upgrading.
 */
export async function main(argv: readonly string[], io: OfflineIo = processIo): Promise<number> {
    const program = new Command("offline")
        .description(
            "Runs the dev stack under the Pulumi mock engine against a scenario's AWS state, prints the graph, the plan and the policy verdicts, then upgrades the simulated control plane.",
        )
        .option(
            "--scenario <name>",
            `a scenario of testbeds/scenarios/ (default ${DEFAULT_SCENARIO}; --list shows them)`,
        )
        .option("--speed <factor>", `times faster than real time (default ${DEFAULT_SPEED}), or max for no delay`)
        .option(
            "--markdown",
            "show the plan as the preview logs it and the pull-request comment shows it (markdown, mermaid diagram)",
        )
        .option("--list", "list the scenarios and what each shows")
        .configureHelp({ helpWidth: HELP_WIDTH })
        .exitOverride()
        .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
    try {
        program.parse([...argv], { from: "user" });
    } catch (e) {
        if (e instanceof CommanderError)
            return e.code === "commander.helpDisplayed" || e.code === "commander.version" ? EXIT.ok : EXIT.blocked;
        throw e;
    }
    const opts = program.opts<{ scenario?: string; speed?: string; list?: boolean; markdown?: boolean }>();
    const out = (line: string) => {
        for (const part of wrapLine(line)) io.stdout(`${part}\n`);
    };
    if (opts.list) {
        for (const name of listScenarios()) {
            const s = loadScenario(name);
            out(`${name}${name === DEFAULT_SCENARIO ? " (default)" : ""}`);
            for (const line of wrap(s.description)) out(line);
        }
        return EXIT.ok;
    }
    const errors: string[] = [];
    const speed = parseSpeed(opts.speed, errors);
    let scenario;
    try {
        scenario = loadScenario(opts.scenario ?? DEFAULT_SCENARIO);
    } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        errors.push(e.message);
    }
    if (errors.length > 0 || !scenario) {
        for (const e of errors) io.stderr(`offline: ${e}\n`);
        return EXIT.blocked;
    }
    // On a terminal, one status line is redrawn in place while the upgrade runs (never in pipes or tests).
    const live =
        io === processIo && process.stdout.isTTY && speed !== "max"
            ? (text: string) =>
                  void process.stdout.write(`\r\x1b[2K${text.slice(0, (process.stdout.columns ?? 120) - 1)}`)
            : undefined;
    // Loaded only to run a scenario (the mock engine, the simulator, the CLI): `--help` and `--list` stay fast.
    const { runScenario } = await import("./run/offline-run");
    const result = await runScenario(scenario, speed, out, live, { markdown: opts.markdown === true });
    return result.exitCode;
}
