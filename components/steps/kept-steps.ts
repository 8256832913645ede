import { isBlocked, Plan } from "../../planner";
import { isComponentStepAction, isStepRole } from "../../vocabulary";
import { StepSpec } from "./step-graph";

/** The stack output (of index.ts) that records the declared upgrade steps for the next run. */
export const UPGRADE_STEPS_OUTPUT = "upgradeSteps";

/** An upgrade step as declared: its spec and the `triggers` of its command. */
export interface DeclaredStep extends StepSpec {
    readonly triggers: readonly string[];
}

/**
 * The upgrade steps one component declared in an update, with everything their inputs are built
 * from, so a later run can declare them again unchanged. Secret-free: command lines, keys, ids.
 */
export interface UpgradeStepsRecord {
    /** The component's name (a stack may hold several databases). */
    readonly component: string;
    readonly globalClusterId: string;
    /** The version the steps upgrade to (the plan's `to`). */
    readonly target: string;
    /** The `AWS_REGION` of the steps' environment. */
    readonly homeRegion: string;
    /** In declaration order; each step's `after` names earlier steps only. */
    readonly steps: readonly DeclaredStep[];
    /**
     * The id of the update that declared the steps (update-id.ts), in each step's environment as
     * AURORA_GLOBAL_LEASE_GROUP: the steps of one update share the run lease. Kept steps keep it.
     */
    readonly leaseGroup?: string;
}

const isString = (v: unknown): v is string => typeof v === "string";
const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function parseStep(v: unknown, earlier: ReadonlySet<string>): DeclaredStep | undefined {
    if (!isObject(v)) return undefined;
    const { key, action, role, cluster, region, command, after, triggers } = v;
    if (!isString(key) || !isComponentStepAction(action) || !isStepRole(role)) return undefined;
    if (
        !isString(cluster) ||
        !isString(region) ||
        !isString(command) ||
        !isStringList(after) ||
        !isStringList(triggers) ||
        triggers.length === 0
    )
        return undefined;
    if (earlier.has(key) || !after.every((k) => earlier.has(k))) return undefined;
    return {
        key,
        action,
        role,
        cluster,
        region,
        command,
        after: [...after],
        triggers: [...triggers],
    };
}

function parseRecord(v: unknown): UpgradeStepsRecord | undefined {
    if (!isObject(v)) return undefined;
    const { component, globalClusterId, target, homeRegion, steps, leaseGroup } = v;
    if (
        !isString(component) ||
        !isString(globalClusterId) ||
        !isString(target) ||
        !isString(homeRegion) ||
        !Array.isArray(steps)
    )
        return undefined;
    const parsed: DeclaredStep[] = [];
    for (const s of steps) {
        const step = parseStep(s, new Set(parsed.map((p) => p.key)));
        if (!step) return undefined;
        parsed.push(step);
    }
    return {
        component,
        globalClusterId,
        target,
        homeRegion,
        steps: parsed,
        ...(isString(leaseGroup) ? { leaseGroup } : {}),
    };
}

/**
 * The record of component `component` in the value of the {@link UPGRADE_STEPS_OUTPUT} stack
 * output: one record, or a list of records (a stack with several databases). Undefined when
 * there is none or its shape is not this one (an older output): nothing to keep then.
 */
export function findUpgradeStepsRecord(output: unknown, component: string): UpgradeStepsRecord | undefined {
    const candidates = Array.isArray(output) ? output : [output];
    for (const c of candidates) {
        if (isObject(c) && c.component === component) return parseRecord(c);
    }
    return undefined;
}

/** What the component declares this run, and whether it re-declares the last update's steps. */
export interface StepsToDeclare {
    readonly record: UpgradeStepsRecord;
    /** True when the steps are the last update's, re-declared unchanged (they do not run again). */
    readonly kept: boolean;
}

export interface StepsToDeclareInput {
    readonly component: string;
    readonly globalClusterId: string;
    readonly homeRegion: string;
    readonly plan: Plan;
    /** The step graph of this plan (empty without work or when blocked). */
    readonly specs: readonly StepSpec[];
    /** The steps the last update declared, when known (keepCompletedSteps on). */
    readonly previous?: UpgradeStepsRecord;
    /** This update's id (update-id.ts), recorded with new steps. */
    readonly leaseGroup?: string;
}

/**
 * Decides the steps to declare:
 * - the plan has work: its steps, triggered by `[plan.to]`. A step that would be identical to
 *   the one the last update declared under the same name (same target, same command line — e.g.
 *   a pending patch after a patch, or a database restored below the target) could never run
 *   again, so its triggers get a run counter: `[plan.to, "run-2"]`, `"run-3"`, ...;
 * - no work, not blocked, nothing new, the last update's steps were for this very target and
 *   global cluster: those steps, unchanged, so they neither run again nor show a diff;
 * - otherwise none (the old steps go away).
 */
export function stepsToDeclare(input: StepsToDeclareInput): StepsToDeclare {
    const { component, globalClusterId, homeRegion, plan, specs, previous, leaseGroup } = input;
    const empty: UpgradeStepsRecord = { component, globalClusterId, target: plan.to, homeRegion, steps: [] };
    if (specs.length > 0) {
        const steps = specs.map((s): DeclaredStep => ({ ...s, triggers: triggersFor(s, plan.to, previous) }));
        return { record: { ...empty, steps, ...(leaseGroup ? { leaseGroup } : {}) }, kept: false };
    }
    const keep =
        previous !== undefined &&
        previous.steps.length > 0 &&
        !isBlocked(plan) &&
        plan.path === "none" &&
        previous.target === plan.to &&
        previous.globalClusterId === globalClusterId &&
        previous.component === component;
    return keep ? { record: previous, kept: true } : { record: empty, kept: false };
}

/** `[target]`, or `[target, "run-N"]` when the last update declared this very step already. */
function triggersFor(spec: StepSpec, target: string, previous: UpgradeStepsRecord | undefined): string[] {
    const last =
        previous?.target === target
            ? previous.steps.find((s) => s.key === spec.key && s.command === spec.command)
            : undefined;
    if (!last || last.triggers[0] !== target) return [target];
    const run = /^run-(\d+)$/.exec(last.triggers[1] ?? "");
    return [target, `run-${run ? Number(run[1]) + 1 : 2}`];
}

/** The step's spec without its triggers (the component's `upgradeSteps` output). */
export function specOf(step: DeclaredStep): StepSpec {
    return {
        key: step.key,
        action: step.action,
        role: step.role,
        cluster: step.cluster,
        region: step.region,
        command: step.command,
        after: step.after,
    };
}
