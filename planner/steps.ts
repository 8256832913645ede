import { ChangeKind } from "../engine-versions";
import { PlanContext } from "./context";
import { pendingPatchMembers, unappliedGroupMembers } from "./members";
import { PATH_WAVES } from "./path-steps";
import { PlanStep, Strategy, UpgradePath } from "./types";

/**
 * True when a run with `strategy` can take the blue-green path (for a version change): the
 * planner's one reading of the strategy that others ask (the topology read's facts, the IAM
 * policy's scope); `auto` never chooses blue/green (it doubles the clusters while it runs).
 */
export function mayTakeBlueGreenPath(strategy: Strategy): boolean {
    return strategy === "blue-green";
}

/** The path for a change, per docs/upgrade-paths.md's table. */
export function choosePath(ctx: PlanContext, change: ChangeKind): UpgradePath {
    if (ctx.members.every((m) => m.current === undefined) && ctx.globalCurrent === undefined) return "create";
    // Blue/green only when asked for (it doubles the clusters while it runs), for a version change.
    if (
        mayTakeBlueGreenPath(ctx.input.options.strategy) &&
        (change === "major" || change === "minor" || change === "patch")
    )
        return "blue-green";
    // Aurora cannot downgrade: a declared version below the running one plans nothing (no AWS call).
    if (change === "downgrade" || change === "engine-change") return "none";
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

/** Builds the ordered steps of a path (planner/path-steps.ts, one builder per path); waves number from 1. */
export function buildSteps(ctx: PlanContext, path: UpgradePath): PlanStep[] {
    return PATH_WAVES[path](ctx).flatMap((wave, i) => wave.map((step) => ({ ...step, wave: i + 1 })));
}
