import assert from "node:assert/strict";
import { DescribeDBClustersCommand, ModifyGlobalClusterCommand } from "@aws-sdk/client-rds";
import { DEFAULT_EPOCH, SimulatedRds } from "../../testbeds/simulator";
import { MIN, mysqlTopology, pgTopology, seeded } from "./helpers";

const modifyGlobal = (sim: SimulatedRds, id: string, version: string, allowMajor?: boolean) =>
    sim.clientFor("us-east-1").send(
        new ModifyGlobalClusterCommand({
            GlobalClusterIdentifier: id,
            EngineVersion: version,
            AllowMajorVersionUpgrade: allowMajor,
        }),
    );

describe("simulator: ModifyGlobalCluster (managed minor and major)", () => {
    it("managed PostgreSQL minor: every member upgrades at once, the global version changes after the slowest", async () => {
        const sim = seeded(pgTopology());
        const out = await modifyGlobal(sim, "pg-global", "17.5");
        assert.equal(out.GlobalCluster?.Status, "upgrading");
        assert.deepEqual(
            sim.globalCluster("pg-global").members.map((m) => m.status),
            ["upgrading", "upgrading", "upgrading"],
        );
        await sim.clock.sleep(8 * MIN);
        assert.equal(sim.cluster("pg-tokyo").engineVersion, "17.5");
        assert.equal(sim.cluster("pg-east").status, "upgrading");
        assert.equal(sim.globalCluster("pg-global").engineVersion, "17.4");
        await sim.clock.sleep(2 * MIN);
        const g = sim.globalCluster("pg-global");
        assert.deepEqual([g.status, g.engineVersion], ["available", "17.5"]);
        assert.deepEqual(
            g.members.map((m) => m.auroraVersion),
            ["17.5.4", "17.5.4", "17.5.4"],
        );
        assert.deepEqual(
            sim.eventsOf("global-upgraded").map((e) => e.time - DEFAULT_EPOCH),
            [10 * MIN],
        );
    });

    it("a failure on any member rolls every member back when the operation ends", async () => {
        const sim = seeded(pgTopology());
        sim.faults.failUpgrade("pg-west");
        await modifyGlobal(sim, "pg-global", "17.5");
        await sim.clock.sleep(9 * MIN);
        assert.equal(sim.cluster("pg-west").status, "upgrading");
        await sim.clock.sleep(1 * MIN);
        const g = sim.globalCluster("pg-global");
        assert.deepEqual([g.status, g.engineVersion], ["available", "17.4"]);
        assert.deepEqual(
            g.members.map((m) => [m.status, m.auroraVersion]),
            [
                ["available", "17.4.5"],
                ["available", "17.4.5"],
                ["available", "17.4.5"],
            ],
        );
        assert.equal(
            sim.eventsOf("rolled-back", "pg-global")[0].message,
            "global upgrade of pg-global to 17.5.4 failed and was rolled back to 17.4",
        );
    });

    it("major with AllowMajorVersionUpgrade upgrades all members and resets parameter groups to the new defaults", async () => {
        const topology = pgTopology({ version: "16.8" });
        const sim = seeded({
            ...topology,
            members: topology.members.map((m) => ({
                ...m,
                clusterParameterGroup: `${m.id}-cpg16`,
                instanceParameterGroup: `${m.id}-pg16`,
            })),
        });
        await modifyGlobal(sim, "pg-global", "17.5", true);
        await sim.clock.sleep(10 * MIN);
        const east = sim.cluster("pg-east");
        assert.deepEqual(
            [east.engineVersion, east.clusterParameterGroup, east.instanceParameterGroups],
            ["17.5", "default.aurora-postgresql17", ["default.aurora-postgresql17", "default.aurora-postgresql17"]],
        );
        assert.equal(sim.globalCluster("pg-global").engineVersion, "17.5");
        const described = await sim
            .clientFor("us-west-2")
            .send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-west" }));
        assert.equal(described.DBClusters?.[0].DBClusterParameterGroup, "default.aurora-postgresql17");
    });

    it("Aurora MySQL 3 → 8.4 major through the global cluster", async () => {
        const sim = seeded(mysqlTopology({ version: "8.0.mysql_aurora.3.10.0" }));
        await modifyGlobal(sim, "my-global", "8.4.7", true);
        await sim.clock.sleep(6 * MIN);
        assert.deepEqual(
            sim.globalCluster("my-global").members.map((m) => m.engineVersion),
            ["8.4.7", "8.4.7"],
        );
        assert.equal(sim.globalCluster("my-global").engineVersion, "8.4.7");
    });

    it("the same version through ModifyGlobalCluster is a no-op", async () => {
        const sim = seeded(pgTopology());
        const out = await modifyGlobal(sim, "pg-global", "17.4");
        assert.equal(out.GlobalCluster?.Status, "available");
        assert.equal(sim.events.length, 0);
    });
});
