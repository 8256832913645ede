import type {
    ApplyPendingMaintenanceActionCommandInput,
    DescribePendingMaintenanceActionsCommandInput,
} from "@aws-sdk/client-rds";
import { parseVersion } from "../../../engine-versions";
import { fault, messages } from "../aws-errors";
import { ClusterState, PendingActionState } from "../model";
import { nextWindowStart } from "../maintenance-window";
import { startOperation } from "../operations";
import { assertGlobalIdle, assertModifiable, assertReplicasNotLower } from "../upgrade-rules";
import { handler, Handler, HandlerContext } from "./context";
import { filterValues } from "./describe";
import { pendingActionShape } from "./shapes";

const describePendingMaintenanceActions = handler<DescribePendingMaintenanceActionsCommandInput>(
    ({ store, region }, input) => {
        const ids = filterValues(input.Filters, "db-cluster-id");
        const onlyInstances = ids === undefined && filterValues(input.Filters, "db-instance-id") !== undefined;
        const clusters = [...store.clusters.values()].filter(
            (c) =>
                c.region === region &&
                !onlyInstances &&
                c.pendingActions.length > 0 &&
                (input.ResourceIdentifier === undefined || input.ResourceIdentifier === c.arn) &&
                (ids === undefined || ids.includes(c.id)),
        );
        return { PendingMaintenanceActions: clusters.map((c) => pendingActionShape(c.arn, c.pendingActions)) };
    },
);

const applyPendingMaintenanceAction = handler<ApplyPendingMaintenanceActionCommandInput>((ctx, input) => {
    const { store, region } = ctx;
    const arn =
        input.ResourceIdentifier ?? fault("InvalidParameterValue", messages.missingParameter("ResourceIdentifier"));
    const cluster = store.clusterByArn(arn);
    if (!cluster || cluster.region !== region) fault("ResourceNotFoundFault", messages.resourceNotFound(arn));
    const action = cluster.pendingActions.find((a) => a.action === input.ApplyAction);
    if (!action) fault("InvalidParameterValue", messages.noPendingAction(String(input.ApplyAction), arn));
    switch (input.OptInType) {
        case "immediate":
            applyNow(ctx, cluster, action);
            break;
        case "next-maintenance":
            action.optInStatus = "next-maintenance";
            // Applied in the cluster's own next weekly window (maintenance-window.ts cites AWS).
            action.currentApplyDate = nextWindowStart(cluster.maintenanceWindow, ctx.now);
            break;
        case "undo-opt-in":
            action.optInStatus = undefined;
            action.currentApplyDate = undefined;
            break;
        default:
            fault("InvalidParameterValue", messages.invalidOptIn(String(input.OptInType)));
    }
    return { ResourcePendingMaintenanceActions: pendingActionShape(cluster.arn, cluster.pendingActions) };
});

/**
 * Starts the patch. Aurora MySQL carries the patch in EngineVersion, so its primary may not pass
 * a secondary; Aurora PostgreSQL tolerates different patch levels (docs/aws-rules.md §1).
 */
function applyNow(ctx: HandlerContext, cluster: ClusterState, action: PendingActionState): void {
    const { store, faults, now } = ctx;
    assertGlobalIdle(cluster.globalClusterId === undefined ? undefined : store.globals.get(cluster.globalClusterId));
    assertModifiable(cluster);
    const to = action.targetVersion ?? cluster.version;
    if (cluster.engine === "aurora-mysql") assertReplicasNotLower(store, cluster, parseVersion(cluster.engine, to));
    action.optInStatus = "immediate";
    action.currentApplyDate = now;
    startOperation(store, faults, cluster, {
        kind: "patch",
        to,
        now,
        durationMs: action.durationMs,
        pendingAction: action.action,
    });
}

export const maintenanceHandlers: Record<string, Handler> = {
    DescribePendingMaintenanceActions: describePendingMaintenanceActions,
    ApplyPendingMaintenanceAction: applyPendingMaintenanceAction,
};
