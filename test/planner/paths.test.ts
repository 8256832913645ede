import * as assert from "node:assert/strict";
import { isBlocked, planUpgrade } from "../../planner";
import { member, MYSQL_3080, mysqlInput, pgInput, stepLines, withMember } from "./fixtures";
import { assertMeans, assertSomeMeans } from "../support/assert-means";

describe("planner: paths of docs/upgrade-paths.md's table", () => {
    describe("no change", () => {
        it("PostgreSQL at the target plans nothing", () => {
            const plan = planUpgrade(pgInput("17.4"));
            assert.equal(plan.path, "none");
            assert.equal(plan.change, "none");
            assert.deepEqual(plan.steps, []);
            assert.deepEqual(plan.violations, []);
        });
        it("MySQL at the target plans nothing", () => {
            const plan = planUpgrade(mysqlInput(MYSQL_3080));
            assert.equal(plan.path, "none");
            assert.deepEqual(plan.steps, []);
        });
        it("a PostgreSQL target with the running patch level is no change (EngineVersion hides it)", () => {
            assert.equal(planUpgrade(pgInput("17.4.5")).path, "none");
        });
        it("a brand-new database has no current version and plans nothing", () => {
            const plan = planUpgrade(
                pgInput("17.4", {
                    globalCurrentVersion: undefined,
                    globalCurrentEngine: undefined,
                    members: [member("a", "us-east-1", "primary"), member("b", "eu-west-1", "secondary")],
                }),
            );
            assert.equal(plan.path, "create");
            assert.equal(plan.change, "create");
            assert.equal(plan.from, undefined);
            assert.deepEqual(plan.steps, []);
        });
    });

    describe("Aurora PostgreSQL minor", () => {
        it("auto picks the managed global operation: snapshot, then one ModifyGlobalCluster", () => {
            const plan = planUpgrade(pgInput("17.5"));
            assert.equal(plan.path, "managed");
            assert.equal(plan.change, "minor");
            assert.deepEqual(stepLines(plan.steps), [
                "1 snapshot app-use1 17.4→-",
                "2 modify-global-cluster app-global 17.4→17.5",
            ]);
            assert.equal(plan.steps[1].role, "global");
            assert.equal(plan.steps[1].region, "us-east-1");
        });
        it("strategy managed gives the same single operation", () => {
            assert.equal(planUpgrade(pgInput("17.5", {}, { strategy: "managed" })).path, "managed");
        });
        it("strategy rolling upgrades every secondary in one parallel wave, then the primary", () => {
            const input = pgInput(
                "17.5",
                {
                    members: [
                        member("p", "us-east-1", "primary", "17.4"),
                        member("s1", "eu-west-1", "secondary", "17.4"),
                        member("s2", "ap-northeast-1", "secondary", "17.4"),
                        member("s3", "us-west-2", "secondary", "17.4"),
                    ],
                },
                { strategy: "rolling" },
            );
            const plan = planUpgrade(input);
            assert.equal(plan.path, "rolling");
            assert.deepEqual(stepLines(plan.steps), [
                "1 snapshot p 17.4→-",
                "2 modify-db-cluster s1 17.4→17.5",
                "2 modify-db-cluster s2 17.4→17.5",
                "2 modify-db-cluster s3 17.4→17.5",
                "3 modify-db-cluster p 17.4→17.5",
            ]);
        });
        it("auto finishes an interrupted rolling upgrade: members at the target are skipped", () => {
            const plan = planUpgrade(withMember(pgInput("17.5"), "app-apne1", { currentVersion: "17.5" }));
            assert.equal(plan.path, "rolling");
            assert.deepEqual(stepLines(plan.steps), [
                "1 snapshot app-use1 17.4→-",
                "2 modify-db-cluster app-use1 17.4→17.5",
            ]);
            assert.ok(plan.notes.includes('cluster "app-apne1" (ap-northeast-1) already runs 17.5: skipped'));
        });
        it("without snapshotBeforeUpgrade there is no snapshot step and a note says so", () => {
            const plan = planUpgrade(pgInput("17.5", {}, { snapshotBeforeUpgrade: false }));
            assert.deepEqual(stepLines(plan.steps), ["1 modify-global-cluster app-global 17.4→17.5"]);
            assertSomeMeans(plan.notes, { says: ["no snapshot", "snapshotBeforeUpgrade"] });
        });
        it("impact notes describe the seed's measurement: secondary readers restart, the writer uses ZDP", () => {
            const plan = planUpgrade(pgInput("17.5", {}, { strategy: "rolling" }));
            assert.match(plan.steps[1].impact, /about 11 s unreachable measured/);
            assert.match(plan.steps[2].impact, /zero-downtime patching/);
        });
    });

    describe("Aurora MySQL minor or patch", () => {
        it("patch inside one minor: rolling ModifyDBCluster, secondaries in parallel, then the primary", () => {
            const plan = planUpgrade(mysqlInput("8.0.mysql_aurora.3.08.2"));
            assert.equal(plan.path, "rolling");
            assert.deepEqual(stepLines(plan.steps), [
                `1 snapshot shop-euw1 ${MYSQL_3080}→-`,
                `2 modify-db-cluster shop-use1 ${MYSQL_3080}→8.0.mysql_aurora.3.08.2`,
                `2 modify-db-cluster shop-apse2 ${MYSQL_3080}→8.0.mysql_aurora.3.08.2`,
                `3 modify-db-cluster shop-euw1 ${MYSQL_3080}→8.0.mysql_aurora.3.08.2`,
            ]);
            assertMeans(plan.steps[3].impact, { says: ["zero-downtime patching", "not supported", "Aurora MySQL"] });
        });
        it("patch in EngineVersion: rolling too", () => {
            const plan = planUpgrade(mysqlInput("8.0.mysql_aurora.3.08.1"));
            assert.equal(plan.change, "patch");
            assert.equal(plan.path, "rolling");
            assert.equal(plan.steps.filter((s) => s.action === "modify-db-cluster").length, 3);
        });
        it("minor below 3.04 (3.02 → 3.03, no newer community MySQL rule): rolling", () => {
            const plan = planUpgrade(
                mysqlInput("8.0.mysql_aurora.3.03.1", { globalCurrentVersion: "8.0.mysql_aurora.3.02.0" }),
            );
            assert.equal(plan.change, "minor");
            assert.equal(plan.path, "rolling");
        });
        it("minor to a newer community MySQL (3.08 → 3.10, 8.4 minors): blocked under auto, blue-green when asked", () => {
            assert.equal(planUpgrade(mysqlInput("8.0.mysql_aurora.3.10.0")).path, "none");
            assert.equal(planUpgrade(mysqlInput("8.4.8", { globalCurrentVersion: "8.4.7" })).path, "none");
            assert.equal(
                planUpgrade(mysqlInput("8.4.8", { globalCurrentVersion: "8.4.7" }, { strategy: "blue-green" })).path,
                "blue-green",
            );
        });
    });

    describe("pending patch (system-update)", () => {
        const pending = [{ action: "system-update", description: "Aurora PostgreSQL 17.4.6", targetVersion: "17.4.6" }];
        it("applies pending maintenance to secondaries, then the primary, when opted in", () => {
            let input = pgInput("17.4", {}, { applyPendingPatches: "immediate" });
            input = withMember(withMember(input, "app-use1", { pendingActions: pending }), "app-apne1", {
                pendingActions: pending,
            });
            const plan = planUpgrade(input);
            assert.equal(plan.path, "patch");
            assert.deepEqual(stepLines(plan.steps), [
                "1 snapshot app-use1 17.4→-",
                "2 apply-pending-maintenance app-apne1 17.4→17.4.6",
                "3 apply-pending-maintenance app-use1 17.4→17.4.6",
            ]);
        });
        it("leaves pending actions alone without the opt-in and says how to apply them", () => {
            const plan = planUpgrade(withMember(pgInput("17.4"), "app-apne1", { pendingActions: pending }));
            assert.equal(plan.path, "none");
            assertSomeMeans(plan.notes, {
                says: ["pending maintenance", "upgrade.applyPendingPatches", "secondaries first"],
            });
        });
        it("a PostgreSQL target with a newer patch level goes through pending maintenance", () => {
            const input = withMember(
                withMember(pgInput("17.4.6"), "app-use1", { currentVersion: "17.4.5" }),
                "app-apne1",
                { currentVersion: "17.4.5" },
            );
            const plan = planUpgrade(input);
            assert.equal(plan.change, "patch");
            assert.equal(plan.path, "patch");
            assert.deepEqual(stepLines(plan.steps).slice(1), [
                "2 apply-pending-maintenance app-apne1 17.4.5→17.4.6",
                "3 apply-pending-maintenance app-use1 17.4.5→17.4.6",
            ]);
        });
        it("Aurora MySQL pending system-update at the running version: secondaries, then the primary", () => {
            const mysqlPending = [{ action: "system-update", targetVersion: "8.0.mysql_aurora.3.08.1" }];
            let input = mysqlInput(MYSQL_3080, {}, { applyPendingPatches: "immediate" });
            for (const m of input.members) input = withMember(input, m.cluster, { pendingActions: mysqlPending });
            const plan = planUpgrade(input);
            assert.equal(plan.path, "patch");
            assert.deepEqual(stepLines(plan.steps).slice(1), [
                `2 apply-pending-maintenance shop-use1 ${MYSQL_3080}→8.0.mysql_aurora.3.08.1`,
                `2 apply-pending-maintenance shop-apse2 ${MYSQL_3080}→8.0.mysql_aurora.3.08.1`,
                `3 apply-pending-maintenance shop-euw1 ${MYSQL_3080}→8.0.mysql_aurora.3.08.1`,
            ]);
        });
        it("next-maintenance scheduling is noted", () => {
            const input = withMember(pgInput("17.4", {}, { applyPendingPatches: "next-maintenance" }), "app-apne1", {
                pendingActions: pending,
            });
            assertSomeMeans(planUpgrade(input).notes, {
                says: ["next maintenance window", "secondaries first", "maintenance-windows-out-of-order"],
            });
        });
    });

    describe("major (both engines)", () => {
        it("PostgreSQL major with the opt-in: one ModifyGlobalCluster", () => {
            const plan = planUpgrade(
                pgInput(
                    "17.4",
                    {
                        globalCurrentVersion: "16.6",
                        members: [
                            member("p", "us-east-1", "primary", "16.6"),
                            member("s", "ap-northeast-1", "secondary", "16.6"),
                        ],
                    },
                    { allowMajorVersionUpgrade: true },
                ),
            );
            assert.equal(plan.path, "major");
            assert.deepEqual(stepLines(plan.steps), [
                "1 snapshot p 16.6→-",
                "2 modify-global-cluster app-global 16.6→17.4",
            ]);
        });
        it("prepares target-family parameter groups per region before, applies them per member after", () => {
            const input = pgInput(
                "17.4",
                {
                    globalCurrentVersion: "16.6",
                    members: [
                        member("p", "us-east-1", "primary", "16.6", { targetClusterParameterGroup: "app-pg17" }),
                        member("s", "ap-northeast-1", "secondary", "16.6", { targetClusterParameterGroup: "app-pg17" }),
                    ],
                },
                { allowMajorVersionUpgrade: true },
            );
            const plan = planUpgrade(input);
            assert.deepEqual(stepLines(plan.steps), [
                "1 snapshot p 16.6→-",
                "2 prepare-parameter-groups p 16.6→17.4",
                "2 prepare-parameter-groups s 16.6→17.4",
                "3 modify-global-cluster app-global 16.6→17.4",
                "4 apply-parameter-groups s 16.6→17.4",
                "4 apply-parameter-groups p 16.6→17.4",
            ]);
        });
        it("MySQL 3 → 8.4 with the opt-in: one ModifyGlobalCluster", () => {
            const plan = planUpgrade(mysqlInput("8.4.7", {}, { allowMajorVersionUpgrade: true }));
            assert.equal(plan.path, "major");
            assert.equal(plan.steps.filter((s) => s.action === "modify-global-cluster").length, 1);
        });
        it("MySQL 2 → 3 in place when the conditions are confirmed", () => {
            const plan = planUpgrade(
                mysqlInput(
                    MYSQL_3080,
                    { globalCurrentVersion: "5.7.mysql_aurora.2.12.1" },
                    { allowMajorVersionUpgrade: true, mysqlInPlaceMajorConfirmed: true },
                ),
            );
            assert.equal(plan.path, "major");
            assert.equal(isBlocked(plan), false);
        });
        it("strategy rolling does not apply to a major upgrade and says why", () => {
            const plan = planUpgrade(pgInput("18.1", {}, { allowMajorVersionUpgrade: true, strategy: "rolling" }));
            assert.equal(plan.path, "major");
            assertSomeMeans(plan.notes, { says: ["rolling", "major upgrades"] });
        });
    });
});
