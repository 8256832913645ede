import assert from "node:assert/strict";
import {
    CreateBlueGreenDeploymentCommand,
    DescribeDBProxiesCommand,
    DescribeDBProxyTargetsCommand,
} from "@aws-sdk/client-rds";
import { blueGreenReady, messages, SimulatedRds, SeedTopology, SimulatedRdsOptions } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { pgTopology, seeded as seededAsIs } from "./helpers";

/** Clusters prepared for blue/green as AWS asks (custom group, replication on, in sync). */
const seeded = (topology: SeedTopology, options: SimulatedRdsOptions) => seededAsIs(blueGreenReady(topology), options);

const EAST = "us-east-1";

/** pg-global with a proxy on its secondary in Tokyo and one in us-east-1 that targets nothing. */
function withProxies(): SimulatedRds {
    return seeded(
        pgTopology({
            proxies: [
                { name: "tokyo-proxy", region: "ap-northeast-1", targets: ["pg-tokyo"] },
                { name: "idle-proxy", region: EAST },
            ],
        }),
        { rateLimit: false },
    );
}

describe("simulator: RDS Proxies (DescribeDBProxies, DescribeDBProxyTargets)", () => {
    it("DescribeDBProxies lists the region's proxies in AWS's shape (ARN by resource id, engine family)", async () => {
        const sim = withProxies();
        const out = await sim.clientFor(EAST).send(new DescribeDBProxiesCommand({}));
        assert.deepEqual(
            out.DBProxies?.map((p) => [p.DBProxyName, p.EngineFamily, p.Status]),
            [["idle-proxy", "POSTGRESQL", "available"]],
        );
        assert.match(out.DBProxies![0].DBProxyArn!, /^arn:aws:rds:us-east-1:123456789012:db-proxy:prx-[0-9a-f]{17}$/);
        assert.equal(out.Marker, undefined);
        const tokyo = await sim
            .clientFor("ap-northeast-1")
            .send(new DescribeDBProxiesCommand({ DBProxyName: "tokyo-proxy" }));
        assert.deepEqual(
            tokyo.DBProxies?.map((p) => p.DBProxyName),
            ["tokyo-proxy"],
        );
    });

    it("an Aurora cluster target: one TRACKED_CLUSTER target, one RDS_INSTANCE target per instance", async () => {
        const sim = withProxies();
        const out = await sim
            .clientFor("ap-northeast-1")
            .send(new DescribeDBProxyTargetsCommand({ DBProxyName: "tokyo-proxy" }));
        assert.deepEqual(
            out.Targets?.map((t) => [t.Type, t.RdsResourceId, t.TrackedClusterId, t.Port, t.Role]),
            [
                ["TRACKED_CLUSTER", "pg-tokyo", "pg-tokyo", 5432, undefined],
                ["RDS_INSTANCE", "pg-tokyo-instance-1", "pg-tokyo", 5432, "READ_ONLY"],
            ],
        );
    });

    it("refuses an unknown proxy (DBProxyNotFoundFault), an unknown target group, MaxRecords outside 20–100", async () => {
        const sim = withProxies();
        const east = sim.clientFor(EAST);
        await expectAwsError(
            east.send(new DescribeDBProxiesCommand({ DBProxyName: "tokyo-proxy" })),
            "DBProxyNotFoundFault",
            messages.proxyNotFound("tokyo-proxy"),
        );
        await expectAwsError(
            east.send(new DescribeDBProxyTargetsCommand({ DBProxyName: "nope" })),
            "DBProxyNotFoundFault",
            "DBProxy nope not found: the specified proxy name doesn't correspond to a proxy owned by your AWS account in the specified AWS Region.",
        );
        await expectAwsError(
            east.send(new DescribeDBProxyTargetsCommand({ DBProxyName: "idle-proxy", TargetGroupName: "blue" })),
            "DBProxyTargetGroupNotFoundFault",
            messages.proxyTargetGroupNotFound("idle-proxy", "blue"),
        );
        await expectAwsError(
            east.send(new DescribeDBProxiesCommand({ MaxRecords: 10 })),
            "InvalidParameterValue",
            { names: ["10", "MaxRecords", "20 to 100"] }, // AWS's text: paging.test.ts
        );
    });

    it("pages with Marker and MaxRecords", async () => {
        const sim = seeded(
            pgTopology({
                proxies: Array.from({ length: 45 }, (_, i) => ({
                    name: `p${String(i).padStart(2, "0")}`,
                    region: EAST,
                })),
            }),
            { rateLimit: false },
        );
        const east = sim.clientFor(EAST);
        const first = await east.send(new DescribeDBProxiesCommand({ MaxRecords: 20 }));
        assert.equal(first.DBProxies?.length, 20);
        assert.equal(first.Marker, "20");
        const last = await east.send(new DescribeDBProxiesCommand({ MaxRecords: 20, Marker: "40" }));
        assert.deepEqual(
            last.DBProxies?.map((p) => p.DBProxyName),
            ["p40", "p41", "p42", "p43", "p44"],
        );
        assert.equal(last.Marker, undefined);
    });
});

describe("simulator: CreateBlueGreenDeployment and RDS Proxy", () => {
    it("refuses a global database whose member an RDS Proxy targets; nothing is created", async () => {
        const sim = withProxies();
        await expectAwsError(
            sim.clientFor(EAST).send(
                new CreateBlueGreenDeploymentCommand({
                    BlueGreenDeploymentName: "pg-to-17-5",
                    Source: "arn:aws:rds:us-east-1:123456789012:cluster:pg-east",
                    TargetEngineVersion: "17.5",
                }),
            ),
            "SourceClusterNotSupportedFault",
            "The source DB cluster isn't supported for a blue/green deployment: DB cluster pg-tokyo of a global database is a target of RDS Proxy tokyo-proxy, and Global Database does not support RDS Proxy with blue/green deployments.",
        );
        assert.deepEqual(sim.blueGreenDeployments(), []);
    });

    it("a standalone cluster behind a proxy may have a deployment (the restriction is Global Database's)", async () => {
        const sim = seeded(
            {
                engine: "aurora-postgresql",
                version: "17.4.5",
                members: [{ id: "solo", region: EAST, role: "primary" }],
                proxies: [{ name: "solo-proxy", region: EAST, targets: ["solo"] }],
            },
            { rateLimit: false },
        );
        const out = await sim.clientFor(EAST).send(
            new CreateBlueGreenDeploymentCommand({
                BlueGreenDeploymentName: "solo-to-17-5",
                Source: "arn:aws:rds:us-east-1:123456789012:cluster:solo",
                TargetEngineVersion: "17.5",
            }),
        );
        assert.equal(out.BlueGreenDeployment?.Status, "PROVISIONING");
    });
});
