import assert from "node:assert/strict";
import { DescribeDBEngineVersionsCommand, ModifyDBClusterCommand } from "@aws-sdk/client-rds";
import { createSimulatedRds, defaultCatalogue } from "../../testbeds/simulator";
import { MIN, pgTopology, seeded } from "./helpers";

describe("simulator: engine catalogue (DescribeDBEngineVersions)", () => {
    it("PostgreSQL 16.8: minor and major targets with global support and AutoUpgrade on the latest minor", async () => {
        const sim = createSimulatedRds();
        const out = await sim
            .clientFor("us-east-1")
            .send(new DescribeDBEngineVersionsCommand({ Engine: "aurora-postgresql", EngineVersion: "16.8" }));
        assert.equal(out.DBEngineVersions?.length, 1);
        const v = out.DBEngineVersions?.[0];
        assert.deepEqual([v?.SupportsGlobalDatabases, v?.DBParameterGroupFamily], [true, "aurora-postgresql16"]);
        assert.deepEqual(
            v?.ValidUpgradeTarget?.map((t) => [
                t.EngineVersion,
                t.IsMajorVersionUpgrade,
                t.SupportsGlobalDatabases,
                t.AutoUpgrade,
            ]),
            [
                ["17.4", true, true, false],
                ["17.5", true, true, false],
            ],
        );
        const pg174 = await sim
            .clientFor("us-east-1")
            .send(new DescribeDBEngineVersionsCommand({ Engine: "aurora-postgresql", EngineVersion: "17.4" }));
        assert.deepEqual(
            pg174.DBEngineVersions?.[0].ValidUpgradeTarget?.map((t) => [
                t.EngineVersion,
                t.IsMajorVersionUpgrade,
                t.AutoUpgrade,
            ]),
            [["17.5", false, true]],
        );
    });

    it("lists a version without global database support", async () => {
        const sim = createSimulatedRds();
        const out = await sim
            .clientFor("us-east-1")
            .send(new DescribeDBEngineVersionsCommand({ Engine: "aurora-postgresql", EngineVersion: "16.1" }));
        assert.equal(out.DBEngineVersions?.[0].SupportsGlobalDatabases, false);
        const from156 = await sim
            .clientFor("us-east-1")
            .send(new DescribeDBEngineVersionsCommand({ Engine: "aurora-postgresql", EngineVersion: "15.6" }));
        assert.equal(
            from156.DBEngineVersions?.[0].ValidUpgradeTarget?.find((t) => t.EngineVersion === "16.1")
                ?.SupportsGlobalDatabases,
            false,
        );
    });

    it("Aurora MySQL: 2 → 3 is major, 3 → 8.4 only from version 3", async () => {
        const sim = createSimulatedRds();
        const client = sim.clientFor("us-east-1");
        const v2 = await client.send(
            new DescribeDBEngineVersionsCommand({ Engine: "aurora-mysql", EngineVersion: "5.7.mysql_aurora.2.12.1" }),
        );
        assert.deepEqual(
            v2.DBEngineVersions?.[0].ValidUpgradeTarget?.map((t) => [t.EngineVersion, t.IsMajorVersionUpgrade]),
            [
                ["5.7.mysql_aurora.2.12.4", false],
                ["8.0.mysql_aurora.3.08.0", true],
                ["8.0.mysql_aurora.3.08.1", true],
                ["8.0.mysql_aurora.3.08.2", true],
                ["8.0.mysql_aurora.3.09.0", true],
                ["8.0.mysql_aurora.3.10.0", true],
            ],
        );
        const v3 = await client.send(
            new DescribeDBEngineVersionsCommand({ Engine: "aurora-mysql", EngineVersion: "8.0.mysql_aurora.3.09.0" }),
        );
        assert.deepEqual(
            v3.DBEngineVersions?.[0].ValidUpgradeTarget?.map((t) => t.EngineVersion),
            ["8.0.mysql_aurora.3.10.0", "8.4.7"],
        );
        const all = await client.send(new DescribeDBEngineVersionsCommand({ Engine: "aurora-mysql" }));
        assert.equal(all.DBEngineVersions?.length, 8);
    });

    it("a catalogue override decides what is a valid target and which patch level an upgrade lands on", async () => {
        const catalogue = [
            ...defaultCatalogue().filter((e) => e.version !== "17.5"),
            { engine: "aurora-postgresql" as const, version: "17.5", patchLevel: "17.5.9" },
        ];
        const sim = seeded(pgTopology(), { catalogue });
        await sim.clientFor("us-west-2").send(
            new ModifyDBClusterCommand({
                DBClusterIdentifier: "pg-west",
                EngineVersion: "17.5",
                ApplyImmediately: true,
            }),
        );
        await sim.clock.sleep(5 * MIN);
        assert.equal(sim.auroraVersion("pg-west"), "17.5.9");
        const only = seeded(pgTopology(), {
            catalogue: [{ engine: "aurora-postgresql", version: "17.4", upgradeTargets: [] }],
        });
        assert.equal(only.catalogue.isValidTarget("aurora-postgresql", "17.4", "17.5"), false);
    });
});
