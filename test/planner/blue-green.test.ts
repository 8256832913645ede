import * as assert from "node:assert/strict";
import { planUpgrade, renderPlan } from "../../planner";
import { member, mysqlInput, pgInput, stepLines, withMember } from "./fixtures";
import { assertMeanings, assertSomeMeans } from "../support/assert-means";
import { nonEmpty } from "../support/non-empty";

const MYSQL_3082 = "8.0.mysql_aurora.3.08.2";
const MYSQL_3100 = "8.0.mysql_aurora.3.10.0";
const violations = (input: Parameters<typeof planUpgrade>[0]) => planUpgrade(input).violations;

describe("planner: blue-green path", () => {
    it("MySQL 3.08.2 → 3.10.0 with strategy blue-green: snapshot, create, switchover, cleanup", () => {
        const plan = planUpgrade(
            mysqlInput(MYSQL_3100, { globalCurrentVersion: MYSQL_3082 }, { strategy: "blue-green" }),
        );
        assert.deepEqual(plan.violations, []);
        assert.equal(plan.path, "blue-green");
        assert.equal(plan.change, "minor");
        assert.deepEqual(stepLines(plan.steps), [
            `1 snapshot shop-euw1 ${MYSQL_3082}→-`,
            `2 blue-green-create shop-global ${MYSQL_3082}→${MYSQL_3100}`,
            `3 blue-green-switchover shop-global ${MYSQL_3082}→${MYSQL_3100}`,
            `4 blue-green-cleanup shop-global ${MYSQL_3082}→${MYSQL_3100}`,
        ]);
        assert.deepEqual(
            plan.steps.map((s) => `${s.role} ${s.region}`),
            ["primary eu-west-1", "global eu-west-1", "global eu-west-1", "global eu-west-1"],
        );
        assert.deepEqual(
            plan.members?.map((m) => `${m.cluster} ${m.from} → ${m.to}`),
            ["shop-euw1", "shop-use1", "shop-apse2"].map((c) => `${c} ${MYSQL_3082} → ${MYSQL_3100}`),
        );
    });

    it("states the cost, the expected downtime and the switchover timeout", () => {
        const input = withMember(
            mysqlInput(MYSQL_3100, {}, { strategy: "blue-green", switchoverTimeoutSeconds: 600 }),
            "shop-euw1",
            { instanceCount: 2 },
        );
        const plan = planUpgrade(input);
        assert.deepEqual(plan.blueGreen, {
            sourceCluster: "shop-euw1",
            sourceRegion: "eu-west-1",
            greenClusters: 3,
            greenInstances: 4,
            switchoverTimeoutSeconds: 600,
            oldClusters: "keep",
            expectedDowntime: "typically under one minute",
        });
        assertSomeMeans(plan.notes, { says: ["cost", "3 clusters", "4 instances"] });
        assertSomeMeans(plan.notes, { says: ["expected downtime", "typically under one minute"] });
        assertSomeMeans(plan.notes, { says: ["switchover timeout 600 s"] });
        assertSomeMeans(plan.notes, { says: ["-old1", "kept", "deletion protection"] });
        const text = renderPlan(plan, "text");
        for (const note of nonEmpty(plan.notes, "note"))
            assert.ok(text.includes(`note: ${note}`), `missing: ${note}\n${text}`);
        assert.equal(JSON.parse(renderPlan(plan, "json")).blueGreen.switchoverTimeoutSeconds, 600);
    });

    it("defaults: 300 s switchover timeout, old clusters kept; oldClusters delete is stated", () => {
        const plan = planUpgrade(mysqlInput(MYSQL_3100, {}, { strategy: "blue-green", oldClusters: "delete" }));
        assert.equal(plan.blueGreen?.switchoverTimeoutSeconds, 300);
        assertSomeMeans(plan.notes, { says: ["-old1", "deleted"] });
    });

    it("no snapshot step when snapshotBeforeUpgrade is false", () => {
        const plan = planUpgrade(mysqlInput(MYSQL_3100, {}, { strategy: "blue-green", snapshotBeforeUpgrade: false }));
        assert.deepEqual(
            plan.steps.map((s) => s.action),
            ["blue-green-create", "blue-green-switchover", "blue-green-cleanup"],
        );
    });

    it("PostgreSQL major by blue/green: needs the major opt-in, prepares custom target-family groups first", () => {
        const base = pgInput("17.4", { globalCurrentVersion: "16.6" }, { strategy: "blue-green" });
        const at166 = {
            ...base,
            members: base.members.map((m) => ({ ...m, currentVersion: "16.6" })),
        };
        assert.deepEqual(
            planUpgrade(at166).violations.map((v) => v.rule),
            ["major-without-opt-in"],
        );
        const withGroups = withMember(
            { ...at166, options: { ...at166.options, allowMajorVersionUpgrade: true } },
            "app-apne1",
            { targetClusterParameterGroup: "app-pg17" },
        );
        const plan = planUpgrade(withGroups);
        assert.equal(plan.path, "blue-green");
        assert.equal(plan.change, "major");
        assert.deepEqual(stepLines(plan.steps), [
            "1 snapshot app-use1 16.6→-",
            "2 prepare-parameter-groups app-apne1 16.6→17.4",
            "3 blue-green-create app-global 16.6→17.4",
            "4 blue-green-switchover app-global 16.6→17.4",
            "5 blue-green-cleanup app-global 16.6→17.4",
        ]);
    });

    it("PostgreSQL minor by blue/green when asked (auto would pick managed)", () => {
        assert.equal(planUpgrade(pgInput("17.5")).path, "managed");
        assert.equal(planUpgrade(pgInput("17.5", {}, { strategy: "blue-green" })).path, "blue-green");
    });

    it("nothing to do at the target, whatever the strategy", () => {
        const plan = planUpgrade(mysqlInput("8.0.mysql_aurora.3.08.0", {}, { strategy: "blue-green" }));
        assert.equal(plan.path, "none");
        assert.equal(plan.blueGreen, undefined);
    });

    it("blue-green-not-available: PostgreSQL below the supported minimum of its major", () => {
        const base = pgInput("16.6", { globalCurrentVersion: "16.0" }, { strategy: "blue-green" });
        const input = { ...base, members: base.members.map((m) => ({ ...m, currentVersion: "16.0" })) };
        assertMeanings(violations(input), [
            { rule: "blue-green-not-available", says: ["16.0", "16", "16.1"], fix: ["16.1", "auto"] },
        ]);
    });

    it("blue-green-not-available: the supported minimum itself qualifies (14.9)", () => {
        const base = pgInput("14.12", { globalCurrentVersion: "14.9" }, { strategy: "blue-green" });
        const input = { ...base, members: base.members.map((m) => ({ ...m, currentVersion: "14.9" })) };
        assert.deepEqual(violations(input), []);
    });

    it("blue-green-not-available: a PostgreSQL patch level is not an engine version", () => {
        const base = pgInput("17.4.6", {}, { strategy: "blue-green" });
        const input = { ...base, members: base.members.map((m) => ({ ...m, currentVersion: "17.4.5" })) };
        assertMeanings(violations(input), [
            {
                rule: "blue-green-not-available",
                says: ["17.4.6", "17.4", "patch level"],
                fix: ["auto", "system-update"],
            },
        ]);
    });

    it("blue-green-limits: a Secrets-Manager-managed master password and a green copy past the region's quotas", () => {
        const input = withMember(
            withMember(mysqlInput(MYSQL_3100, {}, { strategy: "blue-green" }), "shop-euw1", {
                blueGreenLimits: ["secrets-manager-password"],
            }),
            "shop-apse2",
            {
                blueGreenLimits: ["account-quota"],
                quotaShortfalls: [
                    { quota: "DBClusters", used: 40, max: 40, needed: 1 },
                    { quota: "DBInstances", used: 39, max: 40, needed: 2 },
                ],
            },
        );
        assertMeanings(violations(input), [
            {
                rule: "blue-green-limits",
                about: "shop-euw1",
                says: ["eu-west-1", "Secrets Manager"],
                fix: ["ManageMasterUserPassword", "MasterUserPassword"],
            },
            {
                rule: "blue-green-limits",
                about: "shop-apse2",
                says: ["DB clusters", "40 used of 40", "green adds 1", "DB instances", "39 used of 40", "green adds 2"],
                fix: ["ap-southeast-2", "Service Quotas", "DB clusters", "DB instances"],
            },
        ]);
    });

    it("blue-green-limits: RDS Proxies that target a member are named, each with its deregistration; unnamed, 'an RDS Proxy'", () => {
        const input = withMember(
            withMember(mysqlInput(MYSQL_3100, {}, { strategy: "blue-green" }), "shop-euw1", {
                blueGreenLimits: ["rds-proxy"],
                rdsProxies: ["orders-proxy", "reports-proxy"],
            }),
            "shop-apse2",
            { blueGreenLimits: ["rds-proxy"] },
        );
        const out = violations(input);
        assertMeanings(out, [
            {
                rule: "blue-green-limits",
                about: "shop-euw1",
                says: ["eu-west-1", "orders-proxy", "reports-proxy"],
                fix: ["deregister-db-proxy-targets", "eu-west-1", "orders-proxy", "reports-proxy", "shop-euw1"],
            },
            {
                rule: "blue-green-limits",
                about: "shop-apse2",
                says: ["ap-southeast-2", "an RDS Proxy"],
                fix: ["deregister-db-proxy-targets", "ap-southeast-2", "--db-proxy-name NAME", "shop-apse2"],
            },
        ]);
        const deregistrations = (fix: string) => fix.match(/deregister-db-proxy-targets [^;)]*/g) ?? [];
        assert.deepEqual(deregistrations(out[0].fix), [
            "deregister-db-proxy-targets --region eu-west-1 --db-proxy-name orders-proxy --db-cluster-identifiers shop-euw1",
            "deregister-db-proxy-targets --region eu-west-1 --db-proxy-name reports-proxy --db-cluster-identifiers shop-euw1",
        ]);
    });

    it("blue-green-limits: members whose target-family groups differ cannot go into one deployment", () => {
        const input = withMember(
            withMember(mysqlInput(MYSQL_3100, {}, { strategy: "blue-green" }), "shop-euw1", {
                targetClusterParameterGroup: "orders-mysql80",
            }),
            "shop-apse2",
            { targetClusterParameterGroup: "apse2-mysql80" },
        );
        assertMeanings(violations(input), [
            {
                rule: "blue-green-limits",
                says: ["orders-mysql80", "shop-euw1", "eu-west-1", "apse2-mysql80", "shop-apse2", "ap-southeast-2"],
                fix: ["targetClusterParameterGroupName", "--cluster-parameter-group"],
            },
        ]);
        const same = withMember(input, "shop-apse2", { targetClusterParameterGroup: "orders-mysql80" });
        assert.deepEqual(violations(same), []);
    });

    it("limits only matter to blue-green: a patch roll with the same member is not blocked", () => {
        const input = withMember(mysqlInput(MYSQL_3082), "shop-euw1", {
            blueGreenLimits: ["secrets-manager-password"],
        });
        assert.deepEqual(violations(input), []);
        assert.equal(planUpgrade(input).path, "rolling");
    });

    it("MySQL 2 → 3 by blue/green does not need the in-place confirmation", () => {
        const v2 = "5.7.mysql_aurora.2.12.1";
        const base = mysqlInput(
            "8.0.mysql_aurora.3.08.0",
            { globalCurrentVersion: v2 },
            { strategy: "blue-green", allowMajorVersionUpgrade: true },
        );
        assert.deepEqual(violations(base), []);
        assert.equal(planUpgrade(base).path, "blue-green");
        assert.deepEqual(
            violations({ ...base, options: { ...base.options, strategy: "auto" } }).map((v) => v.rule),
            ["mysql-2-to-3-in-place"],
        );
    });

    it("a new secondary during a blue/green upgrade is still refused", () => {
        const input = mysqlInput(MYSQL_3100, {}, { strategy: "blue-green" });
        const withNew = { ...input, members: [...input.members, member("shop-new", "eu-central-1", "secondary")] };
        assert.deepEqual(
            planUpgrade(withNew).violations.map((v) => v.rule),
            ["new-secondary-at-other-version"],
        );
    });
});
