import type { CurrentState, RecordedOutputs, RecordedResource as MockRegistration } from "../../mock-engine";
import { TYPES } from "../../../../policy/lib/resource-types";
import { RecordedResource } from "./preview";

/** What a run under the mock engine (offline/mock-engine `runProgramUnderMocks`) returns, in part. */
export interface MockRun {
    readonly resources: readonly MockRegistration[];
    readonly registeredOutputs: RecordedOutputs;
}

const ACCOUNT = "123456789012";
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

/**
 * Turns the registrations of a mock-engine run into what the Pulumi engine would hand the policy
 * pack at `pulumi preview` of a stack whose resources exist as `current` describes: the global
 * cluster, member clusters and their instances exist when described, with the described engine
 * version in state (so `ignoreChanges: ["engineVersion"]` shows the running version); other
 * resources exist with the database, except upgrade step commands, which are new every upgrade.
 * Secret inputs are replaced by "[secret]".
 */
export function fromMockRun(run: MockRun, current: CurrentState = {}): RecordedResource[] {
    const byUrn = new Map(run.resources.map((r) => [r.urn, r]));
    const deployed = (current.clusters ?? []).length > 0 || (current.globalClusters ?? []).length > 0;
    return run.resources
        .filter((r) => r.type !== "pulumi:pulumi:Stack")
        .map((r): RecordedResource => {
            const inputs = hideSecrets(r.inputs) as Record<string, unknown>;
            const state = r.custom ? stateOf(r, inputs, current, byUrn, deployed) : undefined;
            return {
                type: r.type,
                name: r.name,
                urn: r.urn,
                ...(r.parent && byUrn.get(r.parent)?.type !== "pulumi:pulumi:Stack" ? { parent: r.parent } : {}),
                custom: r.custom,
                inputs,
                ...(r.custom
                    ? {}
                    : { outputs: hideSecrets(run.registeredOutputs.get(r.urn) ?? {}) as Record<string, unknown> }),
                ignoreChanges: r.ignoreChanges,
                protect: r.protect,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
                ...(state ? { state } : {}),
            };
        });
}

function stateOf(
    r: MockRegistration,
    inputs: Record<string, unknown>,
    current: CurrentState,
    byUrn: Map<string, MockRegistration>,
    deployed: boolean,
): RecordedResource["state"] | undefined {
    const region = typeof inputs.region === "string" ? inputs.region : "us-east-1";
    switch (r.type) {
        case TYPES.globalCluster: {
            const g = current.globalClusters?.find((x) => x.identifier === inputs.globalClusterIdentifier);
            if (!g) return undefined;
            const old = { ...inputs, engine: g.engine, engineVersion: g.engineVersion };
            return {
                inputs: old,
                outputs: {
                    ...old,
                    id: g.identifier,
                    arn: `arn:aws:rds::${ACCOUNT}:global-cluster:${g.identifier}`,
                    engineVersionActual: g.engineVersion,
                },
            };
        }
        case TYPES.cluster: {
            const c = current.clusters?.find(
                (x) => x.clusterIdentifier === inputs.clusterIdentifier && x.region === region,
            );
            if (!c) return undefined;
            const old = { ...inputs, engine: c.engine, engineVersion: c.engineVersion };
            return {
                inputs: old,
                outputs: {
                    ...old,
                    id: c.clusterIdentifier,
                    arn: `arn:aws:rds:${region}:${ACCOUNT}:cluster:${c.clusterIdentifier}`,
                    engineVersionActual: c.engineVersion,
                },
            };
        }
        case TYPES.clusterInstance: {
            const clusterUrn = (r.propertyDependencies["clusterIdentifier"] ?? [])[0];
            const clusterId =
                (clusterUrn ? byUrn.get(clusterUrn)?.inputs.clusterIdentifier : undefined) ?? inputs.clusterIdentifier;
            const c = current.clusters?.find((x) => x.clusterIdentifier === clusterId && x.region === region);
            const identifier = String(inputs.identifier ?? r.name);
            const exists =
                c !== undefined &&
                Array.from({ length: c.instanceCount ?? 1 }, (_, i) => `${c.clusterIdentifier}-${i + 1}`).includes(
                    identifier,
                );
            if (!exists) return undefined;
            const old = { ...inputs, engineVersion: c.engineVersion };
            return {
                inputs: old,
                outputs: { ...old, id: identifier, arn: `arn:aws:rds:${region}:${ACCOUNT}:db:${identifier}` },
            };
        }
        case TYPES.command:
            return undefined;
        default:
            return deployed ? { inputs, outputs: { ...inputs, id: `${r.name}-id` } } : undefined;
    }
}

function hideSecrets(v: unknown): unknown {
    if (Array.isArray(v)) return v.map(hideSecrets);
    if (v !== null && typeof v === "object") {
        if (SECRET_SIG_KEY in v) return "[secret]";
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, hideSecrets(x)]));
    }
    return v;
}
