import { Command } from "commander";
import { PLAN_FORMATS } from "../../../planner";
import { runPlan } from "../commands";
import { parseFormat } from "../options";
import { CommandContext, databaseArgs, guarded, str } from "./guarded";
import {
    commonOptions,
    parameterGroupArgs,
    parameterGroupOptions,
    versionArgs,
    versionOptions,
} from "./shared-options";
import { OUTPUT_FLAGS } from "../../../cli-contract";

/** `aurora-global plan`: prints the plan, changes nothing. */
export function addPlanCommand(program: Command, cli: CommandContext): void {
    const command = program
        .command("plan")
        .description("print the upgrade plan (exit 2 when it is blocked); changes nothing");
    versionOptions(parameterGroupOptions(commonOptions(command)))
        .option(`${OUTPUT_FLAGS.format} <format>`, PLAN_FORMATS.join(" | "), "text")
        .action(
            guarded(cli, (raw, errors, d) => {
                const a = {
                    ...databaseArgs(raw, errors, d),
                    ...versionArgs(raw, errors),
                    format: parseFormat(str(raw.format), errors),
                    ...parameterGroupArgs(raw, errors),
                };
                return () => runPlan(d, a);
            }),
        );
}
