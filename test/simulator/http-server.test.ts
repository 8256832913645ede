import assert from "node:assert/strict";
import {
    AddTagsToResourceCommand,
    DescribeDBClustersCommand,
    DescribeGlobalClustersCommand,
    DBClusterNotFoundFault,
    ListTagsForResourceCommand,
    ModifyDBClusterCommand,
    RDSClient,
} from "@aws-sdk/client-rds";
import { clusterArn } from "../../testbeds/simulator";
import { RdsHttpServer, startRdsHttpServer } from "../../testbeds/simulator/http/server";
import { pgTopology, seeded } from "./helpers";

/** The simulator behind RDS's query protocol on loopback, spoken to by the real SDK client over HTTP. */
describe("simulator over HTTP (RDS query protocol)", () => {
    let server: RdsHttpServer;
    const sim = seeded(pgTopology(), { rateLimit: false });
    const client = (region: string) =>
        new RDSClient({
            region,
            endpoint: server.url,
            credentials: { accessKeyId: "AKIASIMULATED", secretAccessKey: "not-used" },
            maxAttempts: 1,
        });

    before(async () => {
        server = await startRdsHttpServer({ sim });
    });
    after(() => server.close());

    it("answers DescribeDBClusters with a filter list, members and timestamps parsed by the SDK", async () => {
        const out = await client("us-west-2").send(
            new DescribeDBClustersCommand({ Filters: [{ Name: "engine", Values: ["aurora-postgresql"] }] }),
        );
        assert.deepEqual(
            out.DBClusters?.map((c) => c.DBClusterIdentifier),
            ["pg-west"],
        );
        assert.equal(out.DBClusters?.[0]?.EngineVersion, "17.4");
        assert.equal(out.DBClusters?.[0]?.DBClusterMembers?.[0]?.IsClusterWriter, false);
        assert.ok(out.DBClusters?.[0]?.ClusterCreateTime instanceof Date);
        const call = sim.calls.at(-1)!;
        assert.equal(call.region, "us-west-2");
        assert.deepEqual(call.input, { Filters: [{ Name: "engine", Values: ["aurora-postgresql"] }] });
    });

    it("takes the region from the SigV4 credential scope", async () => {
        const out = await client("us-east-1").send(new DescribeGlobalClustersCommand({}));
        const members = out.GlobalClusters?.[0]?.GlobalClusterMembers ?? [];
        assert.deepEqual(
            members.filter((m) => m.IsWriter).map((m) => m.DBClusterArn),
            [clusterArn("us-east-1", "pg-east")],
        );
        assert.equal(sim.calls.at(-1)?.region, "us-east-1");
    });

    it("carries booleans, numbers and nested lists of a write to the simulator", async () => {
        await client("us-east-1").send(
            new ModifyDBClusterCommand({
                DBClusterIdentifier: "pg-east",
                BackupRetentionPeriod: 9,
                ApplyImmediately: true,
            }),
        );
        assert.deepEqual(sim.calls.at(-1)?.input, {
            DBClusterIdentifier: "pg-east",
            BackupRetentionPeriod: 9,
            ApplyImmediately: true,
        });
        const arn = clusterArn("us-east-1", "pg-east");
        await client("us-east-1").send(
            new AddTagsToResourceCommand({ ResourceName: arn, Tags: [{ Key: "team", Value: "db" }] }),
        );
        const tags = await client("us-east-1").send(new ListTagsForResourceCommand({ ResourceName: arn }));
        assert.ok(tags.TagList?.some((t) => t.Key === "team" && t.Value === "db"));
    });

    it("answers errors with the model's awsQueryError code and status, so the SDK raises the modeled class", async () => {
        const err = await client("us-east-1")
            .send(new DescribeDBClustersCommand({ DBClusterIdentifier: "missing" }))
            .catch((e: unknown) => e);
        assert.ok(err instanceof DBClusterNotFoundFault);
        assert.equal(err.$metadata.httpStatusCode, 404);
        assert.match(err.message, /missing/);
    });

    it("refuses an unknown action with InvalidAction", async () => {
        const res = await fetch(server.url, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded" },
            body: "Action=DescribeNothing&Version=2014-10-31",
        });
        assert.equal(res.status, 400);
        assert.match(await res.text(), /<Code>InvalidAction<\/Code>/);
    });

    it("reaches the server through AWS_ENDPOINT_URL, as spawned CLIs do", async () => {
        const saved = process.env.AWS_ENDPOINT_URL;
        process.env.AWS_ENDPOINT_URL = server.url;
        try {
            const env = new RDSClient({
                region: "ap-northeast-1",
                credentials: { accessKeyId: "AKIASIMULATED", secretAccessKey: "not-used" },
            });
            const out = await env.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-tokyo" }));
            assert.equal(out.DBClusters?.[0]?.DBClusterIdentifier, "pg-tokyo");
        } finally {
            if (saved === undefined) delete process.env.AWS_ENDPOINT_URL;
            else process.env.AWS_ENDPOINT_URL = saved;
        }
    });
});
