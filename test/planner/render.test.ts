import * as assert from "node:assert/strict";
import { fromPlanJson, planUpgrade, renderPlan, toPlanJson } from "../../planner";
import { pgInput, withMember } from "./fixtures";

describe("planner: renderers", () => {
    it("text lists waves, parallel secondaries and impact", () => {
        const text = renderPlan(planUpgrade(pgInput("17.5", {}, { strategy: "rolling" })), "text");
        const lines = text.split("\n");
        assert.equal(lines[0], 'Aurora PostgreSQL global cluster "app-global": 17.4 → 17.5 (minor upgrade)');
        assert.equal(lines[1], "path: rolling: ModifyDBCluster on every secondary in parallel, then the primary");
        assert.ok(lines.includes('  - modify DB cluster secondary "app-apne1" (ap-northeast-1) 17.4 → 17.5'));
        assert.ok(
            lines.indexOf('  - modify DB cluster secondary "app-apne1" (ap-northeast-1) 17.4 → 17.5') <
                lines.indexOf('  - modify DB cluster primary "app-use1" (us-east-1) 17.4 → 17.5'),
        );
    });
    it("text of a blocked plan says nothing will change and lists rule, message and fix", () => {
        const text = renderPlan(planUpgrade(pgInput("18.1")), "text");
        assert.equal(
            text,
            [
                'Aurora PostgreSQL global cluster "app-global": 17.4 → 18.1 (major upgrade)',
                "path: blocked",
                "BLOCKED: 1 violation, nothing will be changed",
                "  [major-without-opt-in] 18.1 is a major version upgrade from 17.4 and allowMajorVersionUpgrade is false",
                "      fix: set upgrade.allowMajorVersionUpgrade to true (the CLI: --allow-major) after testing the application on the new major version",
            ].join("\n"),
        );
    });
    it("markdown has a mermaid diagram whose edges follow the waves", () => {
        const md = renderPlan(planUpgrade(pgInput("17.5", {}, { strategy: "rolling" })), "markdown");
        assert.ok(md.includes("```mermaid\nflowchart LR\n"));
        assert.ok(md.includes("  s0 --> s1\n  s1 --> s2\n"));
        assert.ok(md.includes("| 2 | modify DB cluster | `app-apne1` | ap-northeast-1 | secondary | 17.4 → 17.5 |"));
    });
    it("markdown of a blocked plan is a table of rule, problem and fix", () => {
        const md = renderPlan(
            planUpgrade(withMember(pgInput("17.3"), "app-apne1", { currentVersion: "17.5" })),
            "markdown",
        );
        assert.ok(
            md.startsWith('### ⛔ Blocked: Aurora PostgreSQL global cluster "app-global": 17.4 → 17.3 (downgrade)\n'),
        );
        assert.ok(md.includes("| rule | problem | fix |"));
        assert.ok(!md.includes("```mermaid"));
    });
    it("JSON has steps with wave/action/cluster/region/role/from/to and violations with rule/message/fix", () => {
        const json = JSON.parse(renderPlan(planUpgrade(pgInput("17.5")), "json"));
        assert.deepEqual(Object.keys(json.steps[1]), [
            "wave",
            "action",
            "cluster",
            "region",
            "role",
            "from",
            "to",
            "impact",
        ]);
        assert.deepEqual(
            { ...json.steps[1], impact: undefined },
            {
                wave: 2,
                action: "modify-global-cluster",
                cluster: "app-global",
                region: "us-east-1",
                role: "global",
                from: "17.4",
                to: "17.5",
                impact: undefined,
            },
        );
        assert.equal(json.blocked, false);
        const blocked = toPlanJson(planUpgrade(withMember(pgInput("17.5"), "app-apne1", { instanceCount: 0 })));
        assert.deepEqual(Object.keys(blocked.violations[0]), ["rule", "message", "fix", "cluster"]);
        assert.equal(blocked.violations[0].cluster, "app-apne1");
    });
    it("lists every member from → to: its own step's version, the target of a global operation, unchanged when skipped", () => {
        const rolling = planUpgrade(
            withMember(pgInput("17.5", {}, { strategy: "rolling" }), "app-apne1", { currentVersion: "17.5" }),
        );
        assert.deepEqual(toPlanJson(rolling).members, [
            { cluster: "app-use1", region: "us-east-1", role: "primary", from: "17.4", to: "17.5" },
            { cluster: "app-apne1", region: "ap-northeast-1", role: "secondary", from: "17.5", to: "17.5" },
        ]);
        const text = renderPlan(rolling, "text").split("\n");
        assert.deepEqual(text.slice(2, 5), [
            "members:",
            '  primary "app-use1" (us-east-1) 17.4 → 17.5',
            '  secondary "app-apne1" (ap-northeast-1) 17.5 (unchanged)',
        ]);
        const md = renderPlan(planUpgrade(pgInput("17.5")), "markdown");
        assert.ok(
            md.includes(
                "| member | region | role | version |\n|---|---|---|---|\n| `app-use1` | us-east-1 | primary | 17.4 → 17.5 |\n| `app-apne1` | ap-northeast-1 | secondary | 17.4 → 17.5 |\n",
            ),
            md,
        );
    });
    it("a blocked plan's members stay where they are; the text shows no member list", () => {
        const blocked = planUpgrade(withMember(pgInput("17.3"), "app-apne1", { currentVersion: "17.5" }));
        assert.deepEqual(
            toPlanJson(blocked).members.map((m) => [m.from, m.to]),
            [
                ["17.4", null],
                ["17.5", null],
            ],
        );
        assert.ok(
            renderPlan(blocked, "markdown").includes(
                "| `app-use1` | us-east-1 | primary | 17.4 (unchanged: blocked) |",
            ),
        );
        assert.ok(!renderPlan(blocked, "text").includes("members:"));
    });
    it("a plan read back from its JSON renders the same in every format", () => {
        for (const plan of [
            planUpgrade(pgInput("17.5")),
            planUpgrade(pgInput("17.3")),
            planUpgrade(pgInput("18.1", {}, { allowMajorVersionUpgrade: true })),
        ]) {
            const back = fromPlanJson(JSON.parse(renderPlan(plan, "json")));
            for (const format of ["text", "markdown", "json"] as const)
                assert.equal(renderPlan(back, format), renderPlan(plan, format));
        }
    });
});
