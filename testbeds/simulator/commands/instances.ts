import type { ModifyDBInstanceCommandInput, RebootDBInstanceCommandInput } from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { InstanceState } from "../model";
import { idFromArnOrId } from "../topology";
import { handler, Handler, HandlerContext } from "./context";
import { familyOf, instanceShape } from "./shapes";

function findInstance({ store, region }: HandlerContext, idOrArn: string | undefined): InstanceState {
    if (!idOrArn) fault("InvalidParameterValue", messages.missingParameter("DBInstanceIdentifier"));
    const id = idFromArnOrId(idOrArn);
    return (
        store.instancesIn(region).find((i) => i.id === id) ??
        fault("DBInstanceNotFoundFault", messages.instanceNotFound(idOrArn))
    );
}

/** ModifyDBInstance: DBParameterGroupName (same family; takes effect after a reboot). */
const modifyDBInstance = handler<ModifyDBInstanceCommandInput>((ctx, input) => {
    const { store, region, now } = ctx;
    const instance = findInstance(ctx, input.DBInstanceIdentifier);
    const cluster = store.cluster(region, instance.clusterId);
    if (input.DBParameterGroupName !== undefined) {
        const group = store.parameterGroup(region, "instance", input.DBParameterGroupName);
        if (!group) fault("DBParameterGroupNotFoundFault", messages.parameterGroupNotFound(input.DBParameterGroupName));
        const family = familyOf(cluster);
        if (group.family !== family)
            fault(
                "InvalidParameterCombination",
                messages.parameterGroupFamilyMismatch(group.name, group.family, family),
            );
        if (instance.parameterGroup !== group.name) {
            instance.parameterGroup = group.name;
            instance.parameterApplyStatus = "pending-reboot";
        }
    }
    return { DBInstance: instanceShape(store, instance, cluster, now) };
});

/** RebootDBInstance: `rebooting` for the reboot duration; pending parameters (instance and cluster group) become in-sync. */
const rebootDBInstance = handler<RebootDBInstanceCommandInput>((ctx, input) => {
    const { store, region, now } = ctx;
    const instance = findInstance(ctx, input.DBInstanceIdentifier);
    const cluster = store.cluster(region, instance.clusterId);
    if (cluster.operation || (instance.rebootingUntil !== undefined && instance.rebootingUntil > now)) {
        fault("InvalidDBInstanceStateFault", `DB instance ${instance.id} is not in available state.`);
    }
    instance.rebootingUntil = now + store.settings.rebootDurationMs;
    instance.parameterApplyStatus = "in-sync";
    delete instance.clusterParameterApplyStatus;
    return { DBInstance: instanceShape(store, instance, cluster, now) };
});

export const instanceHandlers: Record<string, Handler> = {
    ModifyDBInstance: modifyDBInstance,
    RebootDBInstance: rebootDBInstance,
};
