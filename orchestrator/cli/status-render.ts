import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { PlanFormat } from "../../planner";
import { membersOfKind } from "../blue-green/members";
import { deploymentLine } from "../blue-green/status-meaning";
import { Topology } from "../../aws/topology/types";

/** True when every member runs the same version and is available (cross-region failover possible). */
export function failoverReady(t: Topology): boolean {
    const versions = new Set(t.members.map((m) => m.engineVersion));
    return t.members.length > 0 && versions.size === 1 && t.members.every((m) => m.status === "available");
}

/** One line per blue/green deployment: where it stands and what to do ("" when there is none). */
export function renderDeployments(deployments: readonly BlueGreenDeployment[], format: PlanFormat): string {
    return deployments.map((d) => `${format === "markdown" ? "- " : ""}${deploymentLine(d)}`).join("\n");
}

/** The status of a global database (and its blue/green deployments) as text, markdown or JSON. */
export function renderStatus(
    t: Topology,
    format: PlanFormat,
    deployments: readonly BlueGreenDeployment[] = [],
): string {
    if (format === "json") return statusJson(t, deployments);
    const deploymentLines = renderDeployments(deployments, format);
    return format === "markdown" ? statusMarkdown(t, deploymentLines) : statusText(t, deploymentLines);
}

type Member = Topology["members"][number];

/** A member's pending maintenance actions ("unknown" when they could not be read). */
function pendingOf(m: Member): string {
    return m.pendingActions === undefined
        ? "unknown"
        : m.pendingActions.map((a) => `${a.action}${a.targetVersion ? ` (${a.targetVersion})` : ""}`).join(", ") ||
              "none";
}

function statusJson(t: Topology, deployments: readonly BlueGreenDeployment[]): string {
    return JSON.stringify(
        {
            globalClusterId: t.globalClusterId,
            engine: t.engine,
            engineVersion: t.engineVersion ?? null,
            status: t.status,
            failoverReady: failoverReady(t),
            members: t.members.map((m) => ({
                cluster: m.cluster,
                region: m.region,
                role: m.role,
                status: m.status,
                engineVersion: m.engineVersion ?? null,
                instances: m.instanceIds.length,
                pendingActions: m.pendingActions ?? null,
            })),
            blueGreenDeployments: deployments.map((d) => ({
                identifier: d.BlueGreenDeploymentIdentifier ?? null,
                name: d.BlueGreenDeploymentName ?? null,
                status: d.Status ?? null,
                statusDetails: d.StatusDetails ?? null,
                regions: membersOfKind(d, "cluster").map((x) => ({
                    source: x.source?.arn ?? null,
                    target: x.target?.arn ?? null,
                    status: x.status ?? null,
                })),
            })),
            warnings: t.warnings,
        },
        null,
        2,
    );
}

function statusMarkdown(t: Topology, deploymentLines: string): string {
    const ready = failoverReady(t);
    const rows = t.members.map(
        (m) =>
            `| ${m.role} | \`${m.cluster}\` | ${m.region} | ${m.status} | ${m.engineVersion ?? "?"} | ${m.instanceIds.length} | ${pendingOf(m)} |`,
    );
    return [
        `### Global cluster \`${t.globalClusterId}\` (${t.engine} ${t.engineVersion ?? "?"}, ${t.status})`,
        "",
        "| role | cluster | region | status | version | instances | pending maintenance |",
        "|---|---|---|---|---|---|---|",
        ...rows,
        "",
        `Failover ready: **${ready ? "yes" : "no"}**${ready ? "" : " (members must all be available on the same version)"}`,
        ...(deploymentLines ? ["", deploymentLines] : []),
    ].join("\n");
}

function statusText(t: Topology, deploymentLines: string): string {
    const ready = failoverReady(t);
    return [
        `global cluster "${t.globalClusterId}": ${t.engine} ${t.engineVersion ?? "?"}, ${t.status}`,
        ...t.members.map(
            (m) =>
                `  ${m.role.padEnd(9)} ${m.cluster} (${m.region}): ${m.status}, ${m.engineVersion ?? "?"}, ${m.instanceIds.length} instance(s), pending maintenance: ${pendingOf(m)}`,
        ),
        `failover ready: ${ready ? "yes" : "no (members must all be available on the same version)"}`,
        ...(deploymentLines ? [deploymentLines] : []),
    ].join("\n");
}
