import { isBlocked, Plan, PlanStep } from "../types";
import { endOfSupportWords } from "../end-of-support";
import { failoverSummary, waveFailoverWords } from "./failover-words";
import { ACTION_WORDS, byWave, headline, memberVersions, pathWords, stepVersions } from "./words";

/** What the heading of a blocked plan starts with, after "### " (ci-comment/ tells a blocked plan by it). */
export const MARKDOWN_BLOCKED_MARK = "⛔ Blocked: ";

/**
 * Markdown plan for pull-request comments and the preview log: summary, every member from → to,
 * mermaid diagram of the order, steps with their expected impact, violations, notes.
 */
export function renderMarkdown(plan: Plan): string {
    const out = [
        `### ${isBlocked(plan) ? MARKDOWN_BLOCKED_MARK : ""}${escape(headline(plan))}`,
        "",
        `**Path:** ${isBlocked(plan) ? "blocked — nothing will be changed" : pathWords(plan)}`,
        "",
    ];
    if (plan.members && plan.members.length > 0) {
        out.push("| member | region | role | version |", "|---|---|---|---|");
        for (const m of plan.members)
            out.push(`| \`${m.cluster}\` | ${m.region} | ${m.role} | ${escape(memberVersions(m))} |`);
        out.push("");
    }
    if (plan.steps.length > 0) {
        out.push("```mermaid", ...mermaid(plan), "```", "");
        out.push(
            "| wave | action | member | region | role | version | expected impact |",
            "|---|---|---|---|---|---|---|",
        );
        for (const s of plan.steps) {
            out.push(
                `| ${s.wave} | ${ACTION_WORDS[s.action]} | \`${s.cluster}\` | ${s.region} | ${s.role} | ${escape(stepVersions(s))} | ${escape(s.impact)} |`,
            );
        }
        out.push("");
    }
    if (plan.failover) {
        out.push(`**Failover:** ${escape(failoverSummary(plan.failover))}`, "");
        if (plan.failover.waves.length > 0) {
            out.push("| wave | switchover and failover |", "|---|---|");
            for (const w of plan.failover.waves) out.push(`| ${w.wave} | ${escape(waveFailoverWords(w))} |`);
            out.push("");
        }
    }
    for (const f of [plan.endOfSupport, plan.declaredEndOfSupport])
        if (f) out.push(`**Support:** ${escape(endOfSupportWords(f))}`, "");
    for (const warning of plan.warnings ?? []) out.push(`> ⚠️ ${escape(warning)}`, "");
    if (isBlocked(plan)) {
        out.push("| rule | problem | fix |", "|---|---|---|");
        for (const v of plan.violations) out.push(`| \`${v.rule}\` | ${escape(v.message)} | ${escape(v.fix)} |`);
        out.push("");
    }
    for (const note of plan.notes) out.push(`- ${escape(note)}`);
    return out.join("\n").trimEnd() + "\n";
}

function mermaid(plan: Plan): string[] {
    const lines = ["flowchart LR"];
    const id = (s: PlanStep) => `s${plan.steps.indexOf(s)}`;
    const waves = byWave(plan);
    for (const wave of waves) {
        for (const s of wave)
            lines.push(`  ${id(s)}["${ACTION_WORDS[s.action]}<br/>${s.cluster} (${s.region})<br/>${stepVersions(s)}"]`);
    }
    for (let i = 1; i < waves.length; i++) {
        for (const a of waves[i - 1]) for (const b of waves[i]) lines.push(`  ${id(a)} --> ${id(b)}`);
    }
    return lines;
}

function escape(text: string): string {
    return text.replace(/\|/g, "\\|");
}
