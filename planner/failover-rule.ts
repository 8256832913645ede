import { compareVersions, FAILOVER_COMPATIBILITY_SOURCE } from "../engine-versions";
import { memberRef, overallChange, PlanContext } from "./context";
import { stateAfter, verdictOf } from "./failover";
import { buildSteps, choosePath } from "./steps";
import { Violation } from "./types";

/**
 * The rule `no-failover-after-plan`: once the plan is done, AWS must be able to fail over (the
 * members' versions fit AWS's compatibility table, engine-versions/failover-compatibility.ts). A
 * plan may pass through a state without failover (a rolling upgrade between its waves, stated per
 * wave), never end in one.
 */
export function noFailoverAfterPlan(ctx: PlanContext): Violation[] {
    const change = overallChange(ctx);
    if (change === "downgrade" || change === "engine-change" || !ctx.target) return [];
    const steps = buildSteps(ctx, choosePath(ctx, change));
    const state = stateAfter(ctx, steps);
    const verdict = verdictOf(ctx, state);
    if (!verdict || verdict.failover) return [];
    const versions = [...state.values()];
    const newest = versions.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
    const behind = ctx.members.filter((m) => state.get(m.state.cluster)?.text !== newest.text);
    return [
        {
            rule: "no-failover-after-plan",
            message: `after this plan AWS could neither switch over nor fail over: ${verdict.reason} (${FAILOVER_COMPATIBILITY_SOURCE})`,
            fix: `end every member on one compatible version: declare engineVersion ${newest.text} so that ${behind.map((m) => memberRef(m.state)).join(", ")} ${behind.length === 1 ? "is" : "are"} brought to it (secondaries first), or apply the same pending system-update on every member (upgrade.applyPendingPatches)`,
        },
    ];
}
