import { Command } from "commander";
import { FLEET_FLAGS, RUN_FLAGS } from "../../../cli-contract";
import { PLAN_FORMATS } from "../../../planner";
import { DEFAULT_TIMEOUT_MINUTES } from "../../execute/context";
import { runFleetPlan, runFleetRun, runFleetStatus } from "../fleet/commands";
import { parseFlag, parseFormat } from "../options";
import { CommandContext, guarded, Raw, str } from "./guarded";
import { identityOptions, noLeaseWithWait } from "./shared-options";

function fileArg(raw: Raw, errors: string[]): string {
    const file = str(raw.file);
    if (file === undefined || file === "")
        errors.push(`${FLEET_FLAGS.file} is required: give the rollout file, e.g. ${FLEET_FLAGS.file} rollout.yaml`);
    return file ?? "";
}

function withFile(c: Command): Command {
    return identityOptions(c)
        .option(`${FLEET_FLAGS.file} <path>`, "the rollout file (rollout.yaml: target, regions, waves, gate)")
        .option(`${FLEET_FLAGS.format} <format>`, PLAN_FORMATS.join(" | "), "text");
}

/**
 * `aurora-global fleet plan|run|status --file rollout.yaml`: one engine bump across many global
 * databases (or Pulumi stacks), wave by wave (orchestrator/cli/fleet/).
 */
export function addFleetCommand(program: Command, cli: CommandContext): void {
    const fleet = program
        .command("fleet")
        .description("roll one engine version across many global databases or Pulumi stacks, in waves");
    withFile(
        fleet
            .command("plan")
            .description(
                "every database, its wave, path and steps, what is blocked, the estimated time; changes nothing",
            ),
    ).action(
        guarded(cli, (raw, errors, d) => {
            const a = { file: fileArg(raw, errors), format: parseFormat(str(raw.format), errors) };
            return () => runFleetPlan(d, a);
        }),
    );
    withFile(
        fleet
            .command("run")
            .description("run the rollout wave by wave: bake time, health gate, halt on failure; a re-run resumes"),
    )
        .option(
            `${RUN_FLAGS.timeoutMinutes} <n>`,
            "per database: stop (exit 1) when its upgrade takes longer",
            String(DEFAULT_TIMEOUT_MINUTES),
        )
        .option(`${RUN_FLAGS.pollSeconds} <n>`, "per database: fixed polling interval (default: adaptive)")
        .option(
            `${RUN_FLAGS.leaseWaitSeconds} <n>`,
            "per database: wait up to N seconds for another run on it (default 0: stop naming it)",
        )
        .option(RUN_FLAGS.noSnapshot, "per database: skip the cluster snapshot of the primary before the upgrade")
        .option(
            RUN_FLAGS.noLease,
            "per database: run without the run lease (only where a global cluster cannot be tagged, e.g. an emulator)",
        )
        .action(
            guarded(cli, (raw, errors, d) => {
                const lease = parseFlag("leaseWaitSeconds", str(raw.leaseWaitSeconds), errors);
                const poll = parseFlag("pollSeconds", str(raw.pollSeconds), errors);
                noLeaseWithWait(raw, lease, errors);
                const a = {
                    file: fileArg(raw, errors),
                    format: parseFormat(str(raw.format), errors),
                    timeoutMinutes: parseFlag("timeoutMinutes", str(raw.timeoutMinutes), errors),
                    ...(poll !== undefined ? { pollSeconds: poll } : {}),
                    ...(lease !== undefined ? { leaseWaitSeconds: lease } : {}),
                    ...(raw.lease === false ? { noLease: true } : {}),
                    snapshot: raw.snapshot !== false,
                };
                return () => runFleetRun(d, a);
            }),
        );
    withFile(
        fleet.command("status").description("where each wave and database of the rollout stands; changes nothing"),
    ).action(
        guarded(cli, (raw, errors, d) => {
            const a = { file: fileArg(raw, errors), format: parseFormat(str(raw.format), errors) };
            return () => runFleetStatus(d, a);
        }),
    );
}
