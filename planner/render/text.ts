import { isBlocked, Plan } from "../types";
import { endOfSupportWords } from "../end-of-support";
import { failoverSummary, waveFailover, waveFailoverWords } from "./failover-words";
import { ACTION_WORDS, byWave, headline, memberVersions, pathWords, stepVersions } from "./words";

/** Plain-text plan for terminals (the CLI's runs). */
export function renderText(plan: Plan): string {
    const lines = [headline(plan), `path: ${isBlocked(plan) ? "blocked" : pathWords(plan)}`];
    const members = isBlocked(plan) || plan.steps.length === 0 ? [] : (plan.members ?? []);
    if (members.length > 0) lines.push("members:");
    for (const m of members) lines.push(`  ${m.role} "${m.cluster}" (${m.region}) ${memberVersions(m)}`);
    for (const wave of byWave(plan)) {
        const parallel = wave.length > 1 ? " (in parallel)" : "";
        lines.push(`wave ${wave[0].wave}${parallel}:`);
        for (const s of wave) {
            lines.push(
                `  - ${ACTION_WORDS[s.action]} ${s.role} "${s.cluster}" (${s.region}) ${stepVersions(s)}`.trimEnd(),
            );
            lines.push(`      impact: ${s.impact}`);
        }
        const failover = waveFailover(plan, wave[0].wave);
        if (failover) lines.push(`  failover: ${waveFailoverWords(failover)}`);
    }
    if (plan.failover) lines.push(failoverSummary(plan.failover));
    for (const f of [plan.endOfSupport, plan.declaredEndOfSupport])
        if (f) lines.push(`support: ${endOfSupportWords(f)}`);
    for (const warning of plan.warnings ?? []) lines.push(`WARNING: ${warning}`);
    for (const note of plan.notes) lines.push(`note: ${note}`);
    if (isBlocked(plan)) {
        lines.push(
            `BLOCKED: ${plan.violations.length} violation${plan.violations.length === 1 ? "" : "s"}, nothing will be changed`,
        );
        for (const v of plan.violations) {
            lines.push(`  [${v.rule}] ${v.message}`);
            lines.push(`      fix: ${v.fix}`);
        }
    }
    return lines.join("\n");
}
