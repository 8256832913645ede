import { isBlocked, Plan } from "../types";

/** The JSON shape of a plan, stable for tools: `steps[]` and `violations[]`. */
export interface PlanJson {
    readonly globalClusterId: string;
    readonly engine: string;
    readonly from: string | null;
    readonly to: string;
    readonly change: string;
    readonly path: string;
    readonly blocked: boolean;
    readonly steps: readonly { wave: number; action: string; cluster: string; region: string; role: string; from: string | null; to: string | null; impact: string }[];
    readonly violations: readonly { rule: string; message: string; fix: string; cluster: string | null }[];
    readonly notes: readonly string[];
}

export function toPlanJson(plan: Plan): PlanJson {
    return {
        globalClusterId: plan.globalClusterId,
        engine: plan.engine,
        from: plan.from ?? null,
        to: plan.to,
        change: plan.change,
        path: plan.path,
        blocked: isBlocked(plan),
        steps: plan.steps.map((s) => ({ wave: s.wave, action: s.action, cluster: s.cluster, region: s.region, role: s.role, from: s.from ?? null, to: s.to ?? null, impact: s.impact })),
        violations: plan.violations.map((v) => ({ rule: v.rule, message: v.message, fix: v.fix, cluster: v.cluster ?? null })),
        notes: [...plan.notes],
    };
}

export function renderJson(plan: Plan): string {
    return JSON.stringify(toPlanJson(plan), null, 2);
}
