import { strict as assert } from "assert";
import { DescribeGlobalClustersCommand } from "@aws-sdk/client-rds";
import { PacedClock } from "../../testbeds/offline/run/paced-clock";
import { stackConfigs } from "../../testbeds/offline/run/preview";
import { notCreatable, startingState } from "../../testbeds/offline/scenario/created-aws";
import { loadScenario } from "../../testbeds/offline/scenario/load";
import { Scenario, ScenarioMember } from "../../testbeds/offline/scenario/types";
import { assertNames } from "../support/meaning";

/** The scenario with its members changed by `change`. */
function withMembers(scenario: Scenario, change: (m: ScenarioMember) => ScenarioMember): Scenario {
    return { ...scenario, aws: { ...scenario.aws, members: scenario.aws.members.map(change) } };
}

describe("offline run: the starting state is created as AWS creates it, then set up", function () {
    this.timeout(60_000);

    it("switched-over: the stack on main is created (us-east-1 writes), then SwitchoverGlobalCluster makes ap-northeast-1 the writer", async () => {
        const scenario = loadScenario("switched-over-rolling");
        const start = await startingState(scenario, stackConfigs(scenario).before, new PacedClock());
        const setUp = start.sim.calls.slice(0, start.firstCall).filter((c) => !c.command.startsWith("Describe"));
        assert.deepEqual(
            [...new Set(setUp.map((c) => c.command))],
            ["CreateGlobalCluster", "CreateDBCluster", "CreateDBInstance", "SwitchoverGlobalCluster"],
        );
        assert.ok(
            setUp.every((c) => !c.error),
            JSON.stringify(setUp.filter((c) => c.error)),
        );
        const out = await start.sim
            .clientFor("us-east-1")
            .send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "aurora-global-dev" }));
        assert.deepEqual(
            out.GlobalClusters?.[0]?.GlobalClusterMembers?.map((m) => [m.DBClusterArn?.split(":").pop(), m.IsWriter]),
            [
                ["aurora-global-dev-us-east-1", false],
                ["aurora-global-dev-ap-northeast-1", true],
            ],
        );
        assert.equal(out.GlobalClusters?.[0]?.FailoverState, undefined, "the switchover is over");
        assert.equal(start.how.length, 2, start.how.join("\n"));
        assertNames(start.how[1], [
            "SwitchoverGlobalCluster to aurora-global-dev-ap-northeast-1",
            "aurora-global-dev-us-east-1 (the stack's primaryRegion) is a secondary",
        ]);
    });
    it("what AWS decides on its own is set after creation: pending actions, upgrade durations, faults", async () => {
        const scenario = loadScenario("pending-patch-round");
        const start = await startingState(scenario, stackConfigs(scenario).before, new PacedClock());
        assert.equal(start.created, true);
        assert.deepEqual(
            start.sim.globalCluster("aurora-global-dev").members.map((m) => [m.id, m.pendingActions]),
            [
                ["aurora-global-dev-us-east-1", ["system-update"]],
                ["aurora-global-dev-ap-northeast-1", ["system-update"]],
            ],
        );
        assert.deepEqual(start.how.slice(1), [
            "AWS scheduled on aurora-global-dev-us-east-1: system-update → 17.4.6",
            "AWS scheduled on aurora-global-dev-ap-northeast-1: system-update → 17.4.6",
        ]);
    });
    it("a scenario whose aws: block is not what the stack on main creates is refused, naming every difference", async () => {
        const scenario = withMembers(loadScenario("pg-managed-minor"), (m) =>
            m.role === "primary" ? { ...m, instances: 3 } : { ...m, region: "eu-west-1" },
        );
        await assert.rejects(startingState(scenario, stackConfigs(scenario).before, new PacedClock()), (e: Error) => {
            const [head, differences] = e.message.split(" describes: ");
            assertNames(head, ["scenario pg-managed-minor", "Pulumi.dev.yaml with stackConfig"]);
            const each = differences.split("; ");
            assert.equal(each.length, 2, differences);
            assertNames(each[0], ["aurora-global-dev-us-east-1", "2 instance(s)", "says 3"]);
            assertNames(each[1], ["aurora-global-dev-ap-northeast-1", "in ap-northeast-1", "says eu-west-1"]);
            return true;
        });
    });
    it("a state creation cannot reach (a half-done upgrade) is seeded from the aws: block, and says why", async () => {
        const scenario = withMembers(loadScenario("pg-managed-minor"), (m) =>
            m.role === "secondary" ? { ...m, version: "17.5.4" } : m,
        );
        // The reason's wording, pinned once.
        assert.equal(
            notCreatable(scenario),
            "aurora-global-dev-ap-northeast-1 runs 17.5.4 while the database runs 17.4.5 (a half-done upgrade)",
        );
        const start = await startingState(scenario, stackConfigs(scenario).before, new PacedClock());
        assert.equal(start.created, false);
        assert.equal(start.sim.calls.length, 0, "nothing was created");
        assert.equal(start.how.length, 1, start.how.join("\n"));
        assertNames(start.how[0], ["seeded from the scenario file's aws: block", notCreatable(scenario)!]);
    });
    it("a stack on main that AWS would refuse (a version AWS does not have) fails with the component's check of AWS's catalogue", async () => {
        const scenario: Scenario = { ...loadScenario("pg-managed-minor"), stackConfig: { engineVersion: "17.3" } };
        await assert.rejects(startingState(scenario, stackConfigs(scenario).before, new PacedClock()), (e: Error) => {
            assert.ok(e.message.startsWith("creating the stack on main failed"), e.message);
            assertNames(e.message, [
                'AuroraGlobalDatabase "aurora" has invalid arguments (2 problems)',
                '[engine-version-not-offered] engineVersion "17.3"',
                "aurora-postgresql in us-east-1",
            ]);
            return true;
        });
    });
});
