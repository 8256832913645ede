import assert from "node:assert/strict";
import {
    CreateDBClusterParameterGroupCommand,
    CreateDBClusterSnapshotCommand,
    CreateDBParameterGroupCommand,
    DBClusterSnapshotAlreadyExistsFault,
    DescribeDBClusterParameterGroupsCommand,
    DescribeDBClusterParametersCommand,
    DescribeDBClusterSnapshotsCommand,
    DescribeDBInstancesCommand,
    DescribeDBParameterGroupsCommand,
    ModifyDBClusterCommand,
    ModifyDBClusterParameterGroupCommand,
    ModifyDBInstanceCommand,
    RebootDBInstanceCommand,
    ResetDBClusterParameterGroupCommand,
} from "@aws-sdk/client-rds";
import { expectAwsError } from "../support/aws-error";
import { MIN, pgTopology, seeded } from "./helpers";

describe("simulator: snapshots, parameter groups, instances", () => {
    it("a cluster snapshot is creating, then available after its duration", async () => {
        const sim = seeded(pgTopology(), { snapshotDurationMs: 3 * MIN });
        const east = sim.clientFor("us-east-1");
        const created = await east.send(
            new CreateDBClusterSnapshotCommand({
                DBClusterIdentifier: "pg-east",
                DBClusterSnapshotIdentifier: "pre-upgrade",
            }),
        );
        assert.deepEqual(
            [created.DBClusterSnapshot?.Status, created.DBClusterSnapshot?.EngineVersion],
            ["creating", "17.4"],
        );
        assert.equal(
            created.DBClusterSnapshot?.DBClusterSnapshotArn,
            "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:pre-upgrade",
        );
        await sim.clock.sleep(3 * MIN);
        const described = await east.send(
            new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "pre-upgrade" }),
        );
        assert.deepEqual(
            [described.DBClusterSnapshots?.[0].Status, described.DBClusterSnapshots?.[0].PercentProgress],
            ["available", 100],
        );
        assert.equal(sim.eventsOf("snapshot-available", "pre-upgrade").length, 1);
    });

    it("refuses a duplicate snapshot identifier and an unknown one", async () => {
        const sim = seeded(pgTopology());
        const east = sim.clientFor("us-east-1");
        await east.send(
            new CreateDBClusterSnapshotCommand({ DBClusterIdentifier: "pg-east", DBClusterSnapshotIdentifier: "s1" }),
        );
        const err = await expectAwsError(
            east.send(
                new CreateDBClusterSnapshotCommand({
                    DBClusterIdentifier: "pg-east",
                    DBClusterSnapshotIdentifier: "s1",
                }),
            ),
            "DBClusterSnapshotAlreadyExistsFault",
            "Cannot create the cluster snapshot because one with the identifier s1 already exists.",
        );
        assert.ok(err instanceof DBClusterSnapshotAlreadyExistsFault);
        await expectAwsError(
            east.send(new DescribeDBClusterSnapshotsCommand({ DBClusterSnapshotIdentifier: "s2" })),
            "DBClusterSnapshotNotFoundFault",
            "DBClusterSnapshot s2 not found.",
        );
    });

    it("cluster parameter groups: create, set and reset rds.global_db_rpo, describe", async () => {
        const sim = seeded(pgTopology());
        const west = sim.clientFor("us-west-2");
        await west.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "west-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "custom",
            }),
        );
        await west.send(
            new ModifyDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "west-17",
                Parameters: [{ ParameterName: "rds.global_db_rpo", ParameterValue: "20", ApplyMethod: "immediate" }],
            }),
        );
        const params = await west.send(
            new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: "west-17" }),
        );
        assert.deepEqual(
            params.Parameters?.map((p) => [p.ParameterName, p.ParameterValue, p.Source]),
            [["rds.global_db_rpo", "20", "user"]],
        );
        await west.send(
            new ResetDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "west-17",
                Parameters: [{ ParameterName: "rds.global_db_rpo" }],
            }),
        );
        assert.deepEqual(
            (await west.send(new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: "west-17" })))
                .Parameters,
            [],
        );
        const groups = await west.send(
            new DescribeDBClusterParameterGroupsCommand({ DBClusterParameterGroupName: "west-17" }),
        );
        assert.deepEqual(
            groups.DBClusterParameterGroups?.map((g) => [g.DBClusterParameterGroupName, g.DBParameterGroupFamily]),
            [["west-17", "aurora-postgresql17"]],
        );
        const inEast = sim
            .clientFor("us-east-1")
            .send(new DescribeDBClusterParameterGroupsCommand({ DBClusterParameterGroupName: "west-17" }));
        await expectAwsError(inEast, "DBParameterGroupNotFoundFault", "DBClusterParameterGroup not found: west-17");
    });

    it("refuses to modify a default group and to create a duplicate", async () => {
        const sim = seeded(pgTopology());
        const east = sim.clientFor("us-east-1");
        await expectAwsError(
            east.send(
                new ModifyDBClusterParameterGroupCommand({
                    DBClusterParameterGroupName: "default.aurora-postgresql17",
                    Parameters: [{ ParameterName: "x", ParameterValue: "1" }],
                }),
            ),
            "InvalidDBParameterGroupStateFault",
            "Default parameter group default.aurora-postgresql17 cannot be modified.",
        );
        await east.send(
            new CreateDBParameterGroupCommand({
                DBParameterGroupName: "inst-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "d",
            }),
        );
        await expectAwsError(
            east.send(
                new CreateDBParameterGroupCommand({
                    DBParameterGroupName: "inst-17",
                    DBParameterGroupFamily: "aurora-postgresql17",
                    Description: "d",
                }),
            ),
            "DBParameterGroupAlreadyExistsFault",
            "Parameter group inst-17 already exists",
        );
        const listed = await east.send(new DescribeDBParameterGroupsCommand({}));
        assert.deepEqual(listed.DBParameterGroups?.map((g) => g.DBParameterGroupName).sort(), [
            "default.aurora-postgresql17",
            "inst-17",
        ]);
    });

    it("ModifyDBCluster applies a cluster parameter group of the same family", async () => {
        const sim = seeded(pgTopology());
        const east = sim.clientFor("us-east-1");
        await east.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "east-16",
                DBParameterGroupFamily: "aurora-postgresql16",
                Description: "old",
            }),
        );
        await expectAwsError(
            east.send(
                new ModifyDBClusterCommand({ DBClusterIdentifier: "pg-east", DBClusterParameterGroupName: "east-16" }),
            ),
            "InvalidParameterCombination",
            "The parameter group east-16 with DBParameterGroupFamily aurora-postgresql16 can't be used for this instance. Use a parameter group with DBParameterGroupFamily aurora-postgresql17.",
        );
        await east.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "east-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "new",
            }),
        );
        const out = await east.send(
            new ModifyDBClusterCommand({ DBClusterIdentifier: "pg-east", DBClusterParameterGroupName: "east-17" }),
        );
        assert.equal(out.DBCluster?.DBClusterParameterGroup, "east-17");
    });

    it("ModifyDBInstance sets a parameter group pending-reboot; RebootDBInstance applies it", async () => {
        const sim = seeded(pgTopology(), { rebootDurationMs: MIN });
        const east = sim.clientFor("us-east-1");
        await east.send(
            new CreateDBParameterGroupCommand({
                DBParameterGroupName: "inst-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "d",
            }),
        );
        const modified = await east.send(
            new ModifyDBInstanceCommand({
                DBInstanceIdentifier: "pg-east-instance-1",
                DBParameterGroupName: "inst-17",
            }),
        );
        assert.deepEqual(modified.DBInstance?.DBParameterGroups, [
            { DBParameterGroupName: "inst-17", ParameterApplyStatus: "pending-reboot" },
        ]);
        const rebooting = await east.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "pg-east-instance-1" }));
        assert.equal(rebooting.DBInstance?.DBInstanceStatus, "rebooting");
        await sim.clock.sleep(MIN);
        const after = await east.send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: "pg-east-instance-1" }));
        assert.deepEqual(
            [
                after.DBInstances?.[0].DBInstanceStatus,
                after.DBInstances?.[0].DBParameterGroups?.[0].ParameterApplyStatus,
            ],
            ["available", "in-sync"],
        );
        assert.equal(sim.eventsOf("rebooted", "pg-east-instance-1").length, 1);
    });
});
