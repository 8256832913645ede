import * as assert from "assert";
import { FLEET_TAG_KEY } from "../../orchestrator/cli/fleet/progress-tag";
import { cli } from "../orchestrator/harness";
import { FLEET, MYSQL_TARGET, PG_TARGET, ROLLOUT, rolloutFile, simulateFleet } from "./fleet-seeds";
import { lineNaming } from "../support/meaning";

const WAVE1 = ["pg-dev-a", "my-dev-a"];
const WAVE2 = ["pg-eu-a", "pg-eu-b", "my-eu-a", "my-eu-b", "pg-ap-a"];
const WAVE3 = ["pg-prod-a", "pg-prod-b", "my-prod-a", "my-prod-b"];

const targetOf = (id: string) => (id.startsWith("pg") ? PG_TARGET : MYSQL_TARGET);
const membersOf = (id: string) => FLEET.find((s) => s.globalClusterId === id)?.members.map((m) => m.id) ?? [];
function changedClusters(sim: ReturnType<typeof simulateFleet>): Set<string> {
    const out = new Set<string>();
    for (const c of [...sim.callsOf("ModifyDBCluster"), ...sim.callsOf("ModifyGlobalCluster")])
        out.add(String(c.input.DBClusterIdentifier ?? c.input.GlobalClusterIdentifier));
    return out;
}

describe("fleet: 12 databases in 3 waves on the simulator", function () {
    this.timeout(120_000);

    it("plan: every database with its wave, path and steps; the blue/green-only MySQL minor blocked and skipped; changes nothing", async () => {
        const sim = simulateFleet();
        const r = await cli(sim, ["fleet", "plan", "--file", rolloutFile(ROLLOUT), "--format", "json"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const plan = JSON.parse(r.stdout) as {
            blocked: boolean;
            estimateMinutes: number;
            waves: {
                name: string;
                databases: {
                    id: string;
                    path?: string;
                    steps: unknown[];
                    blocked: { rule: string }[];
                    skipped: boolean;
                }[];
            }[];
        };
        assert.deepStrictEqual(
            plan.waves.map((w) => w.name),
            ["canary", "regional", "prod"],
        );
        assert.deepStrictEqual(
            plan.waves.map((w) => w.databases.map((d) => d.id).sort()),
            [["my-dev-a", "my-dev-bg", "pg-dev-a"], [...WAVE2].sort(), [...WAVE3].sort()],
        );
        const bg = plan.waves[0].databases.find((d) => d.id === "my-dev-bg");
        assert.deepStrictEqual(
            bg?.blocked.map((b) => b.rule),
            ["mysql-minor-in-place-refused"],
        );
        assert.strictEqual(bg?.skipped, true);
        assert.strictEqual(plan.waves[0].databases.find((d) => d.id === "pg-dev-a")?.path, "managed");
        assert.strictEqual(plan.waves[0].databases.find((d) => d.id === "my-dev-a")?.path, "rolling");
        assert.strictEqual(plan.blocked, false);
        assert.ok(plan.estimateMinutes >= 30 + 15, `estimate ${plan.estimateMinutes} includes the bake times`);
        assert.strictEqual(
            sim.calls.filter((c) => !/^(Describe|List)/.test(c.command)).length,
            0,
            "plan changes nothing",
        );
    });

    it("without skipBlocked the blocked database blocks its wave: plan and run exit 2, nothing changed", async () => {
        const sim = simulateFleet();
        const file = rolloutFile(ROLLOUT.replace("skipBlocked: true", "skipBlocked: false"));
        const plan = await cli(sim, ["fleet", "plan", "--file", file]);
        assert.strictEqual(plan.code, 2, plan.stderr);
        assert.match(plan.stdout, /blocked \[mysql-minor-in-place-refused\]/);
        assert.match(plan.stdout, /BLOCKED: wave "canary" has a blocked database/);
        const run = await cli(sim, ["fleet", "run", "--file", file]);
        assert.strictEqual(run.code, 2, run.stderr);
        assert.match(run.stderr, /rollout "fleet-test" is blocked \(see BLOCKED above\): nothing was changed/);
        assert.strictEqual(sim.calls.filter((c) => !/^(Describe|List)/.test(c.command)).length, 0, "no change, no tag");
    });

    it("run: a member failing in wave 2 halts (exit 1 naming database, step and AWS's state); wave 3 untouched; a re-run resumes and finishes", async () => {
        const sim = simulateFleet();
        sim.faults.failUpgrade("my-eu-b-use1");
        const file = rolloutFile(ROLLOUT);
        const first = await cli(sim, ["fleet", "run", "--file", file, "--no-snapshot"]);
        assert.strictEqual(first.code, 1, first.stderr);
        lineNaming(
            first.stderr,
            'STOPPED: rollout "fleet-test" halted',
            'wave "regional": my-eu-b',
            "modify-db-cluster my-eu-b-use1 (us-east-1)",
            "upgrade_failed",
        );
        for (const id of WAVE1) assert.strictEqual(sim.globalCluster(id).engineVersion, targetOf(id), id);
        const changed = changedClusters(sim);
        for (const id of WAVE3)
            for (const c of [id, ...membersOf(id)]) assert.ok(!changed.has(c), `wave 3 untouched: ${c}`);
        assert.ok(!changed.has("my-dev-bg-use1") && !changed.has("my-dev-bg"), "the blocked database is never touched");
        assert.match(first.stdout, /my-eu-b\s+failed/);
        assert.match(first.stdout, /pg-prod-a\s+not-started/);
        assert.match(sim.globalCluster("my-eu-b").tags[FLEET_TAG_KEY] ?? "", /state=failed/);

        const again = await cli(sim, ["fleet", "run", "--file", file, "--no-snapshot"]);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.match(again.stderr, /wave "canary": passed its health gate in an earlier run/);
        assert.doesNotMatch(again.stderr, /wave "canary": baking/);
        for (const id of [...WAVE1, ...WAVE2, ...WAVE3]) {
            assert.strictEqual(sim.globalCluster(id).engineVersion, targetOf(id), id);
            for (const m of membersOf(id)) assert.strictEqual(sim.cluster(m).engineVersion, targetOf(id), m);
        }
        assert.strictEqual(sim.globalCluster("my-dev-bg").engineVersion, "8.0.mysql_aurora.3.05.2");
        assert.match(again.stdout, /rollout complete/);

        const status = await cli(sim, ["fleet", "status", "--file", file, "--format", "json"]);
        assert.strictEqual(status.code, 0, status.stderr);
        const s = JSON.parse(status.stdout) as { waves: { wave: string; standing: string }[] };
        assert.deepStrictEqual(
            s.waves.map((w) => `${w.wave} ${w.standing}`),
            ["canary passed", "regional passed", "prod passed"],
            status.stdout,
        );
    });
});
