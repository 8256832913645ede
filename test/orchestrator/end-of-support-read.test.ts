import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { describeTopology } from "../../aws/topology/describe";
import { toPlanInput } from "../../aws/topology/plan-input";
import { DEFAULT_PLAN_OPTIONS, planUpgrade } from "../../planner";
import { SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { cli, MYSQL_SEED, PG_ARGS, PG_SEED, simulate } from "./harness";

const gateway = (sim: SimulatedRds) => new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });

/** Aurora MySQL 2 (5.7): past its end of standard support (2024-10-31) on the simulator's date (2026-04-11). */
const MYSQL_2: SeedTopology = {
    ...MYSQL_SEED,
    version: "5.7.mysql_aurora.2.12.1",
    members: MYSQL_SEED.members.map((m) => ({ ...m, instanceClass: "db.r6g.xlarge" })),
};

describe("orchestrator: end of support read once (DescribeDBMajorEngineVersions) and stated in the plan", () => {
    it("a database in standard support: the dates, no instance reads", async () => {
        const sim = simulate(PG_SEED);
        const t = await describeTopology(gateway(sim), "us-east-1", "app-global", { target: readTarget("17.5") });
        assert.deepStrictEqual(t.lifecycles?.["17"], {
            major: "17",
            standardSupportEnds: "2030-02-28",
            extendedSupportEnds: "2033-02-28",
        });
        assert.strictEqual(sim.callsOf("DescribeDBMajorEngineVersions").length, 1);
        assert.strictEqual(sim.callsOf("DescribeDBInstances").length, 0);
        const plan = planUpgrade(toPlanInput(t, readTarget("17.5"), DEFAULT_PLAN_OPTIONS, sim.clock.now()));
        assert.strictEqual(plan.endOfSupport?.pastStandardSupport, false);
    });

    it("past the end of standard support: the instance classes are read and the plan states the monthly charge", async () => {
        const sim = simulate(MYSQL_2);
        const t = await describeTopology(gateway(sim), "eu-west-1", "shop-global", {
            target: readTarget("5.7.mysql_aurora.2.12.4"),
        });
        assert.deepStrictEqual(
            t.members.map((m) => m.instanceClasses),
            [["db.r6g.xlarge", "db.r6g.xlarge"], ["db.r6g.xlarge"], ["db.r6g.xlarge"]],
        );
        const plan = planUpgrade(
            toPlanInput(t, readTarget("5.7.mysql_aurora.2.12.4"), DEFAULT_PLAN_OPTIONS, sim.clock.now()),
        );
        assert.strictEqual(plan.endOfSupport?.major, "5.7");
        assert.strictEqual(plan.endOfSupport?.standardSupportEnds, "2024-10-31");
        // 4 instances × 4 vCPUs × $0.100 (year 2) × 730 h
        assert.deepStrictEqual(plan.endOfSupport?.charge, {
            vcpus: 16,
            usdPerVcpuHour: 0.1,
            year: 2,
            usdPerMonth: 1168,
            unknownClasses: [],
        });
        assert.match(plan.warnings?.[0] ?? "", /Aurora MySQL 5\.7: past the end of standard support \(2024-10-31\)/);
    });

    it("status does not read them (no target)", async () => {
        const sim = simulate(PG_SEED);
        assert.strictEqual((await cli(sim, ["status", ...PG_ARGS])).code, 0);
        assert.strictEqual(sim.callsOf("DescribeDBMajorEngineVersions").length, 0);
    });
});
