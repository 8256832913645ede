import { prepareParameterGroups } from "../execute/parameter-groups";
import { RunContext } from "../execute/context";
import { UpgradeStopped } from "../errors";
import { MemberTopology } from "../topology/types";

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
 * (API_CreateBlueGreenDeployment; docs/aws-rules.md §7): members naming different groups stop the
 * run before anything is created. A minor upgrade has none (green keeps blue's groups).
 */
export async function prepareGreenGroups(ctx: RunContext, target: string): Promise<GreenGroups> {
    const members = ctx.topology.members;
    const cluster = oneName(members, "cluster", (m) => m.targetClusterParameterGroup);
    const instance = oneName(members, "instance", (m) => m.targetInstanceParameterGroup);
    if (cluster === undefined && instance === undefined) return {};
    for (const region of new Set(members.map((m) => m.region)))
        await prepareParameterGroups(ctx, { region, to: target });
    return { ...(cluster ? { cluster } : {}), ...(instance ? { instance } : {}) };
}

function oneName(
    members: readonly MemberTopology[],
    kind: "cluster" | "instance",
    pick: (m: MemberTopology) => string | undefined,
): string | undefined {
    const named = members.filter((m) => pick(m) !== undefined);
    const names = [...new Set(named.map(pick))];
    if (names.length <= 1) return names[0];
    const flag = kind === "cluster" ? "--cluster-parameter-group" : "--instance-parameter-group";
    throw new UpgradeStopped(
        `a blue/green deployment starts every region's green ${kind === "cluster" ? "clusters" : "instances"} on one target-family ${kind} parameter group (CreateBlueGreenDeployment takes one name), but the members' groups differ: ${named
            .map((m) => `"${pick(m)}" (${m.cluster}, ${m.region})`)
            .join(
                ", ",
            )}. Give them one name in every region (${flag} CLUSTER=NAME, or the component's target${kind === "cluster" ? "Cluster" : "Instance"}ParameterGroupName), then run again; nothing was created`,
    );
}
