import { isBlocked, Plan } from "../../../planner";
import { RdsGateway } from "../../../aws/gateway";
import { InputError } from "../../../aws/run-errors";
import { Engine } from "../../../vocabulary";
import { planFor } from "../commands";
import { assignWaves, FleetDatabase, listGlobalDatabases } from "./discover";
import { planEstimateMs, waveEstimateMs } from "./estimate";
import { inPool } from "./pool";
import { Rollout, Wave } from "./rollout";

/** Why a database cannot be upgraded as the rollout asks: the planner's violations, or the rollout's own. */
export interface BlockedReason {
    readonly rule: string;
    readonly message: string;
    readonly fix: string;
}

/**
 * End of standard support of a database's engine version, and the Extended Support charge past it:
 * by default from the planner's own end-of-support facts (the plan's read of
 * DescribeDBMajorEngineVersions, planner/end-of-support.ts); a lookup passed in
 * {@link FleetPlanDeps.endOfSupport} replaces them.
 */
export interface EndOfSupport {
    /** ISO date of the end of standard support. */
    readonly endOfStandardSupport: string;
    /** RDS Extended Support per month for the database's vCPUs, once past it. */
    readonly extendedSupportMonthlyUsd?: number;
}

export type EndOfSupportLookup = (database: FleetDatabase) => Promise<EndOfSupport | undefined>;

/** One database (or Pulumi stack) of the rollout. */
export interface FleetEntry {
    readonly wave: string;
    readonly kind: "database" | "stack";
    /** Global cluster identifier, or `org/project/stack`. */
    readonly id: string;
    readonly database?: FleetDatabase;
    readonly target?: string;
    /** The planner's plan for it (databases with a target). */
    readonly plan?: Plan;
    readonly blocked: readonly BlockedReason[];
    /** Blocked, and the rollout has `skipBlocked: true`: left out, the wave goes on. */
    readonly skipped: boolean;
    readonly estimateMs: number;
    readonly endOfSupport?: EndOfSupport;
}

export interface FleetWave {
    readonly wave: Wave;
    readonly entries: readonly FleetEntry[];
    /** A database blocked without `skipBlocked`: the wave (and so the rollout) cannot run. */
    readonly blocked: boolean;
    readonly estimateMs: number;
}

export interface FleetPlan {
    readonly rollout: Rollout;
    readonly waves: readonly FleetWave[];
    readonly blocked: boolean;
    readonly estimateMs: number;
}

export interface FleetPlanDeps {
    readonly endOfSupport?: EndOfSupportLookup;
    /** Databases planned at once (each plan reads AWS). Default 4. */
    readonly concurrency?: number;
}

/** Discovers the rollout's databases and plans each with the planner; changes nothing. */
export async function planFleet(api: RdsGateway, rollout: Rollout, deps: FleetPlanDeps = {}): Promise<FleetPlan> {
    const needsAws = rollout.waves.some((w) => w.select.kind !== "stacks");
    const byWave = needsAws ? assignWaves(rollout, await listGlobalDatabases(api, rollout.regions)) : new Map();
    const waves: FleetWave[] = [];
    for (const wave of rollout.waves) {
        const entries =
            wave.select.kind === "stacks"
                ? wave.select.stacks.map((id) => stackEntry(wave, id, rollout))
                : ((await inPool(byWave.get(wave.name) ?? [], deps.concurrency ?? 4, (d: FleetDatabase) =>
                      databaseEntry(api, rollout, wave, d, deps),
                  )) as FleetEntry[]);
        const blocked = entries.some((e) => e.blocked.length > 0 && !e.skipped);
        const estimateMs = waveEstimateMs(
            entries.filter((e) => !e.skipped).map((e) => e.estimateMs),
            wave.maxParallel,
            wave.bakeMinutes,
        );
        waves.push({ wave, entries, blocked, estimateMs });
    }
    return {
        rollout,
        waves,
        blocked: waves.some((w) => w.blocked),
        estimateMs: waves.reduce((n, w) => n + w.estimateMs, 0),
    };
}

function stackEntry(wave: Wave, id: string, rollout: Rollout): FleetEntry {
    const targets = Object.values(rollout.target).map((t) => t.text);
    return {
        wave: wave.name,
        kind: "stack",
        id,
        ...(targets.length === 1 ? { target: targets[0] } : {}),
        blocked: targets.length === 1 ? [] : [NO_SINGLE_STACK_TARGET],
        skipped: targets.length !== 1 && rollout.skipBlocked,
        estimateMs: 0,
    };
}

/** A stack's `aurora-global:engineVersion` is one version: the rollout must name one target. */
const NO_SINGLE_STACK_TARGET: BlockedReason = {
    rule: "stack-needs-one-target",
    message:
        "a Pulumi stack wave sets aurora-global:engineVersion, one version, but the rollout names a target per engine",
    fix: "give one engine under target for a rollout of stacks (split the stacks by engine into two rollouts)",
};

async function databaseEntry(
    api: RdsGateway,
    rollout: Rollout,
    wave: Wave,
    d: FleetDatabase,
    deps: FleetPlanDeps,
): Promise<FleetEntry> {
    const rolloutTarget = rollout.target[d.engine];
    const target = rolloutTarget?.text;
    const endOfSupport = deps.endOfSupport ? await deps.endOfSupport(d) : undefined;
    const base = {
        wave: wave.name,
        kind: "database" as const,
        id: d.id,
        database: d,
        ...(endOfSupport ? { endOfSupport } : {}),
    };
    if (rolloutTarget === undefined) return blockedEntry(base, rollout, noTarget(d.engine, rollout));
    try {
        const { plan } = await planFor(
            api,
            {
                region: d.region,
                globalCluster: d.id,
                target: rolloutTarget,
                allowMajorVersionUpgrade: rollout.allowMajor,
                strategy: rollout.strategy,
            },
            {},
        );
        const blocked = plan.violations.map((v) => ({ rule: v.rule, message: v.message, fix: v.fix }));
        const support = endOfSupport ?? endOfSupportOf(plan);
        return {
            ...base,
            ...(support ? { endOfSupport: support } : {}),
            target,
            plan,
            blocked,
            skipped: isBlocked(plan) && rollout.skipBlocked,
            estimateMs: isBlocked(plan) ? 0 : planEstimateMs(plan),
        };
    } catch (e) {
        if (!(e instanceof InputError)) throw e;
        return blockedEntry({ ...base, target }, rollout, {
            rule: "not-upgradable",
            message: e.message,
            fix: "fix the database, or take it out of the wave",
        });
    }
}

/** The plan's end-of-support facts as the fleet shows them: the date, and the charge once past it. */
export function endOfSupportOf(plan: Plan): EndOfSupport | undefined {
    const facts = plan.endOfSupport;
    if (facts?.standardSupportEnds === undefined) return undefined;
    return {
        endOfStandardSupport: facts.standardSupportEnds,
        ...(facts.charge ? { extendedSupportMonthlyUsd: facts.charge.usdPerMonth } : {}),
    };
}

function blockedEntry(
    base: Omit<FleetEntry, "blocked" | "skipped" | "estimateMs">,
    rollout: Rollout,
    reason: BlockedReason,
): FleetEntry {
    return { ...base, blocked: [reason], skipped: rollout.skipBlocked, estimateMs: 0 };
}

function noTarget(engine: Engine, rollout: Rollout): BlockedReason {
    return {
        rule: "no-target-for-engine",
        message: `the rollout names no target for ${engine} (it names ${Object.keys(rollout.target).join(", ")})`,
        fix: `add target: { ${engine}: "VERSION" }, or take the database out of the wave`,
    };
}
