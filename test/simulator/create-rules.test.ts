import assert from "node:assert/strict";
import { CreateDBClusterCommand, CreateDBInstanceCommand, CreateGlobalClusterCommand } from "@aws-sdk/client-rds";
import { createSimulatedRds, SimulatedRds } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";

/** A global cluster at 17.4 with its primary (and writer) in us-east-1. */
async function withPrimary(writer = true): Promise<SimulatedRds> {
    const sim = createSimulatedRds({ rateLimit: false });
    const east = sim.clientFor("us-east-1");
    await east.send(
        new CreateGlobalClusterCommand({
            GlobalClusterIdentifier: "g",
            Engine: "aurora-postgresql",
            EngineVersion: "17.4",
        }),
    );
    await east.send(
        new CreateDBClusterCommand({
            DBClusterIdentifier: "g-us-east-1",
            GlobalClusterIdentifier: "g",
            Engine: "aurora-postgresql",
            EngineVersion: "17.4",
            StorageEncrypted: true,
        }),
    );
    if (writer)
        await east.send(
            new CreateDBInstanceCommand({
                DBInstanceIdentifier: "g-us-east-1-1",
                DBClusterIdentifier: "g-us-east-1",
                Engine: "aurora-postgresql",
                DBInstanceClass: "db.r6g.large",
            }),
        );
    return sim;
}

const secondary = (extra: Record<string, unknown> = {}) =>
    new CreateDBClusterCommand({
        DBClusterIdentifier: "g-ap-northeast-1",
        GlobalClusterIdentifier: "g",
        Engine: "aurora-postgresql",
        EngineVersion: "17.4",
        StorageEncrypted: true,
        KmsKeyId: "arn:aws:kms:ap-northeast-1:123456789012:key/k",
        ...extra,
    });

describe("simulator: AWS's create-time rules (CreateGlobalCluster, CreateDBCluster, CreateDBInstance)", () => {
    it("creates a global database: primary with its writer, then an encrypted secondary with a key of its region", async () => {
        const sim = await withPrimary();
        await sim.clientFor("ap-northeast-1").send(secondary());
        const g = sim.globalCluster("g");
        assert.deepEqual(
            g.members.map((m) => [m.id, m.role, m.engineVersion]),
            [
                ["g-us-east-1", "primary", "17.4"],
                ["g-ap-northeast-1", "secondary", "17.4"],
            ],
        );
    });
    it("refuses an encrypted cross-region replica without kmsKeyId", async () => {
        const sim = await withPrimary();
        await expectAwsError(
            sim.clientFor("ap-northeast-1").send(secondary({ KmsKeyId: undefined })),
            "InvalidParameterCombination",
            "For encrypted cross-region replica, kmsKeyId should be explicitly specified",
        );
        assert.equal(sim.globalCluster("g").members.length, 1, "nothing created");
    });
    it("refuses a DB instance at another version than its cluster's", async () => {
        const sim = await withPrimary();
        await expectAwsError(
            sim.clientFor("us-east-1").send(
                new CreateDBInstanceCommand({
                    DBInstanceIdentifier: "g-us-east-1-2",
                    DBClusterIdentifier: "g-us-east-1",
                    Engine: "aurora-postgresql",
                    EngineVersion: "17.5",
                    DBInstanceClass: "db.r6g.large",
                }),
            ),
            "InvalidParameterCombination",
            "The engine version that you requested for your DB instance (17.5) does not match the engine version of your DB cluster (17.4).",
        );
    });
    it("refuses an engine version AWS does not have (17.4.5: patch levels are not engine versions)", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await expectAwsError(
            sim.clientFor("us-east-1").send(
                new CreateGlobalClusterCommand({
                    GlobalClusterIdentifier: "g",
                    Engine: "aurora-postgresql",
                    EngineVersion: "17.4.5",
                }),
            ),
            "InvalidParameterValue",
            "The requested engine version was not found or does not support global functionality",
        );
    });
    it("refuses a secondary at another version than the global cluster", async () => {
        const sim = await withPrimary();
        await expectAwsError(
            sim.clientFor("ap-northeast-1").send(secondary({ EngineVersion: "17.5" })),
            "InvalidParameterValue",
            "Value for engineVersion should match setting for global cluster",
        );
    });
    it("refuses a secondary before the primary has a writer instance", async () => {
        const sim = await withPrimary(false);
        await expectAwsError(
            sim.clientFor("ap-northeast-1").send(secondary()),
            "InvalidDBClusterStateFault",
            "Source cluster: arn:aws:rds:us-east-1:123456789012:cluster:g-us-east-1 is in a state which is not valid for physical replication",
        );
        assert.equal(sim.globalCluster("g").members.length, 1, "nothing created");
    });
});
