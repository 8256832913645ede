import type {
    CreateBlueGreenDeploymentCommandInput,
    DeleteBlueGreenDeploymentCommandInput,
    DescribeBlueGreenDeploymentsCommandInput,
    SwitchoverBlueGreenDeploymentCommandInput,
} from "@aws-sdk/client-rds";
import { parameterGroupFamily } from "../../../engine-versions";
import { DEFAULT_SWITCHOVER_TIMEOUT_SECONDS, isWithin, SWITCHOVER_TIMEOUT_SECONDS } from "../../../vocabulary";
import { assertRoom } from "../account-quotas";
import { fault, messages } from "../aws-errors";
import {
    BLUE_GREEN_NAME,
    blueGreenShape,
    blueGreenSupported,
    createBlueGreen,
    deploymentOf,
    GreenGroups,
    startDelete,
    startSwitchover,
} from "../blue-green";
import { assertBlueGreenPrepared } from "../blue-green-prerequisites";
import { BlueGreenState, ClusterState } from "../model";
import { regionOfArn } from "../topology";
import { assertModifiable, assertTargetSupportsGlobal, requestedChange } from "../upgrade-rules";
import { page } from "../paging";
import { handler, Handler, HandlerContext } from "./context";

/**
 * CreateBlueGreenDeployment from an Aurora cluster: `Source` is the writer cluster's ARN (for a
 * global database, operations start from the writer's region, docs/aws-rules.md §1/§7). Refuses a
 * secondary, a cluster already in a deployment, an engine version without blue/green support,
 * a Secrets-Manager-managed master password, a writer not prepared for replication (default
 * cluster parameter group, binlog or logical replication off, writer pending reboot:
 * blue-green-prerequisites.ts), a global database member that an RDS Proxy targets, an invalid
 * target version, missing or wrong-family parameter groups, and a green copy past a region's DB
 * cluster or DB instance quota, with the fault AWS's API reference lists for each.
 */
const createBlueGreenDeployment = handler<CreateBlueGreenDeploymentCommandInput>((ctx, input) => {
    const { store, region, now } = ctx;
    const name =
        input.BlueGreenDeploymentName ??
        fault("InvalidParameterValue", messages.missingParameter("BlueGreenDeploymentName"));
    if (name.length > 60 || !BLUE_GREEN_NAME.test(name))
        fault("InvalidParameterValue", messages.blueGreenInvalidName(name));
    const source = input.Source ?? fault("InvalidParameterValue", messages.missingParameter("Source"));
    if (regionOfArn(source) === undefined || !source.includes(":cluster:"))
        fault("InvalidParameterValue", messages.blueGreenSourceNotArn(source));
    if ([...store.blueGreens.values()].some((bg) => bg.region === region && bg.name === name))
        fault("BlueGreenDeploymentAlreadyExistsFault", messages.blueGreenExists(name));
    const writer = store.cluster(region, source);
    const global = writer.globalClusterId === undefined ? undefined : store.globals.get(writer.globalClusterId);
    if (global && writer.role !== "primary") {
        const primary = store.membersOf(global).find((m) => m.role === "primary");
        fault(
            "SourceClusterNotSupportedFault",
            messages.blueGreenSourceNotWriter(writer.arn, global.id, primary?.arn ?? "?"),
        );
    }
    if (writer.managedMasterPassword)
        fault("SourceClusterNotSupportedFault", messages.blueGreenManagedPassword(writer.id));
    if (!blueGreenSupported(writer.engine, writer.version))
        fault(
            "SourceClusterNotSupportedFault",
            messages.blueGreenVersionNotSupported(writer.engine, store.awsVersion(writer.engine, writer.version)),
        );
    assertBlueGreenPrepared(store, writer);
    const members = global ? store.membersOf(global) : [writer];
    // "Global Database does not support RDS Proxy with blue/green deployments" (docs/aws-rules.md
    // §8); a standalone cluster may be a proxy target (the proxy moves to green at switchover).
    for (const m of global ? members : []) {
        const proxy = store.proxiesTargeting(m)[0];
        if (proxy) fault("SourceClusterNotSupportedFault", messages.blueGreenGlobalProxyTarget(m.id, proxy.name));
    }
    for (const m of members) {
        const busy = deploymentOf(store, m);
        if (busy) fault("InvalidDBClusterStateFault", messages.blueGreenSourceBusy(m.id, busy.id));
        assertModifiable(m);
    }
    const target = input.TargetEngineVersion ?? store.awsVersion(writer.engine, writer.version);
    const change = requestedChange(store, writer.engine, store.awsVersion(writer.engine, writer.version), target);
    // Blue/green takes no AllowMajorVersionUpgrade: creating the deployment is the opt-in.
    if (global && change.kind !== "none") assertTargetSupportsGlobal(store, writer.engine, target);
    const family = parameterGroupFamily(change.to);
    const groups = (m: ClusterState): GreenGroups => greenGroups(ctx, m, input, family, change.kind === "major");
    members.forEach(groups); // every region's groups are checked before anything is created
    // Green is a new cluster with as many instances in each region (account-quotas.ts).
    for (const m of members) assertRoom(store, m.region, { DBClusters: 1, DBInstances: m.instances.length });
    const state = createBlueGreen(store, ctx.faults, store.settings.blueGreen, {
        name,
        region,
        now,
        writer,
        global,
        targetVersion: store.fullVersion(writer.engine, target),
        groups,
        tags: new Map((input.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? ""])),
    });
    return { BlueGreenDeployment: blueGreenShape(ctx.store, state) };
});

/**
 * Green parameter groups: the named ones (they must exist in the member's region, of the target
 * family), else the blue's for a minor change, else the target family's defaults (a major upgrade
 * resets them, docs/aws-rules.md §1).
 */
function greenGroups(
    { store }: HandlerContext,
    member: ClusterState,
    input: CreateBlueGreenDeploymentCommandInput,
    family: string,
    major: boolean,
): GreenGroups {
    const named = (kind: "cluster" | "instance", name: string | undefined): string | undefined => {
        if (name === undefined) return undefined;
        const group = store.parameterGroup(member.region, kind, name);
        if (!group)
            return kind === "cluster"
                ? fault(
                      "DBClusterParameterGroupNotFoundFault",
                      messages.clusterParameterGroupNotFound(`${name} (${member.region})`),
                  )
                : fault("DBParameterGroupNotFoundFault", messages.parameterGroupNotFound(`${name} (${member.region})`));
        if (group.family !== family)
            fault("InvalidParameterCombination", messages.parameterGroupFamilyMismatch(name, group.family, family));
        return name;
    };
    const cluster = named("cluster", input.TargetDBClusterParameterGroupName);
    const instance = named("instance", input.TargetDBParameterGroupName);
    if (!major) return { cluster: cluster ?? member.clusterParameterGroup, instance };
    return { cluster: cluster ?? `default.${family}`, instance: instance ?? `default.${family}` };
}

function find(ctx: HandlerContext, id: string | undefined): BlueGreenState {
    const wanted = (
        id ?? fault("InvalidParameterValue", messages.missingParameter("BlueGreenDeploymentIdentifier"))
    ).toLowerCase();
    const found = ctx.store.blueGreens.get(wanted);
    return found && found.region === ctx.region
        ? found
        : fault("BlueGreenDeploymentNotFoundFault", messages.blueGreenNotFound(wanted));
}

/** DescribeBlueGreenDeployments: by identifier, or filtered by identifier, name, source or target, in pages (paging.ts). */
const describeBlueGreenDeployments = handler<DescribeBlueGreenDeploymentsCommandInput>((ctx, input) => {
    const { store, region } = ctx;
    if (input.BlueGreenDeploymentIdentifier !== undefined)
        return { BlueGreenDeployments: [blueGreenShape(ctx.store, find(ctx, input.BlueGreenDeploymentIdentifier))] };
    const filter = (name: string) => input.Filters?.find((f) => f.Name === name)?.Values;
    const ids = filter("blue-green-deployment-identifier");
    const names = filter("blue-green-deployment-name");
    const sources = filter("source");
    const targets = filter("target");
    const shapes = [...store.blueGreens.values()]
        .filter((bg) => bg.region === region)
        .map((bg) => blueGreenShape(store, bg))
        .filter(
            (s) =>
                (ids === undefined || ids.includes(s.BlueGreenDeploymentIdentifier!)) &&
                (names === undefined || names.includes(s.BlueGreenDeploymentName!)) &&
                (sources === undefined || sources.includes(s.Source!)) &&
                (targets === undefined || targets.includes(s.Target!)),
        );
    const { items, Marker } = page(shapes, input);
    return { BlueGreenDeployments: items, ...(Marker ? { Marker } : {}) };
});

/** SwitchoverBlueGreenDeployment: from AVAILABLE (or a failed switchover, to try again). */
const switchoverBlueGreenDeployment = handler<SwitchoverBlueGreenDeploymentCommandInput>((ctx, input) => {
    const bg = find(ctx, input.BlueGreenDeploymentIdentifier);
    // SwitchoverTimeout: 30–3,600 s, default 300 (API reference, SwitchoverBlueGreenDeployment).
    const timeout = input.SwitchoverTimeout ?? DEFAULT_SWITCHOVER_TIMEOUT_SECONDS;
    if (!isWithin(timeout, SWITCHOVER_TIMEOUT_SECONDS))
        fault("InvalidParameterValue", messages.switchoverTimeoutRange(timeout));
    // The simulator lets a failed switchover (rolled back, nothing changed) be tried again.
    if (bg.status !== "AVAILABLE" && bg.status !== "SWITCHOVER_FAILED")
        fault(
            "InvalidBlueGreenDeploymentStateFault",
            messages.blueGreenInvalidState(bg.id, bg.status, "switched over"),
        );
    startSwitchover(ctx.store, ctx.faults, ctx.store.settings.blueGreen, bg, ctx.now, timeout);
    return { BlueGreenDeployment: blueGreenShape(ctx.store, bg) };
});

/** DeleteBlueGreenDeployment: not during a switchover; DeleteTarget not after a completed one. */
const deleteBlueGreenDeployment = handler<DeleteBlueGreenDeploymentCommandInput>((ctx, input) => {
    const bg = find(ctx, input.BlueGreenDeploymentIdentifier);
    if (bg.status === "SWITCHOVER_IN_PROGRESS" || bg.status === "DELETING")
        fault("InvalidBlueGreenDeploymentStateFault", messages.blueGreenInvalidState(bg.id, bg.status, "deleted"));
    if (input.DeleteTarget === true && bg.status === "SWITCHOVER_COMPLETED")
        fault("InvalidParameterCombination", messages.deleteTargetAfterSwitchover(bg.id));
    // "If you choose to delete the DB cluster in the green environment (--delete-target), it must
    // have deletion protection turned off" ("Deleting a blue/green deployment in Amazon Aurora",
    // docs/aws-rules.md §10). AWS's text for it was not found: DeleteDBCluster's for a protected cluster.
    if (input.DeleteTarget === true && bg.pairs.some((p) => p.green.deletionProtection))
        fault("InvalidParameterCombination", messages.protectedCluster());
    startDelete(ctx.store.settings.blueGreen, bg, ctx.now, input.DeleteTarget === true);
    return { BlueGreenDeployment: blueGreenShape(ctx.store, bg) };
});

export const blueGreenHandlers: Record<string, Handler> = {
    CreateBlueGreenDeployment: createBlueGreenDeployment,
    DescribeBlueGreenDeployments: describeBlueGreenDeployments,
    SwitchoverBlueGreenDeployment: switchoverBlueGreenDeployment,
    DeleteBlueGreenDeployment: deleteBlueGreenDeployment,
};
