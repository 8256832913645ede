import { prepareParameterGroups } from "../execute/parameter-groups";
import { RunContext } from "../execute/context";

/** The target-family parameter groups the green clusters and instances start on. */
export interface GreenGroups {
    readonly cluster?: string;
    readonly instance?: string;
}

/**
 * Before CreateBlueGreenDeployment of a major upgrade: the members' target-family groups (the
 * program's, or copies of their custom groups with the user-set parameters, found or derived by
 * the topology reader) are created in every region as the in-place major path does, so the green
 * clusters keep the database's settings instead of starting on AWS's defaults. The deployment
 * takes one `TargetDBClusterParameterGroupName` / `TargetDBParameterGroupName` for every region
 * (API_CreateBlueGreenDeployment; docs/aws-rules.md §7): members naming different groups are
 * blocked by the plan (`blue-green-limits`, planner/blue-green.ts) before this runs. A minor
 * upgrade has none (green keeps blue's groups).
 */
export async function prepareGreenGroups(ctx: RunContext, target: string): Promise<GreenGroups> {
    const members = ctx.topology.members;
    const cluster = members.find((m) => m.targetClusterParameterGroup)?.targetClusterParameterGroup;
    const instance = members.find((m) => m.targetInstanceParameterGroup)?.targetInstanceParameterGroup;
    if (cluster === undefined && instance === undefined) return {};
    for (const region of new Set(members.map((m) => m.region)))
        await prepareParameterGroups(ctx, { region, to: target });
    return { ...(cluster ? { cluster } : {}), ...(instance ? { instance } : {}) };
}
