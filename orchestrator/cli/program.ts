import { Command } from "commander";
import { ResolvedDeps } from "./deps";
import { CommandContext } from "./register/guarded";
import { addFleetCommand } from "./register/fleet";
import { addPatchCommand } from "./register/patch";
import { addPlanCommand } from "./register/plan";
import { addStatusCommand } from "./register/status";
import { addUpgradeCommand } from "./register/upgrade";

/**
 * The `aurora-global` program: `plan`, `upgrade`, `patch`, `status` and `fleet`, each registered by its own
 * file under register/ with the flags the README's CLI table lists (plus --region, the home region).
 */
export function buildProgram(deps: ResolvedDeps, setExit: (code: number) => void): Command {
    const program = new Command("aurora-global")
        .description(
            "Plan and run ordered, resumable engine upgrades of Aurora global databases (secondaries first, primary last).",
        )
        .exitOverride()
        .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
        .showHelpAfterError("(run with --help for usage)");
    const cli: CommandContext = { deps, setExit };
    addPlanCommand(program, cli);
    addUpgradeCommand(program, cli);
    addPatchCommand(program, cli);
    addStatusCommand(program, cli);
    addFleetCommand(program, cli);
    return program;
}
