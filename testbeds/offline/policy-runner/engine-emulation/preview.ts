import { PolicyProviderResource } from "@pulumi/policy";
import { AnalyzedResource } from "./policy-args";
import { UNKNOWN } from "./unknowns";

/** One registration of a program run under the mock engine, with the resource's state if it exists. */
export interface RecordedResource {
    readonly type: string;
    readonly name: string;
    /** The URN; built from project, stack, parent and name when absent. */
    readonly urn?: string;
    /** The parent's URN. */
    readonly parent?: string;
    /** False for component resources; defaults to true except for `…:index:…` component tokens with no provider package. */
    readonly custom?: boolean;
    /** The inputs the program declares (for a component: its args). */
    readonly inputs: Record<string, unknown>;
    /** A component's registered outputs. */
    readonly outputs?: Record<string, unknown>;
    readonly ignoreChanges?: readonly string[];
    readonly protect?: boolean;
    readonly dependencies?: readonly string[];
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly provider?: PolicyProviderResource;
    /** The resource as it exists now (its inputs and outputs in state); absent for a resource to be created. */
    readonly state?: { readonly inputs: Record<string, unknown>; readonly outputs?: Record<string, unknown> };
}

/** Outputs a custom resource only has once created: unknown during the preview of its creation. */
const COMPUTED_ON_CREATE = [
    "id",
    "arn",
    "engineVersionActual",
    "endpoint",
    "readerEndpoint",
    "clusterResourceId",
    "globalClusterResourceId",
];

/**
 * What the engine gives resource policies: the new inputs, except that for every property listed
 * in `ignoreChanges` of an existing resource the value from state is substituted.
 */
export function analyzedInputs(r: RecordedResource, urn: string): AnalyzedResource {
    return {
        ...base(r, urn),
        props: r.state ? substituteIgnored(r.inputs, r.state.inputs, r.ignoreChanges ?? []) : { ...r.inputs },
    };
}

/**
 * What the engine gives stack policies at the end of a preview: a resource's planned outputs.
 * A component has its registered outputs; an existing custom resource its state outputs
 * overlaid with the (substituted) inputs; a new one its inputs, with the outputs only AWS
 * assigns (ARN, actual version, …) unknown.
 */
export function analyzedOutputs(r: RecordedResource, urn: string): AnalyzedResource {
    if (!isCustom(r)) return { ...base(r, urn), props: { ...(r.outputs ?? {}) } };
    const inputs = analyzedInputs(r, urn).props;
    if (r.state) return { ...base(r, urn), props: { ...(r.state.outputs ?? r.state.inputs), ...inputs } };
    const unknowns = Object.fromEntries(COMPUTED_ON_CREATE.map((k) => [k, UNKNOWN]));
    return { ...base(r, urn), props: { ...unknowns, ...inputs } };
}

/** The URN the engine gives a resource: `urn:pulumi:STACK::PROJECT::PARENT-TYPES$TYPE::NAME`. */
export function makeUrn(project: string, stack: string, type: string, name: string, parentUrn?: string): string {
    const parentType = parentUrn ? parentUrn.split("::")[2] : undefined;
    const qualified = parentType && !parentType.startsWith("pulumi:pulumi:Stack") ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

function isCustom(r: RecordedResource): boolean {
    return r.custom ?? !r.type.startsWith("aurora-global:");
}

function base(r: RecordedResource, urn: string): Omit<AnalyzedResource, "props"> {
    return {
        type: r.type,
        name: r.name,
        urn,
        ...(r.parent ? { parent: r.parent } : {}),
        ...(r.ignoreChanges ? { ignoreChanges: r.ignoreChanges } : {}),
        ...(r.protect !== undefined ? { protect: r.protect } : {}),
        ...(r.dependencies ? { dependencies: r.dependencies } : {}),
        ...(r.propertyDependencies ? { propertyDependencies: r.propertyDependencies } : {}),
        ...(r.provider ? { provider: r.provider } : {}),
    };
}

/** The engine's ignoreChanges processing: ignored paths (`a` or `a.b`) keep their old value. */
export function substituteIgnored(
    news: Record<string, unknown>,
    olds: Record<string, unknown>,
    ignore: readonly string[],
): Record<string, unknown> {
    if (ignore.includes("*")) return structuredClone(olds);
    const out = structuredClone(news);
    for (const path of ignore) {
        const keys = path.split(".");
        const old = get(olds, keys);
        if (old === undefined) remove(out, keys);
        else set(out, keys, structuredClone(old));
    }
    return out;
}

function get(o: unknown, keys: readonly string[]): unknown {
    let cur = o;
    for (const k of keys) {
        if (cur === null || typeof cur !== "object") return undefined;
        cur = (cur as Record<string, unknown>)[k];
    }
    return cur;
}

function set(o: Record<string, unknown>, keys: readonly string[], v: unknown): void {
    let cur = o;
    for (const k of keys.slice(0, -1)) {
        if (cur[k] === null || typeof cur[k] !== "object") cur[k] = {};
        cur = cur[k] as Record<string, unknown>;
    }
    cur[keys[keys.length - 1]] = v;
}

function remove(o: Record<string, unknown>, keys: readonly string[]): void {
    const parent = get(o, keys.slice(0, -1));
    if (parent !== null && typeof parent === "object")
        delete (parent as Record<string, unknown>)[keys[keys.length - 1]];
}
