import * as assert from "assert";
import { planUpgrade, renderPlan } from "../../planner";
import { member, pgInput, stepLines } from "./fixtures";
import { assertMeanings } from "../support/assert-means";

/**
 * A major upgrade killed after ModifyGlobalCluster finished but before the target-family groups
 * were applied: every member runs the target on AWS's default groups. The plan finishes the job.
 */
describe("planner: resume of a major upgrade whose parameter groups are not applied yet", () => {
    const atTarget = (over: Parameters<typeof member>[4] = {}, secondaryOver: Parameters<typeof member>[4] = {}) =>
        pgInput("17.4", {
            globalCurrentVersion: "17.4",
            members: [
                member("p", "us-east-1", "primary", "17.4", {
                    targetClusterParameterGroup: "app-aurora-postgresql17",
                    currentClusterParameterGroup: "default.aurora-postgresql17",
                    ...over,
                }),
                member("s", "ap-northeast-1", "secondary", "17.4", {
                    targetClusterParameterGroup: "app-aurora-postgresql17",
                    currentClusterParameterGroup: "default.aurora-postgresql17",
                    ...secondaryOver,
                }),
            ],
        });

    it("plans apply-parameter-groups on the secondaries, then the primary; no snapshot, no ModifyGlobalCluster", () => {
        const plan = planUpgrade(atTarget());
        assert.equal(plan.path, "major");
        assert.equal(plan.change, "none");
        assert.deepEqual(plan.violations, []);
        assert.deepEqual(stepLines(plan.steps), [
            "1 apply-parameter-groups s 17.4→17.4",
            "2 apply-parameter-groups p 17.4→17.4",
        ]);
        assertMeanings(plan.notes, [
            { says: ["resuming a major upgrade", "17.4", `cluster "s"`, "ap-northeast-1", `cluster "p"`, "us-east-1"] },
            { says: ["no snapshot", "no ModifyGlobalCluster", "secondaries first"] },
        ]);
    });

    it("needs no major opt-in: the major version change is already done", () => {
        const plan = planUpgrade(atTarget());
        assert.equal(plan.steps.length, 2);
        assert.equal(plan.violations.length, 0);
    });

    it("plans only the members still on another group", () => {
        const plan = planUpgrade(atTarget({ currentClusterParameterGroup: "app-aurora-postgresql17" }));
        assert.deepEqual(stepLines(plan.steps), ["1 apply-parameter-groups s 17.4→17.4"]);
    });

    it("an instance on another group than the known target instance group is unfinished too", () => {
        const plan = planUpgrade(
            atTarget(
                {
                    currentClusterParameterGroup: "app-aurora-postgresql17",
                    targetInstanceParameterGroup: "inst-aurora-postgresql17",
                    currentInstanceParameterGroups: ["inst-aurora-postgresql17", "default.aurora-postgresql17"],
                },
                { currentClusterParameterGroup: "app-aurora-postgresql17" },
            ),
        );
        assert.deepEqual(stepLines(plan.steps), ["1 apply-parameter-groups p 17.4→17.4"]);
    });

    it("every group applied: nothing to do", () => {
        const plan = planUpgrade(
            atTarget(
                { currentClusterParameterGroup: "app-aurora-postgresql17" },
                { currentClusterParameterGroup: "app-aurora-postgresql17" },
            ),
        );
        assert.equal(plan.path, "none");
        assert.deepEqual(plan.steps, []);
    });

    it("without a known target group, or without the current group, the plan stays none", () => {
        assert.equal(
            planUpgrade(
                atTarget({ targetClusterParameterGroup: undefined }, { targetClusterParameterGroup: undefined }),
            ).path,
            "none",
        );
        assert.equal(
            planUpgrade(
                atTarget({ currentClusterParameterGroup: undefined }, { currentClusterParameterGroup: undefined }),
            ).path,
            "none",
        );
    });

    it("a member not at the target yet keeps the full major path (prepare, global, apply)", () => {
        const input = atTarget({ currentVersion: "16.6" });
        const plan = planUpgrade({
            ...input,
            globalCurrentVersion: "16.6",
            options: { ...input.options, allowMajorVersionUpgrade: true },
        });
        assert.equal(plan.change, "major");
        assert.deepEqual(stepLines(plan.steps), [
            "1 snapshot p 16.6→-",
            "2 prepare-parameter-groups p 16.6→17.4",
            "2 prepare-parameter-groups s 17.4→17.4",
            "3 modify-global-cluster app-global 16.6→17.4",
            "4 apply-parameter-groups s 17.4→17.4",
            "4 apply-parameter-groups p 16.6→17.4",
        ]);
    });

    it("the text rendering says the upgrade is resumed, not a new ModifyGlobalCluster", () => {
        const text = renderPlan(planUpgrade(atTarget()), "text");
        assert.match(
            text,
            /path: major \(resumed\): the upgrade is done; apply the target-family parameter groups, secondaries first, then the primary/,
        );
        assert.doesNotMatch(text, /modify global cluster/);
    });
});
