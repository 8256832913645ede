import { MemberContext, PlanContext, primaryOf } from "./context";
import { globalImpact, stepImpact } from "./impact";
import { BlueGreenAction } from "../vocabulary";
import { PlanStep } from "./types";

/** Steps that run together; a path is a list of waves (numbered by buildSteps). */
export type Wave = PlanStep[];

/** What a member's own step does. */
export type MemberAction = "modify-db-cluster" | "apply-pending-maintenance" | "apply-parameter-groups";

/** The snapshot of the primary, when the options ask for it and the primary exists: one wave or none. */
export function snapshotWaves(ctx: PlanContext): Wave[] {
    const primary = primaryOf(ctx);
    if (!ctx.input.options.snapshotBeforeUpgrade || !primary?.current) return [];
    return [
        [
            {
                wave: 0,
                action: "snapshot",
                cluster: primary.state.cluster,
                region: primary.state.region,
                role: "primary",
                from: primary.current.text,
                impact: stepImpact(ctx.input.engine, "snapshot", "primary"),
            },
        ],
    ];
}

export function memberStep(ctx: PlanContext, m: MemberContext, action: MemberAction, to?: string): PlanStep {
    return {
        wave: 0,
        action,
        cluster: m.state.cluster,
        region: m.state.region,
        role: m.state.role,
        from: m.current?.text,
        to,
        impact: stepImpact(ctx.input.engine, action, m.state.role),
    };
}

/** The secondaries' steps in one wave, then the primary's: AWS upgrades a primary only after its secondaries. */
export function secondariesThenPrimary(
    ctx: PlanContext,
    members: MemberContext[],
    action: MemberAction,
    to?: (m: MemberContext) => string | undefined,
): Wave[] {
    const secondaries = members.filter((m) => m.state.role === "secondary");
    const primaries = members.filter((m) => m.state.role === "primary");
    return [secondaries, primaries]
        .filter((wave) => wave.length > 0)
        .map((wave) => wave.map((m) => memberStep(ctx, m, action, to?.(m))));
}

/** One ModifyGlobalCluster for the whole database, from the primary's region. */
export function globalStep(ctx: PlanContext, kind: "managed" | "major"): PlanStep {
    const primary = primaryOf(ctx);
    return {
        wave: 0,
        action: "modify-global-cluster",
        cluster: ctx.input.globalClusterId,
        region: primary?.state.region ?? ctx.members[0]?.state.region ?? "",
        role: "global",
        from: primary?.current?.text ?? ctx.globalCurrent?.text,
        to: ctx.input.target.text,
        impact: globalImpact(ctx.input.engine, kind),
    };
}

/** One prepare-parameter-groups step per region with custom target-family groups. */
export function prepareGroupsWave(ctx: PlanContext, custom: MemberContext[]): Wave {
    return [...new Map(custom.map((m) => [m.state.region, m])).values()].map((m) => ({
        ...memberStep(ctx, m, "apply-parameter-groups"),
        action: "prepare-parameter-groups" as const,
        impact: stepImpact(ctx.input.engine, "prepare-parameter-groups", m.state.role),
        to: ctx.input.target.text,
    }));
}

/** A blue/green step: the whole global database, run from the writer's region. */
export function blueGreenStep(ctx: PlanContext, action: BlueGreenAction): PlanStep {
    return { ...globalStep(ctx, "managed"), action, impact: stepImpact(ctx.input.engine, action, "global") };
}
