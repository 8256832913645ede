import { Command } from "commander";
import { HELP_WIDTH } from "../../vocabulary";
import { ResolvedDeps } from "./deps";
import { CommandContext } from "./register/guarded";
import { addFleetCommand } from "./register/fleet";
import { addPatchCommand } from "./register/patch";
import { addPlanCommand } from "./register/plan";
import { addStatusCommand } from "./register/status";
import { addUpgradeCommand } from "./register/upgrade";
import { packageVersion } from "./version";

/**
 * The `aurora-global` program: `plan`, `upgrade`, `patch`, `status` and `fleet`, each registered by its own
 * file under register/ with the flags docs/cli.md's table lists (plus --region, the home region).
 * `--version` prints the package's version; every command's help wraps at {@link HELP_WIDTH}.
 */
export function buildProgram(deps: ResolvedDeps, setExit: (code: number) => void): Command {
    const program = new Command("aurora-global")
        .description(
            "Plan and run ordered, resumable engine upgrades of Aurora global databases (secondaries first, primary last).",
        )
        .version(packageVersion(), "-V, --version", "print the aurora-global version")
        .configureHelp({ helpWidth: HELP_WIDTH })
        .exitOverride()
        .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
        .showHelpAfterError("(run with --help for usage)");
    const cli: CommandContext = { deps, setExit };
    addPlanCommand(program, cli);
    addUpgradeCommand(program, cli);
    addPatchCommand(program, cli);
    addStatusCommand(program, cli);
    addFleetCommand(program, cli);
    // Extra values are reported by each action, naming them (register/guarded.ts).
    for (const command of program.commands) command.allowExcessArguments(true);
    return program;
}
