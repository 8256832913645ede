import assert from "node:assert/strict";
import {
    DBClusterNotFoundFault,
    DescribeDBClustersCommand,
    DescribeGlobalClustersCommand,
    DescribeDBInstancesCommand,
    GlobalClusterNotFoundFault,
    RDSClient,
    RDSServiceException,
    StartDBClusterCommand,
} from "@aws-sdk/client-rds";
import { expectAwsError } from "../support/aws-error";
import { pgTopology, seeded } from "./helpers";

describe("simulator: real RDSClient wired to the simulator", () => {
    it("answers DescribeDBClusters end to end with AWS's shape", async () => {
        const sim = seeded(pgTopology());
        const client = sim.clientFor("us-east-1");
        assert.ok(client instanceof RDSClient);
        assert.equal(await client.config.region(), "us-east-1");
        const out = await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-east" }));
        assert.equal(out.$metadata.httpStatusCode, 200);
        const c = out.DBClusters?.[0];
        assert.equal(c?.DBClusterArn, "arn:aws:rds:us-east-1:123456789012:cluster:pg-east");
        assert.equal(c?.EngineVersion, "17.4");
        assert.equal(c?.Status, "available");
        assert.deepEqual(
            c?.DBClusterMembers?.map((m) => [m.DBInstanceIdentifier, m.IsClusterWriter]),
            [
                ["pg-east-instance-1", true],
                ["pg-east-instance-2", false],
            ],
        );
        assert.deepEqual(
            sim.calls.map((x) => [x.region, x.command, x.input.DBClusterIdentifier]),
            [["us-east-1", "DescribeDBClusters", "pg-east"]],
        );
    });

    it("describes the global cluster with member ARNs and the writer", async () => {
        const sim = seeded(pgTopology());
        const out = await sim
            .clientFor("us-west-2")
            .send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "pg-global" }));
        const g = out.GlobalClusters?.[0];
        assert.equal(g?.GlobalClusterArn, "arn:aws:rds::123456789012:global-cluster:pg-global");
        assert.equal(g?.EngineVersion, "17.4");
        assert.deepEqual(
            g?.GlobalClusterMembers?.map((m) => [m.DBClusterArn, m.IsWriter]),
            [
                ["arn:aws:rds:us-east-1:123456789012:cluster:pg-east", true],
                ["arn:aws:rds:us-west-2:123456789012:cluster:pg-west", false],
                ["arn:aws:rds:ap-northeast-1:123456789012:cluster:pg-tokyo", false],
            ],
        );
    });

    it("scopes clusters to the client's region and raises the modeled DBClusterNotFoundFault", async () => {
        const sim = seeded(pgTopology());
        const err = await expectAwsError(
            sim.clientFor("us-east-1").send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-west" })),
            "DBClusterNotFoundFault",
            "DBCluster pg-west not found.",
        );
        assert.ok(err instanceof DBClusterNotFoundFault);
        assert.equal(sim.calls[0].error?.name, "DBClusterNotFoundFault");
        const byArn = await sim.clientFor("us-west-2").send(
            new DescribeDBClustersCommand({
                DBClusterIdentifier: "arn:aws:rds:us-west-2:123456789012:cluster:pg-west",
            }),
        );
        assert.equal(byArn.DBClusters?.[0].DBClusterIdentifier, "pg-west");
    });

    it("raises GlobalClusterNotFoundFault for an unknown global cluster", async () => {
        const sim = seeded(pgTopology());
        const err = await expectAwsError(
            sim.clientFor("us-east-1").send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "nope" })),
            "GlobalClusterNotFoundFault",
            "Global cluster nope not found.",
        );
        assert.ok(err instanceof GlobalClusterNotFoundFault);
    });

    it("refuses an operation it does not implement with InvalidAction naming it", async () => {
        const sim = seeded(pgTopology());
        await expectAwsError(
            sim.clientFor("us-east-1").send(new StartDBClusterCommand({ DBClusterIdentifier: "pg-east" })),
            "InvalidAction",
            "The action StartDBCluster is not valid for this web service (the simulated RDS control plane does not implement it).",
        );
    });

    it("filters instances by db-cluster-id", async () => {
        const sim = seeded(pgTopology());
        const out = await sim
            .clientFor("us-east-1")
            .send(new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: ["pg-east"] }] }));
        assert.deepEqual(
            out.DBInstances?.map((i) => [i.DBInstanceIdentifier, i.DBInstanceStatus, i.EngineVersion]),
            [
                ["pg-east-instance-1", "available", "17.4"],
                ["pg-east-instance-2", "available", "17.4"],
            ],
        );
    });

    it("uses no real timer on the way through the SDK", async () => {
        const sim = seeded(pgTopology());
        const client = sim.clientFor("us-east-1");
        const real = { setTimeout: globalThis.setTimeout, setInterval: globalThis.setInterval };
        let timers = 0;
        globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
            timers++;
            return real.setTimeout(...args);
        }) as typeof setTimeout;
        globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
            timers++;
            return real.setInterval(...args);
        }) as typeof setInterval;
        try {
            await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-east" }));
            await client
                .send(new DescribeDBClustersCommand({ DBClusterIdentifier: "missing" }))
                .catch((e: unknown) => assert.ok(e instanceof RDSServiceException));
        } finally {
            globalThis.setTimeout = real.setTimeout;
            globalThis.setInterval = real.setInterval;
        }
        assert.equal(timers, 0);
    });
});
