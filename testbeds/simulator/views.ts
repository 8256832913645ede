import { ClusterState, GlobalClusterState } from "./model";
import { SimStore } from "./store";
import { clusterStatus } from "./upgrade-rules";

/** A read-only snapshot of a simulated cluster, for tests and benchmarks. */
export interface ClusterView {
    readonly id: string;
    readonly arn: string;
    readonly region: string;
    readonly role: "primary" | "secondary" | "standalone";
    readonly status: string;
    /** AWS's EngineVersion. */
    readonly engineVersion: string;
    /** `aurora_version()`: the full version, PostgreSQL patch level included. */
    readonly auroraVersion: string;
    readonly instances: number;
    readonly clusterParameterGroup: string;
    readonly instanceParameterGroups: readonly string[];
    readonly pendingActions: readonly string[];
    /** The target of the running operation, if any. */
    readonly upgradingTo?: string;
}

export interface GlobalClusterView {
    readonly id: string;
    readonly arn: string;
    readonly status: string;
    readonly engine: string;
    readonly engineVersion: string;
    readonly members: readonly ClusterView[];
    /** Its tags (the run lease's, a rollout's progress, the user's). */
    readonly tags: Readonly<Record<string, string>>;
}

export function clusterView(store: SimStore, c: ClusterState): ClusterView {
    return {
        id: c.id,
        arn: c.arn,
        region: c.region,
        role: c.role,
        status: clusterStatus(c),
        engineVersion: store.awsVersion(c.engine, c.version),
        auroraVersion: c.version,
        instances: c.instances.length,
        clusterParameterGroup: c.clusterParameterGroup,
        instanceParameterGroups: c.instances.map((i) => i.parameterGroup),
        pendingActions: c.pendingActions.map((a) => a.action),
        upgradingTo: c.operation?.to,
    };
}

export function globalView(store: SimStore, g: GlobalClusterState): GlobalClusterView {
    return {
        id: g.id,
        arn: g.arn,
        status: g.operation ? "upgrading" : "available",
        engine: g.engine,
        engineVersion: g.version,
        members: store.membersOf(g).map((m) => clusterView(store, m)),
        tags: Object.fromEntries(g.tags ?? []),
    };
}
