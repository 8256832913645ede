import { Plan } from "../../planner";

/** The line a run without steps prints: already at the target, no patch left, or upgraded by AWS beyond it. */
export function nothingToDoLine(plan: Plan): string {
    const where = `global cluster "${plan.globalClusterId}"`;
    if (plan.awsUpgraded)
        return `nothing to do: ${where} already runs ${plan.awsUpgraded.running} everywhere, newer than the target ${plan.to} (no AWS call for a lower version)\n`;
    if (plan.path === "patch") return `nothing to do: ${where} has no pending system-update left\n`;
    return `nothing to do: ${where} already runs ${plan.to} everywhere\n`;
}

/** Warnings of the plan, one `aurora-global: warning:` line each (stderr). */
export function warningLines(plan: Plan): string {
    return (plan.warnings ?? []).map((w) => `aurora-global: warning: ${w}\n`).join("");
}
