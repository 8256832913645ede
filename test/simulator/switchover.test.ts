import assert from "node:assert/strict";
import { DescribeGlobalClustersCommand, SwitchoverGlobalClusterCommand } from "@aws-sdk/client-rds";
import { expectAwsError, MIN, pgTopology, seeded } from "./helpers";

describe("simulator: SwitchoverGlobalCluster", () => {
    it("makes the target secondary the writer and the old primary a secondary, with FailoverState while it lasts", async () => {
        const sim = seeded(pgTopology());
        const west = sim.cluster("pg-west");
        const east = sim.clientFor("us-east-1");
        const out = await east.send(
            new SwitchoverGlobalClusterCommand({
                GlobalClusterIdentifier: "pg-global",
                TargetDbClusterIdentifier: west.arn,
            }),
        );
        assert.deepEqual(out.GlobalCluster?.FailoverState, {
            Status: "switching-over",
            FromDbClusterArn: sim.cluster("pg-east").arn,
            ToDbClusterArn: west.arn,
            IsDataLossAllowed: false,
        });
        assert.deepEqual(
            sim.globalCluster("pg-global").members.map((m) => [m.id, m.role]),
            [
                ["pg-east", "secondary"],
                ["pg-west", "primary"],
                ["pg-tokyo", "secondary"],
            ],
        );
        const described = await east.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "pg-global" }));
        assert.deepEqual(
            described.GlobalClusters?.[0]?.GlobalClusterMembers?.map((m) => [m.DBClusterArn, m.IsWriter]),
            [
                [sim.cluster("pg-east").arn, false],
                [west.arn, true],
                [sim.cluster("pg-tokyo").arn, false],
            ],
        );
        await sim.clock.sleep(1 * MIN);
        const later = await east.send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "pg-global" }));
        assert.equal(later.GlobalClusters?.[0]?.FailoverState, undefined);
        assert.deepEqual(
            sim.eventsOf("global-switched-over").map((e) => e.message),
            ["global cluster pg-global switched over: pg-west writes, pg-east is a secondary"],
        );
    });
    it("refuses the primary as the target, a switchover while one runs, and members at different versions", async () => {
        const sim = seeded(pgTopology());
        const east = sim.clientFor("us-east-1");
        const to = (target: string) =>
            east.send(
                new SwitchoverGlobalClusterCommand({
                    GlobalClusterIdentifier: "pg-global",
                    TargetDbClusterIdentifier: target,
                }),
            );
        await expectAwsError(
            to("pg-east"),
            "InvalidDBClusterStateFault",
            "DB cluster pg-east is not a secondary cluster of global cluster pg-global.",
        );
        await to("pg-west");
        await expectAwsError(
            to("pg-east"),
            "InvalidGlobalClusterStateFault",
            "Global cluster pg-global is already switching over.",
        );
        const mixed = seeded(
            pgTopology({
                members: pgTopology().members.map((m) => (m.role === "secondary" ? { ...m, version: "17.5.4" } : m)),
            }),
        );
        await expectAwsError(
            mixed.clientFor("us-east-1").send(
                new SwitchoverGlobalClusterCommand({
                    GlobalClusterIdentifier: "pg-global",
                    TargetDbClusterIdentifier: "pg-west",
                }),
            ),
            "InvalidDBClusterStateFault",
            "DB cluster pg-west runs engine version 17.5 and the primary runs 17.4: a switchover needs every member at the same engine version.",
        );
        assert.equal(mixed.globalCluster("pg-global").members.find((m) => m.role === "primary")?.id, "pg-east");
    });
});
