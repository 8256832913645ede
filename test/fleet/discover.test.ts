import * as assert from "assert";
import { DescribeGlobalClustersCommand, RDSClient } from "@aws-sdk/client-rds";
import { RdsGateway } from "../../aws/gateway";
import { InputError } from "../../aws/run-errors";
import { assignWaves, listGlobalDatabases } from "../../orchestrator/cli/fleet/discover";
import { parseRollout } from "../../orchestrator/cli/fleet/rollout-file";
import { createSimulatedRds } from "../../testbeds/simulator";
import { fleetSeed } from "./fleet-seeds";

const WRITERS = ["us-east-1", "eu-west-1", "ap-northeast-1"];

function manyDatabases(count: number) {
    const sim = createSimulatedRds({ rateLimit: false });
    for (let i = 0; i < count; i++) {
        const writer = WRITERS[i % 3];
        sim.seed(
            fleetSeed(
                `db-${String(i).padStart(3, "0")}`,
                i % 2 ? "my" : "pg",
                writer,
                writer === "us-east-1" ? "eu-west-1" : "us-east-1",
                { team: i % 2 ? "shop" : "app" },
            ),
        );
    }
    return sim;
}

describe("fleet: discovery", () => {
    it("every page of DescribeGlobalClusters from each region; only writers in the rollout's regions; tags from TagList", async () => {
        const sim = manyDatabases(150);
        const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock });
        const found = await listGlobalDatabases(api, ["us-east-1", "eu-west-1"]);
        assert.strictEqual(found.length, 100);
        assert.ok(found.every((d) => d.region === "us-east-1" || d.region === "eu-west-1"));
        assert.deepStrictEqual(found.find((d) => d.id === "db-001")?.tags, { team: "shop" });
        assert.strictEqual(found.find((d) => d.id === "db-001")?.engine, "aurora-mysql");
        const calls = sim.callsOf("DescribeGlobalClusters");
        // Two pages in each region: the first without a Marker, the second with the Marker the first returned.
        assert.deepStrictEqual(
            calls.map((c) => `${c.region} ${c.input.Marker === undefined ? "first" : "next"}`),
            ["us-east-1 first", "us-east-1 next", "eu-west-1 first", "eu-west-1 next"],
        );
        assert.strictEqual(sim.callsOf("ListTagsForResource").length, 0, "TagList answers");
    });

    it("without TagList (an older endpoint) the tags come from ListTagsForResource", async () => {
        const sim = manyDatabases(3);
        const stripped = (region: string): RDSClient => {
            const real = sim.clientFor(region);
            const send = async (command: unknown) => {
                const out = (await (real.send as (c: unknown) => Promise<Record<string, unknown>>)(command)) as {
                    GlobalClusters?: Record<string, unknown>[];
                };
                if (command instanceof DescribeGlobalClustersCommand)
                    for (const g of out.GlobalClusters ?? []) delete g.TagList;
                return out;
            };
            return new Proxy(real, { get: (t, k) => (k === "send" ? send : Reflect.get(t, k)) });
        };
        const found = await listGlobalDatabases(new RdsGateway({ clients: stripped, clock: sim.clock }), WRITERS);
        assert.deepStrictEqual(
            found.map((d) => `${d.id} ${d.tags.team}`),
            ["db-000 app", "db-001 shop", "db-002 app"],
        );
        assert.strictEqual(sim.callsOf("ListTagsForResource").length, 3);
    });

    it("what only AWS can tell, every problem at once: an id not found, a database two waves' tags select, a tag wave that selects nothing", async () => {
        const sim = manyDatabases(6);
        const found = await listGlobalDatabases(new RdsGateway({ clients: sim.clientFor, clock: sim.clock }), WRITERS);
        const rollout = parseRollout(
            `target: { aurora-postgresql: "17.5", aurora-mysql: "8.0.mysql_aurora.3.08.2" }
regions: [us-east-1, eu-west-1, ap-northeast-1]
waves:
  - name: apps
    select: { tags: { team: app } }
  - name: listed
    select: { globalClusters: [db-000, nope] }
  - name: nobody
    select: { tags: { team: ghost } }
`,
            "r.yaml",
        );
        assert.throws(
            () => assignWaves(rollout, found),
            (e: Error) =>
                e instanceof InputError &&
                /global cluster "nope" was not found .*\[global-cluster-not-found\]/.test(e.message) &&
                /global cluster "db-000" is selected by wave "apps" and wave "listed".*\[database-in-two-waves\]/.test(
                    e.message,
                ) &&
                /wave "nobody": no global cluster .* has the tags \{"team":"ghost"\}.*\[empty-wave\]/.test(e.message),
        );
    });
});
