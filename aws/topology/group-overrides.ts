import { GROUP_FLAGS, GroupOverrides } from "../../cli-contract";
import { Engine } from "../../engine-versions";
import { isNotFound } from "../errors";
import { RdsGateway } from "../gateway";
import { InputError } from "../run-errors";
import { isDefaultGroup } from "./facts";
import { describeGroups, GroupKind } from "./group-tags";
import { familyOf } from "./parameter-groups";
import { MemberTopology } from "./types";

/** What the overrides are checked against. */
export interface OverrideContext {
    readonly engine: Engine;
    readonly globalClusterId: string;
    /** The target family when the global cluster goes through a major upgrade. */
    readonly family?: string;
    /** The target's family. */
    readonly targetFamily?: string;
    /** Who named the groups (default the CLI's flags). */
    readonly from?: GroupSource;
}

/** Where target-family groups were named: the CLI's flags, or the component's member fields. */
export type GroupSource = "cli" | "component";

/** How a message names one override: the flag the user typed, or the component field they set. */
function overrideLabel(from: GroupSource, kind: "cluster" | "instance", cluster: string, name: string): string {
    return from === "component"
        ? `${kind === "cluster" ? "targetClusterParameterGroupName" : "targetInstanceParameterGroupName"} "${name}" of member "${cluster}"`
        : `${GROUP_FLAGS[kind]} "${cluster}=${name}"`;
}

/**
 * Members with the explicit target groups set. Each group must exist in the member's region with
 * the target family, unless the major upgrade will create it from the member's custom group.
 * Throws {@link InputError} naming the flag, the value and the fix (nothing is changed).
 */
export async function applyGroupOverrides(
    api: RdsGateway,
    members: readonly MemberTopology[],
    overrides: GroupOverrides,
    o: OverrideContext,
): Promise<MemberTopology[]> {
    const result = [...members];
    for (const kind of ["cluster", "instance"] as const) {
        for (const [cluster, name] of Object.entries(overrides[kind] ?? {})) {
            const value = overrideLabel(o.from ?? "cli", kind, cluster, name);
            const i = result.findIndex((m) => m.cluster === cluster);
            if (i < 0)
                throw new InputError(
                    `${value}: cluster "${cluster}" is not a member of global cluster "${o.globalClusterId}": use one of ${members.map((m) => `"${m.cluster}"`).join(", ")}`,
                );
            if (!o.targetFamily) continue; // a malformed target: the planner reports it
            const m = result[i];
            await checkGroup(api, m, kind, name, value, o);
            result[i] = {
                ...m,
                ...(kind === "cluster"
                    ? { targetClusterParameterGroup: name }
                    : { targetInstanceParameterGroup: name }),
            };
        }
    }
    return result;
}

async function checkGroup(
    api: RdsGateway,
    m: MemberTopology,
    kind: GroupKind,
    name: string,
    value: string,
    o: OverrideContext,
): Promise<void> {
    let found;
    try {
        found = (await describeGroups(api, m.region, kind, name)).find((g) => g.name === name);
    } catch (e) {
        if (!isNotFound(e)) throw e;
    }
    if (found && found.family !== o.targetFamily) {
        throw new InputError(
            `${value}: ${kind} parameter group "${name}" (${m.region}) is of family ${found.family}, not ${o.targetFamily}: give a group of family ${o.targetFamily}`,
        );
    }
    const source =
        kind === "cluster"
            ? isDefaultGroup(m.clusterParameterGroup)
                ? undefined
                : m.clusterParameterGroup
            : m.instanceParameterGroup;
    const created = o.family !== undefined && familyOf(o.engine, m.engineVersion) !== o.family && source !== undefined;
    if (!found && !created) {
        throw new InputError(
            `${value}: there is no ${kind} parameter group "${name}" in ${m.region}: create it with family ${o.targetFamily}, or leave the flag out`,
        );
    }
}
