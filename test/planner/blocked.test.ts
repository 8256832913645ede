import * as assert from "node:assert/strict";
import { EngineCatalogue, isBlocked, planUpgrade, PlanInput, RULES, Violation } from "../../planner";
import { member, MYSQL_3080, mysqlInput, pgInput, withMember } from "./fixtures";
import { nonEmpty } from "../support/non-empty";
import { assertMeanings } from "../support/assert-means";

/** Plans `input` and returns its violations (a blocked plan has no steps). */
function violations(input: PlanInput): readonly Violation[] {
    const plan = planUpgrade(input);
    if (isBlocked(plan)) assert.deepEqual(plan.steps, [], "a blocked plan has no steps");
    return plan.violations;
}

const PG_CATALOGUE: EngineCatalogue = {
    upgradeTargets: {
        "17.4": [
            { version: "17.5", isMajorVersionUpgrade: false, supportsGlobalDatabases: true },
            { version: "17.6", isMajorVersionUpgrade: false, supportsGlobalDatabases: false },
        ],
    },
};

describe("planner: every blocked case", () => {
    // Members that disagree with each other: today's rule (every member alike is an AWS-applied upgrade).
    it("downgrade (PostgreSQL): one violation per member", () => {
        assertMeanings(violations(withMember(pgInput("17.3"), "app-apne1", { currentVersion: "17.5" })), [
            { rule: "downgrade", about: "app-use1", says: ["us-east-1", "17.4", "17.3"], fix: ["17.4"] },
            { rule: "downgrade", about: "app-apne1", says: ["ap-northeast-1", "17.5", "17.3"], fix: ["17.5"] },
        ]);
    });
    it("downgrade (MySQL)", () => {
        const out = violations(
            withMember(mysqlInput("8.0.mysql_aurora.3.07.1"), "shop-apse2", {
                currentVersion: "8.0.mysql_aurora.3.08.1",
            }),
        );
        assert.equal(out.length, 3);
        assertMeanings(out.slice(0, 1), [
            {
                rule: "downgrade",
                about: "shop-euw1",
                says: ["eu-west-1", MYSQL_3080, "8.0.mysql_aurora.3.07.1"],
                fix: [MYSQL_3080],
            },
        ]);
    });
    it("engine change", () => {
        assertMeanings(violations(mysqlInput(MYSQL_3080, { globalCurrentEngine: "aurora-postgresql", members: [] })), [
            {
                rule: "engine-change",
                about: "shop-global",
                says: ["aurora-postgresql", "aurora-mysql"],
                fix: ["aurora-postgresql"],
            },
        ]);
    });
    it("engine change with the members still on the old engine reports only engine-change", () => {
        const input = mysqlInput(MYSQL_3080, {
            globalCurrentEngine: "aurora-postgresql",
            globalCurrentVersion: "17.4",
            members: pgInput("17.4").members,
        });
        assert.deepEqual(
            planUpgrade(input).violations.map((x) => x.rule),
            ["engine-change"],
        );
    });
    it("major without opt-in (PostgreSQL)", () => {
        assertMeanings(violations(pgInput("18.1")), [
            {
                rule: "major-without-opt-in",
                says: ["18.1", "17.4"],
                fix: ["upgrade.allowMajorVersionUpgrade", "--allow-major"],
            },
        ]);
    });
    it("major without opt-in (MySQL 3 → 8.4)", () => {
        assertMeanings(violations(mysqlInput("8.4.7")), [
            { rule: "major-without-opt-in", says: ["8.4.7", MYSQL_3080], fix: ["upgrade.allowMajorVersionUpgrade"] },
        ]);
    });
    it("target not a valid upgrade target of the current version (PostgreSQL)", () => {
        const valid = ["17.5", "17.6"];
        assertMeanings(violations(pgInput("17.7", { catalogue: PG_CATALOGUE })), [
            { rule: "invalid-upgrade-target", about: "app-use1", says: ["17.7", "17.4", "us-east-1"], fix: valid },
            {
                rule: "invalid-upgrade-target",
                about: "app-apne1",
                says: ["17.7", "17.4", "ap-northeast-1"],
                fix: valid,
            },
        ]);
    });
    it("target not a valid upgrade target (MySQL)", () => {
        const catalogue: EngineCatalogue = {
            upgradeTargets: { [MYSQL_3080]: [{ version: "8.0.mysql_aurora.3.08.1", isMajorVersionUpgrade: false }] },
        };
        const out = violations(mysqlInput("8.0.mysql_aurora.3.08.2", { catalogue }));
        assert.equal(out.length, 3);
        assertMeanings(out.slice(2), [
            {
                rule: "invalid-upgrade-target",
                about: "shop-apse2",
                says: ["8.0.mysql_aurora.3.08.2", MYSQL_3080, "ap-southeast-2"],
                fix: ["8.0.mysql_aurora.3.08.1"],
            },
        ]);
    });
    it("a valid target passes the catalogue check", () => {
        assert.deepEqual(violations(pgInput("17.5", { catalogue: PG_CATALOGUE })), []);
    });
    it("target without global database support", () => {
        assertMeanings(violations(pgInput("17.6", { catalogue: PG_CATALOGUE })), [
            {
                rule: "target-without-global-support",
                says: ["17.6"],
                fix: ["SupportsGlobalDatabases", "aurora-postgresql"],
            },
        ]);
    });
    it("target without global support from the catalogue's version list (MySQL)", () => {
        const out = violations(
            mysqlInput("8.0.mysql_aurora.3.08.2", {
                catalogue: { supportsGlobal: { "8.0.mysql_aurora.3.08.2": false } },
            }),
        );
        assertMeanings(out, [
            {
                rule: "target-without-global-support",
                says: ["8.0.mysql_aurora.3.08.2"],
                fix: ["SupportsGlobalDatabases", "aurora-mysql"],
            },
        ]);
    });
    it("Aurora PostgreSQL major while rds.global_db_rpo is set", () => {
        const input = withMember(pgInput("18.1", {}, { allowMajorVersionUpgrade: true }), "app-use1", {
            rpoEnabled: true,
        });
        assertMeanings(violations(input), [
            {
                rule: "postgres-major-with-rpo",
                about: "app-use1",
                says: ["us-east-1", "rds.global_db_rpo"],
                fix: ["rds.global_db_rpo"],
            },
        ]);
    });
    it("RPO does not block a PostgreSQL minor upgrade", () => {
        assert.deepEqual(violations(withMember(pgInput("17.5"), "app-use1", { rpoEnabled: true })), []);
    });
    it("Aurora MySQL 2 → 3 in place without the confirmed conditions", () => {
        const input = mysqlInput(
            MYSQL_3080,
            { globalCurrentVersion: "5.7.mysql_aurora.2.12.1" },
            { allowMajorVersionUpgrade: true },
        );
        assertMeanings(violations(input), [
            {
                rule: "mysql-2-to-3-in-place",
                says: ["lower_case_table_names", "upgrade.mysqlInPlaceMajorConfirmed"],
                fix: ["upgrade.mysqlInPlaceMajorConfirmed"],
            },
        ]);
    });
    it("Aurora MySQL 2 → 3 in place with a non-default lower_case_table_names, even if confirmed", () => {
        let input = mysqlInput(
            MYSQL_3080,
            { globalCurrentVersion: "5.7.mysql_aurora.2.12.1" },
            { allowMajorVersionUpgrade: true, mysqlInPlaceMajorConfirmed: true },
        );
        input = withMember(input, "shop-use1", { lowerCaseTableNamesDefault: false });
        assertMeanings(violations(input), [
            { rule: "mysql-2-to-3-in-place", about: "shop-use1", says: ["us-east-1", "lower_case_table_names"] },
        ]);
    });
    it("Aurora MySQL 8.4 from version 2", () => {
        const input = mysqlInput(
            "8.4.7",
            { globalCurrentVersion: "5.7.mysql_aurora.2.12.1" },
            { allowMajorVersionUpgrade: true },
        );
        const out = violations(input);
        assert.equal(out.length, 3);
        assertMeanings(out.slice(0, 1), [
            {
                rule: "mysql-8.4-only-from-3",
                about: "shop-euw1",
                says: ["eu-west-1", "5.7.mysql_aurora.2.12.1", "8.4"],
                fix: ["8.0.mysql_aurora.3.x", "8.4"],
            },
        ]);
    });
    it("Aurora MySQL minor to a newer community MySQL under auto or rolling: refused in place, the fix names blue-green", () => {
        for (const strategy of ["auto", "rolling"] as const)
            assertMeanings(
                violations(
                    mysqlInput(
                        "8.0.mysql_aurora.3.10.0",
                        { globalCurrentVersion: "8.0.mysql_aurora.3.08.2" },
                        { strategy },
                    ),
                ),
                [
                    {
                        rule: "mysql-minor-in-place-refused",
                        says: ["8.0.mysql_aurora.3.08.2", "8.0.39", "8.0.mysql_aurora.3.10.0", "8.0.42", "shop-use1"],
                        fix: ["blue-green", "--strategy", "docs/upgrade-paths.md"],
                    },
                ],
            );
    });
    it("Aurora MySQL 8.4 and 2.12 minors are refused in place too", () => {
        const rules = (target: string, current: string) =>
            planUpgrade(mysqlInput(target, { globalCurrentVersion: current })).violations.map((x) => x.rule);
        assert.deepEqual(rules("8.4.8", "8.4.7"), ["mysql-minor-in-place-refused"]);
        assert.deepEqual(rules("5.7.mysql_aurora.2.12.1", "5.7.mysql_aurora.2.11.2"), ["mysql-minor-in-place-refused"]);
    });
    it("managed strategy on Aurora MySQL: a minor to a newer community MySQL names blue-green", () => {
        assertMeanings(violations(mysqlInput("8.0.mysql_aurora.3.10.0", {}, { strategy: "managed" })), [
            { rule: "managed-not-available", says: ["managed", "ModifyGlobalCluster"], fix: ["blue-green"] },
        ]);
        assert.doesNotMatch(
            violations(mysqlInput("8.0.mysql_aurora.3.10.0", {}, { strategy: "managed" }))[0].fix,
            /rolling/,
        );
    });
    it("managed strategy on Aurora MySQL: a patch inside one minor names rolling or auto", () => {
        const out = violations(mysqlInput("8.0.mysql_aurora.3.08.2", {}, { strategy: "managed" }));
        assertMeanings(out, [{ rule: "managed-not-available", says: ["managed"], fix: ["rolling", "auto"] }]);
        assert.doesNotMatch(out[0].fix, /blue-green/);
    });
    it("managed strategy for a PostgreSQL patch level", () => {
        const input = withMember(
            withMember(pgInput("17.4.6", {}, { strategy: "managed" }), "app-use1", { currentVersion: "17.4.5" }),
            "app-apne1",
            { currentVersion: "17.4.5" },
        );
        assertMeanings(violations(input), [
            { rule: "managed-not-available", says: ["managed"], fix: ["auto", "rolling"] },
        ]);
    });
    it("a secondary with no instance (PostgreSQL)", () => {
        assertMeanings(violations(withMember(pgInput("17.5"), "app-apne1", { instanceCount: 0 })), [
            {
                rule: "secondary-without-instance",
                about: "app-apne1",
                says: ["ap-northeast-1"],
                fix: ["instanceCount"],
            },
        ]);
    });
    it("a secondary with no instance (MySQL)", () => {
        const out = violations(withMember(mysqlInput("8.0.mysql_aurora.3.08.2"), "shop-apse2", { instanceCount: 0 }));
        assertMeanings(out, [{ rule: "secondary-without-instance", about: "shop-apse2" }]);
    });
    it("members declared at different versions", () => {
        assertMeanings(violations(withMember(pgInput("17.5"), "app-apne1", { declaredVersion: "17.4" })), [
            {
                rule: "members-at-different-versions",
                about: "app-apne1",
                says: ["ap-northeast-1", "17.4", "17.5"],
                fix: ["17.5"],
            },
        ]);
    });
    it("a new secondary at a version other than the global cluster's", () => {
        const input = pgInput("17.5", {
            members: [...pgInput("17.5").members, member("app-euw1", "eu-west-1", "secondary")],
        });
        assertMeanings(violations(input), [
            { rule: "new-secondary-at-other-version", about: "app-euw1", says: ["eu-west-1", "17.5", "17.4"] },
        ]);
    });
    it("a new secondary at the running version is allowed and plans nothing", () => {
        const input = pgInput("17.4", {
            members: [...pgInput("17.4").members, member("app-euw1", "eu-west-1", "secondary")],
        });
        const plan = planUpgrade(input);
        assert.deepEqual(plan.violations, []);
        assert.equal(plan.path, "none");
    });
    it("a malformed target is one violation naming engine, value and an example", () => {
        assertMeanings(violations(pgInput("17.x")), [
            { rule: "malformed-version", about: "engineVersion", says: ["17.x", "aurora-postgresql", "17.4"] },
        ]);
    });
    it("a malformed current version names the member", () => {
        const out = violations(withMember(pgInput("17.5"), "app-apne1", { currentVersion: "seventeen" }));
        assertMeanings(out, [
            { rule: "malformed-version", about: "app-apne1", says: ["seventeen", "aurora-postgresql"] },
        ]);
    });
    it("reports every violation together", () => {
        let input = pgInput("18.1", { catalogue: PG_CATALOGUE });
        input = withMember(withMember(input, "app-apne1", { instanceCount: 0, declaredVersion: "17.4" }), "app-use1", {
            rpoEnabled: true,
        });
        const rules = planUpgrade({
            ...input,
            options: { ...input.options, allowMajorVersionUpgrade: false },
        }).violations.map((v) => v.rule);
        assert.deepEqual(rules, [
            "major-without-opt-in",
            "invalid-upgrade-target",
            "invalid-upgrade-target",
            "postgres-major-with-rpo",
            "secondary-without-instance",
            "members-at-different-versions",
        ]);
    });
    it("every rule id is unique and documented", () => {
        const ids = RULES.map((r) => r.id);
        assert.equal(new Set(ids).size, ids.length);
        for (const r of nonEmpty(RULES, "rule")) assert.ok(r.summary.length > 10, r.id);
    });
});
