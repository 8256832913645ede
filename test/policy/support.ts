import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    AnalyzedResource,
    resourceArgs,
    stackArgs,
} from "../../testbeds/offline/policy-runner/engine-emulation/policy-args";
// The tokens from the vocabulary itself: the pack run outside the repository (test/package/policy-pack.test.ts)
// loads this file without the source alias its own `aurora-global/vocabulary` import needs.
import { RESOURCE_TYPES as TYPES } from "../../vocabulary/tokens";

export const urn = (type: string, name: string) => `urn:pulumi:dev::aurora-global::${type}::${name}`;

/** A resource as a policy sees it. */
export function res(
    type: string,
    name: string,
    props: Record<string, unknown>,
    extra: Partial<AnalyzedResource> = {},
): AnalyzedResource {
    return { type, name, urn: urn(type, name), props, ...extra };
}

export interface Reported {
    readonly message: string;
    readonly urn?: string;
}

/** Runs a stack policy over resources (outputs view) and returns what it reported. */
export async function runStack(
    policy: StackValidationPolicy,
    resources: readonly AnalyzedResource[],
    config: Record<string, unknown> = {},
): Promise<Reported[]> {
    const out: Reported[] = [];
    await policy.validateStack(stackArgs(resources, config), (message, u) =>
        out.push({ message, ...(u ? { urn: u } : {}) }),
    );
    return out;
}

/** Runs a resource policy on one resource (inputs view) and returns the messages. */
export async function runResource(
    policy: ResourceValidationPolicy,
    resource: AnalyzedResource,
    config: Record<string, unknown> = {},
): Promise<string[]> {
    const out: string[] = [];
    const validations = ([] as unknown[]).concat(policy.validateResource ?? []) as ((
        a: unknown,
        r: (m: string) => void,
    ) => unknown)[];
    for (const v of validations) await v(resourceArgs(resource, config), (m) => out.push(m));
    return out;
}

/** A copy of `resources` with `patch` merged into the props (undefined deletes) of the resource `name`. */
export function patch(
    resources: readonly AnalyzedResource[],
    name: string,
    props: Record<string, unknown>,
    extra: Partial<AnalyzedResource> = {},
): AnalyzedResource[] {
    if (!resources.some((r) => r.name === name)) throw new Error(`no resource named ${name}`);
    return resources.map((r) => {
        if (r.name !== name) return r;
        const merged: Record<string, unknown> = { ...r.props, ...props };
        for (const [k, v] of Object.entries(props)) if (v === undefined) delete merged[k];
        return { ...r, ...extra, props: merged };
    });
}

/** A copy of `resources` without the resource `name`. */
export function drop(resources: readonly AnalyzedResource[], name: string): AnalyzedResource[] {
    return resources.filter((r) => r.name !== name);
}

const arn = (kind: string, id: string) => `arn:aws:rds:us-east-1:123456789012:${kind}:${id}`;

/**
 * A plain `aws.rds` Aurora PostgreSQL global database as stack policies see it at preview: the
 * global cluster declares `version` (no ignoreChanges), both members exist, run `current` and
 * carry `ignoreChanges: ["engineVersion"]` (so the engine shows the version from state).
 */
export function plainGlobal(version = "16.6", current = "16.6", engine = "aurora-postgresql"): AnalyzedResource[] {
    const gc = res(TYPES.globalCluster, "app-global", {
        globalClusterIdentifier: "app-global",
        engine,
        engineVersion: version,
        engineVersionActual: current,
        storageEncrypted: true,
        deletionProtection: true,
        arn: arn("global-cluster", "app-global"),
    });
    const member = (name: string, region: string, extra: Record<string, unknown>, deps: string[]) =>
        res(
            TYPES.cluster,
            name,
            {
                clusterIdentifier: name,
                engine,
                engineVersion: current,
                engineVersionActual: current,
                globalClusterIdentifier: "app-global",
                region,
                storageEncrypted: true,
                deletionProtection: true,
                arn: arn("cluster", name),
                ...extra,
            },
            {
                ignoreChanges: ["engineVersion"],
                dependencies: [gc.urn, ...deps],
                propertyDependencies: { globalClusterIdentifier: [gc.urn] },
            },
        );
    const primary = member("app-use1", "us-east-1", { masterUsername: "app" }, []);
    const secondary = member("app-apne1", "ap-northeast-1", {}, [primary.urn]);
    const instance = (name: string, cluster: AnalyzedResource, region: string) =>
        res(
            TYPES.clusterInstance,
            name,
            {
                identifier: name,
                clusterIdentifier: cluster.name,
                region,
                publiclyAccessible: false,
                arn: arn("db", name),
            },
            {
                dependencies: [cluster.urn],
                propertyDependencies: { clusterIdentifier: [cluster.urn] },
            },
        );
    return [
        gc,
        primary,
        secondary,
        instance("app-use1-1", primary, "us-east-1"),
        instance("app-apne1-1", secondary, "ap-northeast-1"),
    ];
}
