import { AwsUpgraded, DEFAULT_PLAN_OPTIONS, EndOfSupportFacts, PlanOptions, Violation } from "aurora-global/planner";
import {
    ComponentStep,
    ComponentStepAction,
    isComponentStepAction,
    isRole,
    isStepRole,
    Role,
    StepRole,
} from "aurora-global/vocabulary";
import { OptionName, OptionProblem, OptionSpec, parseOption, UPGRADE_OPTIONS } from "aurora-global/upgrade-options";
import { list, obj, str, value } from "./props";

/**
 * What the pack reads from the `AuroraGlobalDatabase` component (`aurora-global:index:AuroraGlobalDatabase`).
 * Resource policies see its inputs (the component args, sent to the engine since @pulumi/pulumi
 * 3.202); stack policies see its registered outputs. Both are read with the same keys:
 *
 * - `engine`, `engineVersion` — the declared engine and target version;
 * - `upgrade` — `{ strategy, allowMajorVersionUpgrade, snapshotBeforeUpgrade, applyPendingPatches,
 *   mysqlInPlaceMajorConfirmed }` as in the planner's `PlanOptions`;
 * - `plan` — the plan the component computed at preview, in the planner's JSON shape
 *   (`toPlanJson`): `violations[]` with `rule`, `message`, `fix`, `cluster`.
 *
 * A regional member component carries `role` (`primary` | `secondary`) and `region`.
 * - `upgradeSteps` — the step commands it created: `{ key, action, role, cluster }` each, the
 *   command being named `<component name>-upgrade-<key>`.
 *
 * An upgrade step (`command:local:Command` under the component) is recognised by that output;
 * else by its name (`snapshot`, `global`, `primary`, `secondary`).
 */
export interface ComponentSettings {
    readonly engine?: string;
    readonly engineVersion?: string;
    readonly options: PlanOptions;
    /**
     * Upgrade options the component would refuse (read by the one option parser, upgrade-options/):
     * when there are any, `options` holds defaults in their place and the pack judges no plan
     * with them (lib/assess.ts); no-blocked-version-change reports each.
     */
    readonly optionProblems: readonly OptionProblem[];
    /** Violations of the plan the component recorded, when it recorded one. */
    readonly recordedViolations?: readonly Violation[];
    /** The recorded plan's `awsUpgraded` (every member newer than declared), when it says so. */
    readonly recordedAwsUpgraded?: AwsUpgraded;
    /** The recorded plan's warnings (an AWS-applied upgrade, end of support). */
    readonly recordedWarnings?: readonly string[];
    /** The recorded plan's end-of-support facts of the declared version (its `declaredEndOfSupport`, else `endOfSupport`). */
    readonly recordedDeclaredSupport?: EndOfSupportFacts;
}

type Props = Record<string, unknown>;

/** The component's upgrade options the planner takes. */
const PLAN_OPTIONS = [
    "strategy",
    "allowMajorVersionUpgrade",
    "snapshotBeforeUpgrade",
    "applyPendingPatches",
    "mysqlInPlaceMajorConfirmed",
    "switchoverTimeoutSeconds",
    "oldClusters",
] as const satisfies readonly OptionName[];

type PlanOptionValues = { -readonly [N in (typeof PLAN_OPTIONS)[number]]?: PlanOptions[N] };

/** The options as written (undefined when not given or refused), and the refusals. */
function readPlanOptions(upgrade: Props | undefined): { read: PlanOptionValues; problems: OptionProblem[] } {
    const read: Record<string, unknown> = {};
    const problems: OptionProblem[] = [];
    for (const name of PLAN_OPTIONS) {
        const spec: OptionSpec = UPGRADE_OPTIONS[name];
        const r = parseOption(name, spec.argPath ?? name, value(upgrade ?? {}, name), "value");
        if (r.ok) read[name] = r.value;
        else problems.push(r.problem);
    }
    return { read: read as PlanOptionValues, problems };
}

/** Reads the component's declared settings and recorded plan from its props. */
export function componentSettings(props: Props): ComponentSettings {
    const { read, problems } = readPlanOptions(obj(props, "upgrade"));
    const options: PlanOptions = {
        strategy: read.strategy ?? DEFAULT_PLAN_OPTIONS.strategy,
        allowMajorVersionUpgrade: read.allowMajorVersionUpgrade ?? DEFAULT_PLAN_OPTIONS.allowMajorVersionUpgrade,
        snapshotBeforeUpgrade:
            read.snapshotBeforeUpgrade ?? snapshotInRecordedPlan(props) ?? DEFAULT_PLAN_OPTIONS.snapshotBeforeUpgrade,
        applyPendingPatches: read.applyPendingPatches ?? false,
        mysqlInPlaceMajorConfirmed: read.mysqlInPlaceMajorConfirmed ?? false,
        ...(read.switchoverTimeoutSeconds !== undefined
            ? { switchoverTimeoutSeconds: read.switchoverTimeoutSeconds }
            : {}),
        ...(read.oldClusters !== undefined ? { oldClusters: read.oldClusters } : {}),
    };
    return {
        engine: str(props, "engine"),
        engineVersion: str(props, "engineVersion"),
        options,
        optionProblems: problems,
        recordedViolations: recordedViolations(props),
        ...recordedAdvice(props),
    };
}

/**
 * Whether the recorded plan snapshots before upgrading (the planner adds the snapshot step exactly
 * when snapshotBeforeUpgrade is on); undefined when the plan has no steps to tell.
 */
function snapshotInRecordedPlan(props: Props): boolean | undefined {
    const steps = list(obj(props, "plan"), "steps").filter((s): s is Props => s !== null && typeof s === "object");
    if (steps.length === 0) return undefined;
    return steps.some((s) => s.action === "snapshot");
}

/** One upgrade step the component says it created (its `upgradeSteps` output); the cluster when recorded. */
export type RecordedStep = Pick<ComponentStep, "key" | "action" | "role"> & Partial<Pick<ComponentStep, "cluster">>;

/** The component's `upgradeSteps` output, when recorded. */
export function recordedSteps(props: Props): RecordedStep[] {
    return list(props, "upgradeSteps")
        .filter((s): s is Props => s !== null && typeof s === "object" && typeof (s as Props).key === "string")
        .filter((s) => isComponentStepAction(s.action) && isStepRole(s.role))
        .map((s) => ({
            key: s.key as string,
            action: s.action as ComponentStepAction,
            role: s.role as StepRole,
            ...(typeof s.cluster === "string" ? { cluster: s.cluster } : {}),
        }));
}

/** What the recorded plan says without blocking: `awsUpgraded` and `warnings`. */
function recordedAdvice(
    props: Props,
): Pick<ComponentSettings, "recordedAwsUpgraded" | "recordedWarnings" | "recordedDeclaredSupport"> {
    const plan = obj(props, "plan");
    const support = (obj(plan, "declaredEndOfSupport") ?? obj(plan, "endOfSupport")) as EndOfSupportFacts | undefined;
    const upgraded = obj(plan, "awsUpgraded");
    const running = str(upgraded, "running");
    const declared = str(upgraded, "declared");
    const warnings = list(plan, "warnings").filter((w): w is string => typeof w === "string");
    return {
        ...(running && declared ? { recordedAwsUpgraded: { running, declared } } : {}),
        ...(warnings.length > 0 ? { recordedWarnings: warnings } : {}),
        ...(support && typeof support.pastStandardSupport === "boolean" ? { recordedDeclaredSupport: support } : {}),
    };
}

function recordedViolations(props: Props): Violation[] | undefined {
    const plan = obj(props, "plan");
    if (!plan || !Array.isArray(plan.violations)) return undefined;
    return list(plan, "violations")
        .filter((v): v is Props => v !== null && typeof v === "object")
        .filter((v) => typeof v.rule === "string" && typeof v.message === "string")
        .map((v) => ({
            rule: v.rule as Violation["rule"],
            message: v.message as string,
            fix: typeof v.fix === "string" ? v.fix : "",
            ...(typeof v.cluster === "string" ? { cluster: v.cluster } : {}),
        }));
}

/**
 * The roles in the plan the component recorded (`plan.members[]`: `cluster`, `role`), which come
 * from AWS's `IsWriter` when the database exists: after a switchover the configured primary is a
 * secondary there. Empty when no plan was recorded.
 */
export function recordedRoles(props: Props): Map<string, Role> {
    const roles = new Map<string, Role>();
    for (const m of list(obj(props, "plan"), "members")) {
        if (m === null || typeof m !== "object") continue;
        const { cluster, role } = m as Props;
        if (typeof cluster === "string" && (role === "primary" || role === "secondary")) roles.set(cluster, role);
    }
    return roles;
}

/** The role a regional member component declares, if it is one. */
export function declaredRole(props: Props): Role | undefined {
    const role = str(props, "role");
    return isRole(role) ? role : undefined;
}
