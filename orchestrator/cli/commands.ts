import { nothingToDoLine, warningLines } from "./nothing-to-do";
import { readTarget, Target } from "../../engine-versions";
import {
    DEFAULT_PLAN_OPTIONS,
    isBlocked,
    Plan,
    planUpgrade,
    PlanFormat,
    PlanOptions,
    renderPlan,
    Strategy,
    OptInType,
} from "../../planner";
import { RdsGateway } from "../../aws/gateway";
import { startJitter } from "../../aws/start-jitter";
import { InputError, UpgradeStopped } from "../../aws/run-errors";
import { acquireRunLease, LeaseSettings } from "../lease/acquire";
import { DEFAULT_TIMEOUT_MINUTES } from "../execute/context";
import { executePlan } from "../execute-plan";
import { ExecuteOptions } from "../execute/types";
import { snapshotIdentifier } from "../execute/snapshot";
import { formatDuration, lineLogger } from "../../aws/logger";
import { describeTopology } from "../../aws/topology/describe";
import { DATABASE_FLAGS, GroupOverrides, RUN_FLAGS, STEP_FLAGS, VERSION_FLAGS } from "../../cli-contract";
import { LEASE_GROUP_ENV, LEASE_GROUP_PATTERN } from "../../cli-contract/flags";
import { runningVersion, toPlanInput } from "../../aws/topology/plan-input";
import { Topology } from "../../aws/topology/types";
import { DEFAULT_OLD_CLUSTERS, OldClusters } from "../../vocabulary";
import { resumableDeployment, runBlueGreenUpgrade } from "./blue-green-command";
import { ResolvedDeps } from "./deps";
import { deploymentsOf } from "../blue-green/deployment";
import { renderDeployments, renderStatus } from "./status-render";
import { describeFilter, selectSteps, StepFilter } from "./steps";

/** Exit codes (docs/cli.md): 0 done or nothing to do, 2 bad input or blocked plan, 1 failure while changing things. */
export const EXIT = { ok: 0, failure: 1, input: 2 } as const;

/** The global database a command acts on (`--region`, `--global-cluster`). */
export interface Database {
    readonly region: string;
    readonly globalCluster: string;
}

export interface PlanArgs extends Database {
    /** `--target`, read once where the command starts (options.ts parseTarget). */
    readonly target: Target;
    readonly allowMajorVersionUpgrade: boolean;
    readonly strategy: Strategy;
    /** Explicit target-family groups by member (hidden flags). */
    readonly parameterGroups?: GroupOverrides;
}

/** The run's gateway; a changing command passes its `--timeout-minutes`, which bounds every request too. */
export function gateway(deps: ResolvedDeps, timeoutMinutes?: number): RdsGateway {
    return new RdsGateway({
        clients: deps.clients,
        clock: deps.clock,
        random: deps.random,
        log: lineLogger(deps.stderr, deps.clock),
        ...(deps.signal ? { signal: deps.signal } : {}),
        ...(timeoutMinutes !== undefined
            ? {
                  deadline: {
                      at: deps.clock.now() + timeoutMinutes * 60_000,
                      flag: `${RUN_FLAGS.timeoutMinutes} ${timeoutMinutes}`,
                  },
              }
            : {}),
    });
}

/**
 * What AWS reports must fit the run before anything is planned or changed: a global cluster
 * without member clusters has nothing to upgrade (its version is no member's), and a step
 * narrowed to one member (`--only-member`) must name a member of it. Bad input: exit 2.
 */
export function checkTopology(topology: Topology, filter: StepFilter = {}): void {
    if (topology.members.length === 0)
        throw new InputError(
            `global cluster "${topology.globalClusterId}" (${topology.engine} ${topology.engineVersion ?? "?"}) has no member cluster: there is nothing to upgrade or patch; check ${DATABASE_FLAGS.globalCluster}, or add its primary cluster first (create-db-cluster --global-cluster-identifier ${topology.globalClusterId})`,
        );
    const member = filter.onlyMember;
    if (member !== undefined && !topology.members.some((m) => m.cluster === member))
        throw new InputError(
            `${STEP_FLAGS.onlyMember} "${member}" is not a member of global cluster "${topology.globalClusterId}": use one of ${topology.members.map((m) => m.cluster).join(", ")}`,
        );
}

/** Describes the global database and plans the change (what `plan` and `upgrade` do; `fleet plan` per database). */
export async function planFor(
    api: RdsGateway,
    a: PlanArgs,
    options: Partial<PlanOptions>,
    filter: StepFilter = {},
): Promise<{ topology: Topology; plan: Plan }> {
    const topology = await describeTopology(api, a.region, a.globalCluster, {
        target: a.target,
        strategy: a.strategy,
        ...(a.parameterGroups ? { parameterGroups: a.parameterGroups } : {}),
    });
    checkTopology(topology, filter);
    const plan = planUpgrade(
        toPlanInput(
            topology,
            a.target,
            {
                ...DEFAULT_PLAN_OPTIONS,
                strategy: a.strategy,
                allowMajorVersionUpgrade: a.allowMajorVersionUpgrade,
                ...options,
            },
            api.clock.now(),
        ),
    );
    return { topology, plan };
}

/** `aurora-global plan`: describes, plans, prints; exit 2 when blocked. */
export async function runPlan(deps: ResolvedDeps, a: PlanArgs & { format: PlanFormat }): Promise<number> {
    const api = gateway(deps);
    const { topology, plan } = await planFor(api, a, {});
    deps.stdout(renderPlan(plan, a.format) + "\n");
    if (a.format !== "json") {
        const inProgress = renderDeployments(
            await deploymentsOf(api, topology.globalClusterId, topology.members),
            a.format,
        );
        if (inProgress) deps.stdout(inProgress + "\n");
    }
    return isBlocked(plan) ? EXIT.input : EXIT.ok;
}

/** Spreading the first calls of runs started together (hidden `--start-jitter-seconds`). */
export interface Jitter {
    readonly startJitterSeconds?: number;
}

/** `aurora-global upgrade`: describes, plans, executes. */
export async function runUpgrade(
    deps: ResolvedDeps,
    a: PlanArgs &
        Jitter &
        LeaseWait & {
            snapshot: boolean;
            timeoutMinutes?: number;
            pollSeconds?: number;
            filter?: StepFilter;
            switchoverTimeoutSeconds?: number;
            oldClusters?: OldClusters;
        },
): Promise<number> {
    const api = gateway(deps, a.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES);
    await startJitter(api, (a.startJitterSeconds ?? 0) * 1000);
    const replan = () =>
        planFor(
            api,
            a,
            {
                snapshotBeforeUpgrade: a.snapshot,
                ...(!a.snapshot ? { snapshotDecidedElsewhere: true } : {}),
                ...(a.switchoverTimeoutSeconds !== undefined
                    ? { switchoverTimeoutSeconds: a.switchoverTimeoutSeconds }
                    : {}),
                ...(a.oldClusters !== undefined ? { oldClusters: a.oldClusters } : {}),
            },
            a.filter,
        );
    const { topology, plan } = await replan();
    // A whole blue/green run (a step filter runs one of the plan's blue/green steps through executePlan):
    // the plan's path says so, or AWS reports the deployment of an earlier run whose switchover left
    // only the cleanup (the plan then has nothing to do in place). It takes the run lease like any
    // other upgrade (blue-green-command.ts).
    const whole = describeFilter(a.filter ?? {}) === undefined;
    const resumed = whole ? await resumableDeployment(api, topology, plan, a.target.text) : undefined;
    if (whole && (plan.path === "blue-green" || resumed))
        return runBlueGreenUpgrade(
            deps,
            api,
            topology,
            plan,
            { ...a, oldClusters: a.oldClusters ?? DEFAULT_OLD_CLUSTERS },
            {
                take: () => acquireRunLease(api, topology, { ...deps.lease, ...leaseWait(a, deps.env) }, deps.env),
                replan,
                ...(a.noLease ? { notice: noLeaseNotice(a) } : {}),
            },
            resumed,
        );
    return execute(
        deps,
        api,
        topology,
        plan,
        { timeoutMinutes: a.timeoutMinutes, pollSeconds: a.pollSeconds, target: a.target },
        a.filter ?? {},
        { ...deps.lease, ...leaseWait(a, deps.env), replan },
    );
}

/**
 * The run lease flags: `--lease-wait-seconds N` (how long a changing run waits for another run's
 * lease; default 0: exit 2 at once), `--no-lease` (the explicit opt-out), hidden `--lease-group ID`
 * (the Pulumi update whose steps share the lease; without it a run is alone, narrowed or not).
 */
export interface LeaseWait {
    readonly leaseWaitSeconds?: number;
    readonly noLease?: boolean;
    readonly leaseGroup?: string;
}

function leaseWait(
    a: LeaseWait,
    env: Readonly<Record<string, string | undefined>>,
): Pick<LeaseSettings, "waitSeconds" | "noLease" | "group"> {
    const group = a.leaseGroup ?? leaseGroupFromEnv(env);
    return {
        ...(a.leaseWaitSeconds !== undefined ? { waitSeconds: a.leaseWaitSeconds } : {}),
        ...(a.noLease ? { noLease: true } : {}),
        ...(group !== undefined && !a.noLease ? { group } : {}),
    };
}

/** The Pulumi update's id a step inherits (LEASE_GROUP_ENV, set by the component); bad values are bad input. */
function leaseGroupFromEnv(env: Readonly<Record<string, string | undefined>>): string | undefined {
    const value = env[LEASE_GROUP_ENV];
    if (value === undefined || value === "") return undefined;
    if (!LEASE_GROUP_PATTERN.test(value))
        throw new InputError(
            `${LEASE_GROUP_ENV}="${value}" is not a lease group: use 1 to 40 letters, digits or _ . : / = + @ - (the component sets it to its update's id), or unset it`,
        );
    return value;
}

/** What the plan output says of a run without the lease (`--no-lease`). */
export function noLeaseNotice(a: LeaseWait): string | undefined {
    return a.noLease
        ? `run lease: off (${RUN_FLAGS.noLease}): nothing keeps another run from changing this global database at the same time`
        : undefined;
}

/** `aurora-global patch`: applies pending system-updates, secondaries first. */
export async function runPatch(
    deps: ResolvedDeps,
    a: Database &
        Jitter &
        LeaseWait & { optIn: OptInType; pollSeconds?: number; snapshot?: boolean; filter?: StepFilter },
): Promise<number> {
    const api = gateway(deps, DEFAULT_TIMEOUT_MINUTES);
    await startJitter(api, (a.startJitterSeconds ?? 0) * 1000);
    const first = await patchPlanFor(deps, api, a);
    if (typeof first === "number") return first;
    const replan = async () => {
        const again = await patchPlanFor(deps, api, a);
        if (typeof again === "number")
            throw new UpgradeStopped(
                "pending maintenance could not be read after waiting for the other run: nothing was changed; run again",
            );
        return again;
    };
    return execute(
        deps,
        api,
        first.topology,
        first.plan,
        { pollSeconds: a.pollSeconds, optIn: a.optIn },
        a.filter ?? {},
        { ...deps.lease, ...leaseWait(a, deps.env), replan },
    );
}

/** The patch round's topology and plan, or exit 1 when pending maintenance could not be read. */
async function patchPlanFor(
    deps: ResolvedDeps,
    api: RdsGateway,
    a: Database & { optIn: OptInType; snapshot?: boolean; filter?: StepFilter },
): Promise<{ topology: Topology; plan: Plan } | number> {
    const topology = await describeTopology(api, a.region, a.globalCluster, { skipCatalogue: true });
    checkTopology(topology, a.filter);
    const running = runningVersion(topology);
    if (running === undefined)
        throw new InputError(`global cluster "${a.globalCluster}" reports no engine version: nothing to patch`);
    const unknown = topology.members.filter((m) => m.pendingActions === undefined);
    if (unknown.length > 0) {
        deps.stderr(
            `aurora-global: pending maintenance of ${unknown.map((m) => `"${m.cluster}" (${m.region})`).join(", ")} could not be read: nothing was changed; check access to rds:DescribePendingMaintenanceActions and run again\n`,
        );
        return EXIT.failure;
    }
    const plan = planUpgrade(
        toPlanInput(
            topology,
            readTarget(running),
            {
                ...DEFAULT_PLAN_OPTIONS,
                applyPendingPatches: a.optIn,
                snapshotBeforeUpgrade: a.snapshot ?? true,
                ...(a.snapshot === false ? { snapshotDecidedElsewhere: true } : {}),
            },
            api.clock.now(),
        ),
    );
    return { topology, plan };
}

/**
 * The plan reduced to the steps one run executes (`--only-snapshot`, `--only-member`: what a
 * Pulumi upgrade step runs). A step no longer in the plan is done already (AWS reports it).
 */
export function only(plan: Plan, filter: StepFilter = {}): Plan {
    if (isBlocked(plan)) return plan;
    return { ...plan, steps: selectSteps(plan.steps, filter) };
}

/** `aurora-global status`. */
export async function runStatus(deps: ResolvedDeps, a: Database & { format: PlanFormat }): Promise<number> {
    const api = gateway(deps);
    const topology = await describeTopology(api, a.region, a.globalCluster, { skipCatalogue: true });
    const deployments = await deploymentsOf(api, topology.globalClusterId, topology.members);
    deps.stdout(renderStatus(topology, a.format, deployments) + "\n");
    return EXIT.ok;
}

/** How a changing run takes the run lease, and how it re-reads AWS after waiting for another run. */
interface LeaseRequest extends LeaseSettings {
    readonly replan: () => Promise<{ topology: Topology; plan: Plan }>;
}

/** The steps this run executes, or the exit code when it has none to run (blocked, nothing to do). */
function settle(deps: ResolvedDeps, full: Plan, filter: StepFilter): { code: number } | { plan: Plan } {
    const plan = only(full, filter);
    const selected = describeFilter(filter);
    if (selected !== undefined && !isBlocked(plan) && plan.steps.length === 0) {
        throwIfDoneByAnotherStep(full, filter);
        deps.stdout(`${selected}: nothing to do (not in the plan any more: AWS reports it done)\n`);
        return { code: EXIT.ok };
    }
    if (isBlocked(plan)) {
        deps.stderr(
            `aurora-global: the plan is blocked (${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}): nothing was changed\n`,
        );
        return { code: EXIT.input };
    }
    if (plan.steps.length === 0) {
        deps.stderr(warningLines(plan));
        deps.stdout(nothingToDoLine(plan));
        return { code: EXIT.ok };
    }
    return { plan };
}

/**
 * `--only-member X` that selects no step while the plan still upgrades X in a step of the whole
 * database (the managed ModifyGlobalCluster, a major upgrade, blue/green): the member is not done,
 * and this run must not say so. Bad input (exit 2): nothing was changed.
 */
function throwIfDoneByAnotherStep(full: Plan, filter: StepFilter): void {
    const member = filter.onlyMember;
    if (member === undefined) return;
    const whole = full.steps.find((s) => WHOLE_DATABASE_ACTIONS.has(s.action));
    const planned = full.members?.find((m) => m.cluster === member);
    if (!whole || (planned !== undefined && planned.from === full.to)) return;
    throw new InputError(
        `${STEP_FLAGS.onlyMember} "${member}" selects no step of this plan: on the ${full.path} path one ${whole.action} step upgrades every member together, and cluster "${member}" still runs ${planned?.from ?? full.from ?? "?"}, not ${full.to}; run the upgrade without ${STEP_FLAGS.onlyMember} (or with ${VERSION_FLAGS.strategy} rolling for one step per member)`,
    );
}

/** The steps that change every member at once (no member has a step of its own). */
const WHOLE_DATABASE_ACTIONS: ReadonlySet<string> = new Set([
    "modify-global-cluster",
    "blue-green-create",
    "blue-green-switchover",
]);

/**
 * Runs the plan's steps under the run lease (one run at a time per global database; read-only
 * commands and runs with nothing to do take none). A run that waited for another re-reads AWS
 * and re-plans first. The lease is released at the end, failed or not.
 */
async function execute(
    deps: ResolvedDeps,
    api: RdsGateway,
    topology: Topology,
    full: Plan,
    options: Pick<ExecuteOptions, "timeoutMinutes" | "pollSeconds" | "optIn" | "target">,
    filter: StepFilter,
    leaseRequest: LeaseRequest,
): Promise<number> {
    deps.stdout(renderPlan(full, "text") + "\n");
    let decided = settle(deps, full, filter);
    if ("code" in decided) return decided.code;
    if (leaseRequest.noLease) deps.stdout(`${noLeaseNotice({ noLease: true })}\n`);
    const { lease, waited } = await acquireRunLease(api, topology, leaseRequest, deps.env);
    try {
        if (waited) {
            ({ topology, plan: full } = await leaseRequest.replan());
            deps.stdout(`after the other run, AWS reports:\n${renderPlan(full, "text")}\n`);
            decided = settle(deps, full, filter);
            if ("code" in decided) return decided.code;
        }
        return await executeSteps(deps, api, topology, full, decided.plan, options, filter);
    } finally {
        await lease?.release();
    }
}

async function executeSteps(
    deps: ResolvedDeps,
    api: RdsGateway,
    topology: Topology,
    full: Plan,
    plan: Plan,
    options: Pick<ExecuteOptions, "timeoutMinutes" | "pollSeconds" | "optIn" | "target">,
    filter: StepFilter,
): Promise<number> {
    const selected = describeFilter(filter);
    const snapshot = full.steps.find((s) => s.action === "snapshot");
    const named = {
        ...options,
        ...(snapshot ? { snapshotIdentifier: snapshotIdentifier(full, snapshot.cluster) } : {}),
        ...(selected !== undefined ? { part: selected } : {}),
    };
    const result = await executePlan(api, topology, plan, named, deps.hooks);
    const describes = Object.entries(result.stats.calls)
        .filter(([op]) => op.startsWith("Describe"))
        .reduce((n, [, c]) => n + c, 0);
    const verb = result.outcome === "scheduled" ? "scheduled for the next maintenance window" : "done";
    deps.stdout(
        `${selected !== undefined ? `${selected} of ` : ""}${plan.path} ${plan.from ?? "?"} → ${plan.to}: ${verb} in ${formatDuration(result.elapsedMs)} (${describes} describe calls, ${result.stats.retries} retries)\n`,
    );
    return EXIT.ok;
}
