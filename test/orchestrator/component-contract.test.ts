import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { LEASE_GROUP_ENV } from "../../cli-contract/flags";
import { resolveUpgrade } from "../../components/config/upgrade-args";
import { stepGraph, StepSpec } from "../../components/steps/step-graph";
import { RdsGateway } from "../../aws/gateway";
import { describeTopology } from "../../aws/topology/describe";
import { toPlanInput } from "../../aws/topology/plan-input";
import { DEFAULT_PLAN_OPTIONS, planUpgrade } from "../../planner";
import { SimulatedRds } from "../../testbeds/simulator";
import { cli, engineModifies, MYSQL_SEED, mutatingCalls, PG_SEED, simulate } from "./harness";
import { nonEmpty } from "../support/non-empty";

/** Runs the component's step commands against the simulator in graph order (independent steps together). */
async function runGraph(sim: SimulatedRds, specs: readonly StepSpec[], homeRegion: string): Promise<string[]> {
    const done = new Set<string>();
    const order: string[] = [];
    while (done.size < specs.length) {
        const ready = specs.filter((s) => !done.has(s.key) && s.after.every((k) => done.has(k)));
        assert.ok(ready.length > 0, "the step graph has a cycle");
        const results = await Promise.all(
            ready.map((s) => {
                const argv = s.command.replace(resolveUpgrade(undefined).cli, "").trim().split(/\s+/);
                // The environment the component gives its steps: the region and the update's lease group.
                const env = { AWS_REGION: homeRegion, [LEASE_GROUP_ENV]: "update-1" };
                return cli(sim, argv, { env }).then((r) => ({ s, r }));
            }),
        );
        for (const { s, r } of nonEmpty(results, "result")) {
            assert.strictEqual(r.code, 0, `${s.key}: ${s.command}\n${r.stderr}`);
            done.add(s.key);
        }
        order.push(ready.map((s) => s.key).join("+"));
    }
    return order;
}

async function planFor(sim: SimulatedRds, region: string, id: string, target: string) {
    const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });
    const topology = await describeTopology(api, region, id, { target: readTarget(target) });
    return planUpgrade(toPlanInput(topology, readTarget(target), DEFAULT_PLAN_OPTIONS));
}

describe("orchestrator: the component's upgrade step commands run as the CLI expects", () => {
    it("Aurora MySQL rolling: snapshot, both secondaries, then the primary, one CLI run each", async () => {
        const sim = simulate(MYSQL_SEED);
        const target = "8.0.mysql_aurora.3.08.2";
        const specs = stepGraph(
            await planFor(sim, "eu-west-1", "shop-global", target),
            resolveUpgrade(undefined),
            "eu-west-1",
        );
        const order = await runGraph(sim, specs, "eu-west-1");
        assert.deepStrictEqual(order, ["snapshot", "secondary-us-east-1+secondary-ap-southeast-2", "primary"]);
        assert.deepStrictEqual(engineModifies(sim), [
            `shop-use1→${target}`,
            `shop-apse2→${target}`,
            `shop-euw1→${target}`,
        ]);
        assert.strictEqual(sim.callsOf("CreateDBClusterSnapshot").length, 1);
    });

    it("Aurora PostgreSQL managed: snapshot, then one global step", async () => {
        const sim = simulate(PG_SEED);
        const specs = stepGraph(
            await planFor(sim, "us-east-1", "app-global", "17.5"),
            resolveUpgrade(undefined),
            "us-east-1",
        );
        assert.deepStrictEqual(await runGraph(sim, specs, "us-east-1"), ["snapshot", "global"]);
        assert.deepStrictEqual(mutatingCalls(sim), [
            "us-east-1 CreateDBClusterSnapshot app-use1",
            "us-east-1 ModifyGlobalCluster app-global",
        ]);
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.5");
    });
});
