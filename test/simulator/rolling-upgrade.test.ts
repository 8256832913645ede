import assert from "node:assert/strict";
import { DescribeDBClustersCommand, DescribeGlobalClustersCommand, ModifyDBClusterCommand } from "@aws-sdk/client-rds";
import { DEFAULT_EPOCH, VirtualClock } from "../../testbeds/simulator";
import { MIN, mysqlTopology, pgTopology, seeded } from "./helpers";
import { expectAwsError } from "../support/aws-error";

const upgrade = (sim: ReturnType<typeof seeded>, region: string, id: string, version: string) =>
    sim
        .clientFor(region)
        .send(new ModifyDBClusterCommand({ DBClusterIdentifier: id, EngineVersion: version, ApplyImmediately: true }));

describe("simulator: rolling upgrades, evaluated lazily from the clock", () => {
    it("a member goes upgrading at once and available at the target after its duration", async () => {
        const clock = new VirtualClock({ autoAdvance: false });
        const sim = seeded(pgTopology(), { clock });
        const out = await upgrade(sim, "us-west-2", "pg-west", "17.5");
        assert.equal(out.DBCluster?.Status, "upgrading");
        assert.equal(out.DBCluster?.EngineVersion, "17.4");
        await clock.advance(5 * MIN - 1);
        assert.deepEqual([sim.cluster("pg-west").status, sim.cluster("pg-west").engineVersion], ["upgrading", "17.4"]);
        await clock.advance(1);
        const described = await sim
            .clientFor("us-west-2")
            .send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-west" }));
        assert.deepEqual(
            [described.DBClusters?.[0].Status, described.DBClusters?.[0].EngineVersion],
            ["available", "17.5"],
        );
        assert.equal(sim.auroraVersion("pg-west"), "17.5.4");
    });

    it("the global EngineVersion follows only when every member agrees, stamped at the right time", async () => {
        const sim = seeded(pgTopology());
        await Promise.all([
            upgrade(sim, "us-west-2", "pg-west", "17.5"),
            upgrade(sim, "ap-northeast-1", "pg-tokyo", "17.5"),
        ]);
        await sim.clock.sleep(8 * MIN);
        assert.equal(sim.globalCluster("pg-global").engineVersion, "17.4");
        await upgrade(sim, "us-east-1", "pg-east", "17.5");
        await sim.clock.sleep(10 * MIN);
        const g = await sim
            .clientFor("us-east-1")
            .send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "pg-global" }));
        assert.equal(g.GlobalClusters?.[0].EngineVersion, "17.5");
        assert.deepEqual(sim.finishTimes(), {
            "pg-west": DEFAULT_EPOCH + 5 * MIN,
            "pg-tokyo": DEFAULT_EPOCH + 8 * MIN,
            "pg-east": DEFAULT_EPOCH + 18 * MIN,
        });
        const changed = sim.eventsOf("global-version-changed", "pg-global");
        assert.deepEqual(
            changed.map((e) => [e.time - DEFAULT_EPOCH, e.version]),
            [[18 * MIN, "17.5"]],
        );
        assert.equal(sim.eventsOf("member-upgraded", "pg-west")[0].message, "member pg-west reached 17.5 (17.5.4)");
    });

    it("events are in virtual-time order even when observed late", async () => {
        const clock = new VirtualClock({ autoAdvance: false });
        const sim = seeded(pgTopology(), { clock });
        await upgrade(sim, "ap-northeast-1", "pg-tokyo", "17.5");
        await upgrade(sim, "us-west-2", "pg-west", "17.5");
        await clock.advance(60 * MIN);
        const finished = sim.eventsOf("member-upgraded").map((e) => [e.subject, e.time - DEFAULT_EPOCH]);
        assert.deepEqual(finished, [
            ["pg-west", 5 * MIN],
            ["pg-tokyo", 8 * MIN],
        ]);
    });

    it("failUpgrade: the member ends in upgrade_failed at its old version and may be retried", async () => {
        const sim = seeded(mysqlTopology());
        sim.faults.failUpgrade("my-eu");
        await upgrade(sim, "eu-west-1", "my-eu", "8.0.mysql_aurora.3.08.1");
        await sim.clock.sleep(6 * MIN);
        const c = sim.cluster("my-eu");
        assert.deepEqual([c.status, c.engineVersion], ["upgrade_failed", "8.0.mysql_aurora.3.08.0"]);
        assert.equal(sim.eventsOf("upgrade-failed", "my-eu").length, 1);
        await upgrade(sim, "eu-west-1", "my-eu", "8.0.mysql_aurora.3.08.1");
        await sim.clock.sleep(6 * MIN);
        assert.deepEqual(
            [sim.cluster("my-eu").status, sim.cluster("my-eu").engineVersion],
            ["available", "8.0.mysql_aurora.3.08.1"],
        );
    });

    it("slowUpgrade and setUpgradeDuration change how long a member takes", async () => {
        const sim = seeded(pgTopology());
        sim.setUpgradeDuration("pg-west", 2 * MIN);
        sim.faults.slowUpgrade("pg-tokyo", 30 * MIN);
        await Promise.all([
            upgrade(sim, "us-west-2", "pg-west", "17.5"),
            upgrade(sim, "ap-northeast-1", "pg-tokyo", "17.5"),
        ]);
        await sim.clock.sleep(60 * MIN);
        assert.deepEqual(sim.finishTimes(), {
            "pg-west": DEFAULT_EPOCH + 2 * MIN,
            "pg-tokyo": DEFAULT_EPOCH + 38 * MIN,
        });
    });

    it("without ApplyImmediately the version waits in PendingModifiedValues", async () => {
        const sim = seeded(pgTopology());
        const out = await sim
            .clientFor("us-west-2")
            .send(new ModifyDBClusterCommand({ DBClusterIdentifier: "pg-west", EngineVersion: "17.5" }));
        assert.equal(out.DBCluster?.Status, "available");
        assert.deepEqual(out.DBCluster?.PendingModifiedValues, { EngineVersion: "17.5" });
        assert.equal(sim.events.length, 0);
    });

    it("a member already at the target is a no-op", async () => {
        const sim = seeded(pgTopology());
        const out = await upgrade(sim, "us-west-2", "pg-west", "17.4");
        assert.equal(out.DBCluster?.Status, "available");
        assert.equal(sim.events.length, 0);
    });

    it("counts describe calls per member", async () => {
        const sim = seeded(pgTopology());
        const west = sim.clientFor("us-west-2");
        for (let i = 0; i < 3; i++) await west.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-west" }));
        await sim.clientFor("us-east-1").send(
            new DescribeDBClustersCommand({
                DBClusterIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:pg-east",
            }),
        );
        await west.send(new DescribeDBClustersCommand({}));
        assert.deepEqual(sim.describeCallsPerMember(), { "pg-west": 3, "pg-east": 1, "*": 1 });
        assert.equal(sim.callsOf("DescribeDBClustersCommand").length, 5);
    });
});

describe("simulator: forced statuses", () => {
    it("holdStatus makes a member report modifying for a while and refuses upgrades meanwhile", async () => {
        const sim = seeded(pgTopology());
        sim.holdStatus("pg-west", "modifying", 2 * MIN);
        const described = await sim
            .clientFor("us-west-2")
            .send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-west" }));
        assert.equal(described.DBClusters?.[0].Status, "modifying");
        // AWS's text: upgrade-rules.test.ts.
        await expectAwsError(upgrade(sim, "us-west-2", "pg-west", "17.5"), "InvalidDBClusterStateFault", {
            names: ["DB cluster pg-west", "(current state: modifying)"],
        });
        await sim.clock.sleep(2 * MIN);
        assert.equal((await upgrade(sim, "us-west-2", "pg-west", "17.5")).DBCluster?.Status, "upgrading");
    });
});
