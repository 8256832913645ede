import assert from "node:assert/strict";
import {
    CreateDBClusterCommand,
    CreateDBInstanceCommand,
    CreateGlobalClusterCommand,
    DescribeGlobalClustersCommand,
    RDSServiceException,
} from "@aws-sdk/client-rds";
import { createSimulatedRds } from "../../testbeds/simulator";

/**
 * What AWS refuses at create and the component checks at preview (issue #20), refused by the
 * simulator from its own table (testbeds/simulator/create-rules.ts) with AWS's error code.
 */
const EAST = "us-east-1";
const cluster = (extra: Record<string, unknown>) =>
    new CreateDBClusterCommand({
        DBClusterIdentifier: "c",
        Engine: "aurora-postgresql",
        EngineVersion: "17.4",
        StorageEncrypted: true,
        ...extra,
    });

const ROWS: readonly { name: string; command: () => object; code: string; says: string }[] = [
    {
        name: "a global cluster identifier with an underscore",
        command: () =>
            new CreateGlobalClusterCommand({
                GlobalClusterIdentifier: "my_db",
                Engine: "aurora-postgresql",
                EngineVersion: "17.4",
            }),
        code: "InvalidParameterValue",
        says: "GlobalClusterIdentifier is not a valid identifier",
    },
    {
        name: "a cluster identifier of 64 characters",
        command: () => cluster({ DBClusterIdentifier: "a".repeat(64) }),
        code: "InvalidParameterValue",
        says: "DBClusterIdentifier is not a valid identifier",
    },
    {
        name: "the reserved master user rdsadmin",
        command: () => cluster({ MasterUsername: "rdsadmin" }),
        code: "InvalidParameterValue",
        says: "MasterUsername rdsadmin cannot be used as it is a reserved word used by the engine",
    },
    {
        name: "a tag key starting aws:",
        command: () => cluster({ Tags: [{ Key: "aws:owner", Value: "x" }] }),
        code: "InvalidParameterValue",
        says: "can't be prefixed with aws: or rds:",
    },
    {
        name: "a KMS key of another region",
        command: () => cluster({ KmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/k" }),
        code: "KMSKeyNotAccessibleFault",
        says: "does not exist, is not enabled or you do not have permissions to access it",
    },
    {
        name: "a KMS key that is no key identifier",
        command: () => cluster({ KmsKeyId: "my-key" }),
        code: "KMSKeyNotAccessibleFault",
        says: "[my-key]",
    },
    {
        name: "a KMS key with storage not encrypted",
        command: () => cluster({ StorageEncrypted: false, KmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/k" }),
        code: "InvalidParameterCombination",
        says: "StorageEncrypted",
    },
];

describe("simulator: create-time refusals the component also checks at preview", () => {
    for (const row of ROWS)
        it(`${row.name}: ${row.code}, nothing created`, async () => {
            const sim = createSimulatedRds({ rateLimit: false });
            const east = sim.clientFor(EAST);
            await assert.rejects(east.send(row.command() as CreateDBClusterCommand), (e: unknown) => {
                assert.ok(e instanceof RDSServiceException, String(e));
                assert.equal(e.name, row.code);
                assert.ok(e.message.includes(row.says), e.message);
                return true;
            });
            const globals = await east.send(new DescribeGlobalClustersCommand({}));
            assert.deepEqual(globals.GlobalClusters ?? [], []);
        });

    for (const instanceClass of ["db.t3.micro", "db.fake.huge", "db.m5.large"])
        it(`CreateDBInstance of ${instanceClass} (not orderable for Aurora): InvalidParameterCombination`, async () => {
            const sim = createSimulatedRds({ rateLimit: false });
            const east = sim.clientFor(EAST);
            await east.send(cluster({}));
            await assert.rejects(
                east.send(
                    new CreateDBInstanceCommand({
                        DBInstanceIdentifier: "c-1",
                        DBClusterIdentifier: "c",
                        Engine: "aurora-postgresql",
                        DBInstanceClass: instanceClass,
                    }),
                ),
                (e: unknown) => {
                    assert.ok(e instanceof RDSServiceException, String(e));
                    assert.equal(e.name, "InvalidParameterCombination");
                    assert.ok(
                        e.message.startsWith(
                            `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${instanceClass}, Engine=aurora-postgresql`,
                        ),
                        e.message,
                    );
                    return true;
                },
            );
        });

    it("identifiers are stored lowercase and found regardless of case", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        const east = sim.clientFor(EAST);
        await east.send(
            new CreateGlobalClusterCommand({
                GlobalClusterIdentifier: "APP",
                Engine: "aurora-postgresql",
                EngineVersion: "17.4",
            }),
        );
        const out = await east.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "App" }));
        assert.deepEqual(
            out.GlobalClusters?.map((g) => g.GlobalClusterIdentifier),
            ["app"],
        );
    });
});
