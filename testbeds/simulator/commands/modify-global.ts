import type { ModifyGlobalClusterCommandInput } from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { GlobalClusterState } from "../model";
import { startOperation } from "../operations";
import {
    assertGlobalIdle,
    assertHasInstance,
    assertMajorAllowed,
    assertModifiable,
    assertNoRpo,
    assertTargetSupportsGlobal,
    requestedChange,
} from "../upgrade-rules";
import { handler, HandlerContext } from "./context";
import { globalShape } from "./shapes";

/**
 * ModifyGlobalCluster: a major upgrade (with AllowMajorVersionUpgrade), or for Aurora PostgreSQL
 * the managed minor upgrade. Every member upgrades at once; the global EngineVersion changes when
 * the slowest member is done; an injected failure on any member rolls every member back.
 */
export const modifyGlobalCluster = handler<ModifyGlobalClusterCommandInput>((ctx, input) => {
    const { store } = ctx;
    if (!input.GlobalClusterIdentifier)
        fault("InvalidParameterValue", messages.missingParameter("GlobalClusterIdentifier"));
    const global = store.global(input.GlobalClusterIdentifier);
    if (input.EngineVersion !== undefined)
        upgradeGlobal(ctx, global, input.EngineVersion, input.AllowMajorVersionUpgrade);
    if (input.DeletionProtection !== undefined) global.deletionProtection = input.DeletionProtection;
    return { GlobalCluster: globalShape(store, global) };
});

function upgradeGlobal(
    ctx: HandlerContext,
    global: GlobalClusterState,
    target: string,
    allowMajor: boolean | undefined,
): void {
    const { store, faults, now } = ctx;
    assertGlobalIdle(global);
    const change = requestedChange(store, global.engine, global.version, target);
    if (change.kind === "none") return;
    if (change.kind !== "major") {
        if (global.engine === "aurora-mysql") fault("InvalidParameterValue", messages.mysqlMinorThroughGlobal());
        if (!store.settings.managedMinorUpgrades)
            fault("InvalidParameterValue", messages.postgresMinorThroughGlobalUnsupported());
    }
    assertMajorAllowed(change, allowMajor);
    assertTargetSupportsGlobal(store, global.engine, target);
    const members = store.membersOf(global);
    if (change.kind === "major") assertNoRpo(store, members);
    for (const member of members) {
        assertModifiable(member);
        assertHasInstance(member);
    }
    const to = store.fullVersion(global.engine, target);
    const major = change.kind === "major";
    const ops = members.map((m) =>
        startOperation(store, faults, m, { kind: "upgrade", to, now, globalOperation: true, major }),
    );
    const fails = ops.some((op) => op.fails);
    const endsAt = Math.max(now, ...ops.map((op) => op.endsAt));
    if (fails) {
        // A failing global upgrade keeps every member upgrading until the rollback at the end.
        for (const op of ops) {
            op.fails = true;
            op.endsAt = endsAt;
        }
    }
    global.operation = {
        kind: major ? "major" : "managed-minor",
        from: global.version,
        to,
        startedAt: now,
        endsAt,
        fails,
    };
    store.emit({
        time: now,
        kind: "global-upgrade-started",
        subject: global.id,
        version: to,
        message: `global cluster ${global.id} started ${global.operation.kind} upgrade ${global.version} → ${store.awsVersion(global.engine, to)}`,
    });
}
