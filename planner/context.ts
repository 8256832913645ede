import {
    ChangeKind,
    classifyChange,
    EngineVersion,
    largerChange,
    targetFor,
    tryParseVersion,
    VersionParseError,
} from "../engine-versions";
import { MemberState, PlanInput } from "./types";

/** A member with its versions parsed and its change classified. */
export interface MemberContext {
    readonly state: MemberState;
    /** Parsed current version; undefined for a member that does not exist yet. */
    readonly current?: EngineVersion;
    readonly declared?: EngineVersion;
    /** Change from the current version to the target; undefined for a new member. */
    readonly change?: ChangeKind;
}

/** The planner input with every version parsed once; rules and paths read only this. */
export interface PlanContext {
    readonly input: PlanInput;
    readonly target?: EngineVersion;
    readonly globalCurrent?: EngineVersion;
    readonly members: readonly MemberContext[];
    /** Every version string that did not parse, with where it came from. */
    readonly parseErrors: readonly {
        readonly where: string;
        readonly cluster?: string;
        readonly error: VersionParseError;
    }[];
}

/**
 * Parses every version AWS reports or a member declares once; the target comes parsed from the
 * process entry (readTarget), and one that is no version of the engine is a parse error here.
 */
export function buildContext(input: PlanInput): PlanContext {
    const parseErrors: { where: string; cluster?: string; error: VersionParseError }[] = [];
    const known = (parsed: EngineVersion | VersionParseError, where: string, cluster?: string) => {
        if (!(parsed instanceof VersionParseError)) return parsed;
        parseErrors.push({ where, cluster, error: parsed });
        return undefined;
    };
    const parse = (value: string | undefined, where: string, cluster?: string): EngineVersion | undefined =>
        value === undefined ? undefined : known(tryParseVersion(input.engine, value), where, cluster);
    const target = known(targetFor(input.target, input.engine), "engineVersion");
    // The global cluster may run another engine: that is the engine-change rule, not a parse error.
    const globalCurrent =
        input.globalCurrentVersion !== undefined && (input.globalCurrentEngine ?? input.engine) === input.engine
            ? parse(input.globalCurrentVersion, `global cluster "${input.globalClusterId}" current version`)
            : undefined;
    // Members of a global cluster that runs another engine carry that engine's versions: the
    // engine-change rule reports it; parsing them as the new engine would only add noise.
    const engineChanged = input.globalCurrentEngine !== undefined && input.globalCurrentEngine !== input.engine;
    const members = input.members.map((state): MemberContext => {
        const current = engineChanged
            ? undefined
            : parse(state.currentVersion, `cluster "${state.cluster}" current version`, state.cluster);
        const declared = parse(
            state.declaredVersion,
            `cluster "${state.cluster}" declared engineVersion`,
            state.cluster,
        );
        const change = current && target ? classifyChange(current, target) : undefined;
        return { state, current, declared, change };
    });
    return { input, target, globalCurrent, members, parseErrors };
}

/** Existing members that are not at the target yet, secondaries first. */
export function membersToChange(ctx: PlanContext): MemberContext[] {
    return ctx.members
        .filter((m) => m.change !== undefined && m.change !== "none")
        .sort((a, b) => roleOrder(a) - roleOrder(b));
}

function roleOrder(m: MemberContext): number {
    return m.state.role === "secondary" ? 0 : 1;
}

/** The primary member, if declared. */
export function primaryOf(ctx: PlanContext): MemberContext | undefined {
    return ctx.members.find((m) => m.state.role === "primary");
}

/** The largest change any existing member makes; "none" when nothing exists or all are at target. */
export function overallChange(ctx: PlanContext): ChangeKind {
    let kind: ChangeKind = "none";
    for (const m of ctx.members) {
        if (m.change) kind = largerChange(kind, m.change);
    }
    return kind;
}

/** Quoted member reference used in every message: cluster "app-use1" (us-east-1). */
export function memberRef(m: MemberState): string {
    return `${m.role} cluster "${m.cluster}" (${m.region})`;
}
