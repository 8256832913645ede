import {
    PolicyPackConfig,
    PolicyProviderResource,
    PolicyResource,
    ResourceValidationArgs,
    StackValidationArgs,
} from "@pulumi/policy";
import { asPolicyProps } from "./unknowns";

/** A resource as the engine describes it to the policy runtime. */
export interface AnalyzedResource {
    readonly type: string;
    readonly name: string;
    readonly urn: string;
    /** Inputs (for resource policies) or outputs (for stack policies). Use `UNKNOWN` for unknown values. */
    readonly props: Record<string, unknown>;
    readonly parent?: string;
    readonly ignoreChanges?: readonly string[];
    readonly protect?: boolean;
    /** URNs this resource depends on. */
    readonly dependencies?: readonly string[];
    /** URNs each property depends on. */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
    readonly provider?: PolicyProviderResource;
}

/** Thrown by `notApplicable()`, as in the policy runtime. */
export class NotApplicable extends Error {
    constructor(readonly reason?: string) {
        super(reason ?? "not applicable");
        this.name = "NotApplicable";
    }
}

/** The configuration a policy's `getConfig()` returns: its pack config entry without `enforcementLevel`. */
export function policyConfig(config: PolicyPackConfig | undefined, policy: string): Record<string, unknown> {
    const c = config?.[policy];
    if (!c || typeof c === "string") return {};
    return Object.fromEntries(Object.entries(c).filter(([key]) => key !== "enforcementLevel"));
}

const isType = (type: string) => (cls: unknown) => (cls as { __pulumiType?: string })?.__pulumiType === type;

function options(r: AnalyzedResource) {
    return {
        protect: r.protect ?? false,
        ignoreChanges: [...(r.ignoreChanges ?? [])],
        aliases: [],
        customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 },
        additionalSecretOutputs: [],
        ...(r.parent ? { parent: r.parent } : {}),
    };
}

/**
 * What resource and stack policies both see of one resource: type, props, names, options, the
 * type guard. (`asType` is typed differently by the two argument shapes; each adds its own.)
 */
function describedResource(
    r: AnalyzedResource,
): Pick<PolicyResource, "type" | "props" | "urn" | "name" | "opts" | "provider" | "isType"> {
    const props = asPolicyProps(r.props);
    return {
        type: r.type,
        props,
        urn: r.urn,
        name: r.name,
        opts: options(r),
        ...(r.provider ? { provider: r.provider } : {}),
        isType: isType(r.type),
    };
}

/** `asType`: the props when the resource is of the class asked for. */
function asTypeOf(r: AnalyzedResource, props: Record<string, unknown>) {
    return (cls: unknown) => (isType(r.type)(cls) ? props : undefined);
}

/** Arguments of `validateResource` for one resource, as the policy runtime builds them. */
export function resourceArgs(r: AnalyzedResource, config: Record<string, unknown> = {}): ResourceValidationArgs {
    const described = describedResource(r);
    return {
        ...described,
        asType: asTypeOf(r, described.props) as ResourceValidationArgs["asType"],
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}

/** Arguments of `validateStack`, with parents and dependencies linked to resource objects. */
export function stackArgs(
    resources: readonly AnalyzedResource[],
    config: Record<string, unknown> = {},
): StackValidationArgs {
    const byUrn = new Map<string, PolicyResource>();
    const built = resources.map((r) => {
        const described = describedResource(r);
        const resource: PolicyResource = {
            ...described,
            asType: asTypeOf(r, described.props) as PolicyResource["asType"],
            dependencies: [],
            propertyDependencies: {},
        };
        byUrn.set(r.urn, resource);
        return { r, resource };
    });
    const lookup = (urns: readonly string[] | undefined) =>
        (urns ?? []).map((u) => byUrn.get(u)).filter((x): x is PolicyResource => x !== undefined);
    for (const { r, resource } of built) {
        const parent = r.parent ? byUrn.get(r.parent) : undefined;
        if (parent) resource.parent = parent;
        resource.dependencies = lookup(r.dependencies);
        for (const [key, urns] of Object.entries(r.propertyDependencies ?? {}))
            resource.propertyDependencies[key] = lookup(urns);
    }
    return {
        resources: built.map((b) => b.resource),
        stackTags: new Map(),
        getConfig: <T extends object>() => config as T,
        notApplicable: (reason?: string): never => {
            throw new NotApplicable(reason);
        },
    };
}
