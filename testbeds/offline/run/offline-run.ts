import { main as cli } from "../../../orchestrator/cli";
import { SimulatedRds } from "../../simulator";
import { fromMockRun } from "../policy-runner/engine-emulation/from-mock-engine";
import { formatVerdicts, runPolicies } from "../policy-runner/local-runner";
import { renderResourceTree } from "../mock-engine";
import { startingState } from "../scenario/created-aws";
import { currentStateFrom, mutatingCalls as mutatingCallsSince } from "../scenario/simulated-aws";
import { Scenario } from "../scenario/types";
import { BlueGreenRunOutcome, blueGreenOutcome } from "./blue-green-outcome";
import { PacedClock, Speed } from "./paced-clock";
import { diffPreviews, Preview, previewStack, stackConfigs } from "./preview";
import { heading, liveReads, printDrift, printLiveReads, printScenario, wrap } from "./sections";
import { Out, runUpgradeSteps } from "./upgrade";

/** Exit codes, as the CLI's: 0 done, 1 a failure while changing things, 2 bad input or blocked. */
export const EXIT = { ok: 0, failure: 1, blocked: 2 } as const;

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
    const id = scenario.aws.globalCluster;
    const { before, after } = stackConfigs(scenario);

    out(`aurora-global offline run — scenario ${scenario.name}`);
    for (const line of wrap(scenario.description)) out(line);
    heading(out, "1. The scenario");
    // The stack on main is created in the simulated control plane (pulumi up under the mock
    // engine, AWS's create-time rules), then brought to the scenario's state; calls before
    // `firstCall` set the scene and are not the pull request's.
    let start;
    try {
        start = await startingState(scenario, before, clock);
    } catch (e) {
        out(`  the starting state could not be made: ${e instanceof Error ? e.message : String(e)}`);
        return {
            start: { created: false, how: [] },
            exitCode: EXIT.failure,
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
    const { sim, firstCall } = start;
    const versions = () => Object.fromEntries(sim.globalCluster(id).members.map((m) => [m.id, m.engineVersion]));
    const mutatingCalls = (s: SimulatedRds) => mutatingCallsSince(s, firstCall);
    // What the previews read: AWS now, and the stack outputs of the update that created the stack.
    const deployedState = async () => ({ ...(await currentStateFrom(sim, id)), previousStackOutputs: start.outputs });
    printScenario(out, scenario, sim, before, after, start);

    heading(
        out,
        "2. pulumi preview: the resource graph (stack program under the Pulumi mock engine; live reads answered by the simulator)",
    );
    let preview: Preview;
    try {
        preview = await previewStack(after, await deployedState(), sim);
    } catch (e) {
        out(`the stack program failed: ${e instanceof Error ? e.message : String(e)}`);
        out(nothingChanged(sim, firstCall));
        return {
            start: { created: start.created, how: start.how },
            exitCode: EXIT.blocked,
            path: "none",
            blocked: true,
            rules: [],
            finalVersions: versions(),
            mutatingCalls: mutatingCalls(sim),
            snapshots: snapshotsTaken(sim, firstCall),
            snapshotPlanned: false,
            stepsDeclared: 0,
        };
    }
    for (const line of renderResourceTree(preview.resources).split("\n")) out(`  ${line}`);
    const deployed = await previewStack(before, await deployedState(), sim);
    printLiveReads((line) => out(`  ${line}`), preview, diffPreviews(deployed.resources, preview.resources));

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
    const errors = preview.logs.filter((l) => l.severity === "error").length;
    if (errors > 0)
        out(
            `  (the component reported ${errors} error${errors === 1 ? "" : "s"} on itself: the preview fails with or without the policy pack)`,
        );

    heading(out, "4. Policy pack aurora-global (every policy, as pulumi preview --policy-pack policy runs it)");
    const policy = await runPolicies(fromMockRun(preview, preview.currentState));
    for (const line of formatVerdicts(policy).split("\n")) out(`  ${line}`);

    const rules = preview.plan.violations.map((v) => v.rule);
    const blocked = preview.plan.blocked || policy.failed || preview.logs.some((l) => l.severity === "error");
    if (blocked) {
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
        const mutating = mutatingCalls(sim);
        out(`  ${nothingChanged(sim, firstCall, liveReads(preview))}`);
        out("  exit code 2");
        return {
            start: { created: start.created, how: start.how },
            exitCode: EXIT.blocked,
            path: preview.plan.path,
            blocked: true,
            rules,
            finalVersions: versions(),
            mutatingCalls: mutating,
            snapshots: snapshotsTaken(sim, firstCall),
            snapshotPlanned: preview.plan.steps.some((s) => s.action === "snapshot"),
            stepsDeclared: 0,
        };
    }

    const pace =
        speed === "max"
            ? "speed max: no delay"
            : `speed ${speed}×: 1 virtual minute ≈ ${Math.round(60_000 / speed)} ms`;
    heading(
        out,
        `5. pulumi up: the upgrade steps run the aurora-global CLI against the simulated control plane (${pace})`,
    );
    if (preview.steps.length === 0) out("  no upgrade steps: the plan has nothing to do");
    const run = await runUpgradeSteps(preview.steps, {
        sim,
        clock,
        globalClusterId: id,
        speed,
        // Every 2 virtual minutes: the seed's managed upgrade takes 3 (the board shows it running).
        boardEveryMs: 2 * 60_000,
        out: (line) => out(`  ${line}`),
        ...(live ? { live: (text: string) => live(text && `  ${text}`) } : {}),
    });
    if (!run.ok) {
        out(
            `  the upgrade stopped (exit codes: ${Object.entries(run.exits)
                .map(([k, v]) => `${k} ${v}`)
                .join(", ")}): pulumi up fails; once the cause is fixed, the next run resumes from what AWS reports`,
        );
    }

    heading(out, `6. The ${run.ok ? "final" : "current"} state (aurora-global status)`);
    const status: string[] = [];
    await cli(
        ["status", "--global-cluster", id, "--region", scenario.aws.members.find((m) => m.role === "primary")!.region],
        {
            clients: sim.clientFor,
            clock,
            stdout: (t) => void status.push(t),
            stderr: (t) => void status.push(t),
        },
    );
    for (const line of status.join("").trimEnd().split("\n")) out(`  ${line}`);
    out(
        `  AWS calls after the stack was set up: ${sim.calls.length - firstCall} in all, ${mutatingCalls(sim)} changing something (${callSummary(sim, firstCall)})`,
    );
    const snapshotTaken = snapshotsTaken(sim, firstCall);
    const snapshotPlanned = preview.plan.steps.some((s) => s.action === "snapshot");
    if (snapshotPlanned) {
        out(
            snapshotTaken.length > 0
                ? `  pre-upgrade snapshot: ${snapshotTaken.join(", ")}`
                : "  WARNING: the plan's pre-upgrade snapshot was not taken (no CreateDBClusterSnapshot call)",
        );
    }

    heading(out, "7. The next pulumi preview (the program again, against the new state)");
    // The stack outputs of the update (the program ran before its steps): the next run reads
    // them through its self stack reference and keeps the finished steps.
    const next = await previewStack(
        after,
        { ...(await currentStateFrom(sim, id)), previousStackOutputs: preview.outputs },
        sim,
    );
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
    const counted = run.ok
        ? printDrift((line) => out(`  ${line}`), drift)
        : { database: drift.filter((d) => d.type !== "command:local:Command").length, steps: 0 };
    return {
        start: { created: start.created, how: start.how },
        exitCode: run.ok ? EXIT.ok : EXIT.failure,
        path: preview.plan.path,
        blocked: false,
        rules,
        finalVersions: versions(),
        mutatingCalls: mutatingCalls(sim),
        snapshots: snapshotsTaken(sim, firstCall),
        snapshotsOf: sim.calls
            .slice(firstCall)
            .filter((c) => c.command === "CreateDBClusterSnapshot")
            .filter((c) => !c.error)
            .map((c) => String(c.input.DBClusterIdentifier)),
        upgradeOrder: sim.calls
            .slice(firstCall)
            .filter((c) => c.command === "ModifyDBCluster")
            .filter((c) => !c.error && c.input.EngineVersion !== undefined)
            .map((c) => String(c.input.DBClusterIdentifier)),
        nextPreview: {
            path: next.plan.path,
            steps: toRun.length,
            keptSteps: kept.length,
            drift: counted.database,
            stepsLeftInState: counted.steps,
        },
        snapshotPlanned,
        stepsDeclared: preview.steps.length,
        finalClusterParameterGroups: Object.fromEntries(
            sim.globalCluster(id).members.map((m) => [m.id, m.clusterParameterGroup]),
        ),
        ...(preview.plan.path === "blue-green" ? { blueGreen: await blueGreenOutcome(sim, scenario.aws.members) } : {}),
    };
}

/**
 * The proof that a blocked run changed nothing. The preview's live reads are reads (answered
 * from the simulator's state, outside its call log); what counts is that no call changed anything.
 */
function nothingChanged(sim: SimulatedRds, firstCall: number, reads?: string): string {
    const mutating = mutatingCallsSince(sim, firstCall);
    const read =
        reads === undefined ? "" : reads === "" ? " the preview read nothing;" : ` the preview only read (${reads});`;
    return `Nothing was changed in AWS:${read} since the stack was set up, the simulated control plane's call log holds ${mutating} mutating call${mutating === 1 ? "" : "s"}.`;
}

function versionsByRegion(v: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [region, m] of Object.entries((v ?? {}) as Record<string, { version?: string }>))
        out[region] = m.version ?? "?";
    return out;
}

/** `CreateDBClusterSnapshot ×1, ModifyGlobalCluster ×1`: the mutating calls by operation, in first-call order. */
function callSummary(sim: SimulatedRds, firstCall: number): string {
    const counts = new Map<string, number>();
    for (const c of sim.calls.slice(firstCall))
        if (!c.command.startsWith("Describe") && !c.command.startsWith("List"))
            counts.set(c.command, (counts.get(c.command) ?? 0) + 1);
    return [...counts].map(([op, n]) => `${op} ×${n}`).join(", ") || "none";
}

/** Snapshots created through successful CreateDBClusterSnapshot calls. */
function snapshotsTaken(sim: SimulatedRds, firstCall: number): string[] {
    return sim.calls
        .slice(firstCall)
        .filter((c) => c.command === "CreateDBClusterSnapshot" && !c.error)
        .map((c) => String(c.input.DBClusterSnapshotIdentifier));
}
