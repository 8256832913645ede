import assert from "node:assert/strict";
import { DescribeDBClustersCommand, ModifyDBClusterCommand } from "@aws-sdk/client-rds";
import { DEFAULT_EPOCH, SimulatedRds } from "../../testbeds/simulator";
import { MIN, seeded } from "./helpers";

const POLL = 30_000;

/** What an orchestrator does per member: modify, then poll until available at the target. */
async function upgradeMember(sim: SimulatedRds, region: string, id: string, target: string): Promise<number> {
    const client = sim.clientFor(region);
    await client.send(
        new ModifyDBClusterCommand({ DBClusterIdentifier: id, EngineVersion: target, ApplyImmediately: true }),
    );
    for (;;) {
        await sim.clock.sleep(POLL);
        const c = (await client.send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))).DBClusters?.[0];
        if (c?.Status === "available" && c.EngineVersion === target) return sim.clock.now();
    }
}

describe("simulator: driven by concurrent polling loops through the SDK", () => {
    it("secondaries in parallel then the primary cost the critical path in virtual time", async () => {
        const sim = seeded({
            globalClusterId: "g",
            engine: "aurora-postgresql",
            version: "17.4.5",
            members: [
                { id: "p", region: "us-east-1", role: "primary", upgradeDurationMs: 10 * MIN },
                { id: "s1", region: "us-west-2", role: "secondary", upgradeDurationMs: 4 * MIN },
                { id: "s2", region: "eu-west-1", role: "secondary", upgradeDurationMs: 7 * MIN },
                { id: "s3", region: "ap-northeast-1", role: "secondary", upgradeDurationMs: 12 * MIN },
            ],
        });
        await Promise.all([
            upgradeMember(sim, "us-west-2", "s1", "17.5"),
            upgradeMember(sim, "eu-west-1", "s2", "17.5"),
            upgradeMember(sim, "ap-northeast-1", "s3", "17.5"),
        ]);
        const done = await upgradeMember(sim, "us-east-1", "p", "17.5");
        // Ideal critical path: slowest secondary (12 min) + primary (10 min); polling adds at most one interval per phase.
        assert.equal(done - DEFAULT_EPOCH, 22 * MIN);
        assert.equal(sim.finishTimes().p - DEFAULT_EPOCH, 22 * MIN);
        assert.equal(sim.globalCluster("g").engineVersion, "17.5");
        assert.deepEqual(sim.describeCallsPerMember(), { s1: 8, s2: 14, s3: 24, p: 20 });
    });
});
