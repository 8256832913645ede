import assert from "node:assert/strict";
import {
    CreateDBClusterParameterGroupCommand,
    ModifyDBClusterParameterGroupCommand,
    RDSClient,
} from "@aws-sdk/client-rds";
import { changedResources, databaseChangingTo, describeResult, RealPulumiBed } from "./real-pulumi";

const GROUP = "app-logical";

/**
 * Issue #19 item 4: a blue/green upgrade through `pulumi up` under the real engine, then a preview
 * that replaces nothing. The writer runs on a custom cluster parameter group with
 * rds.logical_replication = 1, as AWS asks of a blue/green source (docs/aws-rules.md §8); the group
 * exists in every region (AWS uses the target regions' groups of the same name).
 */
describe("real Pulumi: a blue/green upgrade through pulumi up", function () {
    this.timeout(25 * 60_000);
    const bed = new RealPulumiBed();

    before(() =>
        databaseChangingTo(
            bed,
            "17.5",
            { primaryClusterParameterGroup: GROUP, upgradeStrategy: "blue-green", upgradeOldClusters: "keep" },
            async () => {
                for (const region of ["us-east-1", "ap-northeast-1"]) await logicalReplicationGroup(bed, region);
            },
        ),
    );
    after(() => bed.stop());

    it("pulumi up creates the deployment, switches over and leaves every member at 17.5", async () => {
        const r = await bed.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
        assert.equal(r.code, 0, describeResult(r));
        const commands = bed.sim.calls.filter((c) => !c.error).map((c) => c.command);
        assert.ok(commands.includes("CreateBlueGreenDeployment"), commands.join(" "));
        assert.ok(commands.includes("SwitchoverBlueGreenDeployment"), commands.join(" "));
        assert.equal(bed.sim.cluster("aurora-global-us-east-1").engineVersion, "17.5");
        assert.equal(bed.sim.cluster("aurora-global-ap-northeast-1").engineVersion, "17.5");
    });

    it("the next pulumi preview replaces and deletes nothing", async () => {
        const r = await bed.run(["preview", "--non-interactive", "--json"]);
        assert.equal(r.code, 0, describeResult(r));
        const changed = changedResources(r.stdout);
        assert.deepEqual(
            changed.filter((c) => c.op !== "update"),
            [],
            JSON.stringify(changed),
        );
    });
});

/** A custom cluster parameter group of the 17 family with logical replication on, in `region`. */
async function logicalReplicationGroup(bed: RealPulumiBed, region: string): Promise<void> {
    const rds = new RDSClient({
        region,
        endpoint: bed.env().AWS_ENDPOINT_URL,
        credentials: { accessKeyId: "AKIASIMULATED", secretAccessKey: "not-used" },
    });
    await rds.send(
        new CreateDBClusterParameterGroupCommand({
            DBClusterParameterGroupName: GROUP,
            DBParameterGroupFamily: "aurora-postgresql17",
            Description: "logical replication for blue/green",
        }),
    );
    await rds.send(
        new ModifyDBClusterParameterGroupCommand({
            DBClusterParameterGroupName: GROUP,
            Parameters: [
                { ParameterName: "rds.logical_replication", ParameterValue: "1", ApplyMethod: "pending-reboot" },
            ],
        }),
    );
}
