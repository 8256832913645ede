import { PolicyResource } from "@pulumi/policy";
import {
    ENGINES,
    Engine,
    isEngine,
    readTarget,
    VersionParseError,
    tryParseVersion,
} from "aurora-global/engine-versions";
import { DEFAULT_PLAN_OPTIONS, EngineCatalogue, MemberState, PlanInput, PlanOptions } from "aurora-global/planner";
import { componentSettings } from "./component-contract";
import { GlobalDatabaseView, MemberView } from "./global-topology";
import { isIgnored, list, str, tag } from "./props";
import { TAGS } from "./resource-types";

/**
 * Versions of a resource as the engine hands them to a stack policy.
 *
 * - A resource exists when its `arn` output is known (a resource to be created has none yet).
 * - For a property listed in `ignoreChanges` the engine keeps the value from state, so an
 *   existing resource's `engineVersion` is the version it runs; otherwise `engineVersion` is what
 *   the program declares and `engineVersionActual` (an output from state) what runs.
 */
export interface VersionView {
    readonly exists: boolean;
    readonly current?: string;
    readonly declared?: string;
}

export function versionsOf(r: PolicyResource): VersionView {
    const exists = str(r.props, "arn") !== undefined;
    const version = str(r.props, "engineVersion");
    const ignored = isIgnored(r.opts, "engineVersion");
    if (!exists) return { exists, ...(version ? { declared: version } : {}) };
    const current = ignored
        ? (version ?? str(r.props, "engineVersionActual"))
        : (str(r.props, "engineVersionActual") ?? version);
    return { exists, ...(current ? { current } : {}), ...(!ignored && version ? { declared: version } : {}) };
}

/** The engine a version string belongs to, when exactly one engine parses it. */
export function engineOfVersion(version: string): Engine | undefined {
    const fits = ENGINES.filter((e) => !(tryParseVersion(e, version) instanceof VersionParseError));
    return fits.length === 1 ? fits[0] : undefined;
}

/**
 * Builds the planner's input for one global database from what the stack declares, or undefined
 * when it is not an Aurora global database the planner knows (or no version is visible at all).
 * The target is the component's `engineVersion`, else the global cluster's declared version, else
 * the primary's; current versions come from the engine's `ignoreChanges` substitution.
 */
export function planInputFor(view: GlobalDatabaseView, catalogue?: EngineCatalogue): PlanInput | undefined {
    const settings = view.component ? componentSettings(view.component.props) : undefined;
    const gc = view.globalCluster;
    const engine =
        settings?.engine ??
        str(gc?.props, "engine") ??
        view.members.map((m) => str(m.resource.props, "engine")).find(Boolean);
    if (!engine || !isEngine(engine)) return undefined;
    const gcVersions = gc ? versionsOf(gc) : undefined;
    const members = view.members.map((m) => ({ m, v: versionsOf(m.resource) }));
    const primary = members.find((x) => x.m.role === "primary");
    const target =
        settings?.engineVersion ??
        gcVersions?.declared ??
        primary?.v.declared ??
        members.find((x) => x.v.declared)?.v.declared ??
        primary?.v.current ??
        gcVersions?.current;
    if (!target) return undefined;
    const runningNow = gcVersions?.current ?? primary?.v.current ?? members.find((x) => x.v.current)?.v.current;
    const runningEngine = runningNow ? engineOfVersion(runningNow) : undefined;
    // Another engine runs now: the planner's engine-change rule decides; versions of it would not parse.
    const otherEngine = runningEngine !== undefined && runningEngine !== engine;
    return {
        engine,
        globalClusterId: view.identifier,
        ...(otherEngine ? { globalCurrentEngine: runningEngine } : {}),
        ...(!otherEngine && gcVersions?.current
            ? { globalCurrentEngine: engine, globalCurrentVersion: gcVersions.current }
            : {}),
        // The pack's one read of the target: the planner takes it parsed.
        target: readTarget(target),
        members: members.map(({ m, v }) => memberState(m, v, otherEngine)),
        options: settings?.options ?? optionsFromTags(gc),
        ...(catalogue ? { catalogue } : {}),
    };
}

function memberState(m: MemberView, v: VersionView, otherEngine: boolean): MemberState {
    // An existing member whose running version is not visible is taken to run what it declares.
    const current = otherEngine ? undefined : v.exists ? (v.current ?? v.declared) : undefined;
    const params = parameters(m.parameterGroup);
    const lctn = params.get("lower_case_table_names");
    return {
        cluster: m.identifier,
        region: m.region,
        role: m.role,
        ...(current ? { currentVersion: current } : {}),
        ...(v.declared && !otherEngine ? { declaredVersion: v.declared } : {}),
        instanceCount: m.instances.length,
        ...(m.parameterGroup ? { rpoEnabled: (params.get("rds.global_db_rpo") ?? "") !== "" } : {}),
        ...(m.parameterGroup ? { lowerCaseTableNamesDefault: lctn === undefined || lctn === "0" } : {}),
    };
}

/** Parameters set in a cluster parameter group, by name. */
function parameters(group: PolicyResource | undefined): Map<string, string> {
    const out = new Map<string, string>();
    for (const p of list(group?.props, "parameters")) {
        if (p && typeof p === "object" && typeof (p as { name?: unknown }).name === "string") {
            const v = (p as { value?: unknown }).value;
            out.set((p as { name: string }).name, v === undefined || v === null ? "" : String(v));
        }
    }
    return out;
}

/** Options of a plain `aws.rds` global database: opt-ins come from tags on the global cluster. */
export function optionsFromTags(gc: PolicyResource | undefined): PlanOptions {
    return {
        ...DEFAULT_PLAN_OPTIONS,
        allowMajorVersionUpgrade: tag(gc?.props, TAGS.allowMajorVersionUpgrade) === "true",
        mysqlInPlaceMajorConfirmed: tag(gc?.props, TAGS.mysqlInPlaceMajorConfirmed) === "true",
    };
}
