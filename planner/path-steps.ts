import { membersToChange, overallChange, PlanContext } from "./context";
import {
    isParameterGroupResume,
    membersWithTargetGroups,
    pendingPatchMembers,
    sortSecondariesFirst,
    unappliedGroupMembers,
} from "./members";
import {
    blueGreenStep,
    globalStep,
    memberStep,
    prepareGroupsWave,
    secondariesThenPrimary,
    snapshotWaves,
    Wave,
} from "./step-makers";
import { BLUE_GREEN_ACTIONS } from "../vocabulary";
import { UpgradePath } from "./types";

/** The snapshot, then ModifyDBCluster on every secondary (in parallel), then on the primary. */
function rollingWaves(ctx: PlanContext): Wave[] {
    const target = ctx.input.target.text;
    return [
        ...snapshotWaves(ctx),
        ...secondariesThenPrimary(ctx, membersToChange(ctx), "modify-db-cluster", () => target),
    ];
}

/** The snapshot, then one managed ModifyGlobalCluster. */
function managedWaves(ctx: PlanContext): Wave[] {
    return [...snapshotWaves(ctx), [globalStep(ctx, "managed")]];
}

/** The snapshot, then ApplyPendingMaintenanceAction on the secondaries, then on the primary. */
function patchWaves(ctx: PlanContext): Wave[] {
    // A target with a newer patch level names it; otherwise apply what AWS has pending.
    // (MySQL versions always carry a patch level, so the change decides, not the string.)
    const patchTarget =
        ctx.target?.patch !== undefined && membersToChange(ctx).length > 0 ? ctx.input.target.text : undefined;
    const members = patchTarget ? membersToChange(ctx) : pendingPatchMembers(ctx);
    return [
        ...snapshotWaves(ctx),
        ...secondariesThenPrimary(
            ctx,
            members,
            "apply-pending-maintenance",
            (m) => patchTarget ?? m.state.pendingActions?.find((a) => a.action === "system-update")?.targetVersion,
        ),
    ];
}

/** The snapshot, the target-family groups of a major (before the green clusters name them), then each blue/green phase. */
function blueGreenWaves(ctx: PlanContext): Wave[] {
    const custom = membersWithTargetGroups(ctx);
    return [
        ...snapshotWaves(ctx),
        ...(overallChange(ctx) === "major" && custom.length > 0 ? [prepareGroupsWave(ctx, custom)] : []),
        ...BLUE_GREEN_ACTIONS.map((action) => [blueGreenStep(ctx, action)]),
    ];
}

/**
 * The snapshot, the target-family groups prepared, one major ModifyGlobalCluster, the groups
 * applied; or, when every member already runs the target, only the groups left to apply.
 */
function majorWaves(ctx: PlanContext): Wave[] {
    const target = ctx.input.target.text;
    // The upgrade itself is done (no snapshot, no ModifyGlobalCluster): apply the groups.
    if (isParameterGroupResume(ctx, "major"))
        return secondariesThenPrimary(ctx, unappliedGroupMembers(ctx), "apply-parameter-groups", () => target);
    const custom = membersWithTargetGroups(ctx);
    return [
        ...snapshotWaves(ctx),
        ...(custom.length > 0 ? [prepareGroupsWave(ctx, custom)] : []),
        [globalStep(ctx, "major")],
        ...(custom.length > 0
            ? [sortSecondariesFirst(custom).map((m) => memberStep(ctx, m, "apply-parameter-groups", target))]
            : []),
    ];
}

/** The waves of each path, per docs/upgrade-paths.md's table. */
export const PATH_WAVES: Readonly<Record<UpgradePath, (ctx: PlanContext) => Wave[]>> = {
    none: () => [],
    create: () => [],
    rolling: rollingWaves,
    managed: managedWaves,
    patch: patchWaves,
    "blue-green": blueGreenWaves,
    major: majorWaves,
};
