import type { FailoverGlobalClusterCommandInput, SwitchoverGlobalClusterCommandInput } from "@aws-sdk/client-rds";
import { parseVersion } from "../../../engine-versions";
import { awsAllowsGlobalMove } from "../aws-facts";
import { fault, messages } from "../aws-errors";
import { ClusterState, GlobalClusterState } from "../model";
import { SimStore } from "../store";
import { assertGlobalIdle, assertHasInstance, assertModifiable } from "../upgrade-rules";
import { handler, Handler } from "./context";
import { globalShape } from "./shapes";

/** How long DescribeGlobalClusters shows the switchover's FailoverState (`switching-over`). */
export const SWITCHOVER_MS = 60_000;

/**
 * The refusals of SwitchoverGlobalCluster the simulator knows (docs/aws-rules.md §9). Codes are
 * the API reference's (GlobalClusterNotFoundFault, DBClusterNotFoundFault,
 * InvalidDBClusterStateFault, InvalidGlobalClusterStateFault); AWS's texts for these refusals
 * were not found in the sources searched, so the texts are the simulator's own.
 */
export const switchoverMessages = {
    notASecondary: (cluster: string, global: string) =>
        `DB cluster ${cluster} is not a secondary cluster of global cluster ${global}.`,
    /**
     * Across versions AWS's compatibility table refuses (engine-versions/failover-compatibility.ts).
     * AWS's text, as re:Post's "troubleshoot a minor version mismatch between Aurora PostgreSQL
     * global primary and secondary clusters" quotes it (knowledge-center/aurora-postgresql-global-mismatch;
     * found only in its Chinese edition, «目标集群 db-cluster-id 必须与当前主集群使用相同的引擎版本»,
     * so this English wording is a translation, not AWS's verbatim text); the error code was not
     * found (the simulator's own choice: InvalidDBClusterStateFault).
     */
    versionsDiffer: (target: string) =>
        `The target cluster ${target} must be using the same engine version as the current primary cluster.`,
    inProgress: (global: string) => `Global cluster ${global} is already switching over.`,
    /** The simulator's own text (AWS's was not found); the constraint is the SDK model's. */
    lossWithSwitchover: "AllowDataLoss can't be specified together with the Switchover parameter.",
} as const;

/**
 * SwitchoverGlobalCluster: the target secondary becomes the primary (its first instance the
 * writer), the old primary a secondary (every instance a reader), with no data loss. The roles
 * change at the call; DescribeGlobalClusters shows FailoverState `switching-over` (FromDbClusterArn,
 * ToDbClusterArn, IsDataLossAllowed false) for {@link SWITCHOVER_MS}. Source: API_SwitchoverGlobalCluster
 * and API_FailoverState (docs/aws-rules.md §9). Not modeled: the short unavailability of both clusters.
 */
type MoveInput = { GlobalClusterIdentifier?: string; TargetDbClusterIdentifier?: string };
type Move = "switchover" | "failover";

/** The checks both operations share; returns the primary and the target. */
function checkMove(store: SimStore, now: number, input: MoveInput, kind: Move) {
    const global = store.global(
        input.GlobalClusterIdentifier ??
            fault("InvalidParameterValue", messages.missingParameter("GlobalClusterIdentifier")),
    );
    const targetId =
        input.TargetDbClusterIdentifier ??
        fault("InvalidParameterValue", messages.missingParameter("TargetDbClusterIdentifier"));
    if (global.switchover && global.switchover.until > now)
        fault("InvalidGlobalClusterStateFault", switchoverMessages.inProgress(global.id));
    assertGlobalIdle(global);
    const members = store.membersOf(global);
    const target = members.find((m) => m.arn === targetId || m.id === targetId);
    if (!target) fault("DBClusterNotFoundFault", switchoverMessages.notASecondary(targetId, global.id));
    if (target.role !== "secondary")
        fault("InvalidDBClusterStateFault", switchoverMessages.notASecondary(target.id, global.id));
    const primary = members.find((m) => m.role === "primary") as ClusterState;
    for (const member of kind === "switchover" ? [primary, target] : [target]) {
        assertModifiable(member);
        assertHasInstance(member);
    }
    assertCompatible(store, global, target, kind);
    return { global, primary, target };
}

/** The roles change at the call; FailoverState shows the operation for {@link SWITCHOVER_MS}. */
function moveWriter(store: SimStore, now: number, input: MoveInput, kind: Move, dataLoss: boolean) {
    const { global, primary, target } = checkMove(store, now, input, kind);
    primary.role = "secondary";
    for (const i of primary.instances) i.isWriter = false;
    target.role = "primary";
    target.instances.forEach((i, n) => (i.isWriter = n === 0));
    global.switchover = { from: primary.arn, to: target.arn, until: now + SWITCHOVER_MS, kind, dataLoss };
    store.emit({
        kind: "global-switched-over",
        subject: global.id,
        message: `global cluster ${global.id} ${kind === "switchover" ? "switched over" : "failed over"}: ${target.id} writes, ${primary.id} is a secondary`,
    });
    return { GlobalCluster: globalShape(store, global) };
}

/**
 * SwitchoverGlobalCluster: the target secondary becomes the primary (its first instance the
 * writer), the old primary a secondary (every instance a reader), with no data loss. DescribeGlobalClusters
 * shows FailoverState `switching-over` (FromDbClusterArn, ToDbClusterArn, IsDataLossAllowed false)
 * for {@link SWITCHOVER_MS}. Source: API_SwitchoverGlobalCluster and API_FailoverState
 * (docs/aws-rules.md §9). Not modeled: the short unavailability of both clusters.
 */
const switchoverGlobalCluster = handler<SwitchoverGlobalClusterCommandInput>(({ store, now }, input) =>
    moveWriter(store, now, input, "switchover", false),
);

/**
 * FailoverGlobalCluster (API_FailoverGlobalCluster): with `Switchover: true` it is a switchover;
 * with `AllowDataLoss: true` a failover ("Allowing data loss triggers a global failover operation …
 * If you don't specify AllowDataLoss, the global database cluster operation defaults to a switchover
 * … Can't be specified together with the Switchover parameter", SDK model). FailoverState shows `failing-over` (API_FailoverState). Not modeled:
 * the primary region being unreachable (the simulated primary stays healthy and becomes a secondary).
 */
const failoverGlobalCluster = handler<FailoverGlobalClusterCommandInput>(({ store, now }, input) => {
    if (input.Switchover && input.AllowDataLoss)
        fault("InvalidParameterCombination", switchoverMessages.lossWithSwitchover);
    // "If you don't specify AllowDataLoss, the global database cluster operation defaults to a switchover."
    if (!input.AllowDataLoss) return moveWriter(store, now, input, "switchover", false);
    return moveWriter(store, now, input, "failover", true);
});

/**
 * AWS's compatibility table on full versions (PostgreSQL with its patch level; the simulator's own,
 * aws-facts.ts): every other member
 * against the target (the writer moves there; the others replicate from it). Refused with AWS's
 * text (see {@link switchoverMessages}.versionsDiffer).
 */
function assertCompatible(store: SimStore, global: GlobalClusterState, target: ClusterState, kind: Move): void {
    const version = (c: ClusterState) => parseVersion(c.engine, c.version);
    for (const other of store.membersOf(global).filter((m) => m !== target)) {
        if (!awsAllowsGlobalMove(version(target), version(other), kind))
            fault("InvalidDBClusterStateFault", switchoverMessages.versionsDiffer(target.id));
    }
}

export const switchoverHandlers: Record<string, Handler> = {
    SwitchoverGlobalCluster: switchoverGlobalCluster,
    FailoverGlobalCluster: failoverGlobalCluster,
};
