import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { failoverNow, FailoverNow, PlanFormat } from "../../planner";
import { membersOfKind } from "../blue-green/members";
import { deploymentLine } from "../blue-green/status-meaning";
import { Topology } from "../../aws/topology/types";

/** What AWS would do now (the planner's rule, planner/failover-now.ts): switchover and failover, to which regions, or why not. */
export function failoverStatus(t: Topology): FailoverNow {
    return failoverNow(
        t.engine,
        t.members.map((m) => ({
            cluster: m.cluster,
            region: m.region,
            role: m.role,
            version: m.engineVersion,
            status: m.status,
            pendingPatch: m.pendingActions?.find((a) => a.action === "system-update")?.targetVersion,
        })),
    );
}

/** True when AWS could fail over now (versions compatible, an available secondary). */
export function failoverReady(t: Topology): boolean {
    return failoverStatus(t).failover;
}

/** One line: switchover possible (to which regions), failover possible, or neither and why. */
export function failoverLine(f: FailoverNow): string {
    if (f.switchover) return `switchover possible (to ${f.targets.join(", ")}); failover possible`;
    if (f.failover) return `failover possible (to ${f.targets.join(", ")}); no switchover: ${f.reason}`;
    return `neither switchover nor failover: ${f.reason}`;
}

/** What AWS would do now (failoverLine), or that the global cluster has no member at all. */
export function notReadyReason(t: Topology): string {
    return t.members.length === 0
        ? `the global cluster has no member cluster; add its primary cluster (create-db-cluster --global-cluster-identifier ${t.globalClusterId})`
        : failoverLine(failoverStatus(t));
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
            failover: failoverStatus(t),
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
        ...(t.members.length === 0 ? ["(no member cluster)"] : []),
        `Failover ready: **${failoverReady(t) ? "yes" : "no"}** — ${notReadyReason(t)}`,
        ...(deploymentLines ? ["", deploymentLines] : []),
    ].join("\n");
}

function statusText(t: Topology, deploymentLines: string): string {
    return [
        `global cluster "${t.globalClusterId}": ${t.engine} ${t.engineVersion ?? "?"}, ${t.status}`,
        ...t.members.map(
            (m) =>
                `  ${m.role.padEnd(9)} ${m.cluster} (${m.region}): ${m.status}, ${m.engineVersion ?? "?"}, ${m.instanceIds.length} instance(s), pending maintenance: ${pendingOf(m)}`,
        ),
        ...(t.members.length === 0 ? ["  (no member cluster)"] : []),
        `failover ready: ${failoverReady(t) ? "yes" : "no"} — ${notReadyReason(t)}`,
        ...(deploymentLines ? [deploymentLines] : []),
    ].join("\n");
}
