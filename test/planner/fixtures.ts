import { readTarget } from "../../engine-versions";
import { DEFAULT_PLAN_OPTIONS, MemberState, PlanInput, PlanOptions } from "../../planner";

/** A seed-001-like PostgreSQL global database: primary us-east-1, secondary ap-northeast-1. */
export function pgInput(target: string, over: Partial<PlanInput> = {}, options: Partial<PlanOptions> = {}): PlanInput {
    return {
        engine: "aurora-postgresql",
        globalClusterId: "app-global",
        globalCurrentEngine: "aurora-postgresql",
        globalCurrentVersion: "17.4",
        target: readTarget(target),
        members: [
            member("app-use1", "us-east-1", "primary", "17.4"),
            member("app-apne1", "ap-northeast-1", "secondary", "17.4"),
        ],
        options: { ...DEFAULT_PLAN_OPTIONS, ...options },
        ...over,
    };
}

export const MYSQL_3080 = "8.0.mysql_aurora.3.08.0";

export function mysqlInput(
    target: string,
    over: Partial<PlanInput> = {},
    options: Partial<PlanOptions> = {},
): PlanInput {
    const current = over.globalCurrentVersion ?? MYSQL_3080;
    return {
        engine: "aurora-mysql",
        globalClusterId: "shop-global",
        globalCurrentEngine: "aurora-mysql",
        globalCurrentVersion: current,
        target: readTarget(target),
        members: [
            member("shop-euw1", "eu-west-1", "primary", current),
            member("shop-use1", "us-east-1", "secondary", current),
            member("shop-apse2", "ap-southeast-2", "secondary", current),
        ],
        options: { ...DEFAULT_PLAN_OPTIONS, ...options },
        ...over,
    };
}

export function member(
    cluster: string,
    region: string,
    role: "primary" | "secondary",
    currentVersion?: string,
    over: Partial<MemberState> = {},
): MemberState {
    return { cluster, region, role, currentVersion, instanceCount: 1, ...over };
}

/** Replaces members matching `cluster` with changed fields. */
export function withMember(input: PlanInput, cluster: string, over: Partial<MemberState>): PlanInput {
    return { ...input, members: input.members.map((m) => (m.cluster === cluster ? { ...m, ...over } : m)) };
}

/** A compact view of steps for assertions: "wave action cluster from→to". */
export function stepLines(
    steps: readonly { wave: number; action: string; cluster: string; from?: string; to?: string }[],
): string[] {
    return steps.map((s) => `${s.wave} ${s.action} ${s.cluster} ${s.from ?? "-"}→${s.to ?? "-"}`);
}
