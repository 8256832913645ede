/**
 * `aurora-global watch`: the commander sub-command. Validates every input before connecting
 * (bad input → `error: …` on stderr, exit code 2), prints timeline lines live (text) and the
 * summary when the duration ends or on Ctrl-C; `--format json` prints one JSON document at the end.
 * Exit code 1 when an endpoint was probed and never answered (see {@link neverAnswered}).
 */
import { Command } from "commander";
import { parseWatchOptions, RawWatchOptions, WatchInputError } from "./inputs";
import { formatEvent, nameWidth, renderJson, renderSummaryText } from "./render";
import { watch, WatchDeps } from "./watch";
import { WatchReport } from "./types";
import { WATCH_FLAGS } from "../cli-contract/flags";

/** Effects of the command; the defaults are the process's. Tests pass fakes. */
export interface WatchCommandIo {
    readonly stdout?: (text: string) => void;
    readonly stderr?: (text: string) => void;
    /** Replaces `process.exit` for bad input and commander errors; must not return (throw instead). */
    readonly exit?: (code: number) => never;
    /** Handle SIGINT (Ctrl-C) by stopping the watch and printing the summary (default true). */
    readonly handleSigint?: boolean;
    /** Aborting it stops the watch like Ctrl-C does. */
    readonly signal?: AbortSignal;
    /** Probe, clock and sleep fakes for `watch()`. */
    readonly deps?: WatchDeps;
}

/** Commander usage errors; mapped from commander's exit code 1 to our bad-input code 2. */
const USAGE_ERRORS = new Set([
    "commander.unknownOption",
    "commander.optionMissingArgument",
    "commander.missingArgument",
    "commander.excessArguments",
    "commander.missingMandatoryOptionValue",
    "commander.invalidArgument",
    "commander.conflictingOption",
]);

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** Builds the `watch` command, ready for `program.addCommand(watchCommand())`. */
export function watchCommand(io: WatchCommandIo = {}): Command {
    const stdout = io.stdout ?? ((text: string) => void process.stdout.write(text));
    const stderr = io.stderr ?? ((text: string) => void process.stderr.write(text));
    const exit = io.exit ?? ((code: number): never => process.exit(code));
    const command = new Command("watch")
        .description(
            "Probe each endpoint's version every interval and report version changes and outage windows " +
                "(start: first failed probe, end: first successful probe after it), then a summary per endpoint.",
        )
        .option(
            `${WATCH_FLAGS.endpoint} <NAME=URL>`,
            "endpoint to probe (repeatable); URL scheme postgres://, postgresql:// or mysql://",
            collect,
        )
        .option(`${WATCH_FLAGS.intervalMs} <N>`, "milliseconds between probe starts (default 500)")
        .option(`${WATCH_FLAGS.duration} <SECONDS>`, "stop after this many seconds (default: until Ctrl-C)")
        .option(`${WATCH_FLAGS.timeoutMs} <N>`, "connect and query timeout of one probe in milliseconds (default 2000)")
        .option(
            `${WATCH_FLAGS.format} <FORMAT>`,
            "text (live timeline, then summary; default) or json (one document at the end)",
        )
        .configureOutput({ writeOut: stdout, writeErr: stderr })
        .exitOverride((error) => exit(error.exitCode === 1 && USAGE_ERRORS.has(error.code) ? 2 : error.exitCode));

    command.action(async (options: RawWatchOptions) => {
        let request;
        try {
            request = parseWatchOptions(options);
        } catch (error) {
            if (!(error instanceof WatchInputError)) throw error;
            return command.error(`error: ${error.message}`, { exitCode: 2, code: "aurora.badInput" });
        }
        const controller = new AbortController();
        const onSigint = () => controller.abort();
        if (io.handleSigint ?? true) process.once("SIGINT", onSigint);
        io.signal?.addEventListener("abort", onSigint, { once: true });
        if (io.signal?.aborted) controller.abort();
        const text = request.format === "text";
        const width = nameWidth(request.endpoints.map((e) => e.name));
        try {
            if (text) {
                const list = request.endpoints.map((e) => `${e.name}=${e.displayUrl}`).join(", ");
                const until = request.durationMs === undefined ? "until Ctrl-C" : `for ${request.durationMs / 1000} s`;
                stdout(`watching ${list} every ${request.intervalMs} ms ${until}\n`);
            }
            const report = await watch(
                {
                    endpoints: request.endpoints,
                    intervalMs: request.intervalMs,
                    durationMs: request.durationMs,
                    timeoutMs: request.timeoutMs,
                    signal: controller.signal,
                    onEvent: text ? (event) => stdout(formatEvent(event, width) + "\n") : undefined,
                },
                io.deps,
            );
            stdout(text ? renderSummaryText(report) : renderJson(report));
            const silent = neverAnswered(report);
            if (silent.length > 0) {
                stderr(silent.map((line) => `error: ${line}\n`).join(""));
                exit(1);
            }
        } finally {
            process.removeListener("SIGINT", onSigint);
            io.signal?.removeEventListener("abort", onSigint);
        }
    });
    return command;
}

/**
 * Endpoints that were probed and never answered during the whole watch: a wrong URL, password or
 * network path, not an upgrade's outage. `watch` then exits 1 so that a script notices.
 */
export function neverAnswered(report: WatchReport): string[] {
    const seconds = ((report.stoppedAt - report.startedAt) / 1000).toFixed(3);
    return report.endpoints
        .filter((e) => e.summary.probes > 0 && e.summary.firstVersion === null)
        .map(
            (e) =>
                `${e.summary.name} never answered in ${seconds} s (${e.summary.probes} probes; first error: ${e.outages[0]?.error ?? "none recorded"}): ` +
                "its downtime figures measure the connection, not the upgrade; check the URL, the credentials and the network path, then watch again",
        );
}
