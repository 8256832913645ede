import { strict as assert } from "assert";
import { runScenario, ScenarioResult } from "../../testbeds/offline/run/offline-run";
import { listScenarios, loadScenario } from "../../testbeds/offline/scenario/load";

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
            if (result.snapshotPlanned && !expect.blocked) {
                assert.equal(result.snapshots.length, 1, `the plan's pre-upgrade snapshot was taken once\n${output}`);
            }
            if (expect.blocked) {
                assert.equal(result.mutatingCalls, 0);
                assert.match(
                    output,
                    /Nothing was changed in AWS: the preview only read \(.+\); the simulated control plane's call log holds 0 mutating calls\./,
                );
                if (expect.rules) assert.deepEqual([...new Set(result.rules)].sort(), [...expect.rules].sort());
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
