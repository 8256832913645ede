import * as assert from "node:assert/strict";
import { cli, engineModifies, PG_ARGS, PG_BG_SEED, PG_SEED, simulate } from "./harness";
import { SimulatedRds } from "../../testbeds/simulator";

const count = (sim: SimulatedRds, command: string) => sim.callsOf(command).filter((c) => !c.error).length;
const upgrade = (strategy: string) => ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", strategy];

/** The path `plan` chooses for 17.5 with `strategy`. */
async function pathOf(sim: SimulatedRds, strategy: string): Promise<string> {
    const plan = await cli(sim, ["plan", ...PG_ARGS, "--target", "17.5", "--strategy", strategy, "--format", "json"]);
    return JSON.parse(plan.stdout).path;
}

/**
 * Issue #26 item 4: the planner is the only reader of the strategy; `upgrade` runs the blue/green
 * runner when the plan's path is blue-green, or when the plan has nothing to do in place and AWS
 * reports this target's deployment of an earlier run (the switched-over resume).
 */
describe("orchestrator CLI: the blue/green run is chosen from the plan's path and what AWS reports", () => {
    it("path blue-green: the blue/green runner (one deployment, switched over)", async () => {
        const sim = simulate(PG_BG_SEED);
        assert.equal(await pathOf(sim, "blue-green"), "blue-green");
        const run = await cli(sim, upgrade("blue-green"));
        assert.equal(run.code, 0, run.stderr);
        assert.equal(count(sim, "CreateBlueGreenDeployment"), 1);
        assert.equal(count(sim, "SwitchoverBlueGreenDeployment"), 1);
        assert.deepEqual(engineModifies(sim), []);
    });

    it("switched over, cleanup left: the re-run's plan is path none, and AWS's deployment takes it to the blue/green runner whatever --strategy says", async () => {
        const sim = simulate(PG_BG_SEED);
        let seen = 0;
        const killed = await cli(sim, upgrade("blue-green"), {
            hooks: {
                onPoll: (_id, status) => {
                    if (status === "SWITCHOVER_COMPLETED" && ++seen === 1)
                        throw new Error("killed after the switchover");
                },
            },
        });
        assert.equal(killed.code, 1);
        assert.equal(sim.blueGreenDeployments().length, 1, "the deployment is left for the re-run");
        assert.equal(await pathOf(sim, "rolling"), "none");
        const again = await cli(sim, upgrade("rolling"));
        assert.equal(again.code, 0, again.stderr);
        assert.match(again.stderr, /blue\/green deployment bgd-[a-z0-9]+ \("ag-app-global-to-17-5"\) found: /);
        assert.match(again.stdout, /^blue-green .* → 17\.5/m);
        assert.equal(count(sim, "DeleteBlueGreenDeployment"), 1);
        assert.equal(count(sim, "CreateBlueGreenDeployment"), 1);
        assert.deepEqual(engineModifies(sim), [], "no in-place upgrade of a database that runs the target");
    });

    it("path rolling: never looks for a deployment (no DescribeBlueGreenDeployments), upgrades in place", async () => {
        const sim = simulate(PG_SEED);
        const run = await cli(sim, upgrade("rolling"));
        assert.equal(run.code, 0, run.stderr);
        assert.equal(sim.callsOf("DescribeBlueGreenDeployments").length, 0);
        assert.deepEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
    });

    it("path none, no deployment: nothing to do, exit 0, whatever --strategy says", async () => {
        const sim = simulate({ ...PG_BG_SEED, version: "17.5" });
        for (const strategy of ["blue-green", "auto"]) {
            const run = await cli(sim, upgrade(strategy));
            assert.equal(run.code, 0, run.stderr);
            assert.match(run.stdout, /nothing to do/);
        }
        assert.equal(count(sim, "CreateBlueGreenDeployment"), 0);
        assert.deepEqual(engineModifies(sim), []);
    });
});
