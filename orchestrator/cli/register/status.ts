import { Command } from "commander";
import { PLAN_FORMATS } from "../../../planner";
import { runStatus } from "../commands";
import { parseFormat } from "../options";
import { CommandContext, databaseArgs, guarded, str } from "./guarded";
import { commonOptions } from "./shared-options";
import { OUTPUT_FLAGS } from "../../../cli-contract";

/** `aurora-global status`: every member's status and version; changes nothing. */
export function addStatusCommand(program: Command, cli: CommandContext): void {
    const command = program
        .command("status")
        .description("every member's status and version, and whether the database is ready to fail over");
    commonOptions(command)
        .option(`${OUTPUT_FLAGS.format} <format>`, PLAN_FORMATS.join(" | "), "text")
        .action(
            guarded(cli, (raw, errors, d) => {
                const a = { ...databaseArgs(raw, errors, d), format: parseFormat(str(raw.format), errors) };
                return () => runStatus(d, a);
            }),
        );
}
