import { Command, Option } from "commander";
import { PLAN_FORMATS } from "../../planner";
import { DEFAULT_OPT_IN, DEFAULT_STRATEGY, OPT_IN_TYPES, STRATEGIES } from "../../vocabulary";
import { DEFAULT_TIMEOUT_MINUTES } from "../execute/context";
import { ResolvedDeps } from "./deps";
import { IDENTITY_FLAGS, parseIdentity } from "./identity-flags";
import { EXIT, runPatch, runPlan, runStatus, runUpgrade } from "./commands";
import {
    parseFormat,
    parseGlobalCluster,
    parseGroupAssignments,
    parseOldClusters,
    parseOnlyMember,
    parseOptIn,
    parseSwitchoverTimeoutSeconds,
    parsePollSeconds,
    parseRegion,
    parseLeaseWaitSeconds,
    parseStartJitterSeconds,
    parseStrategy,
    parseTarget,
    parseTimeoutMinutes,
} from "./options";

type Raw = Record<string, string | boolean | string[] | undefined>;
const str = (v: Raw[string]): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: Raw[string]): string[] | undefined => (Array.isArray(v) ? v : undefined);
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The flags each command accepts, as the README's CLI table lists them (plus --region, the home region). */
export function buildProgram(deps: ResolvedDeps, setExit: (code: number) => void): Command {
    const program = new Command("aurora-global")
        .description(
            "Plan and run ordered, resumable engine upgrades of Aurora global databases (secondaries first, primary last).",
        )
        .exitOverride()
        .configureOutput({ writeOut: deps.stdout, writeErr: deps.stderr })
        .showHelpAfterError("(run with --help for usage)");

    const common = (c: Command) =>
        c
            .option("--region <region>", "home region of the global cluster (default: AWS_REGION)")
            .option("--global-cluster <id>", "global cluster identifier")
            .option(`${IDENTITY_FLAGS.profile} <name>`, "AWS profile to act as (default: the SDK's default chain)")
            .option(`${IDENTITY_FLAGS.roleArn} <arn>`, "IAM role to assume (credentials refresh during long waits)")
            .option(
                `${IDENTITY_FLAGS.roleSessionName} <name>`,
                "session name of the assumed role (default aurora-global)",
            )
            .option(`${IDENTITY_FLAGS.externalId} <id>`, "external id the role's trust policy requires")
            .option(
                `${IDENTITY_FLAGS.endpointUrl} <url>`,
                "RDS endpoint URL (default: AWS's, or AWS_ENDPOINT_URL_RDS)",
            );
    /** Validates, reports every bad value at once (exit 2), or runs. */
    const guarded =
        (build: (raw: Raw, errors: string[], d: ResolvedDeps) => () => Promise<number>) => async (raw: Raw) => {
            const errors: string[] = [];
            const identity = parseIdentity(raw, errors);
            const run = build(raw, errors, { ...deps, clients: deps.clientsFor(identity) });
            if (errors.length > 0) {
                for (const e of errors) deps.stderr(`aurora-global: ${e}\n`);
                setExit(EXIT.input);
                return;
            }
            setExit(await run());
        };
    const target = (raw: Raw, errors: string[]) => ({
        region: parseRegion(str(raw.region), deps.env, errors),
        globalCluster: parseGlobalCluster(str(raw.globalCluster), errors),
    });
    /**
     * `--cluster-parameter-group` / `--instance-parameter-group CLUSTER=NAME` (repeatable): the
     * target-family groups of a major upgrade when aurora-global cannot find them by tag. Shown in
     * --help: the README's troubleshooting table tells users to pass them.
     */
    const groupFlags = (c: Command) =>
        c
            .addOption(
                new Option(
                    "--cluster-parameter-group <cluster=name>",
                    "target-family cluster parameter group of a member (repeatable)",
                ).argParser(collect),
            )
            .addOption(
                new Option(
                    "--instance-parameter-group <cluster=name>",
                    "target-family DB parameter group of a member's instances (repeatable)",
                ).argParser(collect),
            );
    /** Hidden `--only-snapshot` / `--only-member CLUSTER`: one step of the plan (what the Pulumi upgrade steps run; steps.ts). */
    const stepFlags = (c: Command) =>
        c
            .addOption(
                new Option(
                    "--only-snapshot",
                    "run only the snapshot step (the Pulumi upgrade steps use it)",
                ).hideHelp(),
            )
            .addOption(
                new Option(
                    "--only-member <cluster>",
                    "run only this member's step (the Pulumi upgrade steps use it)",
                ).hideHelp(),
            );
    const stepFilter = (raw: Raw, errors: string[]) => {
        const onlyMember = parseOnlyMember(str(raw.onlyMember), errors);
        const onlySnapshot = raw.onlySnapshot === true;
        if (onlySnapshot && onlyMember !== undefined)
            errors.push(
                `--only-snapshot and --only-member "${onlyMember}" select different steps: give one of them (each Pulumi upgrade step runs one)`,
            );
        if (onlySnapshot && raw.snapshot === false)
            errors.push("--only-snapshot with --no-snapshot selects nothing: give one of them");
        return { onlySnapshot, onlyMember };
    };
    /** Hidden `--start-jitter-seconds N`: many runs started together spread their first calls (see aws/start-jitter.ts). */
    const jitterFlag = (c: Command) =>
        c
            .addOption(
                new Option(
                    "--start-jitter-seconds <n>",
                    "wait a random 0 to N seconds before the first call (runs started together)",
                ).hideHelp(),
            )
            .option(
                "--lease-wait-seconds <n>",
                "wait up to N seconds for another run on the same global database to finish (default 0: exit 2 naming it)",
            );
    /** Also `--lease-wait-seconds` (the run lease, lease/run-lease.ts). */
    const jitter = (raw: Raw, errors: string[]) => {
        const seconds = parseStartJitterSeconds(str(raw.startJitterSeconds), errors);
        const leaseWait = parseLeaseWaitSeconds(str(raw.leaseWaitSeconds), errors);
        return {
            ...(seconds !== undefined ? { startJitterSeconds: seconds } : {}),
            ...(leaseWait !== undefined ? { leaseWaitSeconds: leaseWait } : {}),
        };
    };
    const groups = (raw: Raw, errors: string[]) => {
        const cluster = parseGroupAssignments("--cluster-parameter-group", list(raw.clusterParameterGroup), errors);
        const instance = parseGroupAssignments("--instance-parameter-group", list(raw.instanceParameterGroup), errors);
        return cluster || instance
            ? { parameterGroups: { ...(cluster ? { cluster } : {}), ...(instance ? { instance } : {}) } }
            : {};
    };

    groupFlags(
        common(
            program.command("plan").description("print the upgrade plan (exit 2 when it is blocked); changes nothing"),
        ),
    )
        .option("--target <version>", "engine version to upgrade to")
        .option("--allow-major", "allow a major version upgrade", false)
        .option("--strategy <strategy>", STRATEGIES.join(" | "), DEFAULT_STRATEGY)
        .option("--format <format>", PLAN_FORMATS.join(" | "), "text")
        .action(
            guarded((raw, errors, d) => {
                const a = {
                    ...target(raw, errors),
                    target: parseTarget(str(raw.target), errors),
                    allowMajorVersionUpgrade: raw.allowMajor === true,
                    strategy: parseStrategy(str(raw.strategy), errors),
                    format: parseFormat(str(raw.format), errors),
                    ...groups(raw, errors),
                };
                return () => runPlan(d, a);
            }),
        );

    stepFlags(
        jitterFlag(
            groupFlags(
                common(
                    program
                        .command("upgrade")
                        .description(
                            "upgrade the global database to --target: snapshot, secondaries in parallel, then the primary (or one global operation)",
                        ),
                ),
            ),
        ),
    )
        .option("--target <version>", "engine version to upgrade to")
        .option("--allow-major", "allow a major version upgrade", false)
        .option("--strategy <strategy>", STRATEGIES.join(" | "), DEFAULT_STRATEGY)
        .option("--timeout-minutes <n>", "stop (exit 1) when the run takes longer", String(DEFAULT_TIMEOUT_MINUTES))
        .option(
            "--switchover-timeout-seconds <n>",
            "blue-green: AWS rolls the switchover back when it takes longer (30 to 3600, default 300)",
        )
        .option(
            "--old-clusters <what>",
            "blue-green: keep (default; deletion protection on, tagged) or delete the old -old1 clusters after the switchover",
        )
        .option(
            "--poll-seconds <n>",
            "fixed polling interval (default: adaptive, about 4 describe calls per member per minute)",
        )
        .option("--no-snapshot", "skip the cluster snapshot of the primary before the upgrade")
        .action(
            guarded((raw, errors, d) => {
                const a = {
                    ...target(raw, errors),
                    target: parseTarget(str(raw.target), errors),
                    allowMajorVersionUpgrade: raw.allowMajor === true,
                    strategy: parseStrategy(str(raw.strategy), errors),
                    timeoutMinutes: parseTimeoutMinutes(str(raw.timeoutMinutes), errors),
                    switchoverTimeoutSeconds: parseSwitchoverTimeoutSeconds(str(raw.switchoverTimeoutSeconds), errors),
                    oldClusters: parseOldClusters(str(raw.oldClusters), errors),
                    pollSeconds: parsePollSeconds(str(raw.pollSeconds), errors),
                    snapshot: raw.snapshot !== false,
                    filter: stepFilter(raw, errors),
                    ...groups(raw, errors),
                    ...jitter(raw, errors),
                };
                return () => runUpgrade(d, a);
            }),
        );

    stepFlags(
        jitterFlag(
            common(
                program
                    .command("patch")
                    .description(
                        "apply pending system-update maintenance: snapshot of the primary, the secondaries, then the primary",
                    ),
            ),
        ),
    )
        .option("--opt-in <when>", OPT_IN_TYPES.join(" | "), DEFAULT_OPT_IN)
        .option("--poll-seconds <n>", "fixed polling interval (default: adaptive)")
        .option("--no-snapshot", "skip the cluster snapshot of the primary before the patches")
        .action(
            guarded((raw, errors, d) => {
                const a = {
                    ...target(raw, errors),
                    optIn: parseOptIn(str(raw.optIn), errors),
                    pollSeconds: parsePollSeconds(str(raw.pollSeconds), errors),
                    snapshot: raw.snapshot !== false,
                    filter: stepFilter(raw, errors),
                    ...jitter(raw, errors),
                };
                return () => runPatch(d, a);
            }),
        );

    common(
        program
            .command("status")
            .description("every member's status and version, and whether the database is ready to fail over"),
    )
        .option("--format <format>", PLAN_FORMATS.join(" | "), "text")
        .action(
            guarded((raw, errors, d) => {
                const a = { ...target(raw, errors), format: parseFormat(str(raw.format), errors) };
                return () => runStatus(d, a);
            }),
        );
    return program;
}
