import * as assert from "assert";
import { MemberState, planUpgrade } from "../../planner";
import { nextWindowStart } from "../../planner/maintenance-window";
import { pgInput } from "./fixtures";
import { assertMeanings } from "../support/assert-means";

/** Saturday 2026-04-11 06:00 UTC. */
const NOW = Date.parse("2026-04-11T06:00:00Z");
const PATCH = { action: "system-update", description: "Upgrade to Aurora PostgreSQL 17.4.6", targetVersion: "17.4.6" };

/** The seed-001 database with a pending patch on both members and the given windows. */
function withWindows(primary: string, secondary: string, scheduled?: Record<string, string>) {
    const base = pgInput("17.4", { now: NOW }, { applyPendingPatches: "next-maintenance" });
    const windows: Record<string, string> = { primary, secondary };
    return {
        ...base,
        members: base.members.map((m): MemberState => ({
            ...m,
            maintenanceWindow: windows[m.role],
            pendingActions: [
                scheduled ? { ...PATCH, optInStatus: "next-maintenance", currentApplyDate: scheduled[m.role] } : PATCH,
            ],
        })),
    };
}

describe("planner: pending patches scheduled for the next maintenance window", () => {
    it("counts a weekly window's next start from the read", () => {
        assert.strictEqual(
            new Date(nextWindowStart("sun:05:00-sun:05:30", NOW)!).toISOString(),
            "2026-04-12T05:00:00.000Z",
        );
        assert.strictEqual(
            new Date(nextWindowStart("sat:05:00-sat:05:30", NOW)!).toISOString(),
            "2026-04-18T05:00:00.000Z",
        );
        assert.strictEqual(nextWindowStart("sunday 5am", NOW), undefined);
    });

    it("windows in order (secondary first): the patch round is planned", () => {
        const plan = planUpgrade(withWindows("mon:05:00-mon:05:30", "sun:05:00-sun:05:30"));
        assert.deepStrictEqual(plan.violations, []);
        assert.strictEqual(plan.path, "patch");
    });

    it("the primary's window first: blocked with the rule id, the dates and the fix", () => {
        const plan = planUpgrade(withWindows("sun:05:00-sun:05:30", "mon:05:00-mon:05:30"));
        assertMeanings(plan.violations, [
            {
                rule: "maintenance-windows-out-of-order",
                about: "app-apne1",
                says: [
                    "app-use1",
                    "2026-04-12T05:00Z",
                    "sun:05:00-sun:05:30",
                    "2026-04-13T05:00Z",
                    "mon:05:00-mon:05:30",
                ],
                fix: ["preferredMaintenanceWindow", "applyPendingPatches", "immediate"],
            },
        ]);
    });

    it("immediate ignores the windows (the plan applies secondaries first itself)", () => {
        const input = withWindows("sun:05:00-sun:05:30", "mon:05:00-mon:05:30");
        const plan = planUpgrade({ ...input, options: { ...input.options, applyPendingPatches: "immediate" } });
        assert.deepStrictEqual(plan.violations, []);
    });

    it("the dates AWS scheduled decide: the primary's CurrentApplyDate before a secondary's is blocked", () => {
        const plan = planUpgrade(
            withWindows("mon:05:00-mon:05:30", "sun:05:00-sun:05:30", {
                primary: "2026-04-12T05:00:00.000Z",
                secondary: "2026-04-13T05:00:00.000Z",
            }),
        );
        assert.deepStrictEqual(
            plan.violations.map((v) => v.rule),
            ["maintenance-windows-out-of-order"],
        );
    });

    it("actions AWS already scheduled are shown with their date and not opted in again: nothing to do", () => {
        const plan = planUpgrade(
            withWindows("mon:05:00-mon:05:30", "sun:05:00-sun:05:30", {
                primary: "2026-04-13T05:00:00.000Z",
                secondary: "2026-04-12T05:00:00.000Z",
            }),
        );
        assert.deepStrictEqual(plan.violations, []);
        assert.strictEqual(plan.path, "none");
        assert.deepStrictEqual(plan.steps, []);
        const scheduled = ["system-update", "17.4.6", "not applied again"];
        assertMeanings(plan.notes, [
            { about: "app-use1", says: [...scheduled, "2026-04-13T05:00:00.000Z"] },
            { about: "app-apne1", says: [...scheduled, "2026-04-12T05:00:00.000Z"] },
        ]);
    });
});
