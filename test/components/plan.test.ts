import * as assert from "assert";
import { PlanJson } from "../../planner";
import { componentOutputs, named, ofType, pgArgs, PRIMARY, runDb, runningPg, SECONDARY, T } from "./fixtures";
import { assertMeanings, assertMeans, assertSomeMeans } from "../support/assert-means";

describe("components: live versions and the plan", () => {
    it("reads each member's live version with DescribeDBClusters in the member's region, and the global cluster", async () => {
        const r = await runDb(pgArgs(), runningPg("17.4"));
        const clusters = r.awsCalls
            .filter((c) => c.command === "DescribeDBClusters")
            .map((c) => ({ id: c.input.DBClusterIdentifier, region: c.region }));
        assert.deepStrictEqual(clusters, [
            { id: `app-${PRIMARY}`, region: PRIMARY },
            { id: `app-${SECONDARY}`, region: SECONDARY },
        ]);
        assert.deepStrictEqual(
            r.awsCalls
                .filter((c) => c.command === "DescribeGlobalClusters")
                .map((c) => ({ id: c.input.GlobalClusterIdentifier, region: c.region })),
            [{ id: "app", region: PRIMARY }],
        );
    });

    it("a brand-new database has no current version and plans nothing (path create)", async () => {
        const r = await runDb(pgArgs());
        const plan = r.outputs.plan as PlanJson;
        assert.strictEqual(plan.path, "create");
        assert.strictEqual(plan.from, null);
        assert.deepStrictEqual(plan.steps, []);
        assert.deepStrictEqual(ofType(r, T.command), []);
        assert.deepStrictEqual(r.outputs.memberVersions, {
            [PRIMARY]: { clusterIdentifier: `app-${PRIMARY}`, role: "primary", version: "17.4", new: true },
            [SECONDARY]: { clusterIdentifier: `app-${SECONDARY}`, role: "secondary", version: "17.4", new: true },
        });
    });

    it("an unchanged version plans nothing and creates no step", async () => {
        const r = await runDb(pgArgs(), runningPg("17.4"));
        const plan = r.outputs.plan as PlanJson;
        assert.strictEqual(plan.path, "none");
        assert.strictEqual(plan.from, "17.4");
        assert.deepStrictEqual(ofType(r, T.command), []);
        assert.strictEqual(r.outputs.failoverReady, true);
    });

    it("logs the markdown plan (what the PR comment shows) as info on the component so it shows in the preview", async () => {
        const r = await runDb(pgArgs({ engineVersion: "17.5" }), runningPg("17.4"));
        const info = r.logs.filter((l) => l.severity === "info");
        assert.strictEqual(info.length, 1);
        // The markdown's wording is pinned in test/planner/render.test.ts; here: the component logs it, for this plan.
        const lines = info[0].message.split("\n");
        assert.strictEqual(lines[0], '### Aurora PostgreSQL global cluster "app": 17.4 → 17.5 (minor upgrade)');
        assert.match(lines[2], /^\*\*Path:\*\* managed: /);
        assert.deepStrictEqual(lines.slice(4, 8), [
            "| member | region | role | version |",
            "|---|---|---|---|",
            "| `app-us-east-1` | us-east-1 | primary | 17.4 → 17.5 |",
            "| `app-ap-northeast-1` | ap-northeast-1 | secondary | 17.4 → 17.5 |",
        ]);
        const mermaid = lines.slice(lines.indexOf("```mermaid"), lines.indexOf("```mermaid") + 6);
        assert.deepStrictEqual(mermaid.slice(0, 2), ["```mermaid", "flowchart LR"]);
        assertMeanings(mermaid.slice(2, 4), [
            { says: ["s0", "snapshot", "app-us-east-1", "us-east-1", "17.4"] },
            { says: ["s1", "app", "us-east-1", "17.4 → 17.5"] },
        ]);
        assert.deepStrictEqual(mermaid.slice(4), ["  s0 --> s1", "```"]);
        const row = lines.find((l) => l.startsWith("| 2 |"))?.split(" | ");
        assert.deepStrictEqual(row?.slice(0, 6), [
            "| 2",
            "modify global cluster",
            "`app`",
            "us-east-1",
            "global",
            "17.4 → 17.5",
        ]);
        assertMeans(row![6], { says: ["one operation", "secondary readers restart", "zero-downtime patching"] });
        assert.strictEqual(info[0].urn, named(r, "db").urn);
    });

    it("exposes the JSON plan, every member's live version and failover readiness", async () => {
        const r = await runDb(
            pgArgs({ engineVersion: "17.5", upgrade: { strategy: "rolling" } }),
            runningPg("17.4", undefined, { [SECONDARY]: "17.5" }),
        );
        const plan = r.outputs.plan as PlanJson;
        assert.strictEqual(plan.path, "rolling");
        assert.deepStrictEqual(
            plan.steps.map((s) => [s.wave, s.action, s.cluster]),
            [
                [1, "snapshot", `app-${PRIMARY}`],
                [2, "modify-db-cluster", `app-${PRIMARY}`],
            ],
        );
        assert.deepStrictEqual(r.outputs.memberVersions, {
            [PRIMARY]: {
                clusterIdentifier: `app-${PRIMARY}`,
                role: "primary",
                version: "17.4",
                new: false,
                upgradingTo: "17.5",
            },
            [SECONDARY]: { clusterIdentifier: `app-${SECONDARY}`, role: "secondary", version: "17.5", new: false },
        });
        assert.strictEqual(r.outputs.failoverReady, false);
    });

    it("uses the engine catalogue when AWS describes it (invalid upgrade target blocks)", async () => {
        const state = {
            ...runningPg("17.4"),
            engineVersions: [
                {
                    engine: "aurora-postgresql",
                    version: "17.4",
                    supportsGlobalDatabases: true,
                    validUpgradeTargets: ["17.5", "17.6"],
                },
            ],
        };
        const r = await runDb(pgArgs({ engineVersion: "17.7" }), state);
        const plan = r.outputs.plan as PlanJson;
        assert.deepStrictEqual(
            plan.violations.map((v) => v.rule),
            ["invalid-upgrade-target", "invalid-upgrade-target"],
        );
        assert.strictEqual(plan.violations[0].fix, "choose one of: 17.5, 17.6");
    });
});

describe("components: an upgrade AWS applied itself (17.5 running everywhere, 17.4 declared)", () => {
    it("plans nothing, warns with the fix, records it in the plan output; failover stays ready", async () => {
        const r = await runDb(pgArgs({ engineVersion: "17.4" }), runningPg("17.5"));
        assert.deepStrictEqual(ofType(r, T.command), []);
        assert.deepStrictEqual(
            r.logs.filter((l) => l.severity === "error"),
            [],
        );
        const warnings = r.logs.filter((l) => l.severity === "warn").map((l) => l.message);
        assertSomeMeans(warnings, { says: ["upgraded", "17.5", "engineVersion", "17.4"] });
        const plan = r.outputs.plan as PlanJson;
        assert.deepStrictEqual(plan.awsUpgraded, { running: "17.5", declared: "17.4" });
        assert.strictEqual(plan.blocked, false);
        assert.strictEqual(r.outputs.failoverReady, true);
    });
});

describe("components: a blocked version change", () => {
    it("creates no upgrade step and reports every violation as an error on the component", async () => {
        // Members that disagree (half-way through a rolling upgrade): a downgrade is blocked.
        const r = await runDb(
            pgArgs({ engineVersion: "16.6" }),
            runningPg("17.4", [PRIMARY, SECONDARY], { [SECONDARY]: "17.5" }),
        );
        assert.deepStrictEqual(ofType(r, T.command), []);
        const errors = r.logs.filter((l) => l.severity === "error");
        const violations = (r.outputs.plan as PlanJson).violations;
        // The component's rendering, one error per violation (the violations' wording is the planner's).
        assert.deepStrictEqual(
            errors.map((e) => e.message),
            violations.map((v) => `upgrade blocked [${v.rule}]: ${v.message}. Fix: ${v.fix}`),
        );
        assertMeanings(
            errors.map((e) => e.message),
            [
                { rule: "downgrade", about: `app-${PRIMARY}`, says: [PRIMARY, "17.4", "16.6"], fix: ["17.4"] },
                { rule: "downgrade", about: `app-${SECONDARY}`, says: [SECONDARY, "17.5", "16.6"], fix: ["17.5"] },
            ],
        );
        assert.ok(errors.every((e) => e.urn === named(r, "db").urn));
    });

    it("records the plan with its violations in the registered outputs for the policy pack", async () => {
        const r = await runDb(pgArgs({ engineVersion: "18.1" }), runningPg("17.4"));
        const out = componentOutputs(r);
        assert.strictEqual(out.planBlocked, true);
        const plan = out.plan as PlanJson;
        assert.strictEqual(plan.blocked, true);
        assert.strictEqual(plan.path, "none");
        assert.deepStrictEqual(plan.steps, []);
        assert.deepStrictEqual(out.violations, plan.violations);
        assertMeanings(plan.violations, [
            {
                rule: "major-without-opt-in",
                says: ["18.1", "17.4"],
                fix: ["upgrade.allowMajorVersionUpgrade", "--allow-major"],
            },
        ]);
        assert.deepStrictEqual(Object.keys(plan.violations[0]).sort(), ["cluster", "fix", "message", "rule"]);
        assert.strictEqual(plan.violations[0].cluster, null, "the JSON keeps the key, null when not about one member");
        assert.deepStrictEqual(out.upgradeSteps, []);
    });

    it("blocks a new secondary added in the same update as a version change", async () => {
        const r = await runDb(
            pgArgs({ engineVersion: "17.5", secondaries: [{ region: SECONDARY }, { region: "eu-west-1" }] }),
            runningPg("17.4"),
        );
        const plan = r.outputs.plan as PlanJson;
        assert.deepStrictEqual(
            plan.violations.map((v) => [v.rule, v.cluster]),
            [["new-secondary-at-other-version", "app-eu-west-1"]],
        );
        assert.deepStrictEqual(ofType(r, T.command), []);
    });

    it("blocks a member pinned to another version", async () => {
        const r = await runDb(
            pgArgs({ secondaries: [{ region: SECONDARY, engineVersion: "17.5" }] }),
            runningPg("17.4"),
        );
        const plan = r.outputs.plan as PlanJson;
        assert.deepStrictEqual(
            plan.violations.map((v) => v.rule),
            ["members-at-different-versions"],
        );
        assert.strictEqual(r.logs.filter((l) => l.severity === "error").length, 1);
    });
});
