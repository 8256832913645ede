import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { UpgradeStopped } from "../../aws/run-errors";
import { readCluster } from "../../aws/topology/reads";
import { RunContext } from "../execute/context";
import { MemberRef, MISSING_SOURCE, MISSING_TARGET, SwitchoverMember, switchoverMembers } from "./members";

/** A detail's kind as a reader would name it. */
const NOUN: Record<SwitchoverMember["kind"], string> = {
    cluster: "cluster",
    db: "DB instance",
    "cluster-endpoint": "custom endpoint",
    other: "resource",
};

/** Detail statuses from which AWS may switch over (SWITCHOVER_FAILED: rolled back, tried again). */
const READY_DETAIL = new Set(["AVAILABLE", "SWITCHOVER_FAILED"]);

/**
 * What aurora-global can see of AWS's switchover guardrails before asking for one: every detail
 * (cluster, DB instance, custom endpoint: members.ts) AVAILABLE and neither side deleted
 * (MISSING_SOURCE / MISSING_TARGET), every blue and green *cluster* `available` and every green
 * cluster at the target (DescribeDBClusters only for cluster ARNs: an instance or endpoint ARN is
 * not a cluster). Replica lag is a CloudWatch metric: AWS checks it at the switchover.
 */
export async function checkBeforeSwitchover(ctx: RunContext, d: BlueGreenDeployment, target: string): Promise<void> {
    const id = d.BlueGreenDeploymentIdentifier ?? "?";
    const problems: string[] = [];
    for (const m of switchoverMembers(d)) {
        const detail = detailProblem(m);
        if (detail) problems.push(detail);
        else if (m.kind === "cluster") problems.push(...(await clusterProblems(ctx, m, target)));
    }
    if (problems.length > 0)
        throw new UpgradeStopped(
            `not switched over: blue/green deployment ${id} is not ready (${problems.join("; ")}). Production is unchanged. Run the same command again once every cluster is available.`,
        );
    ctx.log.info(
        `blue/green deployment ${id}: every region ready (blue and green clusters available, green at ${target})`,
    );
}

function detailProblem(m: SwitchoverMember): string | undefined {
    const noun = NOUN[m.kind];
    if (m.status === MISSING_SOURCE)
        return `blue ${noun} "${m.source?.id ?? "?"}" was deleted (MISSING_SOURCE): AWS cannot switch it over; delete the deployment and start over`;
    if (m.status === MISSING_TARGET)
        return `green ${noun} "${m.target?.id ?? "?"}" was deleted (MISSING_TARGET): AWS cannot switch it over; delete the deployment and start over`;
    if (!READY_DETAIL.has(m.status ?? "")) return `${noun} ${m.target?.arn ?? "?"} is ${m.status ?? "?"}`;
    return undefined;
}

async function clusterProblems(ctx: RunContext, m: SwitchoverMember, target: string): Promise<string[]> {
    const problems: string[] = [];
    for (const [side, green] of [
        [m.source, false],
        [m.target, true],
    ] as [MemberRef | undefined, boolean][]) {
        if (!side) continue;
        const c = await readCluster(ctx.api, side.region, side.id);
        if (c.Status !== "available")
            problems.push(`${green ? "green" : "blue"} cluster "${side.id}" (${side.region}) is "${c.Status}"`);
        else if (green && !ctx.atVersion(c.EngineVersion, target))
            problems.push(`green cluster "${side.id}" (${side.region}) runs ${c.EngineVersion ?? "?"}, not ${target}`);
    }
    return problems;
}
