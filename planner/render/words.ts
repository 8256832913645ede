import { engineLabel } from "../../engine-versions";
import { Plan, PlannedMember, PlanStep, UpgradePath } from "../types";

/** Shared wording of the renderers, so text and markdown say the same thing. */
export const PATH_WORDS: Record<UpgradePath, string> = {
    none: "nothing to do",
    create: "new global database: created at the declared version, nothing to upgrade",
    managed: "managed: one ModifyGlobalCluster upgrades every region (Aurora PostgreSQL minor)",
    rolling: "rolling: ModifyDBCluster on every secondary in parallel, then the primary",
    patch: "patch: ApplyPendingMaintenanceAction system-update, secondaries first, then the primary",
    major: "major: ModifyGlobalCluster with AllowMajorVersionUpgrade, all members together",
    "blue-green":
        "blue-green: a green copy of every region upgraded while production runs, then one switchover of all regions",
};

/** The path in words; a major path with no version change left resumes an interrupted major upgrade. */
export function pathWords(plan: Plan): string {
    if (plan.path === "major" && plan.change === "none")
        return "major (resumed): the upgrade is done; apply the target-family parameter groups, secondaries first, then the primary";
    return PATH_WORDS[plan.path];
}

export const ACTION_WORDS: Record<PlanStep["action"], string> = {
    snapshot: "snapshot",
    "prepare-parameter-groups": "prepare parameter groups",
    "modify-global-cluster": "modify global cluster",
    "modify-db-cluster": "modify DB cluster",
    "apply-pending-maintenance": "apply pending maintenance",
    "apply-parameter-groups": "apply parameter groups",
    "blue-green-create": "create blue/green deployment",
    "blue-green-switchover": "switch over blue/green deployment",
    "blue-green-cleanup": "clean up blue/green deployment",
};

const CHANGE_WORDS: Record<Plan["change"], string> = {
    none: "no version change",
    create: "new database",
    patch: "patch upgrade",
    minor: "minor upgrade",
    major: "major upgrade",
    downgrade: "downgrade",
    "engine-change": "engine change",
};

export function headline(plan: Plan): string {
    const change = CHANGE_WORDS[plan.change];
    const from = plan.from ?? "(new)";
    if (plan.awsUpgraded)
        return `${engineLabel(plan.engine)} global cluster "${plan.globalClusterId}": runs ${plan.awsUpgraded.running}, declares ${plan.awsUpgraded.declared} (upgraded outside the stack: nothing to do)`;
    return `${engineLabel(plan.engine)} global cluster "${plan.globalClusterId}": ${from} → ${plan.to} (${change})`;
}

export function stepVersions(step: PlanStep): string {
    if (step.from && step.to) return `${step.from} → ${step.to}`;
    return step.to ?? step.from ?? "";
}

/** A member's `from → to` as the plan leaves it: `17.4 → 17.5`, `17.5 (unchanged)`, `(new) → 17.5`. */
export function memberVersions(m: PlannedMember): string {
    if (m.to === undefined) return `${m.from ?? "(new)"} (unchanged: blocked)`;
    if (m.to === m.from) return `${m.to} (unchanged)`;
    return `${m.from ?? "(new)"} → ${m.to}`;
}

/** Steps grouped by wave, in order. */
export function byWave(plan: Plan): PlanStep[][] {
    const waves = new Map<number, PlanStep[]>();
    for (const s of plan.steps) waves.set(s.wave, [...(waves.get(s.wave) ?? []), s]);
    return [...waves.keys()].sort((a, b) => a - b).map((w) => waves.get(w)!);
}
