import { PlanFormat } from "../../planner";
import { Topology } from "../topology/types";

/** True when every member runs the same version and is available (cross-region failover possible). */
export function failoverReady(t: Topology): boolean {
    const versions = new Set(t.members.map((m) => m.engineVersion));
    return t.members.length > 0 && versions.size === 1 && t.members.every((m) => m.status === "available");
}

/** The status of a global database as text, markdown or JSON. */
export function renderStatus(t: Topology, format: PlanFormat): string {
    const ready = failoverReady(t);
    const pending = (m: Topology["members"][number]) =>
        m.pendingActions === undefined
            ? "unknown"
            : m.pendingActions.map((a) => `${a.action}${a.targetVersion ? ` (${a.targetVersion})` : ""}`).join(", ") ||
              "none";
    if (format === "json") {
        return JSON.stringify(
            {
                globalClusterId: t.globalClusterId,
                engine: t.engine,
                engineVersion: t.engineVersion ?? null,
                status: t.status,
                failoverReady: ready,
                members: t.members.map((m) => ({
                    cluster: m.cluster,
                    region: m.region,
                    role: m.role,
                    status: m.status,
                    engineVersion: m.engineVersion ?? null,
                    instances: m.instanceIds.length,
                    pendingActions: m.pendingActions ?? null,
                })),
                warnings: t.warnings,
            },
            null,
            2,
        );
    }
    if (format === "markdown") {
        const rows = t.members.map(
            (m) =>
                `| ${m.role} | \`${m.cluster}\` | ${m.region} | ${m.status} | ${m.engineVersion ?? "?"} | ${m.instanceIds.length} | ${pending(m)} |`,
        );
        return [
            `### Global cluster \`${t.globalClusterId}\` (${t.engine} ${t.engineVersion ?? "?"}, ${t.status})`,
            "",
            "| role | cluster | region | status | version | instances | pending maintenance |",
            "|---|---|---|---|---|---|---|",
            ...rows,
            "",
            `Failover ready: **${ready ? "yes" : "no"}**${ready ? "" : " (members must all be available on the same version)"}`,
        ].join("\n");
    }
    return [
        `global cluster "${t.globalClusterId}": ${t.engine} ${t.engineVersion ?? "?"}, ${t.status}`,
        ...t.members.map(
            (m) =>
                `  ${m.role.padEnd(9)} ${m.cluster} (${m.region}): ${m.status}, ${m.engineVersion ?? "?"}, ${m.instanceIds.length} instance(s), pending maintenance: ${pending(m)}`,
        ),
        `failover ready: ${ready ? "yes" : "no (members must all be available on the same version)"}`,
    ].join("\n");
}
