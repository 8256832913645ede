import * as assert from "node:assert/strict";
import { EngineCatalogue, isBlocked, planUpgrade, PlanInput, RULES } from "../../planner";
import { member, MYSQL_3080, mysqlInput, pgInput, withMember } from "./fixtures";
import { nonEmpty } from "../support/non-empty";

/** Plans `input` and returns its violations as "rule: message | fix". */
function violations(input: PlanInput): string[] {
    const plan = planUpgrade(input);
    if (isBlocked(plan)) assert.deepEqual(plan.steps, [], "a blocked plan has no steps");
    return plan.violations.map((v) => `${v.rule}: ${v.message} | ${v.fix}`);
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
        assert.deepEqual(violations(withMember(pgInput("17.3"), "app-apne1", { currentVersion: "17.5" })), [
            'downgrade: primary cluster "app-use1" (us-east-1) runs 17.4; 17.3 is older and Aurora cannot downgrade | set engineVersion to 17.4 or newer; to go back, restore the pre-upgrade snapshot into a new cluster',
            'downgrade: secondary cluster "app-apne1" (ap-northeast-1) runs 17.5; 17.3 is older and Aurora cannot downgrade | set engineVersion to 17.5 or newer; to go back, restore the pre-upgrade snapshot into a new cluster',
        ]);
    });
    it("downgrade (MySQL)", () => {
        const out = violations(
            withMember(mysqlInput("8.0.mysql_aurora.3.07.1"), "shop-apse2", {
                currentVersion: "8.0.mysql_aurora.3.08.1",
            }),
        );
        assert.equal(out.length, 3);
        assert.equal(
            out[0],
            `downgrade: primary cluster "shop-euw1" (eu-west-1) runs ${MYSQL_3080}; 8.0.mysql_aurora.3.07.1 is older and Aurora cannot downgrade | set engineVersion to ${MYSQL_3080} or newer; to go back, restore the pre-upgrade snapshot into a new cluster`,
        );
    });
    it("engine change", () => {
        assert.deepEqual(
            violations(mysqlInput(MYSQL_3080, { globalCurrentEngine: "aurora-postgresql", members: [] })),
            [
                'engine-change: global cluster "shop-global" runs aurora-postgresql; changing it to aurora-mysql is not an upgrade | keep engine "aurora-postgresql", or migrate to a new global database (snapshot restore or logical replication)',
            ],
        );
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
        assert.deepEqual(violations(pgInput("18.1")), [
            "major-without-opt-in: 18.1 is a major version upgrade from 17.4 and allowMajorVersionUpgrade is false | set upgrade.allowMajorVersionUpgrade to true (the CLI: --allow-major) after testing the application on the new major version",
        ]);
    });
    it("major without opt-in (MySQL 3 → 8.4)", () => {
        assert.deepEqual(violations(mysqlInput("8.4.7")), [
            `major-without-opt-in: 8.4.7 is a major version upgrade from ${MYSQL_3080} and allowMajorVersionUpgrade is false | set upgrade.allowMajorVersionUpgrade to true (the CLI: --allow-major) after testing the application on the new major version`,
        ]);
    });
    it("target not a valid upgrade target of the current version (PostgreSQL)", () => {
        assert.deepEqual(violations(pgInput("17.7", { catalogue: PG_CATALOGUE })), [
            'invalid-upgrade-target: 17.7 is not a valid upgrade target of 17.4 for primary cluster "app-use1" (us-east-1) | choose one of: 17.5, 17.6',
            'invalid-upgrade-target: 17.7 is not a valid upgrade target of 17.4 for secondary cluster "app-apne1" (ap-northeast-1) | choose one of: 17.5, 17.6',
        ]);
    });
    it("target not a valid upgrade target (MySQL)", () => {
        const catalogue: EngineCatalogue = {
            upgradeTargets: { [MYSQL_3080]: [{ version: "8.0.mysql_aurora.3.08.1", isMajorVersionUpgrade: false }] },
        };
        const out = violations(mysqlInput("8.0.mysql_aurora.3.08.2", { catalogue }));
        assert.equal(out.length, 3);
        assert.equal(
            out[2],
            `invalid-upgrade-target: 8.0.mysql_aurora.3.08.2 is not a valid upgrade target of ${MYSQL_3080} for secondary cluster "shop-apse2" (ap-southeast-2) | choose one of: 8.0.mysql_aurora.3.08.1`,
        );
    });
    it("a valid target passes the catalogue check", () => {
        assert.deepEqual(violations(pgInput("17.5", { catalogue: PG_CATALOGUE })), []);
    });
    it("target without global database support", () => {
        assert.deepEqual(violations(pgInput("17.6", { catalogue: PG_CATALOGUE })), [
            'target-without-global-support: Aurora PostgreSQL 17.6 does not support global databases | choose a version whose SupportsGlobalDatabases is true (aws rds describe-db-engine-versions --engine aurora-postgresql --query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion")',
        ]);
    });
    it("target without global support from the catalogue's version list (MySQL)", () => {
        const out = violations(
            mysqlInput("8.0.mysql_aurora.3.08.2", {
                catalogue: { supportsGlobal: { "8.0.mysql_aurora.3.08.2": false } },
            }),
        );
        assert.deepEqual(out, [
            'target-without-global-support: Aurora MySQL 8.0.mysql_aurora.3.08.2 does not support global databases | choose a version whose SupportsGlobalDatabases is true (aws rds describe-db-engine-versions --engine aurora-mysql --query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion")',
        ]);
    });
    it("Aurora PostgreSQL major while rds.global_db_rpo is set", () => {
        const input = withMember(pgInput("18.1", {}, { allowMajorVersionUpgrade: true }), "app-use1", {
            rpoEnabled: true,
        });
        assert.deepEqual(violations(input), [
            'postgres-major-with-rpo: primary cluster "app-use1" (us-east-1) sets rds.global_db_rpo; Aurora PostgreSQL cannot do a major upgrade while the RPO feature is on | reset rds.global_db_rpo in the cluster parameter group, apply it, then upgrade; set it again afterwards',
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
        assert.deepEqual(violations(input), [
            "mysql-2-to-3-in-place: Aurora MySQL 2 → 3 in place on a global database needs lower_case_table_names at its default and a reboot: the in-place conditions are not confirmed (upgrade.mysqlInPlaceMajorConfirmed) | confirm the conditions with upgrade.mysqlInPlaceMajorConfirmed: true, or remove the secondaries, upgrade the primary, and add them again (or restore a snapshot at version 3)",
        ]);
    });
    it("Aurora MySQL 2 → 3 in place with a non-default lower_case_table_names, even if confirmed", () => {
        let input = mysqlInput(
            MYSQL_3080,
            { globalCurrentVersion: "5.7.mysql_aurora.2.12.1" },
            { allowMajorVersionUpgrade: true, mysqlInPlaceMajorConfirmed: true },
        );
        input = withMember(input, "shop-use1", { lowerCaseTableNamesDefault: false });
        const out = violations(input);
        assert.equal(out.length, 1);
        assert.match(
            out[0],
            /^mysql-2-to-3-in-place: .*: secondary cluster "shop-use1" \(us-east-1\) sets lower_case_table_names to a non-default value \| /,
        );
    });
    it("Aurora MySQL 8.4 from version 2", () => {
        const input = mysqlInput(
            "8.4.7",
            { globalCurrentVersion: "5.7.mysql_aurora.2.12.1" },
            { allowMajorVersionUpgrade: true },
        );
        const out = violations(input);
        assert.equal(out.length, 3);
        assert.equal(
            out[0],
            'mysql-8.4-only-from-3: primary cluster "shop-euw1" (eu-west-1) runs 5.7.mysql_aurora.2.12.1; Aurora MySQL 8.4 is reached in place from version 3 only | upgrade to Aurora MySQL version 3 (8.0.mysql_aurora.3.x) first, then to 8.4',
        );
    });
    it("Aurora MySQL minor to a newer community MySQL under auto or rolling: refused in place, the fix names blue-green", () => {
        for (const strategy of ["auto", "rolling"] as const)
            assert.deepEqual(
                violations(
                    mysqlInput(
                        "8.0.mysql_aurora.3.10.0",
                        { globalCurrentVersion: "8.0.mysql_aurora.3.08.2" },
                        { strategy },
                    ),
                ),
                [
                    `mysql-minor-in-place-refused: 8.0.mysql_aurora.3.08.2 (community MySQL 8.0.39) → 8.0.mysql_aurora.3.10.0 (community MySQL 8.0.42) is a minor upgrade to a newer community MySQL: AWS refuses it in place on a global database ("In-place minor version upgrade of Aurora MySQL global database cluster 'shop-use1' to Aurora MySQL engine version 8.0.mysql_aurora.3.10.0 isn't supported") | use strategy "blue-green" (upgrade.strategy: blue-green, or --strategy blue-green): a green copy of every region is upgraded while production runs, then one switchover; or remove the secondary regions, upgrade the primary and add them again (docs/upgrade-paths.md: remove, upgrade, re-add). Only a patch inside one minor rolls in place`,
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
        assert.deepEqual(violations(mysqlInput("8.0.mysql_aurora.3.10.0", {}, { strategy: "managed" })), [
            'managed-not-available: strategy managed is not available for Aurora MySQL: ModifyGlobalCluster only does major upgrades | use strategy "blue-green": AWS refuses this minor upgrade in place on a global database',
        ]);
    });
    it("managed strategy on Aurora MySQL: a patch inside one minor names rolling or auto", () => {
        assert.deepEqual(violations(mysqlInput("8.0.mysql_aurora.3.08.2", {}, { strategy: "managed" })), [
            'managed-not-available: strategy managed is not available for Aurora MySQL: ModifyGlobalCluster only does major upgrades | use strategy "rolling" or "auto"',
        ]);
    });
    it("managed strategy for a PostgreSQL patch level", () => {
        const input = withMember(
            withMember(pgInput("17.4.6", {}, { strategy: "managed" }), "app-use1", { currentVersion: "17.4.5" }),
            "app-apne1",
            { currentVersion: "17.4.5" },
        );
        assert.deepEqual(violations(input), [
            `managed-not-available: strategy managed does not apply patch levels: AWS's managed minor upgrade does not handle them | use strategy "auto" (pending maintenance, secondaries first) or "rolling"`,
        ]);
    });
    it("a secondary with no instance (PostgreSQL)", () => {
        assert.deepEqual(violations(withMember(pgInput("17.5"), "app-apne1", { instanceCount: 0 })), [
            'secondary-without-instance: secondary cluster "app-apne1" (ap-northeast-1) has no DB instance; AWS refuses to upgrade it ("Cannot modify engine version without a primary instance in DB cluster") | give the secondary at least one instance (instanceCount: 1 or more) before changing the version',
        ]);
    });
    it("a secondary with no instance (MySQL)", () => {
        const out = violations(withMember(mysqlInput("8.0.mysql_aurora.3.08.2"), "shop-apse2", { instanceCount: 0 }));
        assert.deepEqual(
            out.map((o) => o.split(":")[0]),
            ["secondary-without-instance"],
        );
    });
    it("members declared at different versions", () => {
        assert.deepEqual(violations(withMember(pgInput("17.5"), "app-apne1", { declaredVersion: "17.4" })), [
            'members-at-different-versions: secondary cluster "app-apne1" (ap-northeast-1) declares engineVersion 17.4 but the global cluster declares 17.5; members at different versions cannot fail over | declare 17.5 on every member and on the global cluster (one engineVersion for the whole global database)',
        ]);
    });
    it("a new secondary at a version other than the global cluster's", () => {
        const input = pgInput("17.5", {
            members: [...pgInput("17.5").members, member("app-euw1", "eu-west-1", "secondary")],
        });
        assert.deepEqual(violations(input), [
            'new-secondary-at-other-version: secondary cluster "app-euw1" (eu-west-1) is new and would be created at 17.5 while the global cluster runs 17.4 (AWS: "Value for engineVersion should match setting for global cluster") | add the secondary and change engineVersion in separate updates: finish the upgrade first, then add the region (or add it first at the running version)',
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
        assert.deepEqual(violations(pgInput("17.x")), [
            'malformed-version: engineVersion: engineVersion "17.x" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints) | correct the version string',
        ]);
    });
    it("a malformed current version names the member", () => {
        const out = violations(withMember(pgInput("17.5"), "app-apne1", { currentVersion: "seventeen" }));
        assert.equal(out.length, 1);
        assert.match(
            out[0],
            /^malformed-version: cluster "app-apne1" current version: engineVersion "seventeen" is not a valid aurora-postgresql version/,
        );
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
