import assert from "node:assert/strict";
import {
    CreateBlueGreenDeploymentCommand,
    CreateDBClusterParameterGroupCommand,
    DescribeDBClusterParametersCommand,
    DescribeDBClustersCommand,
    ModifyDBClusterCommand,
    ModifyDBClusterParameterGroupCommand,
    RebootDBInstanceCommand,
} from "@aws-sdk/client-rds";
import { blueGreenReady, messages, SimulatedRds } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { mysqlTopology, pgTopology, seeded } from "./helpers";

const MY_WRITER = "arn:aws:rds:us-east-1:123456789012:cluster:my-east";
const PG_WRITER = "arn:aws:rds:us-east-1:123456789012:cluster:pg-east";

function create(sim: SimulatedRds, source: string, target: string) {
    return sim.clientFor("us-east-1").send(
        new CreateBlueGreenDeploymentCommand({
            BlueGreenDeploymentName: "bg",
            Source: source,
            TargetEngineVersion: target,
        }),
    );
}

async function memberStatus(sim: SimulatedRds, cluster: string): Promise<(string | undefined)[]> {
    const out = await sim.clientFor("us-east-1").send(new DescribeDBClustersCommand({ DBClusterIdentifier: cluster }));
    return (out.DBClusters![0].DBClusterMembers ?? []).map((m) => m.DBClusterParameterGroupStatus);
}

const custom = (parameters: Record<string, string> = {}) => ({ name: "app-params", parameters });

describe("simulator: CreateBlueGreenDeployment refuses a writer not prepared for replication (docs/aws-rules.md §8)", () => {
    it("Aurora MySQL on AWS's default cluster parameter group", async () => {
        const sim = seeded(mysqlTopology(), { rateLimit: false });
        await expectAwsError(
            create(sim, MY_WRITER, "8.0.mysql_aurora.3.10.0"),
            "SourceClusterNotSupportedFault",
            messages.blueGreenDefaultGroup("my-east", "default.aurora-mysql8.0"),
        );
    });

    it("Aurora MySQL on a custom group with binary logging off (unset, or OFF)", async () => {
        const unset = seeded(
            mysqlTopology({
                members: [{ id: "my-east", region: "us-east-1", role: "primary", clusterParameterGroup: custom() }],
            }),
            { rateLimit: false },
        );
        await expectAwsError(
            create(unset, MY_WRITER, "8.0.mysql_aurora.3.10.0"),
            "SourceClusterNotSupportedFault",
            messages.blueGreenBinlogOff("my-east", "app-params", "OFF"),
        );
        assert.equal(
            messages.blueGreenBinlogOff("my-east", "app-params", "OFF"),
            "Blue/Green Deployments require a DB cluster with binary logging enabled. The DB cluster parameter group app-params of DB cluster my-east sets binlog_format to OFF. Before you create a Blue/Green Deployment for a DB cluster, associate the DB cluster with a custom DB cluster parameter group that enables binary logging.",
        );
        const off = seeded(
            mysqlTopology({
                members: [
                    {
                        id: "my-east",
                        region: "us-east-1",
                        role: "primary",
                        clusterParameterGroup: custom({ binlog_format: "OFF" }),
                    },
                ],
            }),
            { rateLimit: false },
        );
        await expectAwsError(
            create(off, MY_WRITER, "8.0.mysql_aurora.3.10.0"),
            "SourceClusterNotSupportedFault",
            messages.blueGreenBinlogOff("my-east", "app-params", "OFF"),
        );
        assert.equal(off.blueGreenDeployments().length, 0);
    });

    it("Aurora PostgreSQL without rds.logical_replication = 1, with AWS's text", async () => {
        const sim = seeded(
            pgTopology({
                members: [
                    {
                        id: "pg-east",
                        region: "us-east-1",
                        role: "primary",
                        clusterParameterGroup: custom({ "rds.logical_replication": "0" }),
                    },
                ],
            }),
            { rateLimit: false },
        );
        await expectAwsError(
            create(sim, PG_WRITER, "17.5"),
            "SourceClusterNotSupportedFault",
            "Blue/Green Deployments require a DB cluster with logical replication enabled. Before you create a Blue/Green Deployment for a DB cluster, associate the DB cluster with a custom DB cluster parameter group that enables logical replication.",
        );
    });

    it("a static parameter turned on waits for the writer's reboot: refused until RebootDBInstance, then created", async () => {
        const sim = seeded(
            mysqlTopology({
                members: [
                    {
                        id: "my-east",
                        region: "us-east-1",
                        role: "primary",
                        instances: 2,
                        clusterParameterGroup: custom(),
                    },
                ],
            }),
            { rateLimit: false },
        );
        const east = sim.clientFor("us-east-1");
        await expectAwsError(
            east.send(
                new ModifyDBClusterParameterGroupCommand({
                    DBClusterParameterGroupName: "app-params",
                    Parameters: [{ ParameterName: "binlog_format", ParameterValue: "ROW", ApplyMethod: "immediate" }],
                }),
            ),
            "InvalidParameterCombination",
            "cannot use immediate apply method for static parameter",
        );
        assert.deepEqual(await memberStatus(sim, "my-east"), ["in-sync", "in-sync"]);
        await east.send(
            new ModifyDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "app-params",
                Parameters: [{ ParameterName: "binlog_format", ParameterValue: "ROW", ApplyMethod: "pending-reboot" }],
            }),
        );
        const params = await east.send(
            new DescribeDBClusterParametersCommand({ DBClusterParameterGroupName: "app-params" }),
        );
        assert.deepEqual(
            params.Parameters?.map((p) => [p.ParameterName, p.ParameterValue, p.ApplyType]),
            [["binlog_format", "ROW", "static"]],
        );
        assert.deepEqual(await memberStatus(sim, "my-east"), ["pending-reboot", "pending-reboot"]);
        await expectAwsError(
            create(sim, MY_WRITER, "8.0.mysql_aurora.3.10.0"),
            "SourceClusterNotSupportedFault",
            messages.blueGreenWriterNotInSync("my-east", "my-east-instance-1", "app-params"),
        );
        // Rebooting the reader is not enough: the writer must be in sync.
        await east.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "my-east-instance-2" }));
        assert.deepEqual(await memberStatus(sim, "my-east"), ["pending-reboot", "in-sync"]);
        await expectAwsError(
            create(sim, MY_WRITER, "8.0.mysql_aurora.3.10.0"),
            "SourceClusterNotSupportedFault",
            messages.blueGreenWriterNotInSync("my-east", "my-east-instance-1", "app-params"),
        );
        await east.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "my-east-instance-1" }));
        assert.deepEqual(await memberStatus(sim, "my-east"), ["in-sync", "in-sync"]);
        const bg = (await create(sim, MY_WRITER, "8.0.mysql_aurora.3.10.0")).BlueGreenDeployment!;
        assert.equal(bg.Status, "PROVISIONING");
    });

    it("attaching another cluster parameter group (ModifyDBCluster) waits for a reboot too", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const east = sim.clientFor("us-east-1");
        await east.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "pg-logical",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "logical replication",
            }),
        );
        await east.send(
            new ModifyDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "pg-logical",
                Parameters: [
                    { ParameterName: "rds.logical_replication", ParameterValue: "1", ApplyMethod: "pending-reboot" },
                ],
            }),
        );
        assert.deepEqual(await memberStatus(sim, "pg-east"), ["in-sync", "in-sync"]);
        await east.send(
            new ModifyDBClusterCommand({ DBClusterIdentifier: "pg-east", DBClusterParameterGroupName: "pg-logical" }),
        );
        assert.deepEqual(await memberStatus(sim, "pg-east"), ["pending-reboot", "pending-reboot"]);
        await expectAwsError(
            create(sim, PG_WRITER, "17.5"),
            "SourceClusterNotSupportedFault",
            messages.blueGreenWriterNotInSync("pg-east", "pg-east-instance-1", "pg-logical"),
        );
        await east.send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "pg-east-instance-1" }));
        assert.equal((await create(sim, PG_WRITER, "17.5")).BlueGreenDeployment!.Status, "PROVISIONING");
    });

    it("blueGreenReady seeds what AWS asks: a custom group with the engine's parameter, every member in sync", async () => {
        const ready = blueGreenReady(pgTopology());
        assert.deepEqual(ready.members[0].clusterParameterGroup, {
            name: "bluegreen-aurora-postgresql17",
            parameters: { "rds.logical_replication": "1" },
        });
        const sim = seeded(ready, { rateLimit: false });
        assert.deepEqual(await memberStatus(sim, "pg-east"), ["in-sync", "in-sync"]);
        assert.equal((await create(sim, PG_WRITER, "17.5")).BlueGreenDeployment!.Status, "PROVISIONING");
    });
});
