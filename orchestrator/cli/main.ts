import { CommanderError } from "commander";
import { adviceFor, describeAwsError } from "../../aws/errors";
import {
    EndpointUnreachable,
    InputError,
    MissingCredentials,
    NotAnAwsAnswer,
    UpgradeStopped,
} from "../../aws/run-errors";
import { EXIT } from "./commands";
import { CliDeps, resolveDeps } from "./deps";
import { buildProgram } from "./program";
import { addWatchCommand, WatchExit } from "./watch";

/**
 * Runs the `aurora-global` CLI in-process and resolves with its exit code: 0 done or nothing to
 * do, 2 bad input or a blocked plan (nothing changed), 1 a failure while changing things.
 * `argv` are the user's arguments (without `node` and the script).
 */
export async function main(argv: readonly string[], deps: CliDeps = {}): Promise<number> {
    const d = resolveDeps(deps);
    let code: number = EXIT.ok;
    const program = buildProgram(d, (c) => {
        code = c;
    });
    addWatchCommand(program, d);
    try {
        await program.parseAsync([...argv], { from: "user" });
        return code;
    } catch (e) {
        if (e instanceof WatchExit) return e.exitCode;
        if (e instanceof CommanderError) {
            return e.code === "commander.helpDisplayed" || e.code === "commander.version" ? EXIT.ok : EXIT.input;
        }
        if (e instanceof MissingCredentials) {
            d.stderr(`aurora-global: ${e.message}\n`);
            return EXIT.failure;
        }
        if (e instanceof EndpointUnreachable || e instanceof NotAnAwsAnswer) {
            d.stderr(`aurora-global: ${e.message}; ${afterwards(argv)}\n`);
            return EXIT.failure;
        }
        if (e instanceof InputError) {
            d.stderr(`aurora-global: ${e.message}\n`);
            return EXIT.input;
        }
        if (e instanceof UpgradeStopped) {
            d.stderr(`aurora-global: STOPPED: ${e.message}\n`);
            return EXIT.failure;
        }
        const advice = adviceFor(e);
        const what = `unexpected error: ${describeAwsError(e)}${advice ? `. What to do: ${advice}` : ""}`;
        d.stderr(
            readOnlyCommand(argv)
                ? `aurora-global: ${what}. Nothing was changed (${commandOf(argv)} only reads); run it again once resolved.\n`
                : `aurora-global: STOPPED: ${what}. Run the same command again once resolved: it resumes from what AWS reports.\n`,
        );
        return EXIT.failure;
    }
}

/** The subcommand of `argv` (its first word that is not a flag). */
function commandOf(argv: readonly string[]): string | undefined {
    return argv.find((a) => !a.startsWith("-"));
}

/** `plan`, `status`, `watch`, `fleet plan` and `fleet status` change nothing. */
function readOnlyCommand(argv: readonly string[]): boolean {
    const words = argv.filter((a) => !a.startsWith("-"));
    const command = words[0] === "fleet" ? words[1] : commandOf(argv);
    return ["plan", "status", "watch"].includes(command ?? "");
}

/** What to do once a failure that is not the user's input is resolved. */
function afterwards(argv: readonly string[]): string {
    return readOnlyCommand(argv)
        ? `nothing was changed (${commandOf(argv)} only reads): run it again once the endpoint is reachable`
        : "run the same command again once it is reachable: it resumes from what AWS reports";
}
