import {
    ChangeKind,
    classifyChange,
    compareVersions,
    EngineVersion,
    parseVersion,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";
import { fault, messages } from "./aws-errors";
import { mysqlGlobalMinorRefused } from "./aws-facts";
import { ClusterState, GlobalClusterState } from "./model";
import { SimStore } from "./store";

/**
 * AWS's rules for engine version changes, each raising the code and text AWS sends
 * (docs/aws-rules.md §4). Version comparisons go through engine-versions only.
 */

/** The status a cluster reports now (`upgrading` while an operation runs). */
export function clusterStatus(cluster: ClusterState): string {
    return cluster.operation ? "upgrading" : (cluster.heldStatus?.status ?? cluster.status);
}

/** InvalidGlobalClusterStateFault while a ModifyGlobalCluster upgrade runs. */
export function assertGlobalIdle(global: GlobalClusterState | undefined): void {
    if (global?.operation) fault("InvalidGlobalClusterStateFault", messages.globalBusy(global.id));
}

/** InvalidDBClusterStateFault unless the cluster is `available` (or `upgrade_failed`, to retry). */
export function assertModifiable(cluster: ClusterState): void {
    const status = clusterStatus(cluster);
    if (status !== "available" && status !== "upgrade_failed")
        fault("InvalidDBClusterStateFault", messages.clusterNotAvailable(cluster.id, status));
}

/** InvalidDBClusterStateFault for a member without any DB instance. */
export function assertHasInstance(cluster: ClusterState): void {
    if (cluster.instances.length === 0) fault("InvalidDBClusterStateFault", messages.noInstance(cluster.id));
}

/** The requested change from the AWS EngineVersion `from` to `to`. */
export interface RequestedChange {
    readonly kind: ChangeKind;
    readonly from: EngineVersion;
    readonly to: EngineVersion;
}

/**
 * Classifies the request. A target the catalogue does not list, a downgrade and a target that is
 * not a ValidUpgradeTarget are all refused with "Cannot upgrade <engine> from X to Y".
 */
export function requestedChange(store: SimStore, engine: string, from: string, to: string): RequestedChange {
    const cannot = () => fault("InvalidParameterCombination", messages.cannotUpgrade(engine, from, to));
    const parsed = tryParseVersion(engine, to);
    if (parsed instanceof VersionParseError) return cannot();
    const current = parseVersion(engine, from);
    if (to === from) return { kind: "none", from: current, to: parsed };
    const kind = classifyChange(current, parsed);
    if (kind === "downgrade" || !store.catalogue.find(engine, to) || !store.catalogue.isValidTarget(engine, from, to))
        return cannot();
    return { kind, from: current, to: parsed };
}

/**
 * InvalidParameterValue for ModifyDBCluster on a member of an Aurora MySQL global database to a
 * minor that speaks a newer community MySQL (8.4, 3.04 and higher, 2.12): AWS's "Upgrading Aurora
 * MySQL by modifying the engine version" (remove the secondaries, upgrade, re-add), docs/aws-rules.md
 * §7; code and text as hashicorp/terraform-provider-aws records them in
 * internal/service/rds/global_cluster_test.go (TestAccRDSGlobalCluster_EngineVersion_updateMinorMultiRegion).
 * The simulator's own table (aws-facts.ts), not the planner's rule, so a wrong planner meets AWS's refusal.
 */
export function assertMysqlGlobalMinorInPlace(cluster: ClusterState, change: RequestedChange, target: string): void {
    if (cluster.globalClusterId === undefined || change.kind !== "minor") return;
    if (mysqlGlobalMinorRefused(change.from, change.to))
        fault("InvalidParameterValue", messages.mysqlGlobalMinorInPlace(cluster.id, target));
}

/** InvalidParameterCombination unless AllowMajorVersionUpgrade is set for a major change. */
export function assertMajorAllowed(change: RequestedChange, allowMajor: boolean | undefined): void {
    if (change.kind === "major" && allowMajor !== true)
        fault("InvalidParameterCombination", messages.majorWithoutFlag());
}

/** InvalidParameterCombination when the target version has no global database support. */
export function assertTargetSupportsGlobal(store: SimStore, engine: string, to: string): void {
    if (!store.catalogue.supportsGlobal(engine, to))
        fault("InvalidParameterCombination", messages.targetWithoutGlobal(engine, to));
}

/** InvalidParameterValue when the primary would pass a secondary that runs a lower version. */
export function assertReplicasNotLower(store: SimStore, primary: ClusterState, target: EngineVersion): void {
    if (primary.role !== "primary" || primary.globalClusterId === undefined) return;
    const global = store.globals.get(primary.globalClusterId);
    if (!global) return;
    const lower = store
        .membersOf(global)
        .filter((m) => m.role === "secondary")
        .some((m) => compareVersions(parseVersion(m.engine, m.version), target) < 0);
    if (lower) fault("InvalidParameterValue", messages.replicasFirst(primary.id));
}

/** Aurora PostgreSQL: no major upgrade while any member sets `rds.global_db_rpo`. */
export function assertNoRpo(store: SimStore, members: readonly ClusterState[]): void {
    const withRpo = members.find((m) => m.engine === "aurora-postgresql" && store.rpoEnabled(m));
    if (withRpo) fault("InvalidParameterCombination", messages.rpoOnMajor(withRpo.id));
}

/**
 * ModifyDBCluster major upgrade (standalone cluster): instances on a custom parameter group need
 * DBInstanceParameterGroupName.
 */
export function assertInstanceGroupGiven(
    store: SimStore,
    cluster: ClusterState,
    instanceGroup: string | undefined,
): void {
    if (instanceGroup !== undefined) return;
    const custom = cluster.instances.find(
        (i) => !store.parameterGroup(cluster.region, "instance", i.parameterGroup)?.isDefault,
    );
    if (custom) fault("InvalidParameterCombination", messages.customInstanceParameterGroup(custom.parameterGroup));
}
