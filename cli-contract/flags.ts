/**
 * The `aurora-global` CLI's flag names: what the CLI registers (orchestrator/cli/register/) and
 * what the component's upgrade steps pass (step-command.ts). One table for both sides.
 */

/** The subcommands an upgrade step runs. */
export const STEP_COMMANDS = { upgrade: "upgrade", patch: "patch" } as const;

/** Every command: the global database it acts on (`--region` is its home region). */
export const DATABASE_FLAGS = { region: "--region", globalCluster: "--global-cluster" } as const;

/**
 * Every command: whom the CLI acts as. The Pulumi upgrade steps pass the identity of the AWS
 * provider the database uses (names and ARNs only, never keys).
 */
export const IDENTITY_FLAGS = {
    profile: "--profile",
    roleArn: "--role-arn",
    roleSessionName: "--role-session-name",
    externalId: "--external-id",
    endpointUrl: "--endpoint-url",
} as const;

/** `plan` and `upgrade`: the version change. */
export const VERSION_FLAGS = { target: "--target", allowMajor: "--allow-major", strategy: "--strategy" } as const;

/** `plan` and `status`: how the result is printed (text, markdown or json). */
export const OUTPUT_FLAGS = { format: "--format" } as const;

/** `watch` (probe/): the endpoints it probes, how often, for how long, and how it reports. */
export const WATCH_FLAGS = {
    endpoint: "--endpoint",
    intervalMs: "--interval-ms",
    duration: "--duration",
    timeoutMs: "--timeout-ms",
    format: "--format",
} as const;

/** `upgrade` and `patch`: how the run goes. */
export const RUN_FLAGS = {
    timeoutMinutes: "--timeout-minutes",
    pollSeconds: "--poll-seconds",
    optIn: "--opt-in",
    noSnapshot: "--no-snapshot",
    startJitterSeconds: "--start-jitter-seconds",
    leaseWaitSeconds: "--lease-wait-seconds",
    /** The explicit opt-out of the run lease (an endpoint that cannot tag a global cluster). */
    noLease: "--no-lease",
} as const;

/**
 * Hidden flags that narrow one run to one step of the plan (what the Pulumi upgrade steps run):
 * `--only-snapshot` (the pre-upgrade snapshot), `--only-member CLUSTER` (that member's
 * ModifyDBCluster or pending-maintenance step). Not in `--help`: the README's flags are the user's.
 */
/**
 * The environment variable that carries the Pulumi update's id into each of its steps (the
 * component sets it; `--lease-group` is the same for a command line): steps of one update share
 * the run lease. In the environment rather than the command line, so a step's command stays the
 * same from update to update.
 */
export const LEASE_GROUP_ENV = "AURORA_GLOBAL_LEASE_GROUP";

/** A lease group: what a lease tag's value may carry (orchestrator/lease/lease-tag.ts), 1 to 40 characters. */
export const LEASE_GROUP_PATTERN = /^[A-Za-z0-9_.:/=+@-]{1,40}$/;

export const STEP_FLAGS = {
    onlySnapshot: "--only-snapshot",
    onlyMember: "--only-member",
    /** The Pulumi update's id: the steps of one update share the run lease (orchestrator/lease/acquire.ts). */
    leaseGroup: "--lease-group",
} as const;

/** The blue/green flags of `upgrade` (AWS's SwitchoverTimeout; what happens to the `-old1` clusters). */
export const BLUE_GREEN_FLAGS = {
    switchoverTimeoutSeconds: "--switchover-timeout-seconds",
    oldClusters: "--old-clusters",
} as const;

/** `--cluster-parameter-group CLUSTER=NAME` / `--instance-parameter-group CLUSTER=NAME` (repeatable). */
export const GROUP_FLAGS = {
    cluster: "--cluster-parameter-group",
    instance: "--instance-parameter-group",
} as const;

/** `fleet plan|run|status`: the rollout file (`fleet run` also takes `upgrade`'s RUN_FLAGS, same names and meaning). */
export const FLEET_FLAGS = { file: "--file", format: "--format" } as const;
