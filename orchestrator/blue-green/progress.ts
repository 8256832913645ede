import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { membersOfKind } from "./members";

/**
 * The regions of a deployment: its cluster details only (SwitchoverDetails also lists every DB
 * instance and custom endpoint, members.ts), each with its status.
 */
function regionDetails(d: BlueGreenDeployment): { region: string; status: string }[] {
    return membersOfKind(d, "cluster").map((m) => ({
        region: (m.source ?? m.target)?.region ?? "?",
        status: m.status ?? "?",
    }));
}

/** One line per deployment state: status, then each region's (cluster's) switchover detail and the tasks. */
export function progressLine(d: BlueGreenDeployment): string {
    const regions = regionDetails(d)
        .map((r) => `${r.region} ${r.status}`)
        .join(", ");
    const tasks = (d.Tasks ?? []).map((t) => `${t.Name ?? "?"} ${t.Status ?? "?"}`).join(", ");
    return `${d.Status ?? "?"}${regions ? ` [${regions}]` : ""}${tasks ? `; tasks: ${tasks}` : ""}`;
}

/** What a deployment reports, part by part: its status, each region's detail, each task. */
export type DeploymentState = ReadonlyMap<string, string>;

/** `status` → PROVISIONING, `eu-west-1` → AVAILABLE, `task DB_ENGINE_VERSION_UPGRADE` → IN_PROGRESS; empty once deleted. */
export function deploymentState(d: BlueGreenDeployment | undefined): DeploymentState {
    const state = new Map<string, string>();
    if (!d) return state;
    state.set("status", d.Status ?? "?");
    for (const r of regionDetails(d)) state.set(r.region, r.status);
    for (const t of d.Tasks ?? []) state.set(`task ${t.Name ?? "?"}`, t.Status ?? "?");
    return state;
}

/**
 * What changed from `before` to `now`, one phrase per part (`status PROVISIONING → AVAILABLE`,
 * `eu-west-1 AVAILABLE`, `task CONFIGURE_BACKUPS COMPLETED`); empty when nothing did.
 */
export function stateChanges(before: DeploymentState, now: DeploymentState): string[] {
    const changes: string[] = [];
    for (const [part, value] of now) {
        const was = before.get(part);
        if (was === value) continue;
        changes.push(part === "status" && was !== undefined ? `status ${was} → ${value}` : `${part} ${value}`);
    }
    return changes;
}

/** The heartbeat while nothing changes: the status and how many tasks and regions are done. */
export function heartbeatLine(d: BlueGreenDeployment): string {
    const tasks = d.Tasks ?? [];
    const done = tasks.filter((t) => t.Status === "COMPLETED").length;
    const regions = regionDetails(d);
    const ready = regions.filter((r) => r.status === "AVAILABLE" || r.status === "SWITCHOVER_COMPLETED").length;
    const parts = [
        ...(tasks.length > 0 ? [`${done} of ${tasks.length} tasks completed`] : []),
        ...(regions.length > 0 ? [`${ready} of ${regions.length} regions ready`] : []),
    ];
    return `still ${d.Status ?? "?"}${parts.length > 0 ? `, ${parts.join(", ")}` : ""}`;
}
