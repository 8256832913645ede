import * as assert from "assert";
import { SeedTopology } from "../../testbeds/simulator";
import { cli, mutatingCalls, PG_SEED, simulate } from "./harness";

/**
 * Identifiers as AWS compares them (stored lowercase, matched regardless of case), and the status
 * of a global cluster that has no member cluster (it says so, instead of only "failover ready: no").
 */
describe("orchestrator: identifiers compared as AWS does, status without members", () => {
    it("status --global-cluster APP-GLOBAL finds app-global (AWS stores identifiers lowercase)", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["status", "--region", "us-east-1", "--global-cluster", "APP-GLOBAL"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /^global cluster "app-global": aurora-postgresql 17\.4/);
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("plan --global-cluster App-Global plans for app-global", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, [
            "plan",
            "--region",
            "us-east-1",
            "--global-cluster",
            "App-Global",
            "--target",
            "17.5",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /global cluster "app-global": 17\.4 → 17\.5/);
    });

    const EMPTY: SeedTopology = { ...PG_SEED, members: [] };
    for (const format of ["text", "markdown"] as const)
        it(`status (${format}) of a global cluster without members says it has none and what to do`, async () => {
            const sim = simulate(EMPTY);
            const r = await cli(sim, [
                "status",
                "--region",
                "us-east-1",
                "--global-cluster",
                "app-global",
                "--format",
                format,
            ]);
            assert.strictEqual(r.code, 0, r.stderr);
            assert.ok(r.stdout.includes("(no member cluster)"), r.stdout);
            assert.ok(r.stdout.includes("the global cluster has no member cluster"), r.stdout);
            assert.ok(r.stdout.includes("create-db-cluster --global-cluster-identifier app-global"), r.stdout);
            assert.doesNotMatch(r.stdout, /members must all be available/);
        });
});
