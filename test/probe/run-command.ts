/** Runs the `watch` command in-process and captures stdout, stderr and the exit code. */
import { watchCommand, WatchCommandIo } from "../../probe";

class Exit extends Error {
    constructor(readonly code: number) {
        super(`exit ${code}`);
    }
}

export interface CommandRun {
    code: number;
    stdout: string;
    stderr: string;
}

/** `aurora-global watch <args>`; exit code 0 when the action returns normally. */
export async function runWatch(args: string[], io: Partial<WatchCommandIo> = {}): Promise<CommandRun> {
    const run: CommandRun = { code: 0, stdout: "", stderr: "" };
    const command = watchCommand({
        stdout: (t) => void (run.stdout += t),
        stderr: (t) => void (run.stderr += t),
        exit: (code) => {
            throw new Exit(code);
        },
        handleSigint: false,
        ...io,
    });
    try {
        await command.parseAsync(args, { from: "user" });
    } catch (error) {
        if (!(error instanceof Exit)) throw error;
        run.code = error.code;
    }
    return run;
}
