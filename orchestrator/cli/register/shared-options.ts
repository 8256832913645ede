import { Command, Option } from "commander";
import {
    DATABASE_FLAGS,
    GROUP_FLAGS,
    IDENTITY_FLAGS,
    RUN_FLAGS,
    STEP_FLAGS,
    LEASE_GROUP_PATTERN,
    VERSION_FLAGS,
} from "../../../cli-contract";
import { DEFAULT_STRATEGY, STRATEGIES } from "../../../vocabulary";
import { parseChoiceFlag, parseFlag, parseGroupAssignments, parseOnlyMember, parseTarget } from "../options";
import { list, Raw, str } from "./guarded";
import { requestPolicyHelp } from "./request-help";

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

/** The options every command takes: the database (`--region`, `--global-cluster`) and whom to act as. */
export function commonOptions(c: Command): Command {
    return identityOptions(
        c
            .option(`${DATABASE_FLAGS.region} <region>`, "home region of the global cluster (default: AWS_REGION)")
            .option(`${DATABASE_FLAGS.globalCluster} <id>`, "global cluster identifier"),
    );
}

/**
 * Whom to act as: a profile, an assumed role, an endpoint (every command; `fleet` has no --region
 * of its own); the help ends with the request timeouts and attempts.
 */
export function identityOptions(c: Command): Command {
    return c
        .addHelpText("after", requestPolicyHelp())
        .option(`${IDENTITY_FLAGS.profile} <name>`, "AWS profile to act as (default: the SDK's default chain)")
        .option(`${IDENTITY_FLAGS.roleArn} <arn>`, "IAM role to assume (credentials refresh during long waits)")
        .option(`${IDENTITY_FLAGS.roleSessionName} <name>`, "session name of the assumed role (default aurora-global)")
        .option(`${IDENTITY_FLAGS.externalId} <id>`, "external id the role's trust policy requires")
        .option(`${IDENTITY_FLAGS.endpointUrl} <url>`, "RDS endpoint URL (default: AWS's, or AWS_ENDPOINT_URL_RDS)");
}

/** `--target`, `--allow-major`, `--strategy`: the version change `plan` and `upgrade` plan. */
export function versionOptions(c: Command): Command {
    return c
        .option(`${VERSION_FLAGS.target} <version>`, "engine version to upgrade to")
        .option(VERSION_FLAGS.allowMajor, "allow a major version upgrade", false)
        .option(`${VERSION_FLAGS.strategy} <strategy>`, STRATEGIES.join(" | "), DEFAULT_STRATEGY);
}

export function versionArgs(raw: Raw, errors: string[]) {
    return {
        target: parseTarget(str(raw.target), errors),
        allowMajorVersionUpgrade: raw.allowMajor === true,
        strategy: parseChoiceFlag("strategy", str(raw.strategy), errors),
    };
}

/**
 * `--cluster-parameter-group` / `--instance-parameter-group CLUSTER=NAME` (repeatable): the
 * target-family groups of a major upgrade when aurora-global cannot find them by tag. Shown in
 * --help: the README's troubleshooting table tells users to pass them.
 */
export function parameterGroupOptions(c: Command): Command {
    return c
        .addOption(
            new Option(
                `${GROUP_FLAGS.cluster} <cluster=name>`,
                "target-family cluster parameter group of a member (repeatable)",
            ).argParser(collect),
        )
        .addOption(
            new Option(
                `${GROUP_FLAGS.instance} <cluster=name>`,
                "target-family DB parameter group of a member's instances (repeatable)",
            ).argParser(collect),
        );
}

export function parameterGroupArgs(raw: Raw, errors: string[]) {
    const cluster = parseGroupAssignments(GROUP_FLAGS.cluster, list(raw.clusterParameterGroup), errors);
    const instance = parseGroupAssignments(GROUP_FLAGS.instance, list(raw.instanceParameterGroup), errors);
    return cluster || instance
        ? { parameterGroups: { ...(cluster ? { cluster } : {}), ...(instance ? { instance } : {}) } }
        : {};
}

/** Hidden `--only-snapshot` / `--only-member CLUSTER`: one step of the plan (what the Pulumi upgrade steps run; cli-contract/step-command.ts). */
export function stepOptions(c: Command): Command {
    return c
        .addOption(
            new Option(
                STEP_FLAGS.onlySnapshot,
                "run only the snapshot step (the Pulumi upgrade steps use it)",
            ).hideHelp(),
        )
        .addOption(
            new Option(
                `${STEP_FLAGS.onlyMember} <cluster>`,
                "run only this member's step (the Pulumi upgrade steps use it)",
            ).hideHelp(),
        );
}

export function stepFilterArgs(raw: Raw, errors: string[]) {
    const onlyMember = parseOnlyMember(str(raw.onlyMember), errors);
    const onlySnapshot = raw.onlySnapshot === true;
    if (onlySnapshot && onlyMember !== undefined)
        errors.push(
            `${STEP_FLAGS.onlySnapshot} and ${STEP_FLAGS.onlyMember} "${onlyMember}" select different steps: give one of them (each Pulumi upgrade step runs one)`,
        );
    if (onlySnapshot && raw.snapshot === false)
        errors.push(`${STEP_FLAGS.onlySnapshot} with ${RUN_FLAGS.noSnapshot} selects nothing: give one of them`);
    return { onlySnapshot, onlyMember };
}

/**
 * Hidden `--start-jitter-seconds N`: many runs started together spread their first calls (see
 * aws/start-jitter.ts); `--lease-wait-seconds` (the run lease, lease/run-lease.ts).
 */
export function startOptions(c: Command): Command {
    return c
        .addOption(
            new Option(
                `${RUN_FLAGS.startJitterSeconds} <n>`,
                "wait a random 0 to N seconds before the first call (runs started together)",
            ).hideHelp(),
        )
        .option(
            `${RUN_FLAGS.leaseWaitSeconds} <n>`,
            "wait up to N seconds for another run on the same global database to finish (default 0: exit 2 naming it)",
        )
        .option(
            RUN_FLAGS.noLease,
            "run without the run lease (only where a global cluster cannot be tagged, e.g. an emulator); said in the plan",
        )
        .addOption(
            new Option(`${STEP_FLAGS.leaseGroup} <id>`, "the Pulumi update whose steps share the run lease").hideHelp(),
        );
}

/** `--no-lease` with `--lease-wait-seconds`: `upgrade`, `patch` and `fleet run` refuse the pair alike. */
export function noLeaseWithWait(raw: Raw, leaseWait: number | undefined, errors: string[]): void {
    if (raw.lease === false && leaseWait !== undefined)
        errors.push(
            `${RUN_FLAGS.noLease} with ${RUN_FLAGS.leaseWaitSeconds}: a run without the lease waits for none; give one of them`,
        );
}

export function startArgs(raw: Raw, errors: string[]) {
    const seconds = parseFlag("startJitterSeconds", str(raw.startJitterSeconds), errors);
    const leaseWait = parseFlag("leaseWaitSeconds", str(raw.leaseWaitSeconds), errors);
    const group = str(raw.leaseGroup);
    if (group !== undefined && !LEASE_GROUP_PATTERN.test(group))
        errors.push(
            `${STEP_FLAGS.leaseGroup} "${group}" is not a lease group: use 1 to 40 letters, digits or _ . : / = + @ - (the component passes its update's id)`,
        );
    if (raw.lease === false && group !== undefined)
        errors.push(
            `${RUN_FLAGS.noLease} with ${STEP_FLAGS.leaseGroup}: a run without the lease shares none; give one of them`,
        );
    noLeaseWithWait(raw, leaseWait, errors);
    return {
        ...(seconds !== undefined ? { startJitterSeconds: seconds } : {}),
        ...(leaseWait !== undefined ? { leaseWaitSeconds: leaseWait } : {}),
        ...(raw.lease === false ? { noLease: true } : {}),
        ...(group !== undefined ? { leaseGroup: group } : {}),
    };
}
