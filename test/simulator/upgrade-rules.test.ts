import assert from "node:assert/strict";
import {
    InvalidDBClusterStateFault,
    InvalidGlobalClusterStateFault,
    ModifyDBClusterCommand,
    ModifyGlobalClusterCommand,
    RDSClient,
} from "@aws-sdk/client-rds";
import { messages } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { MIN, mysqlTopology, pgTopology, seeded } from "./helpers";

const modifyCluster = (client: RDSClient, id: string, version: string, extra: Record<string, unknown> = {}) =>
    client.send(
        new ModifyDBClusterCommand({
            DBClusterIdentifier: id,
            EngineVersion: version,
            ApplyImmediately: true,
            ...extra,
        }),
    );
const modifyGlobal = (client: RDSClient, id: string, version: string, allowMajor?: boolean) =>
    client.send(
        new ModifyGlobalClusterCommand({
            GlobalClusterIdentifier: id,
            EngineVersion: version,
            AllowMajorVersionUpgrade: allowMajor,
        }),
    );

describe("simulator: AWS's upgrade rules (real codes and texts)", () => {
    it("refuses the primary before its secondaries: InvalidParameterValue, upgrade global replicas first", async () => {
        const sim = seeded(pgTopology());
        await expectAwsError(
            modifyCluster(sim.clientFor("us-east-1"), "pg-east", "17.5"),
            "InvalidParameterValue",
            messages.replicasFirst("pg-east"),
        );
        assert.ok(
            messages
                .replicasFirst("x")
                .includes("global replica(s) are running lower version. Please upgrade global replicas first"),
        );
        assert.equal(sim.cluster("pg-east").status, "available");
    });

    it("refuses the primary while one secondary is still upgrading", async () => {
        const sim = seeded(pgTopology());
        await modifyCluster(sim.clientFor("us-west-2"), "pg-west", "17.5");
        await modifyCluster(sim.clientFor("ap-northeast-1"), "pg-tokyo", "17.5");
        await sim.clock.sleep(5 * MIN);
        await expectAwsError(
            modifyCluster(sim.clientFor("us-east-1"), "pg-east", "17.5"),
            "InvalidParameterValue",
            messages.replicasFirst("pg-east"),
        );
        await sim.clock.sleep(3 * MIN);
        const out = await modifyCluster(sim.clientFor("us-east-1"), "pg-east", "17.5");
        assert.equal(out.DBCluster?.Status, "upgrading");
    });

    it("refuses an Aurora MySQL minor version through ModifyGlobalCluster", async () => {
        const sim = seeded(mysqlTopology());
        await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "my-global", "8.0.mysql_aurora.3.09.0"),
            "InvalidParameterValue",
            messages.mysqlMinorThroughGlobal(),
        );
        assert.ok(messages.mysqlMinorThroughGlobal().includes("only supports Major Version Upgrades"));
    });

    it("refuses an Aurora PostgreSQL minor through ModifyGlobalCluster where managed upgrades are off", async () => {
        const sim = seeded(pgTopology(), { managedMinorUpgrades: false });
        const err = await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "17.5"),
            "InvalidParameterValue",
            messages.postgresMinorThroughGlobalUnsupported(),
        );
        assert.ok(err.message.includes("can't perform minor version upgrades through ModifyGlobalCluster"));
    });

    it("refuses a major upgrade of a single member: InvalidParameterCombination", async () => {
        const sim = seeded(pgTopology({ version: "16.8" }));
        await expectAwsError(
            modifyCluster(sim.clientFor("us-west-2"), "pg-west", "17.5", { AllowMajorVersionUpgrade: true }),
            "InvalidParameterCombination",
            "Major Version Upgrade isn't supported in a single member of a global cluster. Use ModifyGlobalCluster instead.",
        );
    });

    it("refuses a major ModifyGlobalCluster without AllowMajorVersionUpgrade", async () => {
        const sim = seeded(pgTopology({ version: "16.8" }));
        await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "17.5"),
            "InvalidParameterCombination",
            "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version.",
        );
    });

    it("refuses a member without instances: InvalidDBClusterStateFault", async () => {
        const topology = pgTopology();
        const sim = seeded({
            ...topology,
            members: topology.members.map((m) => (m.id === "pg-west" ? { ...m, instances: 0 } : m)),
        });
        const err = await expectAwsError(
            modifyCluster(sim.clientFor("us-west-2"), "pg-west", "17.5"),
            "InvalidDBClusterStateFault",
            "Cannot modify engine version without a primary instance in DB cluster pg-west.",
        );
        assert.ok(err instanceof InvalidDBClusterStateFault);
    });

    it("refuses any upgrade while the global cluster is upgrading: InvalidGlobalClusterStateFault", async () => {
        const sim = seeded(pgTopology());
        await modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "17.5");
        const err = await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "17.5"),
            "InvalidGlobalClusterStateFault",
            messages.globalBusy("pg-global"),
        );
        assert.ok(err instanceof InvalidGlobalClusterStateFault);
        assert.ok(err.message.includes("is upgrading"));
        await expectAwsError(
            modifyCluster(sim.clientFor("us-west-2"), "pg-west", "17.5"),
            "InvalidGlobalClusterStateFault",
            messages.globalBusy("pg-global"),
        );
    });

    it("refuses to modify a member that is not available", async () => {
        const sim = seeded(mysqlTopology());
        await modifyCluster(sim.clientFor("eu-west-1"), "my-eu", "8.0.mysql_aurora.3.08.1");
        await expectAwsError(
            modifyCluster(sim.clientFor("eu-west-1"), "my-eu", "8.0.mysql_aurora.3.09.0"),
            "InvalidDBClusterStateFault",
            "DB cluster my-eu is not in available state (current state: upgrading).",
        );
    });

    it("refuses a target that is not a ValidUpgradeTarget, or unknown", async () => {
        const sim = seeded(mysqlTopology({ version: "5.7.mysql_aurora.2.12.1" }));
        await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "my-global", "8.4.7", true),
            "InvalidParameterCombination",
            "Cannot upgrade aurora-mysql from 5.7.mysql_aurora.2.12.1 to 8.4.7",
        );
        const pg = seeded(pgTopology());
        await expectAwsError(
            modifyCluster(pg.clientFor("us-west-2"), "pg-west", "17.9"),
            "InvalidParameterCombination",
            "Cannot upgrade aurora-postgresql from 17.4 to 17.9",
        );
        await expectAwsError(
            modifyCluster(pg.clientFor("us-west-2"), "pg-west", "seventeen"),
            "InvalidParameterCombination",
            "Cannot upgrade aurora-postgresql from 17.4 to seventeen",
        );
    });

    it("refuses a downgrade", async () => {
        const sim = seeded(pgTopology({ version: "17.5" }));
        await expectAwsError(
            modifyCluster(sim.clientFor("us-west-2"), "pg-west", "17.4"),
            "InvalidParameterCombination",
            "Cannot upgrade aurora-postgresql from 17.5 to 17.4",
        );
        await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "16.8", true),
            "InvalidParameterCombination",
            "Cannot upgrade aurora-postgresql from 17.5 to 16.8",
        );
    });

    it("refuses a target without global database support", async () => {
        const sim = seeded(pgTopology({ version: "15.6" }));
        await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "16.1", true),
            "InvalidParameterCombination",
            "The target engine version 16.1 of aurora-postgresql doesn't support global databases.",
        );
    });

    it("refuses an Aurora PostgreSQL major while rds.global_db_rpo is set", async () => {
        const topology = pgTopology({ version: "16.8" });
        const sim = seeded({
            ...topology,
            members: topology.members.map((m) => (m.role === "primary" ? { ...m, rpo: true } : m)),
        });
        await expectAwsError(
            modifyGlobal(sim.clientFor("us-east-1"), "pg-global", "17.5", true),
            "InvalidParameterCombination",
            messages.rpoOnMajor("pg-east"),
        );
        assert.equal(sim.globalCluster("pg-global").status, "available");
    });

    it("refuses a major of a cluster on a custom instance parameter group without DBInstanceParameterGroupName", async () => {
        const sim = seeded({
            engine: "aurora-postgresql",
            version: "16.8",
            members: [{ id: "solo", region: "us-east-1", role: "primary", instanceParameterGroup: "solo-pg16" }],
        });
        const client = sim.clientFor("us-east-1");
        await expectAwsError(
            modifyCluster(client, "solo", "17.5", { AllowMajorVersionUpgrade: true }),
            "InvalidParameterCombination",
            "The current DB instance parameter group solo-pg16 is custom. You must explicitly specify a new DB instance parameter group, either default or custom, for the engine version upgrade.",
        );
        await expectAwsError(
            modifyCluster(client, "solo", "17.5", {
                AllowMajorVersionUpgrade: true,
                DBInstanceParameterGroupName: "solo-pg16",
            }),
            "InvalidParameterCombination",
            { names: ["solo-pg16", "aurora-postgresql16", "aurora-postgresql17"] }, // AWS's text: snapshots-and-groups.test.ts
        );
        const out = await modifyCluster(client, "solo", "17.5", {
            AllowMajorVersionUpgrade: true,
            DBInstanceParameterGroupName: "default.aurora-postgresql17",
        });
        assert.equal(out.DBCluster?.Status, "upgrading");
    });

    it("refuses an Aurora MySQL primary patched above its secondary", async () => {
        const sim = seeded(mysqlTopology());
        await expectAwsError(
            modifyCluster(sim.clientFor("us-east-1"), "my-east", "8.0.mysql_aurora.3.08.1"),
            "InvalidParameterValue",
            messages.replicasFirst("my-east"),
        );
    });

    it("changes nothing for a refused call and records the error", async () => {
        const sim = seeded(pgTopology());
        await modifyCluster(sim.clientFor("us-east-1"), "pg-east", "17.5").catch(() => undefined);
        assert.deepEqual(
            sim.calls.map((c) => c.error?.name),
            ["InvalidParameterValue"],
        );
        assert.equal(sim.events.length, 0);
        assert.equal(sim.cluster("pg-east").engineVersion, "17.4");
    });
});
