import { EndOfSupportFacts } from "../end-of-support";
import {
    AwsUpgraded,
    FailoverReadiness,
    BlueGreenSummary,
    isBlocked,
    Plan,
    PlannedMember,
    PlanStep,
    Violation,
} from "../types";

/** The JSON shape of a plan, stable for tools: `steps[]` and `violations[]`. */
export interface PlanJson {
    readonly globalClusterId: string;
    readonly engine: string;
    readonly from: string | null;
    readonly to: string;
    readonly change: string;
    readonly path: string;
    readonly blocked: boolean;
    readonly steps: readonly {
        wave: number;
        action: string;
        cluster: string;
        region: string;
        role: string;
        from: string | null;
        to: string | null;
        impact: string;
    }[];
    /** Every member from → to (`to` null when blocked, `from` null for a new member). */
    readonly members: readonly {
        cluster: string;
        region: string;
        role: string;
        from: string | null;
        to: string | null;
    }[];
    readonly violations: readonly { rule: string; message: string; fix: string; cluster: string | null }[];
    /** The blue/green path's cost, downtime and switchover timeout; null on other paths. */
    readonly blueGreen?: BlueGreenSummary | null;
    /** Switchover and failover now, per wave (while it runs, after it) and after the plan; null without a secondary. */
    readonly failover?: FailoverReadiness | null;
    /** Every member runs one version newer than the declared one; null otherwise. */
    readonly awsUpgraded?: AwsUpgraded | null;
    /** The running major's end of standard and Extended Support (and its charge past the first); null when not read. */
    readonly endOfSupport?: EndOfSupportFacts | null;
    readonly declaredEndOfSupport?: EndOfSupportFacts | null;
    readonly warnings?: readonly string[];
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
        steps: plan.steps.map((s) => ({
            wave: s.wave,
            action: s.action,
            cluster: s.cluster,
            region: s.region,
            role: s.role,
            from: s.from ?? null,
            to: s.to ?? null,
            impact: s.impact,
        })),
        members: (plan.members ?? []).map((m) => ({
            cluster: m.cluster,
            region: m.region,
            role: m.role,
            from: m.from ?? null,
            to: m.to ?? null,
        })),
        violations: plan.violations.map((v) => ({
            rule: v.rule,
            message: v.message,
            fix: v.fix,
            cluster: v.cluster ?? null,
        })),
        blueGreen: plan.blueGreen ? { ...plan.blueGreen } : null,
        failover: plan.failover ?? null,
        awsUpgraded: plan.awsUpgraded ?? null,
        endOfSupport: plan.endOfSupport ?? null,
        declaredEndOfSupport: plan.declaredEndOfSupport ?? null,
        warnings: [...(plan.warnings ?? [])],
        notes: [...plan.notes],
    };
}

/** The plan back from its JSON shape (a component's `plan` output, a tool's input). */
export function fromPlanJson(json: PlanJson): Plan {
    const opt = <K extends string>(key: K, v: string | null): Partial<Record<K, string>> =>
        v === null ? {} : ({ [key]: v } as Record<K, string>);
    return {
        engine: json.engine as Plan["engine"],
        globalClusterId: json.globalClusterId,
        ...opt("from", json.from),
        to: json.to,
        change: json.change as Plan["change"],
        path: json.path as Plan["path"],
        steps: json.steps.map((s) => ({
            wave: s.wave,
            action: s.action as PlanStep["action"],
            cluster: s.cluster,
            region: s.region,
            role: s.role as PlanStep["role"],
            ...opt("from", s.from),
            ...opt("to", s.to),
            impact: s.impact,
        })),
        members: (json.members ?? []).map((m) => ({
            cluster: m.cluster,
            region: m.region,
            role: m.role as PlannedMember["role"],
            ...opt("from", m.from),
            ...opt("to", m.to),
        })),
        violations: json.violations.map((v) => ({
            rule: v.rule as Violation["rule"],
            message: v.message,
            fix: v.fix,
            ...opt("cluster", v.cluster),
        })),
        ...(json.blueGreen ? { blueGreen: { ...json.blueGreen } } : {}),
        ...(json.failover ? { failover: json.failover } : {}),
        ...(json.awsUpgraded ? { awsUpgraded: { ...json.awsUpgraded } } : {}),
        ...(json.endOfSupport ? { endOfSupport: json.endOfSupport } : {}),
        ...(json.declaredEndOfSupport ? { declaredEndOfSupport: json.declaredEndOfSupport } : {}),
        ...(json.warnings && json.warnings.length > 0 ? { warnings: [...json.warnings] } : {}),
        notes: [...json.notes],
    };
}

export function renderJson(plan: Plan): string {
    return JSON.stringify(toPlanJson(plan), null, 2);
}
