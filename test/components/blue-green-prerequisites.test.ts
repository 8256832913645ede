import * as assert from "assert";
import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs } from "../../components";
import { PlanJson } from "../../planner";
import { runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { blueGreenReady, SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { simulate } from "../orchestrator/harness";
import { assertMeanings, assertSomeMeans } from "../support/assert-means";

const USE1 = "us-east-1";
const APNE1 = "ap-northeast-1";

const seed = (): SeedTopology => ({
    globalClusterId: "app",
    engine: "aurora-postgresql",
    version: "17.4.5",
    members: [
        { id: `app-${USE1}`, region: USE1, role: "primary", instances: 2 },
        { id: `app-${APNE1}`, region: APNE1, role: "secondary" },
    ],
});

const args = (): AuroraGlobalDatabaseArgs => ({
    engine: "aurora-postgresql",
    engineVersion: "17.5",
    globalClusterIdentifier: "app",
    primary: { region: USE1, instanceCount: 2 },
    secondaries: [{ region: APNE1 }],
    upgrade: { strategy: "blue-green" },
});

async function preview(sim: SimulatedRds) {
    const run = await runProgramUnderMocks({
        program: () => {
            const db = new AuroraGlobalDatabase("db", args());
            return { plan: db.plan };
        },
        aws: sim,
    });
    return { run, plan: run.outputs.plan as PlanJson };
}

describe("components: the preview of a blue/green upgrade reads the writer's replication settings (docs/aws-rules.md §8)", function () {
    this.timeout(120_000);

    it("a writer on AWS's default cluster parameter group: blocked in the preview, no step, the error names the fix", async () => {
        const sim = simulate(seed());
        const { run, plan } = await preview(sim);
        assert.deepStrictEqual(
            plan.violations.map((v) => [v.rule, v.cluster]),
            [["blue-green-limits", `app-${USE1}`]],
        );
        assert.deepStrictEqual(
            run.resources.filter((r) => r.type === "command:local:Command"),
            [],
        );
        const errors = run.logs.filter((l) => l.severity === "error").map((l) => l.message);
        assertMeanings(errors, [
            {
                rule: "blue-green-limits",
                about: `app-${USE1}`,
                says: [USE1, "default.aurora-postgresql17", "rds.logical_replication"],
                fix: [
                    "rds.logical_replication=1",
                    "DBClusterParameterGroupName",
                    "clusterParameterGroupName",
                    "RebootDBInstance",
                ],
            },
        ]);
    });

    it("a prepared writer: the preview plans the blue/green steps and notes the primary-key requirement", async () => {
        const sim = simulate(blueGreenReady(seed()));
        const { plan } = await preview(sim);
        assert.strictEqual(plan.path, "blue-green");
        assert.deepStrictEqual(plan.violations, []);
        assertSomeMeans(plan.notes, {
            says: ["rds.logical_replication = 1", "synchronous_commit", "rebooted", "primary key"],
        });
        assert.deepStrictEqual(
            sim.callsOf("DescribeDBClusterParameters").map((c) => [c.region, c.input.DBClusterParameterGroupName]),
            [[USE1, "bluegreen-aurora-postgresql17"]],
        );
    });
});
