import assert from "node:assert/strict";
import {
    DescribeGlobalClustersCommand,
    FailoverGlobalClusterCommand,
    SwitchoverGlobalClusterCommand,
} from "@aws-sdk/client-rds";
import { expectAwsError } from "../support/aws-error";
import { MIN, mysqlTopology, pgTopology, seeded } from "./helpers";

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
            "The target cluster pg-west must be using the same engine version as the current primary cluster.",
        );
        assert.equal(mixed.globalCluster("pg-global").members.find((m) => m.role === "primary")?.id, "pg-east");
    });
});

/** A topology whose members run the given full versions, primary first. */
function pgAt(primary: string, ...secondaries: string[]) {
    const base = pgTopology();
    const versions = [primary, ...secondaries];
    return seeded(pgTopology({ members: base.members.map((m, i) => ({ ...m, version: versions[i] ?? primary })) }));
}

const switchover = (sim: ReturnType<typeof seeded>, target: string) =>
    sim.clientFor("us-east-1").send(
        new SwitchoverGlobalClusterCommand({
            GlobalClusterIdentifier: "pg-global",
            TargetDbClusterIdentifier: target,
        }),
    );
const failover = (sim: ReturnType<typeof seeded>, global: string, target: string) =>
    sim.clientFor("us-east-1").send(
        new FailoverGlobalClusterCommand({
            GlobalClusterIdentifier: global,
            TargetDbClusterIdentifier: target,
            AllowDataLoss: true,
        }),
    );
const refusal = "InvalidDBClusterStateFault";
/** The version refusal (its AWS text: the first test above) by the target it names. */
const SAME_VERSION = (target: string) => ({ names: [`target cluster ${target}`, "same engine version"] });

describe("simulator: switchover and failover follow AWS's version compatibility table", () => {
    it("PostgreSQL 17: different patch levels switch over", async () => {
        const sim = pgAt("17.4.5", "17.4.6", "17.4.6");
        await switchover(sim, "pg-west");
        assert.equal(sim.globalCluster("pg-global").members.find((m) => m.role === "primary")?.id, "pg-west");
    });
    it("PostgreSQL across the listed patch release 16.1.6: refused, both switchover and failover", async () => {
        const sim = pgAt("16.1.5", "16.1.6", "16.1.6");
        await expectAwsError(switchover(sim, "pg-west"), refusal, SAME_VERSION("pg-west"));
        await expectAwsError(failover(sim, "pg-global", "pg-west"), refusal, SAME_VERSION("pg-west"));
        assert.equal(sim.globalCluster("pg-global").members.find((m) => m.role === "primary")?.id, "pg-east");
    });
    it("PostgreSQL: a third member on the other side of the listed release is refused too", async () => {
        const sim = pgAt("16.1.6", "16.1.6", "16.1.5");
        await expectAwsError(switchover(sim, "pg-west"), refusal, SAME_VERSION("pg-west"));
    });
    it("PostgreSQL 14.4 (below 14.5): patch levels must match", async () => {
        await expectAwsError(
            switchover(pgAt("14.4.1", "14.4.2", "14.4.2"), "pg-west"),
            refusal,
            SAME_VERSION("pg-west"),
        );
    });
    it("Aurora MySQL: different patch levels are refused; FailoverGlobalCluster at one version fails over with data loss allowed", async () => {
        const mixed = seeded(
            mysqlTopology({
                members: mysqlTopology().members.map((m) =>
                    m.role === "secondary" ? { ...m, version: "8.0.mysql_aurora.3.08.2" } : m,
                ),
            }),
        );
        await expectAwsError(failover(mixed, "my-global", "my-eu"), refusal, SAME_VERSION("my-eu"));
        const same = seeded(mysqlTopology());
        const out = await failover(same, "my-global", "my-eu");
        assert.equal(out.GlobalCluster?.FailoverState?.Status, "failing-over");
        assert.equal(out.GlobalCluster?.FailoverState?.IsDataLossAllowed, true);
    });
    it("FailoverGlobalCluster without AllowDataLoss is a switchover; AllowDataLoss with Switchover is refused", async () => {
        const sim = seeded(mysqlTopology());
        const other = seeded(mysqlTopology());
        await expectAwsError(
            other.clientFor("us-east-1").send(
                new FailoverGlobalClusterCommand({
                    GlobalClusterIdentifier: "my-global",
                    TargetDbClusterIdentifier: "my-eu",
                    Switchover: true,
                    AllowDataLoss: true,
                }),
            ),
            "InvalidParameterCombination",
            "AllowDataLoss can't be specified together with the Switchover parameter.",
        );
        const send = (extra: object) =>
            sim.clientFor("us-east-1").send(
                new FailoverGlobalClusterCommand({
                    GlobalClusterIdentifier: "my-global",
                    TargetDbClusterIdentifier: "my-eu",
                    ...extra,
                }),
            );
        const out = await send({});
        assert.equal(out.GlobalCluster?.FailoverState?.Status, "switching-over");
    });
});
