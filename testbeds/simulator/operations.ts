import { Faults } from "./faults";
import { ClusterState, Operation } from "./model";
import { SimStore } from "./store";

/** How to start an engine change on one cluster. */
export interface StartOptions {
    readonly kind: Operation["kind"];
    /** Full target version (PostgreSQL with patch level). */
    readonly to: string;
    readonly now: number;
    readonly durationMs?: number;
    readonly globalOperation?: boolean;
    readonly pendingAction?: string;
    readonly major?: boolean;
    readonly parameterGroups?: Operation["parameterGroups"];
}

/**
 * Puts `cluster` into `upgrading` until its duration (plus any injected slowdown) has passed;
 * an armed `failUpgrade` fault makes the operation fail.
 */
export function startOperation(
    store: SimStore,
    faults: Faults,
    cluster: ClusterState,
    options: StartOptions,
): Operation {
    const duration = (options.durationMs ?? cluster.upgradeDurationMs) + faults.takeSlowdown(cluster.id);
    const op: Operation = {
        kind: options.kind,
        from: cluster.version,
        to: options.to,
        startedAt: options.now,
        endsAt: options.now + duration,
        fails: faults.takeFailUpgrade(cluster.id),
        globalOperation: options.globalOperation,
        pendingAction: options.pendingAction,
        major: options.major,
        parameterGroups: options.parameterGroups,
    };
    cluster.operation = op;
    cluster.pendingEngineVersion = undefined;
    const what = options.kind === "patch" ? "patch-started" : "upgrade-started";
    store.emit({
        time: options.now,
        kind: what,
        subject: cluster.id,
        region: cluster.region,
        version: options.to,
        message: `member ${cluster.id} started ${options.kind} ${cluster.version} → ${options.to}`,
    });
    return op;
}
