import type { SwitchoverGlobalClusterCommandInput } from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { ClusterState } from "../model";
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
    /** "Upgrading an Amazon Aurora global database": same major, minor and patch level. */
    versionsDiffer: (target: string, version: string, primaryVersion: string) =>
        `DB cluster ${target} runs engine version ${version} and the primary runs ${primaryVersion}: a switchover needs every member at the same engine version.`,
    inProgress: (global: string) => `Global cluster ${global} is already switching over.`,
} as const;

/**
 * SwitchoverGlobalCluster: the target secondary becomes the primary (its first instance the
 * writer), the old primary a secondary (every instance a reader), with no data loss. The roles
 * change at the call; DescribeGlobalClusters shows FailoverState `switching-over` (FromDbClusterArn,
 * ToDbClusterArn, IsDataLossAllowed false) for {@link SWITCHOVER_MS}. Source: API_SwitchoverGlobalCluster
 * and API_FailoverState (docs/aws-rules.md §9). Not modeled: the short unavailability of both clusters.
 */
const switchoverGlobalCluster = handler<SwitchoverGlobalClusterCommandInput>(({ store, now }, input) => {
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
    for (const member of [primary, target]) {
        assertModifiable(member);
        assertHasInstance(member);
    }
    const version = store.awsVersion(target.engine, target.version);
    const primaryVersion = store.awsVersion(primary.engine, primary.version);
    if (version !== primaryVersion)
        fault("InvalidDBClusterStateFault", switchoverMessages.versionsDiffer(target.id, version, primaryVersion));
    primary.role = "secondary";
    for (const i of primary.instances) i.isWriter = false;
    target.role = "primary";
    target.instances.forEach((i, n) => (i.isWriter = n === 0));
    global.switchover = { from: primary.arn, to: target.arn, until: now + SWITCHOVER_MS };
    store.emit({
        kind: "global-switched-over",
        subject: global.id,
        message: `global cluster ${global.id} switched over: ${target.id} writes, ${primary.id} is a secondary`,
    });
    return { GlobalCluster: globalShape(store, global) };
});

export const switchoverHandlers: Record<string, Handler> = {
    SwitchoverGlobalCluster: switchoverGlobalCluster,
};
