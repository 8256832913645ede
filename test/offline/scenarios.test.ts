import { strict as assert } from "assert";
import { runScenario, ScenarioResult } from "../../testbeds/offline/run/offline-run";
import { notCreatable } from "../../testbeds/offline/scenario/created-aws";
import { listScenarios, loadScenario } from "../../testbeds/offline/scenario/load";
import { Scenario } from "../../testbeds/offline/scenario/types";
import { assertNames } from "../support/meaning";

/** Every scenario of scenarios/ end to end, in-process, at --speed max: it meets its expect block. */
describe("offline scenarios end to end (--speed max)", function () {
    this.timeout(60_000);

    it("ships at least the five scenarios of the issue", () => {
        for (const name of [
            "pg-managed-minor",
            "mysql-rolling-minor",
            "pg-major-opt-in",
            "pg-downgrade-blocked",
            "pending-patch-round",
        ]) {
            assert.ok(listScenarios().includes(name), `scenarios/${name}.yaml is missing`);
        }
    });

    for (const name of listScenarios()) {
        it(`${name} meets its expect block`, async () => {
            const scenario = loadScenario(name);
            const lines: string[] = [];
            const result: ScenarioResult = await runScenario(scenario, "max", (l) => lines.push(l));
            const output = lines.join("\n");
            const { expect } = scenario;
            assert.equal(result.start.created, notCreatable(scenario) === undefined, output);
            if (result.start.created)
                assert.match(
                    // after the user's own parameter groups, when the scenario has any
                    result.start.how.find((line) => line.startsWith("pulumi up")) ?? result.start.how[0],
                    /^pulumi up .*mock engine.*: CreateGlobalCluster ×1, CreateDBCluster ×\d+, CreateDBInstance ×\d+$/,
                );
            assert.equal(result.path, expect.path, output);
            assert.equal(result.blocked, expect.blocked, output);
            assert.equal(result.exitCode, expect.exitCode, output);
            assert.deepEqual(
                result.finalVersions,
                Object.fromEntries(
                    scenario.aws.members.map((m) => [
                        m.cluster,
                        expect.finalVersions?.[m.cluster] ?? expect.finalVersion,
                    ]),
                ),
                output,
            );
            if (expect.upgradeOrder) assert.deepEqual(result.upgradeOrder, expect.upgradeOrder, output);
            if (expect.snapshotOf) assert.deepEqual(result.snapshotsOf, [expect.snapshotOf], output);
            if (expect.blueGreen) assertBlueGreen(scenario, result, output);
            for (const fragment of expect.outputIncludes ?? [])
                assert.ok(output.includes(fragment), `missing ${JSON.stringify(fragment)} in:\n${output}`);
            if (expect.finalClusterParameterGroup)
                assert.deepEqual(
                    result.finalClusterParameterGroups,
                    Object.fromEntries(scenario.aws.members.map((m) => [m.cluster, expect.finalClusterParameterGroup])),
                    output,
                );
            if (result.snapshotPlanned && !expect.blocked) {
                assert.equal(result.snapshots.length, 1, `the plan's pre-upgrade snapshot was taken once\n${output}`);
            }
            if (expect.blocked) {
                assert.equal(result.mutatingCalls, 0);
                // The wording: command.test.ts.
                assertNames(output.replace(/\n {6}/g, " "), ["Nothing was changed in AWS", "0 mutating calls"]);
                if (expect.rules) assert.deepEqual([...new Set(result.rules)].sort(), [...expect.rules].sort());
            } else if (expect.exitCode === 0 && expect.path === "none") {
                // Nothing planned (e.g. a version AWS upgraded past the declared one): no AWS change at all.
                assert.equal(result.mutatingCalls, 0, output);
                assert.equal(result.nextPreview?.path, "none", output);
                assert.match(output, /failover ready: yes/);
            } else if (expect.exitCode === 0) {
                assert.ok(result.mutatingCalls > 0, "the upgrade made no AWS call");
                assert.equal(result.nextPreview?.path, "none", output);
                assert.equal(result.nextPreview?.steps, 0, output);
                assert.equal(
                    result.nextPreview?.keptSteps,
                    result.stepsDeclared,
                    "the next preview keeps every step of the update",
                );
                assert.equal(result.nextPreview?.drift, 0, output);
                assert.equal(result.nextPreview?.stepsLeftInState, 0, "no step of the update shows as a delete");
                assert.match(output, /failover ready: yes/);
            } else {
                assert.match(output, /STOPPED: /);
                assert.match(output, /failover ready: no/);
                assert.equal(result.nextPreview?.path, expect.path, "the next preview plans what is left");
            }
        });
    }
});

/**
 * A blue/green scenario's `expect.blueGreen`: one deployment created, switched over with the
 * expected timeout within the expected (virtual) time, and deleted; the old `-old1` clusters kept
 * (deletion protection on, tagged with the deployment, still at the old version) or gone.
 */
function assertBlueGreen(scenario: Scenario, result: ScenarioResult, output: string): void {
    const want = scenario.expect.blueGreen!;
    const bg = result.blueGreen;
    assert.ok(bg, `no blue/green outcome: the plan's path is ${result.path}\n${output}`);
    assert.equal(bg.deploymentsCreated, 1, output);
    assert.equal(bg.deploymentsLeft, 0, `the deployment is deleted after the switchover\n${output}`);
    assert.equal(bg.switchoverTimeoutSeconds, want.switchoverTimeoutSeconds, output);
    assert.ok(bg.switchoverSeconds !== undefined && bg.switchoverSeconds > 0, output);
    assert.ok(
        bg.switchoverSeconds <= want.switchoverWithinSeconds,
        `the switchover took ${bg.switchoverSeconds} s (virtual), more than ${want.switchoverWithinSeconds} s`,
    );
    const retiredBy = new Set(bg.oldClusters.map((c) => c.retiredBy));
    assert.deepEqual(
        bg.oldClusters.map(({ retiredBy: _, ...c }) => c),
        want.oldClusters === "keep"
            ? scenario.aws.members.map((m) => ({
                  cluster: `${m.cluster}-old1`,
                  region: m.region,
                  engineVersion: awsVersion(scenario),
                  deletionProtection: true,
              }))
            : [],
        output,
    );
    if (want.oldClusters === "keep") {
        assert.equal(retiredBy.size, 1, `every old cluster is tagged with the one deployment: ${[...retiredBy]}`);
        assert.match(String([...retiredBy][0]), /^bgd-[a-z0-9]{16}$/);
    }
}

/** The running version as EngineVersion shows it (PostgreSQL without the patch level). */
function awsVersion(scenario: Scenario): string {
    const v = scenario.aws.version;
    return scenario.aws.engine === "aurora-postgresql" ? v.split(".").slice(0, 2).join(".") : v;
}
