import * as assert from "assert";
import { lineNaming } from "../support/meaning";
import { cli, MYSQL_ARGS, MYSQL_SEED, PG_ARGS, PG_MIXED_SEED, PG_SEED, simulate } from "./harness";

/** `aurora-global status`: what AWS would do now, by the planner's rule (planner/failover-now.ts). */
describe("orchestrator: status says switchover (to which regions), failover, or neither and why", () => {
    it("one version everywhere: switchover possible to every secondary region", async () => {
        const r = await cli(simulate(MYSQL_SEED), ["status", ...MYSQL_ARGS]);
        assert.strictEqual(r.code, 0, r.stderr);
        lineNaming(
            r.stdout,
            "failover ready: yes",
            "switchover possible (to us-east-1, ap-southeast-2)",
            "failover possible",
        );
    });

    it("members on different minors: neither, naming the member and the versions", async () => {
        const r = await cli(simulate(PG_MIXED_SEED), ["status", ...PG_ARGS]);
        // The wording of the failover line, pinned once (the other tests assert the regions and versions it names).
        assert.match(
            r.stdout,
            /failover ready: no — neither switchover nor failover: "app-apne1" \(ap-northeast-1\): 17\.4 and 17\.5 are different minor versions/,
        );
    });

    it("Aurora MySQL members on different patch levels: neither (JSON carries the verdict)", async () => {
        const seed = {
            ...MYSQL_SEED,
            members: MYSQL_SEED.members.map((m) =>
                m.id === "shop-use1" ? { ...m, version: "8.0.mysql_aurora.3.08.2" } : m,
            ),
        };
        const r = await cli(simulate(seed), ["status", ...MYSQL_ARGS, "--format", "json"]);
        const json = JSON.parse(r.stdout) as {
            failoverReady: boolean;
            failover: { switchover: boolean; failover: boolean; reason: string; targets: string[] };
        };
        assert.strictEqual(json.failoverReady, false);
        assert.deepStrictEqual([json.failover.switchover, json.failover.failover], [false, false]);
        assert.match(json.failover.reason, /differ in patch level/);
        assert.deepStrictEqual(json.failover.targets, []);
    });

    it("PostgreSQL 17 with pending system-updates everywhere (no listed release in 17): possible", async () => {
        const seed = {
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        };
        const r = await cli(simulate(seed), ["status", ...PG_ARGS]);
        assert.match(r.stdout, /failover ready: yes — switchover possible \(to ap-northeast-1\)/);
    });
});
