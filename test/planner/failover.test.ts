import * as assert from "node:assert/strict";
import { isBlocked, planUpgrade, renderPlan, RULES, toPlanJson } from "../../planner";
import { member, MYSQL_3080, mysqlInput, pgInput, withMember } from "./fixtures";

const pg16 = (target: string, primary = "16.1.5", secondary = "16.1.5") =>
    pgInput(target, {
        globalCurrentVersion: "16.1",
        members: [
            member("app-use1", "us-east-1", "primary", primary),
            member("app-apne1", "ap-northeast-1", "secondary", secondary),
        ],
    });

const waveView = (plan: ReturnType<typeof planUpgrade>) =>
    (plan.failover?.waves ?? []).map((w) => [w.wave, w.during.failover, w.after.failover]);

describe("planner: failover readiness per wave (AWS's compatibility table)", () => {
    it("is one rule of the RULES table", () => {
        assert.ok(RULES.some((r) => r.id === "no-failover-after-plan"));
    });

    it("PostgreSQL patch across the listed release 16.1.6: no failover from the secondaries' wave until the primary's ends", () => {
        const plan = planUpgrade(pg16("16.1.6"));
        assert.equal(plan.path, "patch");
        assert.equal(isBlocked(plan), false);
        // wave 1 snapshot, wave 2 the secondary, wave 3 the primary
        assert.deepEqual(waveView(plan), [
            [1, true, true],
            [2, false, false],
            [3, false, true],
        ]);
        assert.match(plan.failover!.waves[1].after.reason ?? "", /16\.1\.6 or newer/);
        assert.deepEqual(plan.failover!.withoutFailoverMinutes, { low: 6, high: 16 });
        assert.equal(plan.failover!.after.failover, true);
    });

    it("PostgreSQL 17 patch (no listed release): failover stays possible after the secondaries' wave", () => {
        const plan = planUpgrade(
            pgInput("17.4.6", {
                members: [
                    member("app-use1", "us-east-1", "primary", "17.4.5"),
                    member("app-apne1", "ap-northeast-1", "secondary", "17.4.5"),
                ],
            }),
        );
        assert.deepEqual(waveView(plan)[1], [2, false, true]);
        assert.equal(plan.failover!.waves[1].during.switchover, false, "the secondary is upgrading");
    });

    it("PostgreSQL 14.4 (below 14.5): patch levels must match, so failover waits for the primary", () => {
        const plan = planUpgrade(pg16("14.4.2", "14.4.1", "14.4.1"));
        assert.deepEqual(waveView(plan).slice(1), [
            [2, false, false],
            [3, false, true],
        ]);
    });

    it("PostgreSQL minor rolling: no failover during both member waves, possible after", () => {
        const plan = planUpgrade(pgInput("17.5", {}, { strategy: "rolling" }));
        assert.equal(plan.path, "rolling");
        assert.deepEqual(waveView(plan).slice(1), [
            [2, false, false],
            [3, false, true],
        ]);
    });

    it("Aurora MySQL patch rollout 3.08.0 → 3.08.2: no failover until the primary finishes, with its duration", () => {
        const plan = planUpgrade(mysqlInput("8.0.mysql_aurora.3.08.2"));
        assert.equal(plan.path, "rolling");
        assert.deepEqual(waveView(plan).slice(1), [
            [2, false, false],
            [3, false, true],
        ]);
        assert.match(plan.failover!.waves[1].after.reason ?? "", /patch level/);
        assert.deepEqual(plan.failover!.withoutFailoverMinutes, { low: 6, high: 16 });
        const text = renderPlan(plan, "text");
        assert.match(text, /no failover during waves 2, 3: about 6–16 min \(estimate\)/);
    });

    it("blocks a plan that ends without failover: a pending patch on one member only (PostgreSQL 16.1.6)", () => {
        const input = withMember(pg16("16.1"), "app-apne1", {
            pendingActions: [{ action: "system-update", targetVersion: "16.1.6" }],
        });
        const plan = planUpgrade({ ...input, options: { ...input.options, applyPendingPatches: "immediate" } });
        assert.deepEqual(
            plan.violations.map((v) => v.rule),
            ["no-failover-after-plan"],
        );
        assert.match(plan.violations[0].fix, /declare engineVersion 16\.1\.6/);
        assert.match(plan.violations[0].fix, /primary cluster "app-use1"/);
        assert.equal(plan.steps.length, 0, "no AWS call");
    });

    it("blocks a plan that ends without failover: Aurora MySQL members on different patch levels", () => {
        const input = withMember(mysqlInput(MYSQL_3080), "shop-use1", {
            pendingActions: [{ action: "system-update", targetVersion: "8.0.mysql_aurora.3.08.2" }],
        });
        const plan = planUpgrade({ ...input, options: { ...input.options, applyPendingPatches: "immediate" } });
        assert.deepEqual(
            plan.violations.map((v) => v.rule),
            ["no-failover-after-plan"],
        );
    });

    it("a database already without failover and nothing planned is blocked with the fix (declare the newest)", () => {
        const plan = planUpgrade(pg16("16.1", "16.1.5", "16.1.6"));
        assert.deepEqual(
            plan.violations.map((v) => v.rule),
            ["no-failover-after-plan"],
        );
        assert.match(plan.violations[0].fix, /declare engineVersion 16\.1\.6/);
        assert.equal(isBlocked(planUpgrade(pg16("16.1.6", "16.1.5", "16.1.6"))), false);
    });

    it("JSON carries the readiness; a single-region database has none", () => {
        const json = toPlanJson(planUpgrade(pg16("16.1.6")));
        assert.equal(json.failover?.waves.length, 3);
        const single = planUpgrade(pgInput("17.5", { members: [member("app-use1", "us-east-1", "primary", "17.4")] }));
        assert.equal(single.failover, undefined);
    });
});

describe("planner: an upgrade AWS applied itself (every member newer than declared)", () => {
    it("PostgreSQL 17.5 running, 17.4 declared: nothing planned, a warning with the fix, not blocked", () => {
        const input = pgInput("17.4", {
            globalCurrentVersion: "17.5",
            members: [
                member("app-use1", "us-east-1", "primary", "17.5", {
                    pendingActions: [{ action: "system-update", targetVersion: "17.5.2" }],
                }),
                member("app-apne1", "ap-northeast-1", "secondary", "17.5"),
            ],
        });
        const plan = planUpgrade({ ...input, options: { ...input.options, applyPendingPatches: "immediate" } });
        assert.equal(isBlocked(plan), false);
        assert.equal(plan.path, "none");
        assert.equal(plan.change, "none");
        assert.deepEqual(plan.steps, [], "a declared version below the running one never produces an AWS call");
        assert.deepEqual(plan.awsUpgraded, { running: "17.5", declared: "17.4" });
        assert.match(plan.warnings?.[0] ?? "", /set engineVersion to 17\.5/);
        assert.match(renderPlan(plan, "text"), /WARNING: AWS \(or someone\) upgraded this database to 17\.5/);
    });

    it("Aurora MySQL: every member on 3.08.2, 3.08.0 declared", () => {
        const plan = planUpgrade(mysqlInput(MYSQL_3080, { globalCurrentVersion: "8.0.mysql_aurora.3.08.2" }));
        assert.equal(isBlocked(plan), false);
        assert.equal(plan.awsUpgraded?.running, "8.0.mysql_aurora.3.08.2");
    });

    it("members that disagree keep today's rule (downgrade)", () => {
        const plan = planUpgrade(withMember(pgInput("17.3"), "app-apne1", { currentVersion: "17.5" }));
        assert.deepEqual(
            plan.violations.map((v) => v.rule),
            ["downgrade", "downgrade"],
        );
        assert.equal(plan.awsUpgraded, undefined);
    });
});
