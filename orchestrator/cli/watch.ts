import { Command } from "commander";
import { watchCommand } from "../../probe/command";
import { ResolvedDeps } from "./deps";

/** Thrown by the watch command's exit hook so `main` resolves with the code instead of exiting. */
export class WatchExit extends Error {
    constructor(readonly exitCode: number) {
        super(`watch exited with ${exitCode}`);
    }
}

/** Adds `aurora-global watch` (the probe helper's command) with the CLI's output streams and help width. */
export function addWatchCommand(program: Command, deps: ResolvedDeps): void {
    const watch = watchCommand({
        stdout: deps.stdout,
        stderr: deps.stderr,
        exit: (code: number): never => {
            throw new WatchExit(code);
        },
        ...(deps.signal ? { signal: deps.signal } : {}),
    });
    program.addCommand(watch.configureHelp(program.configureHelp()));
}
