import * as path from "path";
import { fromPlanJson, PlanJson, renderPlan } from "../../../planner";
import {
    CurrentState,
    LogEntry,
    loadProgram,
    loadProject,
    loadStackConfig,
    RecordedResource,
    runProgramUnderMocks,
} from "../mock-engine";
import { SimulatedRds } from "../../simulator";
import { Scenario } from "../scenario/types";
import { RESOURCE_TYPES } from "../../../vocabulary";

/** The project root (Pulumi.yaml, index.ts). */
export const PROJECT_DIR = path.join(__dirname, "..", "..", "..");

const COMPONENT_TYPE = RESOURCE_TYPES.component;
const COMMAND_TYPE = RESOURCE_TYPES.command;

/**
 * The stack config before the pull request (`Pulumi.<stack>.yaml` plus the scenario's stackConfig)
 * and after it, each checked and merged with `Pulumi.yaml` as the Pulumi CLI does (a missing
 * required key or a value of the wrong type throws Pulumi's error).
 */
export function stackConfigs(
    scenario: Scenario,
    projectDir: string = PROJECT_DIR,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
    return {
        before: loadStackConfig(projectDir, scenario.stack, scenario.stackConfig),
        after: loadStackConfig(projectDir, scenario.stack, { ...scenario.stackConfig, ...scenario.pullRequest }),
    };
}

/** What one `pulumi preview` of the stack program under the mock engine showed. */
export interface Preview {
    readonly resources: readonly RecordedResource[];
    readonly registeredOutputs: ReadonlyMap<string, Record<string, unknown>>;
    readonly outputs: Record<string, unknown>;
    readonly logs: readonly LogEntry[];
    /** The component's plan as it recorded it in its registered outputs. */
    readonly plan: PlanJson;
    /** The plan as text (the CLI's rendering of the recorded plan). */
    readonly planText: string;
    /** The markdown plan the component logged (what `pulumi preview` prints and the PR comment shows). */
    readonly planLog: string;
    /** The upgrade steps the engine would run at `pulumi up`, in registration order. */
    readonly steps: readonly UpgradeStep[];
    /** The state it was run against. */
    readonly currentState: CurrentState;
    /** The AWS reads the program made (the component's facts reader), e.g. `DescribeDBClusters`. */
    readonly invokes: readonly string[];
}

/** One `command:local:Command` upgrade step as registered. */
export interface UpgradeStep {
    readonly name: string;
    readonly urn: string;
    /** The command line it runs. */
    readonly command: string;
    readonly environment: Readonly<Record<string, string>>;
    /** Names of the other steps it waits for. */
    readonly after: readonly string[];
}

/**
 * Runs the stack program (index.ts) under Pulumi's mock engine with `config` against
 * `currentState`; its AWS reads go to `aws` when given (else a control plane seeded with the state).
 */
export async function previewStack(
    config: Record<string, unknown>,
    currentState: CurrentState,
    aws?: SimulatedRds,
    projectDir: string = PROJECT_DIR,
): Promise<Preview> {
    const run = await runProgramUnderMocks({
        projectFile: loadProject(projectDir),
        program: loadProgram(path.join(projectDir, "index.ts")),
        currentState,
        ...(aws ? { aws } : {}),
        config,
        preview: true,
    });
    const component = run.resources.find((r) => r.type === COMPONENT_TYPE);
    if (!component) throw new Error(`the stack program registered no ${COMPONENT_TYPE}`);
    const registered = run.registeredOutputs.get(component.urn) ?? {};
    const plan = registered.plan as PlanJson | undefined;
    if (!plan) throw new Error(`the ${COMPONENT_TYPE} recorded no plan in its registered outputs`);
    const planLog =
        run.logs.find((l) => l.severity === "info" && l.urn === component.urn) ??
        run.logs.find((l) => l.severity === "info");
    return {
        resources: run.resources,
        registeredOutputs: run.registeredOutputs,
        outputs: run.outputs,
        logs: run.logs,
        plan,
        planText: renderPlan(fromPlanJson(plan), "text"),
        planLog: planLog?.message ?? "(the component logged no plan)",
        steps: upgradeSteps(run.resources),
        currentState,
        invokes: [...run.calls.map((c) => c.token), ...run.awsCalls.map((c) => c.command)],
    };
}

function upgradeSteps(resources: readonly RecordedResource[]): UpgradeStep[] {
    const commands = resources.filter((r) => r.type === COMMAND_TYPE);
    const nameOf = new Map(commands.map((c) => [c.urn, c.name]));
    return commands.map((c) => ({
        name: c.name,
        urn: c.urn,
        command: String(c.inputs.create ?? ""),
        environment: (c.inputs.environment ?? {}) as Record<string, string>,
        after: [...new Set(c.dependencies.map((u) => nameOf.get(u)).filter((n): n is string => n !== undefined))],
    }));
}

/** One difference the next `pulumi preview` would show against the state the last run left. */
export interface Drift {
    readonly op: "create" | "delete" | "update";
    readonly name: string;
    readonly type: string;
    /** Changed input properties (update). */
    readonly properties?: readonly string[];
}

/**
 * What the engine would report between the resources of the last update (`before`, now in the
 * stack's state) and a new preview (`after`): creates, deletes, and updates of inputs other than
 * the `ignoreChanges` properties. Secrets compare by their marker.
 */
export function diffPreviews(before: readonly RecordedResource[], after: readonly RecordedResource[]): Drift[] {
    const key = (r: RecordedResource) => `${r.type}::${r.name}`;
    const old = new Map(before.filter((r) => r.custom).map((r) => [key(r), r]));
    const now = new Map(after.filter((r) => r.custom).map((r) => [key(r), r]));
    const drift: Drift[] = [];
    for (const [k, r] of now) {
        const o = old.get(k);
        if (!o) {
            drift.push({ op: "create", name: r.name, type: r.type });
            continue;
        }
        const props = [...new Set([...Object.keys(o.inputs), ...Object.keys(r.inputs)])].filter(
            (p) => !r.ignoreChanges.includes(p) && JSON.stringify(o.inputs[p]) !== JSON.stringify(r.inputs[p]),
        );
        if (props.length > 0) drift.push({ op: "update", name: r.name, type: r.type, properties: props.sort() });
    }
    for (const [k, o] of old) if (!now.has(k)) drift.push({ op: "delete", name: o.name, type: o.type });
    return drift;
}
