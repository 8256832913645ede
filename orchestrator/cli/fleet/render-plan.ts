import { FLEET_FLAGS } from "../../../cli-contract";
import { formatDuration } from "../../../aws/logger";
import { PlanFormat, PlanStep } from "../../../planner";
import { FleetEntry, FleetPlan, FleetWave } from "./fleet-plan";
import { Selection } from "./rollout";

/** `--format` of the fleet commands: the planner's formats. */
export type FleetFormat = PlanFormat;

export function selectionWords(s: Selection): string {
    if (s.kind === "tags")
        return `tags ${Object.entries(s.tags)
            .map(([k, v]) => `${k}=${v}`)
            .join(", ")}`;
    if (s.kind === "globalClusters") return `global clusters ${s.globalClusters.join(", ")}`;
    return `Pulumi stacks ${s.stacks.join(", ")}`;
}

/** The plan's steps in order: waves of steps separated by ` → `, steps of one wave by `, `. */
export function stepWords(steps: readonly PlanStep[]): string {
    const waves = new Map<number, string[]>();
    for (const s of steps) waves.set(s.wave, [...(waves.get(s.wave) ?? []), `${s.action} ${s.cluster} (${s.region})`]);
    return (
        [...waves.entries()]
            .sort(([a], [b]) => a - b)
            .map(([, w]) => w.join(", "))
            .join(" → ") || "nothing to do"
    );
}

function entryState(e: FleetEntry): string {
    if (e.blocked.length > 0) return e.skipped ? "SKIPPED (blocked; skipBlocked)" : "BLOCKED";
    if (e.kind === "stack") return "preview and up at run";
    return e.plan && e.plan.steps.length === 0 ? "at target" : "ready";
}

const eos = (e: FleetEntry) =>
    e.endOfSupport
        ? ` · end of standard support ${e.endOfSupport.endOfStandardSupport}${e.endOfSupport.extendedSupportMonthlyUsd !== undefined ? ` (Extended Support $${e.endOfSupport.extendedSupportMonthlyUsd}/month)` : ""}`
        : "";

function entryText(e: FleetEntry): string[] {
    const where = e.database ? ` (${e.database.region}, ${e.database.engine})` : " (Pulumi stack)";
    const change = e.plan ? `${e.plan.from ?? "?"} → ${e.plan.to}, ${e.plan.path}` : e.target ? `→ ${e.target}` : "";
    const lines = [
        `  ${e.id}${where}: ${change}; ${entryState(e)}${e.estimateMs > 0 ? `, ~${formatDuration(e.estimateMs)}` : ""}${eos(e)}`,
    ];
    if (e.plan && e.plan.steps.length > 0) lines.push(`    steps: ${stepWords(e.plan.steps)}`);
    for (const b of e.blocked) lines.push(`    blocked [${b.rule}]: ${b.message}. Fix: ${b.fix}`);
    return lines;
}

function waveHead(w: FleetWave, i: number): string {
    return `wave ${i + 1} "${w.wave.name}" (${selectionWords(w.wave.select)}; up to ${w.wave.maxParallel} at once; bake ${w.wave.bakeMinutes} min): ${w.entries.length} database(s), ~${formatDuration(w.estimateMs)}${w.blocked ? ", BLOCKED" : ""}`;
}

function headline(p: FleetPlan): string {
    const n = p.waves.reduce((k, w) => k + w.entries.length, 0);
    const targets = Object.entries(p.rollout.target)
        .map(([e, v]) => `${e} ${v.text}`)
        .join(", ");
    return `rollout "${p.rollout.name}": ${n} database(s) in ${p.waves.length} wave(s) to ${targets} (strategy ${p.rollout.strategy}); estimated ${formatDuration(p.estimateMs)} with bake times`;
}

function verdict(p: FleetPlan): string {
    if (!p.blocked)
        return `order: ${p.waves.map((w) => w.wave.name).join(" → ")}; nothing was changed (fleet run ${FLEET_FLAGS.file} … runs it)`;
    const names = p.waves
        .filter((w) => w.blocked)
        .map((w) => `"${w.wave.name}"`)
        .join(", ");
    return `BLOCKED: wave ${names} has a blocked database: fix it, take it out of the wave, or set skipBlocked: true to leave blocked databases out; nothing was changed`;
}

export function renderFleetPlan(p: FleetPlan, format: FleetFormat): string {
    if (format === "json") return JSON.stringify(fleetPlanJson(p), null, 2);
    if (format === "markdown") return fleetPlanMarkdown(p);
    return [
        headline(p),
        "",
        ...p.waves.flatMap((w, i) => [waveHead(w, i), ...w.entries.flatMap(entryText), ""]),
        verdict(p),
    ].join("\n");
}

function fleetPlanMarkdown(p: FleetPlan): string {
    const withEos = p.waves.some((w) => w.entries.some((e) => e.endOfSupport));
    const head = `| wave | database | region | engine | change | path | steps | estimate | state |${withEos ? " end of support |" : ""}`;
    const rule = `|---|---|---|---|---|---|---|---|---|${withEos ? "---|" : ""}`;
    const rows = p.waves.flatMap((w) =>
        w.entries.map((e) => {
            const why = e.blocked.map((b) => `\`${b.rule}\`: ${b.fix}`).join("<br>");
            const cells = [
                w.wave.name,
                `\`${e.id}\``,
                e.database?.region ?? "",
                e.database?.engine ?? "stack",
                e.plan ? `${e.plan.from ?? "?"} → ${e.plan.to}` : `→ ${e.target ?? "?"}`,
                e.plan?.path ?? "",
                e.plan ? stepWords(e.plan.steps) : "",
                e.estimateMs > 0 ? formatDuration(e.estimateMs) : "",
                `${entryState(e)}${why ? `<br>${why}` : ""}`,
            ];
            if (withEos) cells.push(eos(e).replace(/^ · /, ""));
            return `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
        }),
    );
    return [`### ${headline(p)}`, "", head, rule, ...rows, "", `**${verdict(p)}**`].join("\n");
}

function fleetPlanJson(p: FleetPlan) {
    return {
        rollout: p.rollout.name,
        targets: Object.fromEntries(Object.entries(p.rollout.target).map(([e, v]) => [e, v.text])),
        strategy: p.rollout.strategy,
        blocked: p.blocked,
        estimateMinutes: Math.round(p.estimateMs / 60_000),
        waves: p.waves.map((w) => ({
            name: w.wave.name,
            select: w.wave.select,
            maxParallel: w.wave.maxParallel,
            bakeMinutes: w.wave.bakeMinutes,
            blocked: w.blocked,
            estimateMinutes: Math.round(w.estimateMs / 60_000),
            databases: w.entries.map((e) => ({
                id: e.id,
                kind: e.kind,
                region: e.database?.region,
                engine: e.database?.engine,
                from: e.plan?.from,
                to: e.target,
                path: e.plan?.path,
                steps: (e.plan?.steps ?? []).map((s) => ({
                    wave: s.wave,
                    action: s.action,
                    cluster: s.cluster,
                    region: s.region,
                })),
                blocked: e.blocked,
                skipped: e.skipped,
                estimateMinutes: Math.round(e.estimateMs / 60_000),
                ...(e.endOfSupport ? { endOfSupport: e.endOfSupport } : {}),
            })),
        })),
    };
}
