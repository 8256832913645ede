import { parameterGroupFamily, parseVersion } from "../../engine-versions";
import { settleBlueGreens, startDueGreenUpgrades } from "./blue-green";
import { settleGlobalRemovals } from "./global-removal";
import { Faults } from "./faults";
import { ClusterState, GlobalClusterState, Operation } from "./model";
import { SimStore } from "./store";

type Due =
    | { at: number; order: 0; cluster: ClusterState; op: Operation }
    | { at: number; order: 1; global: GlobalClusterState };

/**
 * Applies every transition due by `now`, in virtual-time order, stamping each event with the time
 * it happened. The simulator has no background timers: handlers and snapshots call this first.
 */
export function settle(store: SimStore, now: number, faults: Faults): void {
    startDueGreenUpgrades(store, faults, now);
    for (;;) {
        const next = nextDue(store, now);
        if (!next) break;
        if (next.order === 0) finishClusterOperation(store, next.cluster, next.op, next.at);
        else finishGlobalOperation(store, next.global, next.at);
    }
    settleBlueGreens(store, now);
    settleGlobalRemovals(store, now);
    for (const cluster of store.clusters.values()) {
        if (cluster.heldStatus && cluster.heldStatus.until <= now) cluster.heldStatus = undefined;
    }
    for (const snapshot of store.snapshots.values()) {
        if (!snapshot.announced && snapshot.availableAt <= now) {
            snapshot.announced = true;
            store.emit({
                time: snapshot.availableAt,
                kind: "snapshot-available",
                subject: snapshot.id,
                region: snapshot.region,
                message: `snapshot ${snapshot.id} available`,
            });
        }
    }
    for (const instance of [...store.clusters.values()].flatMap((c) => c.instances)) {
        if (instance.rebootingUntil !== undefined && instance.rebootingUntil <= now) {
            store.emit({
                time: instance.rebootingUntil,
                kind: "rebooted",
                subject: instance.id,
                region: instance.region,
                message: `instance ${instance.id} rebooted`,
            });
            instance.rebootingUntil = undefined;
        }
    }
}

function nextDue(store: SimStore, now: number): Due | undefined {
    let best: Due | undefined;
    const consider = (d: Due) => {
        if (d.at <= now && (!best || d.at < best.at || (d.at === best.at && d.order < best.order))) best = d;
    };
    for (const cluster of store.clusters.values()) {
        // A member of a failing global operation waits for the global operation to roll it back.
        if (cluster.operation && !(cluster.operation.globalOperation && cluster.operation.fails)) {
            consider({ at: cluster.operation.endsAt, order: 0, cluster, op: cluster.operation });
        }
    }
    for (const global of store.globals.values()) {
        if (global.operation) consider({ at: global.operation.endsAt, order: 1, global });
    }
    return best;
}

function finishClusterOperation(store: SimStore, cluster: ClusterState, op: Operation, at: number): void {
    cluster.operation = undefined;
    const base = { time: at, subject: cluster.id, region: cluster.region };
    if (op.fails) {
        cluster.status = "upgrade_failed";
        store.emit({
            ...base,
            kind: "upgrade-failed",
            version: op.to,
            message: `member ${cluster.id} failed to upgrade to ${op.to} (still ${op.from})`,
        });
        return;
    }
    cluster.status = "available";
    cluster.version = op.to;
    if (op.kind === "patch") {
        cluster.pendingActions = cluster.pendingActions.filter((a) => a.action !== op.pendingAction);
        store.emit({
            ...base,
            kind: "patch-applied",
            version: op.to,
            message: `member ${cluster.id} patched to ${op.to}`,
        });
    } else {
        const shown = store.awsVersion(cluster.engine, op.to);
        const detail = shown === op.to ? "" : ` (${op.to})`;
        store.emit({
            ...base,
            kind: "member-upgraded",
            version: op.to,
            message: `member ${cluster.id} reached ${shown}${detail}`,
        });
    }
    if (op.major) resetParameterGroups(store, cluster, op, at);
    if (!op.globalOperation) followMembers(store, cluster, at);
}

/** Rolling upgrades: the global cluster's EngineVersion follows once every member agrees. */
function followMembers(store: SimStore, cluster: ClusterState, at: number): void {
    if (cluster.globalClusterId === undefined) return;
    const global = store.globals.get(cluster.globalClusterId);
    if (!global || global.operation) return;
    const versions = new Set(store.membersOf(global).map((m) => store.awsVersion(m.engine, m.version)));
    if (versions.size !== 1) return;
    const [version] = versions;
    if (version === global.version) return;
    global.version = version;
    store.emit({
        time: at,
        kind: "global-version-changed",
        subject: global.id,
        version,
        message: `global cluster ${global.id} now reports ${version}`,
    });
}

function finishGlobalOperation(store: SimStore, global: GlobalClusterState, at: number): void {
    const op = global.operation;
    if (!op) return;
    global.operation = undefined;
    if (op.fails) {
        for (const member of store.membersOf(global)) {
            member.operation = undefined;
            member.status = "available";
            store.emit({
                time: at,
                kind: "rolled-back",
                subject: member.id,
                region: member.region,
                version: member.version,
                message: `member ${member.id} rolled back to ${store.awsVersion(member.engine, member.version)}`,
            });
        }
        store.emit({
            time: at,
            kind: "rolled-back",
            subject: global.id,
            version: global.version,
            message: `global upgrade of ${global.id} to ${op.to} failed and was rolled back to ${global.version}`,
        });
        return;
    }
    global.version = store.awsVersion(global.engine, op.to);
    store.emit({
        time: at,
        kind: "global-upgraded",
        subject: global.id,
        version: global.version,
        message: `global cluster ${global.id} reached ${global.version}`,
    });
}

/**
 * A major upgrade leaves the parameter groups named in the request, or else the new family's
 * defaults (docs/aws-rules.md §1: ModifyGlobalCluster takes no parameter group).
 */
function resetParameterGroups(store: SimStore, cluster: ClusterState, op: Operation, at: number): void {
    const family = parameterGroupFamily(parseVersion(cluster.engine, cluster.version));
    cluster.clusterParameterGroup = op.parameterGroups?.cluster ?? `default.${family}`;
    for (const instance of cluster.instances) {
        instance.parameterGroup = op.parameterGroups?.instance ?? `default.${family}`;
        instance.parameterApplyStatus = "in-sync";
        delete instance.clusterParameterApplyStatus; // the upgrade restarts every instance
    }
    const groups = `${cluster.clusterParameterGroup} / ${cluster.instances[0]?.parameterGroup ?? "-"}`;
    store.emit({
        time: at,
        kind: "parameter-groups-reset",
        subject: cluster.id,
        region: cluster.region,
        message: `member ${cluster.id} parameter groups now ${groups}`,
    });
}
