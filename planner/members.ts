import { MemberContext, overallChange, PlanContext } from "./context";
import { MemberState, PendingAction, UpgradePath } from "./types";

/**
 * Members at the target that run another group than their known target-family group: the
 * apply-parameter-groups phase of a major upgrade is unfinished on them. Secondaries first.
 */
export function unappliedGroupMembers(ctx: PlanContext): MemberContext[] {
    return sortSecondariesFirst(
        ctx.members.filter((m) => m.current !== undefined && m.change === "none" && groupsNotApplied(m.state)),
    );
}

function groupsNotApplied(s: MemberState): boolean {
    const cluster =
        s.targetClusterParameterGroup !== undefined &&
        s.currentClusterParameterGroup !== undefined &&
        s.currentClusterParameterGroup !== s.targetClusterParameterGroup;
    const instance =
        s.targetInstanceParameterGroup !== undefined &&
        (s.currentInstanceParameterGroups ?? []).some((g) => g !== s.targetInstanceParameterGroup);
    return cluster || instance;
}

/** True for the major path when every member already runs the target (only groups are left). */
export function isParameterGroupResume(ctx: PlanContext, path: UpgradePath): boolean {
    return path === "major" && overallChange(ctx) === "none";
}

/**
 * Members with a pending `system-update` to apply, when the options opt in. An action AWS already
 * has scheduled for the next maintenance window (`OptInStatus` next-maintenance) is not opted in
 * again with next-maintenance: it is listed in the plan's notes with its `CurrentApplyDate`.
 */
export function pendingPatchMembers(ctx: PlanContext): MemberContext[] {
    const optIn = ctx.input.options.applyPendingPatches;
    if (optIn === false) return [];
    return ctx.members.filter(
        (m) =>
            m.current &&
            (m.state.pendingActions ?? []).some(
                (a) => a.action === "system-update" && !(optIn === "next-maintenance" && isScheduled(a)),
            ),
    );
}

/** True for a pending action AWS has scheduled for the member's next maintenance window. */
export function isScheduled(a: PendingAction): boolean {
    return a.optInStatus === "next-maintenance";
}

/** Existing members the program gives custom target-family parameter groups. */
export function membersWithTargetGroups(ctx: PlanContext): MemberContext[] {
    return ctx.members.filter(
        (m) => m.current && (m.state.targetClusterParameterGroup || m.state.targetInstanceParameterGroup),
    );
}

export function sortSecondariesFirst(members: MemberContext[]): MemberContext[] {
    return [...members].sort((a, b) => (a.state.role === b.state.role ? 0 : a.state.role === "secondary" ? -1 : 1));
}
