import {
    databaseVerdict,
    DatabaseVerdict,
    EngineVersion,
    parseVersion,
    tryParseVersion,
    VersionParseError,
    withPendingPatch,
} from "../engine-versions";
import { overallChange, PlanContext } from "./context";
import { stepMinutes } from "./impact";
import { FailoverReadiness, FailoverVerdict, MinuteRange, PlanStep, WaveFailover } from "./types";

/** Each existing (or planned) member's version, by cluster identifier. */
type VersionState = ReadonlyMap<string, EngineVersion>;

/** Steps that change a member's engine version (snapshots, parameter groups and a blue/green copy do not). */
const VERSION_ACTIONS = new Set<PlanStep["action"]>([
    "modify-db-cluster",
    "apply-pending-maintenance",
    "modify-global-cluster",
    "blue-green-switchover",
]);

/** The members' versions before the plan: the running ones (a hidden PostgreSQL patch placed by its pending system-update). */
function startState(ctx: PlanContext): Map<string, EngineVersion> {
    const state = new Map<string, EngineVersion>();
    for (const m of ctx.members) {
        if (!m.current) continue;
        const pending = m.state.pendingActions?.find((a) => a.action === "system-update")?.targetVersion;
        const parsed = pending === undefined ? undefined : tryParseVersion(ctx.input.engine, pending);
        const target = parsed instanceof VersionParseError ? undefined : parsed;
        state.set(m.state.cluster, withPendingPatch(m.current, target));
    }
    return state;
}

/** The state after one wave: member steps set their member; a global step (or blue/green switchover) sets every member. */
function applyWave(ctx: PlanContext, state: VersionState, wave: readonly PlanStep[]): Map<string, EngineVersion> {
    const next = new Map(state);
    for (const s of wave.filter((x) => VERSION_ACTIONS.has(x.action) && x.to !== undefined)) {
        // The target comes parsed; another `to` is a patch level AWS reports pending for the member.
        const to = s.to === ctx.input.target.text && ctx.target ? ctx.target : parseVersion(ctx.input.engine, s.to!);
        if (s.role === "global") for (const cluster of next.keys()) next.set(cluster, to);
        else next.set(s.cluster, to);
    }
    return next;
}

/** AWS's verdict for the members' versions in `state` (the primary against each secondary). */
export function verdictOf(ctx: PlanContext, state: VersionState): DatabaseVerdict | undefined {
    const named = ctx.members
        .filter((m) => state.has(m.state.cluster))
        .map((m) => ({
            role: m.state.role,
            name: `"${m.state.cluster}" (${m.state.region})`,
            version: state.get(m.state.cluster)!,
        }));
    const primary = named.find((m) => m.role === "primary");
    const secondaries = named.filter((m) => m.role === "secondary");
    if (!primary || secondaries.length === 0) return undefined;
    return databaseVerdict(primary, secondaries);
}

/** The members' versions once every wave of the plan is done. */
export function stateAfter(ctx: PlanContext, steps: readonly PlanStep[]): Map<string, EngineVersion> {
    return groupByWave(steps).reduce((state, wave) => applyWave(ctx, state, wave), startState(ctx));
}

function groupByWave(steps: readonly PlanStep[]): PlanStep[][] {
    const waves = new Map<number, PlanStep[]>();
    for (const s of steps) waves.set(s.wave, [...(waves.get(s.wave) ?? []), s]);
    return [...waves.keys()].sort((a, b) => a - b).map((w) => waves.get(w)!);
}

const plain = (v: DatabaseVerdict): FailoverVerdict => ({
    switchover: v.switchover,
    failover: v.failover,
    ...(v.reason !== undefined ? { reason: v.reason } : {}),
});

/**
 * While a wave runs: its members are upgrading (AWS switches over only between healthy clusters),
 * and a failover needs a secondary outside the wave whose version fits the primary's both before
 * and after the wave.
 */
function duringWave(ctx: PlanContext, wave: readonly PlanStep[], before: FailoverVerdict, after: FailoverVerdict) {
    const changing = wave.filter((s) => VERSION_ACTIONS.has(s.action));
    if (changing.length === 0) return before;
    const global = changing.some((s) => s.role === "global");
    const busy = new Set(changing.map((s) => s.cluster));
    const idleSecondary = ctx.members.some(
        (m) => m.current && m.state.role === "secondary" && !busy.has(m.state.cluster),
    );
    const reason = global
        ? "every member is upgrading in one operation"
        : `${changing.map((s) => `${s.role} "${s.cluster}"`).join(", ")} upgrading`;
    const failover = !global && idleSecondary && before.failover && after.failover;
    // When the wave itself leaves no failover, its `after` says why; `during` names who is upgrading.
    return { switchover: false, failover, reason };
}

/** The longest step of a wave, as a range of minutes (the wave's steps run in parallel). */
function waveMinutes(ctx: PlanContext, wave: readonly PlanStep[]): MinuteRange {
    const major = overallChange(ctx) === "major";
    const ranges = wave.map((s) => stepMinutes(s.action, major));
    return { low: Math.max(...ranges.map((r) => r.low)), high: Math.max(...ranges.map((r) => r.high)) };
}

/**
 * Per wave, whether AWS could switch over and fail over while it runs and once it is done, and the
 * estimated minutes without failover; undefined when the database has no secondary (nothing to fail
 * over to) or no primary yet.
 */
export function failoverReadiness(ctx: PlanContext, steps: readonly PlanStep[]): FailoverReadiness | undefined {
    let state: VersionState = startState(ctx);
    const start = verdictOf(ctx, state);
    if (!start) return undefined;
    let before = plain(start);
    const waves: WaveFailover[] = [];
    for (const wave of groupByWave(steps)) {
        state = applyWave(ctx, state, wave);
        const after = plain(verdictOf(ctx, state)!);
        const minutes = waveMinutes(ctx, wave);
        waves.push({ wave: wave[0].wave, during: duringWave(ctx, wave, before, after), after, minutes });
        before = after;
    }
    const lost = waves.filter((w) => !w.during.failover);
    const withoutFailover = lost.reduce(
        (sum, w) => ({ low: sum.low + w.minutes.low, high: sum.high + w.minutes.high }),
        { low: 0, high: 0 },
    );
    return { now: plain(start), waves, after: before, withoutFailoverMinutes: withoutFailover };
}
