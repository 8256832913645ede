import { Command } from "commander";
import { BLUE_GREEN_FLAGS, RUN_FLAGS, VERSION_FLAGS } from "../../../cli-contract";
import { DEFAULT_TIMEOUT_MINUTES } from "../../execute/context";
import { runUpgrade } from "../commands";
import { blueGreenFlagProblems, parseChoiceFlag, parseFlag } from "../options";
import { CommandContext, databaseArgs, guarded, str } from "./guarded";
import {
    commonOptions,
    parameterGroupArgs,
    parameterGroupOptions,
    startArgs,
    startOptions,
    stepFilterArgs,
    stepOptions,
    versionArgs,
    versionOptions,
} from "./shared-options";

/** `aurora-global upgrade`: the snapshot, the secondaries in parallel, then the primary (or one global operation). */
export function addUpgradeCommand(program: Command, cli: CommandContext): void {
    const command = program
        .command("upgrade")
        .description(
            `upgrade the global database to ${VERSION_FLAGS.target}: snapshot, secondaries in parallel, then the primary (or one global operation)`,
        );
    versionOptions(stepOptions(startOptions(parameterGroupOptions(commonOptions(command)))))
        .option(
            `${RUN_FLAGS.timeoutMinutes} <n>`,
            "stop (exit 1) when the run takes longer",
            String(DEFAULT_TIMEOUT_MINUTES),
        )
        .option(
            `${BLUE_GREEN_FLAGS.switchoverTimeoutSeconds} <n>`,
            "blue-green: AWS rolls the switchover back when it takes longer (30 to 3600, default 300)",
        )
        .option(
            `${BLUE_GREEN_FLAGS.oldClusters} <what>`,
            "blue-green: keep (default; deletion protection on, tagged) or delete the old -old1 clusters after the switchover",
        )
        .option(
            `${RUN_FLAGS.pollSeconds} <n>`,
            "fixed polling interval (default: adaptive, about 4 describe calls per member per minute)",
        )
        .option(RUN_FLAGS.noSnapshot, "skip the cluster snapshot of the primary before the upgrade")
        .action(
            guarded(cli, (raw, errors, d) => {
                const a = {
                    ...databaseArgs(raw, errors, d),
                    ...versionArgs(raw, errors),
                    timeoutMinutes: parseFlag("timeoutMinutes", str(raw.timeoutMinutes), errors),
                    switchoverTimeoutSeconds: parseFlag(
                        "switchoverTimeoutSeconds",
                        str(raw.switchoverTimeoutSeconds),
                        errors,
                    ),
                    oldClusters: parseChoiceFlag("oldClusters", str(raw.oldClusters), errors),
                    pollSeconds: parseFlag("pollSeconds", str(raw.pollSeconds), errors),
                    snapshot: raw.snapshot !== false,
                    filter: stepFilterArgs(raw, errors),
                    ...parameterGroupArgs(raw, errors),
                    ...startArgs(raw, errors),
                };
                errors.push(
                    ...blueGreenFlagProblems({
                        strategy: str(raw.strategy),
                        onlySnapshot: raw.onlySnapshot === true,
                        switchoverTimeoutSeconds: str(raw.switchoverTimeoutSeconds),
                        oldClusters: str(raw.oldClusters),
                    }),
                );
                return () => runUpgrade(d, a);
            }),
        );
}
