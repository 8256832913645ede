import * as assert from "assert";
import * as path from "path";
import {
    AuroraGlobalDatabase,
    AuroraGlobalDatabaseArgs,
    UPGRADE_STEPS_OUTPUT,
    UpgradeStepsRecord,
    validateArgs,
} from "../../components";
import {
    CurrentState,
    existingDatabase,
    loadProgram,
    loadStackConfig,
    RecordedResource,
    runProgramUnderMocks,
    RunResult,
    STACK_REFERENCE_TYPE,
} from "../../testbeds/offline/mock-engine";
import { runPoliciesOnMockRun } from "../../testbeds/offline/policy-runner/local-runner";
import { assertMeanings, assertMeans, assertSomeMeans } from "../support/assert-means";
import { componentOutputs, named, ofType, pgArgs, PRIMARY, runningPg, SECONDARY, SECONDARY_2, T } from "./fixtures";
import { nonEmpty } from "../support/non-empty";

const THREE_REGIONS = [PRIMARY, SECONDARY, SECONDARY_2];
const rolling = (version = "17.5", extra: object = {}): AuroraGlobalDatabaseArgs =>
    pgArgs({
        engineVersion: version,
        secondaries: [{ region: SECONDARY }, { region: SECONDARY_2 }],
        upgrade: { strategy: "rolling", ...extra },
    });

type Run = RunResult<Record<string, unknown>>;

/** Runs a stack program like index.ts: one database "db", its step record exported as `upgradeSteps`. */
function runStack(args: AuroraGlobalDatabaseArgs, currentState: CurrentState, preview = true): Promise<Run> {
    return runProgramUnderMocks({
        program: () => {
            const db = new AuroraGlobalDatabase("db", args);
            return { plan: db.plan, [UPGRADE_STEPS_OUTPUT]: db.upgradeStepsRecord };
        },
        currentState,
        preview,
    });
}

/** What the engine diffs and orders by: type, name, parent, inputs, dependencies. */
function comparable(resources: readonly RecordedResource[]) {
    return resources
        .filter((r) => r.custom)
        .map((r) => ({
            type: r.type,
            name: r.name,
            parent: r.parent,
            inputs: r.inputs,
            dependencies: [...r.dependencies].sort(),
            ignoreChanges: r.ignoreChanges,
        }))
        .sort((a, b) => `${a.type} ${a.name}`.localeCompare(`${b.type} ${b.name}`)); // the engine keys by URN, not order
}

const names = (r: Run) => ofType(r, T.command).map((c) => c.name);
const warnings = (r: Run) => r.logs.filter((l) => l.severity === "warn").map((l) => l.message);

describe("components: completed upgrade steps are kept (a second preview after success shows no change)", function () {
    // Several whole previews per test: on a loaded 2-core machine they take longer than the default.
    this.timeout(60_000);
    let first: Run; // the upgrade 17.4 → 17.5 (rolling), as `pulumi up` ran it
    const STEPS = [
        "db-upgrade-snapshot",
        `db-upgrade-secondary-${SECONDARY}`,
        `db-upgrade-secondary-${SECONDARY_2}`,
        "db-upgrade-primary",
    ];

    before(async () => {
        first = await runStack(rolling(), runningPg("17.4", THREE_REGIONS), false);
    });

    it("first upgrade: declares the steps, exports them with their target, reads this stack's last outputs", async () => {
        const preview = await runStack(rolling(), runningPg("17.4", THREE_REGIONS));
        assert.deepStrictEqual(names(preview), STEPS);
        const record = preview.outputs[UPGRADE_STEPS_OUTPUT] as UpgradeStepsRecord;
        assert.deepStrictEqual(
            [record.component, record.globalClusterId, record.target, record.homeRegion],
            ["db", "app", "17.5", PRIMARY],
        );
        assert.deepStrictEqual(
            record.steps.map((s) => [s.key, s.after, s.triggers]),
            [
                ["snapshot", [], ["17.5"]],
                [`secondary-${SECONDARY}`, ["snapshot"], ["17.5"]],
                [`secondary-${SECONDARY_2}`, ["snapshot"], ["17.5"]],
                ["primary", [`secondary-${SECONDARY}`, `secondary-${SECONDARY_2}`], ["17.5"]],
            ],
        );
        assert.deepStrictEqual(
            record.steps.map((s) => s.command),
            STEPS.map((n) => named(preview, n).inputs.create),
        );
        assert.deepStrictEqual(
            preview.reads.map((r) => [r.type, r.name, r.id, r.parent]),
            [[STACK_REFERENCE_TYPE, "db-last-deployment", "organization/aurora-global/dev", named(preview, "db").urn]],
        );
        assert.ok(!JSON.stringify(record).includes("password"), "the record is secret-free");
        assert.deepStrictEqual(warnings(preview), []);
    });

    it("after success: re-declares the same steps with identical inputs and graph; nothing else changes (empty diff)", async () => {
        const done = runningPg("17.5", THREE_REGIONS);
        const second = await runStack(rolling(), { ...done, previousStackOutputs: first.outputs });
        assert.strictEqual((second.outputs.plan as { path: string }).path, "none");
        assert.deepStrictEqual(names(second), STEPS);
        // Every custom resource, the steps included, is registered exactly as the update left it.
        assert.deepStrictEqual(comparable(second.resources), comparable(first.resources));
        for (const step of STEPS)
            assert.deepStrictEqual(named(second, step).dependencies, named(first, step).dependencies, step);
        // ...and, besides the steps, exactly as a run at the same state without kept steps.
        const plain = await runStack(rolling("17.5", { keepCompletedSteps: false }), done);
        assert.deepStrictEqual(names(plain), []);
        assert.deepStrictEqual(
            comparable(second.resources).filter((r) => r.type !== T.command),
            comparable(plain.resources),
        );
        // The record is exported again, so the preview after the next update keeps them too.
        assert.deepStrictEqual(second.outputs[UPGRADE_STEPS_OUTPUT], first.outputs[UPGRADE_STEPS_OUTPUT]);
        const third = await runStack(rolling(), { ...done, previousStackOutputs: second.outputs });
        assert.deepStrictEqual(comparable(third.resources), comparable(first.resources));
        assert.deepStrictEqual(componentOutputs(second).upgradeSteps, componentOutputs(first).upgradeSteps);
        assertSomeMeans(
            second.logs.filter((l) => l.severity === "info").map((l) => l.message),
            { says: ["keeping the 4 completed upgrade step(s)", "17.5", "do not run again"] },
        );
        assert.deepStrictEqual(warnings(second), []);
    });

    it("kept steps still pass the policy pack (upgrade-steps-ordered over their dependencies)", async () => {
        const done = runningPg("17.5", THREE_REGIONS);
        const second = await runStack(rolling(), { ...done, previousStackOutputs: first.outputs });
        assert.deepStrictEqual(names(second), STEPS, "the steps are there to check");
        const run = await runPoliciesOnMockRun(second, done);
        assert.deepStrictEqual(
            run.verdicts.filter((v) => v.policy === "upgrade-steps-ordered"),
            [],
        );
        assert.strictEqual(run.failed, false);
    });

    it("the declared version changes again: the new plan's steps replace the old ones", async () => {
        const r = await runStack(rolling("17.6"), {
            ...runningPg("17.5", THREE_REGIONS),
            previousStackOutputs: first.outputs,
        });
        assert.deepStrictEqual(names(r), STEPS);
        for (const step of nonEmpty(ofType(r, T.command), "upgrade step")) {
            assert.deepStrictEqual(step.inputs.triggers, ["17.6"], step.name);
            assert.ok(String(step.inputs.create).includes("--target 17.6"), step.name);
        }
        assert.strictEqual((r.outputs[UPGRADE_STEPS_OUTPUT] as UpgradeStepsRecord).target, "17.6");
    });

    it("a blocked plan declares no step, even at the kept steps' target", async () => {
        // A secondary pinned at another version: rule members-at-different-versions.
        const args = pgArgs({
            engineVersion: "17.5",
            secondaries: [{ region: SECONDARY }, { region: SECONDARY_2, engineVersion: "17.4" }],
            upgrade: { strategy: "rolling" },
        });
        const r = await runStack(args, { ...runningPg("17.5", THREE_REGIONS), previousStackOutputs: first.outputs });
        assert.deepStrictEqual(
            (r.outputs.plan as { violations: { rule: string }[] }).violations.map((v) => v.rule),
            ["members-at-different-versions"],
        );
        assert.deepStrictEqual(names(r), []);
        assert.deepStrictEqual((r.outputs[UPGRADE_STEPS_OUTPUT] as UpgradeStepsRecord).steps, []);
    });

    it("a database the last outputs record but AWS does not list stops the preview: never planned as a new database (issue #18)", async () => {
        await assert.rejects(runStack(rolling(), { previousStackOutputs: first.outputs }), (e: Error) => {
            assertMeans(e.message, {
                says: ['"app"', "not found", "us-east-1", "default credential chain", "last update recorded it"],
            });
            return true;
        });
        // Without the last outputs (a new stack), it is a new database: no step.
        const fresh = await runStack(rolling(), {});
        assert.strictEqual((fresh.outputs.plan as { path: string }).path, "create");
        assert.deepStrictEqual(names(fresh), []);
    });

    it("an output in another shape means nothing to keep: no step, no warning, no crash", async () => {
        const record = first.outputs[UPGRADE_STEPS_OUTPUT] as UpgradeStepsRecord;
        const malformed: unknown[] = [
            "17.5",
            componentOutputs(first).upgradeSteps, // an older shape: the bare spec list
            { target: "17.5", specs: record.steps },
            { ...record, steps: [{ ...record.steps[0], triggers: "17.5" }] },
            { ...record, steps: record.steps.slice(1) }, // a step after one that is not there
            { ...record, steps: [...record.steps, record.steps[0]] }, // a key twice
            { ...record, homeRegion: 1 },
        ];
        for (const value of malformed) {
            const r = await runStack(rolling(), {
                ...runningPg("17.5", THREE_REGIONS),
                previousStackOutputs: { [UPGRADE_STEPS_OUTPUT]: value },
            });
            assert.deepStrictEqual(names(r), [], JSON.stringify(value));
            assert.deepStrictEqual(warnings(r), [], JSON.stringify(value));
        }
    });

    it("a read the engine refuses fails the preview, as every failed read does in Pulumi", async () => {
        const state = {
            ...runningPg("17.5", THREE_REGIONS),
            previousStackOutputs: first.outputs,
            invokeFailures: { [STACK_REFERENCE_TYPE]: "stack is locked" },
        };
        await assert.rejects(runStack(rolling(), state), (e: Error) => {
            assertMeans(e.message, {
                says: ["organization/aurora-global/dev", "db-last-deployment", "stack is locked"],
            });
            return true;
        });
    });

    it("no stack name to refer to (no organization): warns and keeps nothing", async () => {
        const r = await runProgramUnderMocks({
            program: () => ({ [UPGRADE_STEPS_OUTPUT]: new AuroraGlobalDatabase("db", rolling()).upgradeStepsRecord }),
            currentState: { ...runningPg("17.5", THREE_REGIONS), previousStackOutputs: first.outputs },
            organization: "",
        });
        assert.deepStrictEqual(names(r), []);
        assert.deepStrictEqual(r.reads, []);
        assertMeanings(warnings(r), [
            { says: [`"upgradeSteps"`, "Missing organization name", "not kept", "no delete command"] },
        ]);
    });

    it("rejects a keepCompletedSteps that is not a boolean, naming the field, the value and the fix", () => {
        assertMeanings(validateArgs(rolling("17.5", { keepCompletedSteps: "yes" })), [
            { rule: "boolean", about: "upgrade.keepCompletedSteps", says: ['"yes"', "true", "false"] },
        ]);
    });

    it("keepCompletedSteps: false reads no stack reference and keeps nothing", async () => {
        const r = await runStack(rolling("17.5", { keepCompletedSteps: false }), {
            ...runningPg("17.5", THREE_REGIONS),
            previousStackOutputs: first.outputs,
        });
        assert.deepStrictEqual(r.reads, []);
        assert.deepStrictEqual(names(r), []);
        assert.strictEqual(
            named(r, "db").inputs.upgrade &&
                (named(r, "db").inputs.upgrade as Record<string, unknown>).keepCompletedSteps,
            false,
        );
    });

    it("work again at the same target (a database restored to 17.4) re-runs the steps: triggers get a run counter", async () => {
        const restored = await runStack(rolling(), {
            ...runningPg("17.4", THREE_REGIONS),
            previousStackOutputs: first.outputs,
        });
        assert.deepStrictEqual(names(restored), STEPS);
        for (const step of nonEmpty(ofType(restored, T.command), "upgrade step"))
            assert.deepStrictEqual(step.inputs.triggers, ["17.5", "run-2"], step.name);
        assert.deepStrictEqual(
            comparable(restored.resources).filter((r) => r.type !== T.command),
            comparable(first.resources).filter((r) => r.type !== T.command),
        );
        const again = await runStack(rolling(), {
            ...runningPg("17.4", THREE_REGIONS),
            previousStackOutputs: restored.outputs,
        });
        for (const step of nonEmpty(ofType(again, T.command), "upgrade step"))
            assert.deepStrictEqual(step.inputs.triggers, ["17.5", "run-3"], step.name);
    });

    it("resuming an interrupted upgrade: the remaining steps run again (run counter), as the new plan orders them", async () => {
        // The secondaries are done, the primary is not: the plan's primary now waits for the snapshot only,
        // and the snapshot is taken again before the primary is touched.
        const r = await runStack(rolling(), {
            ...runningPg("17.5", THREE_REGIONS, { [PRIMARY]: "17.4" }),
            previousStackOutputs: first.outputs,
        });
        assert.deepStrictEqual(names(r), ["db-upgrade-snapshot", "db-upgrade-primary"]);
        assert.deepStrictEqual(named(r, "db-upgrade-snapshot").inputs.triggers, ["17.5", "run-2"]);
        assert.deepStrictEqual(named(r, "db-upgrade-primary").inputs.triggers, ["17.5", "run-2"]);
        assert.deepStrictEqual(named(r, "db-upgrade-primary").dependencies, [named(r, "db-upgrade-snapshot").urn]);
    });
});

describe("components: kept steps through the stack program (index.ts)", () => {
    const ROOT = path.join(__dirname, "..", "..");
    const program = loadProgram(path.join(ROOT, "index.ts"));
    const dev = (version: string): CurrentState =>
        existingDatabase({
            globalClusterIdentifier: "aurora-global-dev",
            engine: "aurora-postgresql",
            engineVersion: version,
            members: [PRIMARY, SECONDARY].map((region) => ({
                clusterIdentifier: `aurora-global-dev-${region}`,
                region,
            })),
        });

    it("exports upgradeSteps; the preview after the upgrade 17.4 → 17.5 re-declares its steps unchanged", async () => {
        const config = { ...loadStackConfig(ROOT, "dev"), "aurora-global:engineVersion": "17.5" };
        const up = await runProgramUnderMocks({ program, config, currentState: dev("17.4"), preview: false });
        assert.deepStrictEqual(
            ofType(up, T.command).map((c) => c.name),
            ["aurora-upgrade-snapshot", "aurora-upgrade-global"],
        );
        assert.strictEqual((up.outputs.upgradeSteps as UpgradeStepsRecord).component, "aurora");
        const next = await runProgramUnderMocks({
            program,
            config,
            currentState: { ...dev("17.5"), previousStackOutputs: up.outputs },
        });
        assert.deepStrictEqual(comparable(next.resources), comparable(up.resources));
        assert.deepStrictEqual(
            next.reads.map((r) => r.id),
            ["organization/aurora-global/dev"],
        );
    });
});
