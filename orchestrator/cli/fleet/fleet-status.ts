import { reportsVersion, Target, targetFor } from "../../../engine-versions";
import { RdsGateway } from "../../../aws/gateway";
import { describeTopology } from "../../../aws/topology/describe";
import { Engine } from "../../../vocabulary";
import { FAILED_STATUSES } from "../../execute/wait-member";
import { assignWaves, FleetDatabase, listGlobalDatabases } from "./discover";
import { inPool } from "./pool";
import { progressOf, ProgressTag } from "./progress-tag";
import { Rollout } from "./rollout";
import { FleetFormat, selectionWords } from "./render-plan";

/** `left-out`: never tagged by the rollout while its wave passed, with `skipBlocked: true` (blocked when planned). */
export type DatabaseStanding = "done" | "upgrading" | "failed" | "pending" | "no-target" | "left-out";

export interface DatabaseStatus {
    readonly wave: string;
    readonly id: string;
    readonly region: string;
    readonly target?: string;
    /** Each member's `cluster (region): status version`. */
    readonly members: readonly string[];
    readonly standing: DatabaseStanding;
    /** The rollout's tag on it, when this rollout set one. */
    readonly tag?: ProgressTag;
}

export interface WaveStatus {
    readonly wave: string;
    readonly select: string;
    readonly standing:
        "passed" | "upgraded, gate pending" | "halted" | "in progress" | "pending" | "stacks (see pulumi stack)";
    readonly databases: readonly DatabaseStatus[];
}

/** True when `version` (AWS's) is the rollout's target at the precision both carry. */
function atVersion(engine: Engine, version: string | undefined, target: Target): boolean {
    return reportsVersion(engine, version, { text: target.text, version: targetFor(target, engine) });
}

async function databaseStatus(
    api: RdsGateway,
    rollout: Rollout,
    wave: string,
    d: FleetDatabase,
): Promise<DatabaseStatus> {
    const rolloutTarget = rollout.target[d.engine];
    const target = rolloutTarget?.text;
    const t = await describeTopology(api, d.region, d.id, { skipCatalogue: true });
    const tag = target ? progressOf(d, rollout.name, target) : undefined;
    const members = t.members.map((m) => `${m.cluster} (${m.region}): ${m.status} ${m.engineVersion ?? "?"}`);
    const standing: DatabaseStanding =
        !rolloutTarget || !target
            ? "no-target"
            : t.members.some((m) => FAILED_STATUSES.has(m.status)) || tag?.state === "failed"
              ? "failed"
              : t.members.every((m) => m.status === "available" && atVersion(d.engine, m.engineVersion, rolloutTarget))
                ? "done"
                : t.members.some((m) => m.status !== "available") || tag?.state === "running"
                  ? "upgrading"
                  : "pending";
    return {
        wave,
        id: d.id,
        region: d.region,
        ...(target ? { target } : {}),
        members,
        standing,
        ...(tag ? { tag } : {}),
    };
}

/** With `skipBlocked`, a wave's untagged pending databases beside gated ones were left out as blocked. */
function withLeftOut(rollout: Rollout, dbs: DatabaseStatus[]): DatabaseStatus[] {
    if (!rollout.skipBlocked || !dbs.some((d) => d.tag?.state === "gated")) return dbs;
    return dbs.map((d) => (!d.tag && d.standing === "pending" ? { ...d, standing: "left-out" } : d));
}

function waveStanding(dbs: readonly DatabaseStatus[]): WaveStatus["standing"] {
    const counted = dbs.filter((d) => d.standing !== "left-out");
    if (counted.length > 0 && counted.every((d) => d.tag?.state === "gated" && d.standing === "done")) return "passed";
    if (dbs.some((d) => d.standing === "failed")) return "halted";
    if (dbs.length > 0 && dbs.every((d) => d.standing === "done" || d.standing === "no-target"))
        return "upgraded, gate pending";
    if (dbs.some((d) => d.standing === "upgrading" || d.tag)) return "in progress";
    return "pending";
}

/** `fleet status`: where each wave and database stands, from AWS and the rollout's tags; changes nothing. */
export async function fleetStatus(api: RdsGateway, rollout: Rollout): Promise<WaveStatus[]> {
    const needsAws = rollout.waves.some((w) => w.select.kind !== "stacks");
    const byWave = needsAws
        ? assignWaves(rollout, await listGlobalDatabases(api, rollout.regions))
        : new Map<string, FleetDatabase[]>();
    const out: WaveStatus[] = [];
    for (const w of rollout.waves) {
        if (w.select.kind === "stacks") {
            out.push({
                wave: w.name,
                select: selectionWords(w.select),
                standing: "stacks (see pulumi stack)",
                databases: [],
            });
            continue;
        }
        const read = (await inPool(byWave.get(w.name) ?? [], 4, (d) =>
            databaseStatus(api, rollout, w.name, d),
        )) as DatabaseStatus[];
        const dbs = withLeftOut(rollout, read);
        out.push({ wave: w.name, select: selectionWords(w.select), standing: waveStanding(dbs), databases: dbs });
    }
    return out;
}

export function renderFleetStatus(rollout: Rollout, waves: readonly WaveStatus[], format: FleetFormat): string {
    if (format === "json") return JSON.stringify({ rollout: rollout.name, waves }, null, 2);
    if (format === "markdown") {
        const rows = waves.flatMap((w) =>
            w.databases.map(
                (d) =>
                    `| ${w.wave} (${w.standing}) | \`${d.id}\` | ${d.standing} | ${d.target ?? ""} | ${d.tag ? `${d.tag.state} at ${new Date(d.tag.at).toISOString()}` : ""} | ${d.members.join("<br>")} |`,
            ),
        );
        return [
            `### rollout "${rollout.name}"`,
            "",
            "| wave | database | standing | target | rollout tag | members |",
            "|---|---|---|---|---|---|",
            ...rows,
        ].join("\n");
    }
    return [
        `rollout "${rollout.name}"`,
        ...waves.flatMap((w) => [
            `wave "${w.wave}" (${w.select}): ${w.standing}`,
            ...w.databases.map(
                (d) =>
                    `  ${d.id} (${d.region}): ${d.standing}${d.target ? ` → ${d.target}` : ""}${d.tag ? ` [tag: ${d.tag.state}]` : ""}; ${d.members.join("; ")}`,
            ),
        ]),
    ].join("\n");
}
