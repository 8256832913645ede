import { main as cli } from "../../../orchestrator/cli";
import { fromMockRun } from "../policy-runner/engine-emulation/from-mock-engine";
import { formatVerdicts, runPolicies } from "../policy-runner/local-runner";
import { renderResourceTree } from "../mock-engine";
import { StartingState, startingState } from "../scenario/created-aws";
import { currentStateFrom } from "../scenario/simulated-aws";
import { Scenario } from "../scenario/types";
import { BlueGreenRunOutcome, blueGreenOutcome } from "./blue-green-outcome";
import { PacedClock, Speed } from "./paced-clock";
import { EXIT } from "./exit-codes";
import { diffPreviews, Preview, previewStack, stackConfigs } from "./preview";
import { heading, liveReads, printDrift, printLiveReads, printScenario, wrap } from "./sections";
import { CallLog } from "./call-log";
import { Out, runUpgradeSteps, UpgradeRun } from "./upgrade";
import { RESOURCE_TYPES } from "../../../vocabulary";
import { DATABASE_FLAGS } from "../../../cli-contract";

export { EXIT } from "./exit-codes";

/** What one offline run of a scenario did (tests assert the scenario's `expect` block on it). */
export interface ScenarioResult {
    readonly exitCode: number;
    /** The planner's path in the preview. */
    readonly path: string;
    readonly blocked: boolean;
    /** Violation rule ids of the plan (blocked runs). */
    readonly rules: readonly string[];
    /** Every member's EngineVersion at the end, by cluster identifier. */
    readonly finalVersions: Readonly<Record<string, string>>;
    /** Every member's cluster parameter group at the end, by cluster identifier (successful runs). */
    readonly finalClusterParameterGroups?: Readonly<Record<string, string>>;
    /** Mutating calls the simulated control plane received. */
    readonly mutatingCalls: number;
    /** Identifiers of the cluster snapshots the run created. */
    readonly snapshots: readonly string[];
    /** The clusters the snapshots were taken of. */
    readonly snapshotsOf?: readonly string[];
    /** Clusters in the order ModifyDBCluster changed their engine version. */
    readonly upgradeOrder?: readonly string[];
    /** The next preview's plan path and its differences (after a successful upgrade). */
    readonly nextPreview?: {
        readonly path: string;
        /** Upgrade steps the next preview creates or changes (steps that would run). */
        readonly steps: number;
        /** Upgrade steps of the update re-declared unchanged (they do not run again). */
        readonly keptSteps: number;
        /** Differences of the database resources. */
        readonly drift: number;
        /** Upgrade steps of the last update the next preview no longer registers. */
        readonly stepsLeftInState: number;
    };
    /** Upgrade steps the update declared (0 when blocked). */
    readonly stepsDeclared: number;
    /** The preview's plan had a pre-upgrade snapshot step. */
    readonly snapshotPlanned: boolean;
    /** How the starting state was made: created through the simulator's Create* calls (then set up), or seeded. */
    readonly start: { readonly created: boolean; readonly how: readonly string[] };
    /** Blue/green runs: the deployment, the switchover and the old clusters, read from the simulator at the end. */
    readonly blueGreen?: BlueGreenRunOutcome;
}

/** What the run prints beyond the default. */
export interface ShowOptions {
    /** Section 3 shows the markdown plan the preview logs (the pull-request comment) instead of the text plan. */
    readonly markdown?: boolean;
}

/** One scenario's run once its starting state exists: what every phase reads and prints with. */
interface Run {
    readonly scenario: Scenario;
    readonly start: StartingState;
    readonly log: CallLog;
    readonly clock: PacedClock;
    readonly out: Out;
}

/**
 * The offline product run of one scenario: the scenario, `pulumi preview` under the mock engine
 * (graph, plan, policy verdicts) against the simulated AWS, then — unless blocked — `pulumi up`
 * of the upgrade steps with the real CLI on a paced virtual clock, the final state and the next
 * preview. `live` (terminals) redraws one status line in place while the upgrade runs.
 */
export async function runScenario(
    scenario: Scenario,
    speed: Speed,
    out: Out,
    live?: (text: string) => void,
    show: ShowOptions = {},
): Promise<ScenarioResult> {
    const clock = new PacedClock();
    out(`aurora-global offline run — scenario ${scenario.name}`);
    for (const line of wrap(scenario.description)) out(line);
    heading(out, "1. The scenario");
    const start = await makeStart(scenario, clock, out);
    if (!start) return { ...emptyResult(EXIT.failure), start: { created: false, how: [] } };
    const run: Run = { scenario, start, log: new CallLog(start.sim, start.firstCall), clock, out };
    const { before, after } = stackConfigs(scenario);
    printScenario(out, scenario, start.sim, before, after, start);

    const preview = await previewSection(run);
    if (!preview) return { ...resultOf(run), exitCode: EXIT.blocked, blocked: true };
    printPlan(out, preview, show);
    const blocked = await policySection(run, preview);
    const planned = { path: preview.plan.path, rules: preview.plan.violations.map((v) => v.rule) };
    const snapshotPlanned = preview.plan.steps.some((s) => s.action === "snapshot");
    if (blocked) return { ...resultOf(run), ...planned, exitCode: EXIT.blocked, blocked: true, snapshotPlanned };

    const upgrade = await upgradeSection(run, preview, speed, live);
    await finalStateSection(run, upgrade.ok, snapshotPlanned);
    const nextPreview = await nextPreviewSection(run, preview, upgrade.ok);
    return {
        ...resultOf(run),
        ...planned,
        exitCode: upgrade.ok ? EXIT.ok : EXIT.failure,
        snapshotsOf: run.log.snapshotsOf(),
        upgradeOrder: run.log.upgradeOrder(),
        nextPreview,
        snapshotPlanned,
        stepsDeclared: preview.steps.length,
        finalClusterParameterGroups: Object.fromEntries(
            start.sim.globalCluster(scenario.aws.globalCluster).members.map((m) => [m.id, m.clusterParameterGroup]),
        ),
        ...(preview.plan.path === "blue-green"
            ? { blueGreen: await blueGreenOutcome(start.sim, scenario.aws.members) }
            : {}),
    };
}

/** A run that stopped before its preview had a plan. */
function emptyResult(exitCode: number): Omit<ScenarioResult, "start"> {
    return {
        exitCode,
        path: "none",
        blocked: false,
        rules: [],
        finalVersions: {},
        mutatingCalls: 0,
        snapshots: [],
        snapshotPlanned: false,
        stepsDeclared: 0,
    };
}

/** What the simulator holds now, for the result: versions, calls and snapshots since the stack was set up. */
function resultOf(run: Run): ScenarioResult {
    const { sim } = run.start;
    return {
        ...emptyResult(EXIT.ok),
        start: { created: run.start.created, how: run.start.how },
        finalVersions: Object.fromEntries(
            sim.globalCluster(run.scenario.aws.globalCluster).members.map((m) => [m.id, m.engineVersion]),
        ),
        mutatingCalls: run.log.mutating(),
        snapshots: run.log.snapshots(),
    };
}

/**
 * The stack on main is created in the simulated control plane (pulumi up under the mock engine,
 * AWS's create-time rules), then brought to the scenario's state; calls before `firstCall` set
 * the scene and are not the pull request's. Undefined (and said) when that fails.
 */
async function makeStart(scenario: Scenario, clock: PacedClock, out: Out): Promise<StartingState | undefined> {
    try {
        return await startingState(scenario, stackConfigs(scenario).before, clock);
    } catch (e) {
        out(`  the starting state could not be made: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
    }
}

/** What the previews read: AWS now, and the stack outputs of the given update (the one that created the stack by default). */
async function deployedState(run: Run, previousStackOutputs = run.start.outputs) {
    return { ...(await currentStateFrom(run.start.sim, run.scenario.aws.globalCluster)), previousStackOutputs };
}

/** Section 2: the pull request's preview, its resource graph and live reads; undefined when the program failed. */
async function previewSection(run: Run): Promise<Preview | undefined> {
    const { out } = run;
    const { sim } = run.start;
    const { before, after } = stackConfigs(run.scenario);
    heading(
        out,
        "2. pulumi preview: the resource graph (stack program under the Pulumi mock engine; live reads answered by the simulator)",
    );
    let preview: Preview;
    try {
        preview = await previewStack(after, await deployedState(run), sim);
    } catch (e) {
        out(`the stack program failed: ${e instanceof Error ? e.message : String(e)}`);
        out(run.log.nothingChanged());
        return undefined;
    }
    for (const line of renderResourceTree(preview.resources).split("\n")) out(`  ${line}`);
    const deployed = await previewStack(before, await deployedState(run), sim);
    printLiveReads((line) => out(`  ${line}`), preview, diffPreviews(deployed.resources, preview.resources));
    return preview;
}

/** Section 3: the plan, as text (`aurora-global plan`) or as the markdown the preview logs. */
function printPlan(out: Out, preview: Preview, show: ShowOptions): void {
    if (show.markdown) {
        heading(
            out,
            "3. The upgrade plan, markdown: what AuroraGlobalDatabase logs in the preview and the pull-request comment shows",
        );
        for (const line of preview.planLog.trimEnd().split("\n")) out(`  ${line}`);
    } else {
        heading(out, "3. The upgrade plan (the component's recorded plan, as `aurora-global plan` prints it)");
        for (const line of preview.planText.split("\n")) out(`  ${line}`);
        out(
            "  (the preview logs it as markdown with a mermaid diagram of the order, the pull-request comment: --markdown shows it)",
        );
    }
    for (const warning of preview.logs.filter((l) => l.severity === "warn"))
        out(`  warning (the preview shows it on the component): ${warning.message}`);
    const errors = preview.logs.filter((l) => l.severity === "error").length;
    if (errors > 0)
        out(
            `  (the component reported ${errors} error${errors === 1 ? "" : "s"} on itself: the preview fails with or without the policy pack)`,
        );
}

/** Section 4 (and 5 when blocked): the policy pack's verdicts; true when the preview fails. */
async function policySection(run: Run, preview: Preview): Promise<boolean> {
    const { out } = run;
    heading(out, "4. Policy pack aurora-global (every policy, as pulumi preview --policy-pack policy runs it)");
    const policy = await runPolicies(fromMockRun(preview, preview.currentState));
    for (const line of formatVerdicts(policy).split("\n")) out(`  ${line}`);
    const blocked = preview.plan.blocked || policy.failed || preview.logs.some((l) => l.severity === "error");
    if (!blocked) return false;
    heading(out, "5. Blocked: the preview fails, pulumi up would not run");
    for (const v of preview.plan.violations) {
        out(`  ✗ [${v.rule}] ${v.message}`);
        out(`      fix: ${v.fix}`);
    }
    const mandatory = policy.verdicts.filter((x) => x.enforcementLevel === "mandatory");
    if (mandatory.length > 0)
        out(
            `  ✗ policy pack: ${mandatory.length} mandatory violation${mandatory.length === 1 ? "" : "s"} (${[...new Set(mandatory.map((v) => v.policy))].join(", ")}): the CI check fails`,
        );
    out(`  ${run.log.nothingChanged(liveReads(preview))}`);
    out("  exit code 2");
    return true;
}

/** Section 5: `pulumi up` runs the preview's upgrade steps with the real CLI against the simulator. */
async function upgradeSection(
    run: Run,
    preview: Preview,
    speed: Speed,
    live?: (text: string) => void,
): Promise<UpgradeRun> {
    const { out } = run;
    const pace =
        speed === "max"
            ? "speed max: no delay"
            : `speed ${speed}×: 1 virtual minute ≈ ${Math.round(60_000 / speed)} ms`;
    heading(
        out,
        `5. pulumi up: the upgrade steps run the aurora-global CLI against the simulated control plane (${pace})`,
    );
    if (preview.steps.length === 0) out("  no upgrade steps: the plan has nothing to do");
    const upgrade = await runUpgradeSteps(preview.steps, {
        sim: run.start.sim,
        clock: run.clock,
        globalClusterId: run.scenario.aws.globalCluster,
        speed,
        // Every 2 virtual minutes: the seed's managed upgrade takes 3 (the board shows it running).
        boardEveryMs: 2 * 60_000,
        out: (line) => out(`  ${line}`),
        ...(live ? { live: (text: string) => live(text && `  ${text}`) } : {}),
    });
    if (!upgrade.ok) {
        out(
            `  the upgrade stopped (exit codes: ${Object.entries(upgrade.exits)
                .map(([k, v]) => `${k} ${v}`)
                .join(", ")}): pulumi up fails; once the cause is fixed, the next run resumes from what AWS reports`,
        );
    }
    return upgrade;
}

/** Section 6: `aurora-global status` of the database now, the calls made and the snapshot taken. */
async function finalStateSection(run: Run, upgraded: boolean, snapshotPlanned: boolean): Promise<void> {
    const { out, log, scenario } = run;
    heading(out, `6. The ${upgraded ? "final" : "current"} state (aurora-global status)`);
    const status: string[] = [];
    await cli(
        [
            "status",
            DATABASE_FLAGS.globalCluster,
            scenario.aws.globalCluster,
            DATABASE_FLAGS.region,
            scenario.aws.members.find((m) => m.role === "primary")!.region,
        ],
        {
            clients: run.start.sim.clientFor,
            clock: run.clock,
            stdout: (t) => void status.push(t),
            stderr: (t) => void status.push(t),
        },
    );
    for (const line of status.join("").trimEnd().split("\n")) out(`  ${line}`);
    out(
        `  AWS calls after the stack was set up: ${log.calls().length} in all, ${log.mutating()} changing something (${log.summary()})`,
    );
    if (!snapshotPlanned) return;
    const taken = log.snapshots();
    out(
        taken.length > 0
            ? `  pre-upgrade snapshot: ${taken.join(", ")}`
            : "  WARNING: the plan's pre-upgrade snapshot was not taken (no CreateDBClusterSnapshot call)",
    );
}

/** Section 7: the next preview against the new state: steps kept, steps to run, drift. */
async function nextPreviewSection(
    run: Run,
    preview: Preview,
    upgraded: boolean,
): Promise<ScenarioResult["nextPreview"]> {
    const { out } = run;
    heading(out, "7. The next pulumi preview (the program again, against the new state)");
    // The stack outputs of the update (the program ran before its steps): the next run reads
    // them through its self stack reference and keeps the finished steps.
    const { after } = stackConfigs(run.scenario);
    const next = await previewStack(after, await deployedState(run, preview.outputs), run.start.sim);
    out(`  plan: ${next.planText.split("\n").slice(0, 2).join("; ")}`);
    const drift = diffPreviews(preview.resources, next.resources);
    const changed = new Set(drift.map((d) => d.name));
    const kept = next.steps.filter((s) => !changed.has(s.name));
    const toRun = next.steps.filter((s) => changed.has(s.name));
    out(
        `  stack outputs: failoverReady=${String(next.outputs.failoverReady)}, memberVersions={${Object.entries(
            versionsByRegion(next.outputs.memberVersions),
        )
            .map(([region, version]) => `${region}: ${version}`)
            .join(", ")}}`,
    );
    if (kept.length > 0) {
        out(`  upgrade steps kept unchanged: ${kept.map((s) => s.name).join(", ")}`);
        out(
            "    (the component re-declares the finished upgrade's steps from the update's upgradeSteps output: they do not run again and show no change)",
        );
    }
    out(
        `  upgrade steps to run: ${toRun.length}${toRun.length > 0 ? ` (${toRun.map((s) => s.name).join(", ")})` : ""}`,
    );
    const counted = upgraded
        ? printDrift((line) => out(`  ${line}`), drift)
        : { database: drift.filter((d) => d.type !== RESOURCE_TYPES.command).length, steps: 0 };
    return {
        path: next.plan.path,
        steps: toRun.length,
        keptSteps: kept.length,
        drift: counted.database,
        stepsLeftInState: counted.steps,
    };
}

function versionsByRegion(v: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [region, m] of Object.entries((v ?? {}) as Record<string, { version?: string }>))
        out[region] = m.version ?? "?";
    return out;
}
