import * as pulumi from "@pulumi/pulumi";
import { PendingAction } from "../../../planner";
import { SeedParameterGroup } from "../../simulator";
import { INVOKE_TOKENS, RESOURCE_TYPES } from "../../../vocabulary";

/** An existing member cluster, as `aws.rds.getCluster` would describe it. */
export interface DescribedCluster {
    readonly clusterIdentifier: string;
    readonly region: string;
    readonly engine: string;
    /** AWS's EngineVersion (PostgreSQL without the patch level). */
    readonly engineVersion: string;
    readonly globalClusterIdentifier?: string;
    readonly instanceCount?: number;
    /** What DescribePendingMaintenanceActions reports for the cluster. @default [] */
    readonly pendingActions?: readonly PendingAction[];
    /**
     * The member AWS reports as the writer (`IsWriter`) of its global cluster, e.g. after a
     * switchover. @default the first member listed
     */
    readonly writer?: boolean;
    /** Its cluster parameter group (a name, or one with user parameters). @default the family's default */
    readonly clusterParameterGroup?: string | SeedParameterGroup;
    /** PreferredMaintenanceWindow (`ddd:hh24:mi-ddd:hh24:mi` UTC). @default the simulator's */
    readonly preferredMaintenanceWindow?: string;
}

/** An existing global cluster, as `aws.rds.getGlobalCluster` would describe it. */
export interface DescribedGlobalCluster {
    readonly identifier: string;
    readonly engine: string;
    readonly engineVersion: string;
}

/** One entry of the engine catalogue, as `aws.rds.getEngineVersion` would describe it. */
export interface DescribedEngineVersion {
    readonly engine: string;
    readonly version: string;
    readonly supportsGlobalDatabases: boolean;
    readonly validUpgradeTargets: readonly string[];
}

/**
 * The described current state the mock engine answers invokes from. Anything not described
 * does not exist: invokes for it fail the way the provider does ("couldn't find resource").
 */
export interface CurrentState {
    readonly clusters?: readonly DescribedCluster[];
    readonly globalClusters?: readonly DescribedGlobalCluster[];
    readonly engineVersions?: readonly DescribedEngineVersion[];
    /**
     * Invokes that fail with this message (e.g. AccessDenied), by token
     * (`rds:DescribePendingMaintenanceActions` too; `pulumi:pulumi:StackReference` fails stack reads).
     */
    readonly invokeFailures?: Readonly<Record<string, string>>;
    /**
     * The outputs the stack's last update left (e.g. a previous run's `outputs`): what a
     * `StackReference` to this very stack (`organization/project/stack`) reads.
     * @default {} (the stack exists but has no outputs yet, as before its first update)
     */
    readonly previousStackOutputs?: Readonly<Record<string, unknown>>;
}

/** A running global database: the global cluster and every member at one version. */
export function existingDatabase(opts: {
    globalClusterIdentifier: string;
    engine: string;
    engineVersion: string;
    members: readonly {
        clusterIdentifier: string;
        region: string;
        engineVersion?: string;
        instanceCount?: number;
        pendingActions?: readonly PendingAction[];
        writer?: boolean;
        clusterParameterGroup?: string | SeedParameterGroup;
        preferredMaintenanceWindow?: string;
    }[];
}): CurrentState {
    return {
        globalClusters: [
            { identifier: opts.globalClusterIdentifier, engine: opts.engine, engineVersion: opts.engineVersion },
        ],
        clusters: opts.members.map((m) => ({
            clusterIdentifier: m.clusterIdentifier,
            region: m.region,
            engine: opts.engine,
            engineVersion: m.engineVersion ?? opts.engineVersion,
            globalClusterIdentifier: opts.globalClusterIdentifier,
            instanceCount: m.instanceCount ?? 1,
            ...(m.pendingActions ? { pendingActions: m.pendingActions } : {}),
            ...(m.writer ? { writer: true } : {}),
            ...(m.clusterParameterGroup ? { clusterParameterGroup: m.clusterParameterGroup } : {}),
            ...(m.preferredMaintenanceWindow ? { preferredMaintenanceWindow: m.preferredMaintenanceWindow } : {}),
        })),
    };
}

const ACCOUNT = "123456789012";

/** An invoke failure shaped like the engine's gRPC error (the SDK reports its `details`). */
function providerError(message: string): Error {
    return Object.assign(new Error(message), { details: message });
}

/** Invoke answers from the described state. */
export function answerCall(state: CurrentState, args: pulumi.runtime.MockCallArgs): Record<string, unknown> {
    const inputs = args.inputs as Record<string, string | undefined>;
    const failure = state.invokeFailures?.[args.token];
    if (failure !== undefined) throw providerError(failure);
    switch (args.token) {
        case INVOKE_TOKENS.getCluster: {
            const c = state.clusters?.find(
                (x) =>
                    x.clusterIdentifier === inputs.clusterIdentifier &&
                    (inputs.region === undefined || x.region === inputs.region),
            );
            if (!c) throw providerError(`reading RDS Cluster (${inputs.clusterIdentifier}): couldn't find resource`);
            return {
                id: c.clusterIdentifier,
                clusterIdentifier: c.clusterIdentifier,
                arn: `arn:aws:rds:${c.region}:${ACCOUNT}:cluster:${c.clusterIdentifier}`,
                engine: c.engine,
                engineVersion: c.engineVersion,
                region: c.region,
                clusterMembers: Array.from(
                    { length: c.instanceCount ?? 1 },
                    (_, i) => `${c.clusterIdentifier}-${i + 1}`,
                ),
                storageEncrypted: true,
                deletionProtection: true,
            };
        }
        case INVOKE_TOKENS.getGlobalCluster: {
            const g = state.globalClusters?.find((x) => x.identifier === inputs.identifier);
            if (!g) throw providerError(`reading RDS Global Cluster (${inputs.identifier}): couldn't find resource`);
            const members = (state.clusters ?? []).filter((c) => c.globalClusterIdentifier === g.identifier);
            return {
                id: g.identifier,
                identifier: g.identifier,
                arn: `arn:aws:rds::${ACCOUNT}:global-cluster:${g.identifier}`,
                engine: g.engine,
                engineVersion: g.engineVersion,
                members: members.map((c, i) => ({
                    dbClusterArn: `arn:aws:rds:${c.region}:${ACCOUNT}:cluster:${c.clusterIdentifier}`,
                    isWriter: i === 0,
                })),
                storageEncrypted: true,
                deletionProtection: true,
            };
        }
        case INVOKE_TOKENS.getEngineVersion: {
            const e = state.engineVersions?.find((x) => x.engine === inputs.engine && x.version === inputs.version);
            if (!e) throw providerError("no RDS engine versions match the criteria");
            return {
                id: e.version,
                engine: e.engine,
                version: e.version,
                versionActual: e.version,
                supportsGlobalDatabases: e.supportsGlobalDatabases,
                validUpgradeTargets: [...e.validUpgradeTargets],
            };
        }
        default:
            throw providerError(`the mock engine has no answer for invoke ${args.token}`);
    }
}

/** How the pending-maintenance read is named in `invokeFailures` (an AWS SDK call, not a provider invoke). */
export const PENDING_ACTIONS_TOKEN = "rds:DescribePendingMaintenanceActions";

/** The type token of a `pulumi.StackReference` (a read of another stack's outputs). */
export const STACK_REFERENCE_TYPE = "pulumi:pulumi:StackReference";

/**
 * Plausible ids and state for new resources: inputs plus what the provider would add.
 * `selfStack` (`organization/project/stack`) is the stack being run: a `StackReference` to it
 * reads `previousStackOutputs`; one to any other stack fails like the engine (`unknown stack`).
 */
export function answerNewResource(
    state: CurrentState,
    args: pulumi.runtime.MockResourceArgs,
    selfStack?: string,
): { id: string; state: Record<string, unknown> } {
    const inputs = args.inputs as Record<string, unknown>;
    const region = (inputs.region as string | undefined) ?? "us-east-1";
    switch (args.type) {
        case STACK_REFERENCE_TYPE: {
            const name = String(inputs.name ?? args.id ?? args.name);
            const failure = state.invokeFailures?.[STACK_REFERENCE_TYPE];
            if (failure !== undefined) throw providerError(failure);
            if (selfStack !== undefined && name !== selfStack) throw providerError(`unknown stack "${name}"`);
            return {
                id: name,
                state: { name, outputs: { ...(state.previousStackOutputs ?? {}) }, secretOutputNames: [] },
            };
        }
        case RESOURCE_TYPES.globalCluster: {
            const id = String(inputs.globalClusterIdentifier ?? args.name);
            return {
                id,
                state: {
                    ...inputs,
                    arn: `arn:aws:rds::${ACCOUNT}:global-cluster:${id}`,
                    engineVersionActual: inputs.engineVersion,
                },
            };
        }
        case RESOURCE_TYPES.cluster: {
            const id = String(inputs.clusterIdentifier ?? args.name);
            const running = state.clusters?.find((c) => c.clusterIdentifier === id)?.engineVersion;
            return {
                id,
                state: {
                    ...inputs,
                    arn: `arn:aws:rds:${region}:${ACCOUNT}:cluster:${id}`,
                    endpoint: `${id}.cluster-mock.${region}.rds.amazonaws.com`,
                    readerEndpoint: `${id}.cluster-ro-mock.${region}.rds.amazonaws.com`,
                    engineVersionActual: running ?? inputs.engineVersion,
                },
            };
        }
        case RESOURCE_TYPES.clusterInstance: {
            const id = String(inputs.identifier ?? args.name);
            return {
                id,
                state: {
                    ...inputs,
                    arn: `arn:aws:rds:${region}:${ACCOUNT}:db:${id}`,
                    endpoint: `${id}.mock.${region}.rds.amazonaws.com`,
                },
            };
        }
        case RESOURCE_TYPES.kmsKey: {
            // A key id is a UUID AWS assigns; a stable one per name keeps runs comparable.
            const hex = Buffer.from(`${region}/${args.name}`).toString("hex").padEnd(32, "0").slice(0, 32);
            const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
            return {
                id,
                state: { ...inputs, keyId: id, arn: `arn:aws:kms:${region}:${ACCOUNT}:key/${id}` },
            };
        }
        case RESOURCE_TYPES.kmsAlias: {
            const id = String(inputs.name ?? args.name);
            return { id, state: { ...inputs, arn: `arn:aws:kms:${region}:${ACCOUNT}:${id}` } };
        }
        case RESOURCE_TYPES.randomPassword: {
            const length = typeof inputs.length === "number" ? inputs.length : 16;
            return {
                id: "none",
                state: { ...inputs, result: `mock-password-${"x".repeat(Math.max(0, length - 14))}` },
            };
        }
        case RESOURCE_TYPES.command:
            return { id: `${args.name}-id`, state: { ...inputs, stdout: "", stderr: "" } };
        default:
            return { id: `${args.name}-id`, state: { ...inputs } };
    }
}
