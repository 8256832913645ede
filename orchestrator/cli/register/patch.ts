import { Command } from "commander";
import { RUN_FLAGS } from "../../../cli-contract";
import { DEFAULT_OPT_IN, OPT_IN_TYPES } from "../../../vocabulary";
import { runPatch } from "../commands";
import { parseChoiceFlag, parseFlag } from "../options";
import { CommandContext, databaseArgs, guarded, str } from "./guarded";
import { commonOptions, startArgs, startOptions, stepFilterArgs, stepOptions } from "./shared-options";

/** `aurora-global patch`: pending system-update maintenance, the secondaries before the primary. */
export function addPatchCommand(program: Command, cli: CommandContext): void {
    const command = program
        .command("patch")
        .description(
            "apply pending system-update maintenance: snapshot of the primary, the secondaries, then the primary",
        );
    stepOptions(startOptions(commonOptions(command)))
        .option(`${RUN_FLAGS.optIn} <when>`, OPT_IN_TYPES.join(" | "), DEFAULT_OPT_IN)
        .option(`${RUN_FLAGS.pollSeconds} <n>`, "fixed polling interval (default: adaptive)")
        .option(RUN_FLAGS.noSnapshot, "skip the cluster snapshot of the primary before the patches")
        .action(
            guarded(cli, (raw, errors, d) => {
                const a = {
                    ...databaseArgs(raw, errors, d),
                    optIn: parseChoiceFlag("optIn", str(raw.optIn), errors),
                    pollSeconds: parseFlag("pollSeconds", str(raw.pollSeconds), errors),
                    snapshot: raw.snapshot !== false,
                    filter: stepFilterArgs(raw, errors),
                    ...startArgs(raw, errors),
                };
                return () => runPatch(d, a);
            }),
        );
}
