import * as assert from "assert";
import {
    AddTagsToResourceCommand,
    DescribeDBClustersCommand,
    DescribeDBClustersCommandOutput,
    ModifyDBClusterCommand,
} from "@aws-sdk/client-rds";
import { SharedDescribes, SHARED_READ_MAX_AGE_MS } from "../../orchestrator/cli/fleet/shared-describe";
import { FLEET_REQUEST_BURST, FLEET_REQUESTS_PER_SECOND, RegionPacer } from "../../orchestrator/cli/fleet/region-pacer";
import { errorCode } from "../../aws/errors";
import { createSimulatedRds, SeedTopology } from "../../testbeds/simulator";

function seeded(count: number) {
    const sim = createSimulatedRds({ rateLimit: false });
    for (let i = 0; i < count; i++) {
        const seed: SeedTopology = {
            globalClusterId: `g${i}`,
            engine: "aurora-mysql",
            version: "8.0.mysql_aurora.3.08.0",
            members: [{ id: `c${i}`, region: "us-east-1", role: "primary", instances: 1 }],
        };
        sim.seed(seed);
    }
    return sim;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const filtered = (sim: ReturnType<typeof seeded>) =>
    sim.callsOf("DescribeDBClusters").filter((c) => c.input.Filters !== undefined);

describe("fleet: one DescribeDBClusters per region per poll", () => {
    it("the simulator refuses more than 100 db-cluster-id values as AWS does, and pages at MaxRecords", async () => {
        const sim = seeded(120);
        const client = sim.clientFor("us-east-1");
        await assert.rejects(
            client.send(new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: ids(101) }] })),
            (e: unknown) =>
                errorCode(e) === "InvalidParameterCombination" &&
                /Only up to 100 unique filter DB Cluster Identifiers/.test(String((e as Error).message)),
        );
        const first = await client.send(
            new DescribeDBClustersCommand({ Filters: [{ Name: "db-cluster-id", Values: ids(100) }], MaxRecords: 60 }),
        );
        assert.strictEqual(first.DBClusters?.length, 60);
        const second = await client.send(
            new DescribeDBClustersCommand({
                Filters: [{ Name: "db-cluster-id", Values: ids(100) }],
                MaxRecords: 60,
                Marker: first.Marker,
            }),
        );
        assert.strictEqual(second.DBClusters?.length, 40);
        assert.strictEqual(second.Marker, undefined);
        await assert.rejects(
            client.send(new DescribeDBClustersCommand({ MaxRecords: 10 })),
            (e: unknown) => errorCode(e) === "InvalidParameterValue",
        );
    });

    it("150 members of one region read together: 2 filtered calls (100 + 50 ids), reused while fresh, read again after a change", async () => {
        const sim = seeded(150);
        const shared = new SharedDescribes(sim.clientFor, sim.clock);
        shared.register(ids(150).map((cluster) => ({ cluster, region: "us-east-1" })));
        const client = shared.factory("us-east-1");
        const read = (id: string) =>
            client.send(
                new DescribeDBClustersCommand({ DBClusterIdentifier: id }),
            ) as Promise<DescribeDBClustersCommandOutput>;
        const answers = await Promise.all(ids(150).map(read));
        assert.deepStrictEqual(
            answers.map((a) => a.DBClusters?.[0]?.DBClusterIdentifier),
            ids(150),
        );
        assert.deepStrictEqual(
            filtered(sim).map((c) => (c.input.Filters as { Values: string[] }[])[0].Values.length),
            [100, 50],
        );
        assert.strictEqual(sim.callsOf("DescribeDBClusters").length, 2, "no read by identifier");
        await read("c7");
        assert.strictEqual(filtered(sim).length, 2, "fresh: reused");
        const east = sim.globalCluster("g7").arn;
        await client.send(new AddTagsToResourceCommand({ ResourceName: east, Tags: [{ Key: "k", Value: "v" }] }));
        await read("c9");
        assert.strictEqual(filtered(sim).length, 2, "a tag changes no cluster: still reused");
        sim.seed({
            engine: "aurora-mysql",
            version: "8.0.mysql_aurora.3.08.0",
            members: [{ id: "e0", region: "eu-west-1", role: "primary", instances: 1 }],
        });
        await shared.factory("eu-west-1").send(
            new ModifyDBClusterCommand({
                DBClusterIdentifier: "e0",
                EngineVersion: "8.0.mysql_aurora.3.08.2",
                ApplyImmediately: true,
            }),
        );
        await read("c7");
        assert.strictEqual(
            filtered(sim).length,
            4,
            "a change, in any region: read anew (a global upgrade sent from one region changes all)",
        );
        await sim.clock.sleep(SHARED_READ_MAX_AGE_MS + 1);
        await read("c8");
        assert.strictEqual(filtered(sim).length, 6, "older than the max age: read anew");
        assert.deepStrictEqual(shared.sharedReads, { "us-east-1": 6 });
    });

    it("a cluster not registered, or an ARN, goes to AWS as it is", async () => {
        const sim = seeded(3);
        const shared = new SharedDescribes(sim.clientFor, sim.clock);
        shared.register([{ cluster: "c0", region: "us-east-1" }]);
        const client = shared.factory("us-east-1");
        await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "c1" }));
        shared.unregister([{ cluster: "c0", region: "us-east-1" }]);
        await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: "c0" }));
        assert.deepStrictEqual(
            sim.callsOf("DescribeDBClusters").map((c) => c.input.DBClusterIdentifier),
            ["c1", "c0"],
        );
    });

    it("the pacer: a burst of 10, then 4 calls per second per region; regions apart", async () => {
        const sim = seeded(1);
        const pacer = new RegionPacer(sim.clock);
        const start = sim.clock.now();
        const times: Record<string, number[]> = { "us-east-1": [], "eu-west-1": [] };
        await Promise.all(
            Array.from({ length: 30 }, (_, i) => (i % 3 === 2 ? "eu-west-1" : "us-east-1")).map(async (region) => {
                await pacer.turn(region);
                times[region].push(sim.clock.now() - start);
            }),
        );
        const east = times["us-east-1"];
        assert.strictEqual(east.length, 20);
        assert.strictEqual(east.filter((t) => t === 0).length, FLEET_REQUEST_BURST);
        assert.strictEqual(Math.max(...east), ((20 - FLEET_REQUEST_BURST) * 1000) / FLEET_REQUESTS_PER_SECOND);
        assert.strictEqual(Math.max(...times["eu-west-1"]), 0, "10 calls in another region: within its own burst");
    });
});
