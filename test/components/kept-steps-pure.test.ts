import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import {
    findUpgradeStepsRecord,
    resolveUpgrade,
    stepGraph,
    stepsToDeclare,
    UpgradeStepsRecord,
} from "../../components";
import { DEFAULT_PLAN_OPTIONS, planUpgrade } from "../../planner";
import { PRIMARY, SECONDARY } from "./fixtures";

const members = (version: string) => [
    { cluster: "app-use1", region: PRIMARY, role: "primary" as const, instanceCount: 1, currentVersion: version },
    { cluster: "app-apne1", region: SECONDARY, role: "secondary" as const, instanceCount: 1, currentVersion: version },
];
const plan = (from: string, to: string) =>
    planUpgrade({
        engine: "aurora-postgresql",
        globalClusterId: "app",
        target: readTarget(to),
        members: members(from),
        options: { ...DEFAULT_PLAN_OPTIONS, strategy: "rolling" },
    });
const upgrade = resolveUpgrade({ strategy: "rolling" });
const base = { component: "db", globalClusterId: "app", homeRegion: PRIMARY };

/** The record of the upgrade 17.4 → 17.5 as the update declared it. */
function lastUpgrade(): UpgradeStepsRecord {
    const p = plan("17.4", "17.5");
    return stepsToDeclare({ ...base, plan: p, specs: stepGraph(p, upgrade, PRIMARY) }).record;
}

describe("components: stepsToDeclare and findUpgradeStepsRecord (pure)", () => {
    it("declares the plan's steps, triggered by the target, when there is work", () => {
        const { record, kept } = stepsToDeclare({
            ...base,
            plan: plan("17.4", "17.5"),
            specs: stepGraph(plan("17.4", "17.5"), upgrade, PRIMARY),
        });
        assert.strictEqual(kept, false);
        assert.deepStrictEqual(
            record.steps.map((s) => [s.key, s.triggers]),
            [
                ["snapshot", ["17.5"]],
                [`secondary-${SECONDARY}`, ["17.5"]],
                ["primary", ["17.5"]],
            ],
        );
    });

    it("keeps the last record, the very object, only for the same target, global cluster and component", () => {
        const previous = lastUpgrade();
        const done = plan("17.5", "17.5");
        assert.strictEqual(done.path, "none");
        assert.deepStrictEqual(stepsToDeclare({ ...base, plan: done, specs: [], previous }), {
            record: previous,
            kept: true,
        });
        for (const other of [
            { ...previous, target: "17.6" },
            { ...previous, globalClusterId: "other" },
            { ...previous, component: "other" },
            { ...previous, steps: [] },
        ]) {
            const r = stepsToDeclare({ ...base, plan: done, specs: [], previous: other });
            assert.deepStrictEqual(
                r,
                { record: { ...base, target: "17.5", steps: [] }, kept: false },
                JSON.stringify(other),
            );
        }
    });

    it("keeps nothing for a blocked plan", () => {
        const blocked = plan("17.5", "18.1"); // a major without the opt-in
        assert.ok(blocked.violations.length > 0);
        const r = stepsToDeclare({ ...base, plan: blocked, specs: [], previous: { ...lastUpgrade(), target: "18.1" } });
        assert.deepStrictEqual(r.record.steps, []);
    });

    it("finds its own record in one record or a list of them (several databases in one stack)", () => {
        const mine = lastUpgrade();
        const theirs = { ...mine, component: "other" };
        assert.deepStrictEqual(findUpgradeStepsRecord(mine, "db"), mine);
        assert.deepStrictEqual(findUpgradeStepsRecord([theirs, mine], "db"), mine);
        assert.strictEqual(findUpgradeStepsRecord([theirs], "db"), undefined);
        assert.strictEqual(findUpgradeStepsRecord(undefined, "db"), undefined);
        assert.strictEqual(
            findUpgradeStepsRecord({ ...mine, steps: [{ ...mine.steps[0], action: "drop-database" }] }, "db"),
            undefined,
        );
    });
});
