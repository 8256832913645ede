import assert from "node:assert/strict";
import { ModifyDBClusterCommand, RDSClient } from "@aws-sdk/client-rds";
import { messages } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { MIN, mysqlTopology, seeded } from "./helpers";

const modifyCluster = (client: RDSClient, id: string, version: string) =>
    client.send(
        new ModifyDBClusterCommand({ DBClusterIdentifier: id, EngineVersion: version, ApplyImmediately: true }),
    );

describe("simulator: Aurora MySQL in-place minor upgrades of a global database (docs/aws-rules.md §7)", () => {
    it("3.08.2 → 3.10.0 on a secondary: InvalidParameterValue with AWS's text, nothing changes", async () => {
        const sim = seeded(mysqlTopology({ version: "8.0.mysql_aurora.3.08.2" }));
        await expectAwsError(
            modifyCluster(sim.clientFor("eu-west-1"), "my-eu", "8.0.mysql_aurora.3.10.0"),
            "InvalidParameterValue",
            "In-place minor version upgrade of Aurora MySQL global database cluster 'my-eu' to Aurora MySQL engine version 8.0.mysql_aurora.3.10.0 isn't supported. The selected target version 8.0.mysql_aurora.3.10.0 supports a higher version of community MySQL that introduces changes incompatible with previous minor versions of Aurora MySQL. See the Aurora documentation for how to perform a minor version upgrade on global database clusters.",
        );
        assert.equal(sim.cluster("my-eu").status, "available");
        assert.equal(sim.cluster("my-eu").engineVersion, "8.0.mysql_aurora.3.08.2");
    });

    it("the primary is refused the same way (every member of the global database)", async () => {
        const sim = seeded(mysqlTopology());
        await expectAwsError(
            modifyCluster(sim.clientFor("us-east-1"), "my-east", "8.0.mysql_aurora.3.09.0"),
            "InvalidParameterValue",
            messages.mysqlGlobalMinorInPlace("my-east", "8.0.mysql_aurora.3.09.0"),
        );
    });

    it("a patch inside one minor (3.08.0 → 3.08.2) still upgrades in place, secondaries first", async () => {
        const sim = seeded(mysqlTopology());
        const out = await modifyCluster(sim.clientFor("eu-west-1"), "my-eu", "8.0.mysql_aurora.3.08.2");
        assert.equal(out.DBCluster?.Status, "upgrading");
        await sim.clock.sleep(7 * MIN);
        assert.equal(sim.cluster("my-eu").engineVersion, "8.0.mysql_aurora.3.08.2");
    });
});
