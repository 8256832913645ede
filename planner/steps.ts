import { ChangeKind } from "../engine-versions";
import { MemberContext, membersToChange, overallChange, PlanContext, primaryOf } from "./context";
import { globalImpact, stepImpact } from "./impact";
import { BLUE_GREEN_ACTIONS, BlueGreenAction } from "../vocabulary";
import { MemberState, PendingAction, PlanStep, UpgradePath } from "./types";

/** The path for a change, per the README's "Upgrade paths" table. */
export function choosePath(ctx: PlanContext, change: ChangeKind): UpgradePath {
    if (ctx.members.every((m) => m.current === undefined) && ctx.globalCurrent === undefined) return "create";
    // Blue/green only when asked for (it doubles the clusters while it runs), for a version change.
    if (ctx.input.options.strategy === "blue-green" && (change === "major" || change === "minor" || change === "patch"))
        return "blue-green";
    if (change === "major") return "major";
    if (change === "minor") {
        if (ctx.input.engine === "aurora-mysql") return "rolling";
        const strategy = ctx.input.options.strategy;
        // A member already at the target means a rolling upgrade was interrupted: finish it the same way.
        const partlyDone = ctx.members.some((m) => m.change === "none");
        return strategy === "rolling" || (strategy === "auto" && partlyDone) ? "rolling" : "managed";
    }
    if (change === "patch") return ctx.input.engine === "aurora-mysql" ? "rolling" : "patch";
    // Every member at the target but a known target-family group not applied: a major upgrade
    // interrupted after ModifyGlobalCluster (AWS reset the groups to defaults). Finish it.
    if (unappliedGroupMembers(ctx).length > 0) return "major";
    return pendingPatchMembers(ctx).length > 0 ? "patch" : "none";
}

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

/** Builds the ordered steps of a path; waves number from 1. */
export function buildSteps(ctx: PlanContext, path: UpgradePath): PlanStep[] {
    const { engine, target } = ctx.input;
    const waves: PlanStep[][] = [];
    const primary = primaryOf(ctx);
    const snapshot = (): void => {
        if (ctx.input.options.snapshotBeforeUpgrade && primary?.current) {
            waves.push([
                {
                    wave: 0,
                    action: "snapshot",
                    cluster: primary.state.cluster,
                    region: primary.state.region,
                    role: "primary",
                    from: primary.current.text,
                    impact: stepImpact(engine, "snapshot", "primary"),
                },
            ]);
        }
    };
    const memberStep = (
        m: MemberContext,
        action: "modify-db-cluster" | "apply-pending-maintenance" | "apply-parameter-groups",
        to?: string,
    ): PlanStep => ({
        wave: 0,
        action,
        cluster: m.state.cluster,
        region: m.state.region,
        role: m.state.role,
        from: m.current?.text,
        to,
        impact: stepImpact(engine, action, m.state.role),
    });
    const secondariesThenPrimary = (
        members: MemberContext[],
        action: "modify-db-cluster" | "apply-pending-maintenance" | "apply-parameter-groups",
        to?: (m: MemberContext) => string | undefined,
    ): void => {
        const secondaries = members.filter((m) => m.state.role === "secondary");
        const primaries = members.filter((m) => m.state.role === "primary");
        if (secondaries.length > 0) waves.push(secondaries.map((m) => memberStep(m, action, to?.(m))));
        if (primaries.length > 0) waves.push(primaries.map((m) => memberStep(m, action, to?.(m))));
    };
    const globalStep = (kind: "managed" | "major"): PlanStep => ({
        wave: 0,
        action: "modify-global-cluster",
        cluster: ctx.input.globalClusterId,
        region: primary?.state.region ?? ctx.members[0]?.state.region ?? "",
        role: "global",
        from: primary?.current?.text ?? ctx.globalCurrent?.text,
        to: target,
        impact: globalImpact(engine, kind),
    });
    /** One prepare-parameter-groups step per region with custom target-family groups. */
    const prepareGroups = (custom: MemberContext[]): PlanStep[] =>
        [...new Map(custom.map((m) => [m.state.region, m])).values()].map((m) => ({
            ...memberStep(m, "apply-parameter-groups"),
            action: "prepare-parameter-groups" as const,
            impact: stepImpact(engine, "prepare-parameter-groups", m.state.role),
            to: target,
        }));
    /** A blue/green step: the whole global database, run from the writer's region. */
    const blueGreenStep = (action: BlueGreenAction): PlanStep => ({
        ...globalStep("managed"),
        action,
        impact: stepImpact(engine, action, "global"),
    });

    switch (path) {
        case "none":
        case "create":
            return [];
        case "rolling":
            snapshot();
            secondariesThenPrimary(membersToChange(ctx), "modify-db-cluster", () => target);
            break;
        case "managed":
            snapshot();
            waves.push([globalStep("managed")]);
            break;
        case "patch": {
            snapshot();
            // A target with a newer patch level names it; otherwise apply what AWS has pending.
            // (MySQL versions always carry a patch level, so the change decides, not the string.)
            const patchTarget = ctx.target?.patch !== undefined && membersToChange(ctx).length > 0 ? target : undefined;
            const members = patchTarget ? membersToChange(ctx) : pendingPatchMembers(ctx);
            secondariesThenPrimary(
                members,
                "apply-pending-maintenance",
                (m) => patchTarget ?? m.state.pendingActions?.find((a) => a.action === "system-update")?.targetVersion,
            );
            break;
        }
        case "blue-green": {
            snapshot();
            // Custom target-family groups must exist in each region before the green clusters name them.
            const custom = ctx.members.filter(
                (m) => m.current && (m.state.targetClusterParameterGroup || m.state.targetInstanceParameterGroup),
            );
            if (overallChange(ctx) === "major" && custom.length > 0) waves.push(prepareGroups(custom));
            for (const action of BLUE_GREEN_ACTIONS) waves.push([blueGreenStep(action)]);
            break;
        }
        case "major": {
            if (isParameterGroupResume(ctx, path)) {
                // The upgrade itself is done (no snapshot, no ModifyGlobalCluster): apply the groups.
                secondariesThenPrimary(unappliedGroupMembers(ctx), "apply-parameter-groups", () => target);
                break;
            }
            snapshot();
            const custom = ctx.members.filter(
                (m) => m.current && (m.state.targetClusterParameterGroup || m.state.targetInstanceParameterGroup),
            );
            if (custom.length > 0) waves.push(prepareGroups(custom));
            waves.push([globalStep("major")]);
            if (custom.length > 0)
                waves.push(sortSecondariesFirst(custom).map((m) => memberStep(m, "apply-parameter-groups", target)));
            break;
        }
    }
    return waves.flatMap((wave, i) => wave.map((step) => ({ ...step, wave: i + 1 })));
}

function sortSecondariesFirst(members: MemberContext[]): MemberContext[] {
    return [...members].sort((a, b) => (a.state.role === b.state.role ? 0 : a.state.role === "secondary" ? -1 : 1));
}
