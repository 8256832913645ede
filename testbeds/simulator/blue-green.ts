/**
 * Blue/Green Deployments of an Aurora global database, with AWS's semantics:
 * - "Using Blue/Green Deployments for Amazon Aurora Global Database" and the AWS Database Blog
 *   "Introducing fully managed Blue/Green deployments for Amazon Aurora Global Database": the green
 *   environment mirrors the writer and every secondary region (cloned storage, same instances) as
 *   a second global database; one switchover moves every region together.
 * - "Switching a blue/green deployment" (Aurora User Guide): SwitchoverTimeout 30–3,600 s (default
 *   300); past it every change is rolled back and neither environment changes; guardrails first
 *   (replication health, replica lag within what the timeout allows); green clusters and instances
 *   take the blue names, the blue ones get the suffix `-old1`; downtime typically under a minute.
 * - API reference `BlueGreenDeployment` / `SwitchoverDetail` / `BlueGreenDeploymentTask` (the same
 *   shapes as `@aws-sdk/client-rds`): statuses, tasks, details.
 * Every transition is lazy (evaluated from the clock by {@link settleBlueGreens}).
 */
import type { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { compareVersions, Engine, parseVersion } from "../../engine-versions";
import { blueGreenRunsOn } from "./aws-facts";
import { messages } from "./aws-errors";
import { Faults } from "./faults";
import { BlueGreenSettings } from "./blue-green-settings";
import { BlueGreenState, ClusterState, GlobalClusterState, SwitchoverState } from "./model";
import { startOperation } from "./operations";
import { SimStore } from "./store";
import { clusterArn, clusterEndpointArn, globalClusterArn, instanceArn } from "./topology";

/** True when AWS supports a blue/green deployment of a cluster running `version`. */
export function blueGreenSupported(engine: Engine, version: string): boolean {
    if (engine === "aurora-mysql") return true;
    // The simulator's own table of "Supported Regions and Aurora DB engines for Blue/Green Deployments".
    return blueGreenRunsOn(parseVersion(engine, version));
}

/** AWS's name pattern of BlueGreenDeploymentName (API reference: 1–60, `[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*`). */
export const BLUE_GREEN_NAME = /^[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$/;

let suffixCounter = 0;

/** Deterministic 6-character suffix of green resources (`-green-abc123`). */
function greenSuffix(name: string): string {
    suffixCounter += 1;
    let h = 2166136261;
    for (const ch of `${name}#${suffixCounter}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return h.toString(36).padStart(6, "0").slice(-6);
}

/** The deployment identifier (`bgd-` and 16 lowercase letters and digits). */
function deploymentId(name: string): string {
    return `bgd-${greenSuffix(name)}${greenSuffix(name)}${greenSuffix(name)}`.slice(0, 20);
}

export interface GreenGroups {
    /** Cluster parameter group of every green member (exists in each region, target family). */
    readonly cluster: string;
    /** DB parameter group of every green instance, or undefined to keep each blue instance's. */
    readonly instance?: string;
}

/**
 * Creates the deployment and its green copies: a green global cluster with one green member per
 * blue member, same instances, cloned now, ready after `cloneMs` plus the member's upgrade.
 */
export function createBlueGreen(
    store: SimStore,
    faults: Faults,
    settings: BlueGreenSettings,
    init: {
        readonly name: string;
        readonly region: string;
        readonly now: number;
        readonly writer: ClusterState;
        readonly global?: GlobalClusterState;
        readonly targetVersion: string;
        readonly groups: (member: ClusterState) => GreenGroups;
        readonly tags: Map<string, string>;
    },
): BlueGreenState {
    const { now, writer, global } = init;
    const blues = global ? store.membersOf(global) : [writer];
    const suffix = greenSuffix(init.name);
    const green = (id: string) => `${id.slice(0, 63 - 13)}-green-${suffix}`;
    const greenGlobal: GlobalClusterState | undefined = global
        ? {
              id: green(global.id),
              arn: globalClusterArn(green(global.id)),
              engine: global.engine,
              version: global.version,
              members: blues.map((b) => clusterArn(b.region, green(b.id))),
              deletionProtection: global.deletionProtection,
              createdAt: now,
          }
        : undefined;
    const pairs = blues.map((blue) => {
        const groups = init.groups(blue);
        const copy: ClusterState = {
            id: green(blue.id),
            arn: clusterArn(blue.region, green(blue.id)),
            region: blue.region,
            engine: blue.engine,
            globalClusterId: greenGlobal?.id,
            role: blue.role,
            version: blue.version,
            status: "available",
            heldStatus: { status: "creating", until: now + settings.cloneMs },
            clusterParameterGroup: groups.cluster,
            // A green copy keeps the blue cluster's settings, its maintenance window among them.
            maintenanceWindow: blue.maintenanceWindow,
            instances: blue.instances.map((i) => ({
                ...i,
                id: green(i.id),
                arn: instanceArn(i.region, green(i.id)),
                clusterId: green(blue.id),
                parameterGroup: groups.instance ?? i.parameterGroup,
                parameterApplyStatus: "in-sync" as const,
                rebootingUntil: undefined,
                createdAt: now,
            })),
            upgradeDurationMs: blue.upgradeDurationMs,
            pendingActions: [],
            createdAt: now,
            deletionProtection: blue.deletionProtection,
            kmsKeyId: blue.kmsKeyId,
            tags: blue.tags ? new Map(blue.tags) : undefined,
            ...(blue.customEndpoints
                ? { customEndpoints: blue.customEndpoints.map((e) => ({ name: green(e.name) })) }
                : {}),
        };
        store.addCluster(copy);
        const clonedAt = now + settings.cloneMs;
        const upgradeMs =
            blue.version === init.targetVersion ? 0 : blue.upgradeDurationMs + faults.takeSlowdown(blue.id);
        const instances = blue.instances.map((b, i) => ({ blue: b, green: copy.instances[i] }));
        const endpoints = (blue.customEndpoints ?? []).map((b, i) => ({ blue: b, green: copy.customEndpoints![i] }));
        return {
            blue,
            green: copy,
            instances,
            endpoints,
            clonedAt,
            readyAt: clonedAt + upgradeMs,
            upgradeStarted: false,
        };
    });
    if (greenGlobal) store.globals.set(greenGlobal.id, greenGlobal);
    const state: BlueGreenState = {
        id: deploymentId(init.name),
        name: init.name,
        region: init.region,
        createdAt: now,
        tags: init.tags,
        targetVersion: init.targetVersion,
        pairs,
        sourcePair: pairs.find((p) => p.blue === writer) ?? pairs[0],
        blueGlobal: global,
        greenGlobal,
        status: "PROVISIONING",
    };
    store.blueGreens.set(state.id, state);
    store.emit({
        time: now,
        kind: "blue-green-created",
        subject: state.id,
        region: init.region,
        version: init.targetVersion,
        message: `blue/green deployment ${state.id} (${state.name}) of ${writer.id} created: ${pairs.length} green member(s) provisioning`,
    });
    return state;
}

/** Starts the green upgrades that are due: run before the cluster operations settle. */
export function startDueGreenUpgrades(store: SimStore, faults: Faults, now: number): void {
    for (const bg of store.blueGreens.values()) {
        if (bg.status !== "PROVISIONING") continue;
        for (const pair of bg.pairs) {
            if (pair.upgradeStarted || pair.clonedAt > now) continue;
            pair.upgradeStarted = true;
            if (pair.readyAt > pair.clonedAt) {
                startOperation(store, faults, pair.green, {
                    kind: "upgrade",
                    to: bg.targetVersion,
                    now: pair.clonedAt,
                    durationMs: pair.readyAt - pair.clonedAt,
                    major:
                        parseVersion(pair.green.engine, bg.targetVersion).major !==
                        parseVersion(pair.green.engine, pair.green.version).major,
                    parameterGroups: {
                        cluster: pair.green.clusterParameterGroup,
                        instance: pair.green.instances[0]?.parameterGroup,
                    },
                });
            }
        }
    }
}

/** Announces AVAILABLE / INVALID_CONFIGURATION, ends switchovers and deletions: run after the operations settle. */
export function settleBlueGreens(store: SimStore, now: number): void {
    for (const bg of [...store.blueGreens.values()]) {
        if (bg.status === "PROVISIONING") settleProvisioning(store, bg);
        if (bg.status === "SWITCHOVER_IN_PROGRESS" && bg.switchover && bg.switchover.endsAt <= now)
            endSwitchover(store, bg, bg.switchover);
        if (bg.status === "DELETING" && bg.deletingUntil !== undefined && bg.deletingUntil <= now)
            finishDelete(store, bg);
    }
}

function settleProvisioning(store: SimStore, bg: BlueGreenState): void {
    const failed = bg.pairs.find((p) => p.green.status === "upgrade_failed");
    if (failed) {
        bg.status = "INVALID_CONFIGURATION";
        bg.statusDetails = `The engine version upgrade of green DB cluster ${failed.green.id} failed.`;
        store.emit({
            time: store.now(),
            kind: "switchover-failed",
            subject: bg.id,
            region: bg.region,
            message: `blue/green deployment ${bg.id}: ${bg.statusDetails}`,
        });
        return;
    }
    const ready = bg.pairs.every((p) => p.upgradeStarted && !p.green.operation && p.green.version === bg.targetVersion);
    if (!ready) return;
    bg.status = "AVAILABLE";
    bg.availableAt = Math.max(...bg.pairs.map((p) => p.readyAt));
    store.emit({
        time: bg.availableAt,
        kind: "blue-green-available",
        subject: bg.id,
        region: bg.region,
        version: bg.targetVersion,
        message: `blue/green deployment ${bg.id}: every green member available at ${bg.targetVersion}`,
    });
}

/**
 * SwitchoverBlueGreenDeployment: guardrails (replication health, replica lag within the timeout),
 * then every region switches together; past the timeout everything is rolled back.
 */
export function startSwitchover(
    store: SimStore,
    faults: Faults,
    settings: BlueGreenSettings,
    bg: BlueGreenState,
    now: number,
    timeoutSeconds: number,
): SwitchoverState {
    const timeoutMs = timeoutSeconds * 1000;
    const guardrail = guardrailFailure(faults, bg, timeoutSeconds);
    const durationMs = settings.switchoverMs + faults.takeSwitchoverDelay();
    const switchover: SwitchoverState = guardrail
        ? {
              startedAt: now,
              timeoutMs,
              endsAt: now + Math.min(settings.guardrailMs, timeoutMs),
              outcome: "guardrail",
              downtimeFrom: Infinity,
              detail: guardrail,
              settled: false,
          }
        : durationMs > timeoutMs
          ? {
                startedAt: now,
                timeoutMs,
                endsAt: now + timeoutMs,
                outcome: "timed-out",
                // Writes were stopped while it tried; they resume at the rollback.
                downtimeFrom: now + Math.min(settings.guardrailMs, timeoutMs),
                detail: messages.switchoverTimedOut(timeoutSeconds),
                settled: false,
            }
          : {
                startedAt: now,
                timeoutMs,
                endsAt: now + durationMs,
                outcome: "completed",
                downtimeFrom: now + Math.min(settings.guardrailMs, durationMs),
                settled: false,
            };
    bg.switchover = switchover;
    bg.status = "SWITCHOVER_IN_PROGRESS";
    bg.statusDetails = undefined;
    store.emit({
        time: now,
        kind: "switchover-started",
        subject: bg.id,
        region: bg.region,
        message: `blue/green deployment ${bg.id}: switchover started (timeout ${timeoutSeconds}s)`,
    });
    return switchover;
}

function guardrailFailure(faults: Faults, bg: BlueGreenState, timeoutSeconds: number): string | undefined {
    for (const pair of bg.pairs) {
        const r = faults.replication(pair.blue.id);
        if (!r.healthy) return messages.switchoverReplicationUnhealthy(pair.green.id);
        if (r.lagSeconds >= timeoutSeconds)
            return messages.switchoverReplicaLag(pair.green.id, r.lagSeconds, timeoutSeconds);
    }
    return undefined;
}

function endSwitchover(store: SimStore, bg: BlueGreenState, sw: SwitchoverState): void {
    sw.settled = true;
    if (sw.outcome !== "completed") {
        bg.status = "SWITCHOVER_FAILED";
        bg.statusDetails = sw.detail;
        store.emit({
            time: sw.endsAt,
            kind: "switchover-failed",
            subject: bg.id,
            region: bg.region,
            message: `blue/green deployment ${bg.id}: ${sw.detail ?? "switchover failed"}`,
        });
        return;
    }
    for (const pair of bg.pairs) {
        const name = pair.blue.id;
        const old = oldName(store, pair.blue);
        const greenInstances = new Map(pair.green.instances.map((g, i) => [g.id, pair.blue.instances[i]?.id ?? g.id]));
        store.renameCluster(pair.blue, old, (id) => `${id}-${old.slice(name.length + 1)}`);
        store.renameCluster(pair.green, name, (id) => greenInstances.get(id) ?? id);
        for (const e of pair.endpoints) {
            const original = e.blue.name;
            e.blue.name = `${original}-${old.slice(name.length + 1)}`;
            e.green.name = original;
        }
    }
    if (bg.blueGlobal && bg.greenGlobal) {
        const name = bg.blueGlobal.id;
        store.renameGlobal(bg.blueGlobal, `${name}-old1`);
        store.renameGlobal(bg.greenGlobal, name);
    }
    bg.status = "SWITCHOVER_COMPLETED";
    store.emit({
        time: sw.endsAt,
        kind: "switchover-completed",
        subject: bg.id,
        region: bg.region,
        version: bg.targetVersion,
        message: `blue/green deployment ${bg.id}: switchover completed; ${bg.pairs.map((p) => p.green.id).join(", ")} now run ${store.awsVersion(bg.pairs[0].green.engine, bg.targetVersion)}`,
    });
}

/** `<name>-old1` (or `-old2`, … when taken). */
function oldName(store: SimStore, cluster: ClusterState): string {
    for (let n = 1; ; n++) {
        const candidate = `${cluster.id}-old${n}`;
        if (!store.clusters.has(`${cluster.region}/${candidate}`)) return candidate;
    }
}

/** DeleteBlueGreenDeployment: DELETING, then gone (with the green resources when `deleteTarget`). */
export function startDelete(settings: BlueGreenSettings, bg: BlueGreenState, now: number, deleteTarget: boolean): void {
    bg.status = "DELETING";
    bg.deletingUntil = now + settings.deleteMs;
    bg.deleteTarget = deleteTarget;
    if (deleteTarget) for (const p of bg.pairs) p.green.status = "deleting";
}

function finishDelete(store: SimStore, bg: BlueGreenState): void {
    store.blueGreens.delete(bg.id);
    if (bg.deleteTarget) {
        for (const p of bg.pairs) store.removeCluster(p.green);
        if (bg.greenGlobal) store.globals.delete(bg.greenGlobal.id);
    }
    store.emit({
        time: bg.deletingUntil ?? store.now(),
        kind: "blue-green-deleted",
        subject: bg.id,
        region: bg.region,
        message: `blue/green deployment ${bg.id} deleted${bg.deleteTarget ? " with its green resources" : ""}`,
    });
}

/** The clusters a deployment still holds (a blue or green cluster of it is busy). */
export function deploymentOf(store: SimStore, cluster: ClusterState): BlueGreenState | undefined {
    return [...store.blueGreens.values()].find(
        (bg) => bg.status !== "SWITCHOVER_COMPLETED" && bg.pairs.some((p) => p.blue === cluster || p.green === cluster),
    );
}

/** The API shape (DescribeBlueGreenDeployments, and the answers of Create/Switchover/Delete). */
export function blueGreenShape(store: SimStore, bg: BlueGreenState): BlueGreenDeployment {
    const detail = (p: BlueGreenState["pairs"][number]): string => {
        switch (bg.status) {
            case "PROVISIONING":
                return p.upgradeStarted && !p.green.operation && p.green.version === bg.targetVersion
                    ? "AVAILABLE"
                    : "PROVISIONING";
            case "INVALID_CONFIGURATION":
                return p.green.status === "upgrade_failed" ? "PROVISIONING" : "AVAILABLE";
            case "DELETING":
                return bg.switchover?.outcome === "completed" && bg.switchover.settled
                    ? "SWITCHOVER_COMPLETED"
                    : "AVAILABLE";
            default:
                return bg.status;
        }
    };
    const task = (name: string, done: boolean, started: boolean) => ({
        Name: name,
        Status: done ? "COMPLETED" : started ? "IN_PROGRESS" : "PENDING",
    });
    const cloned = bg.pairs.every((p) => p.upgradeStarted);
    const upgraded = bg.pairs.every((p) => p.upgradeStarted && !p.green.operation);
    const engine = bg.pairs[0].blue.engine;
    const upgrading =
        compareVersions(parseVersion(engine, bg.pairs[0].blue.version), parseVersion(engine, bg.targetVersion)) !== 0 ||
        bg.status !== "PROVISIONING";
    return {
        BlueGreenDeploymentIdentifier: bg.id,
        BlueGreenDeploymentName: bg.name,
        Source: bg.sourcePair.blue.arn,
        Target: bg.sourcePair.green.arn,
        SwitchoverDetails: switchoverDetails(store, bg, detail),
        Tasks: [
            task("CREATING_READ_REPLICA_OF_SOURCE", cloned, true),
            ...(upgrading ? [task("DB_ENGINE_VERSION_UPGRADE", upgraded, cloned)] : []),
            task("CONFIGURE_BACKUPS", upgraded, upgraded),
            task("CREATING_TOPOLOGY_OF_SOURCE", upgraded, cloned),
        ],
        Status: bg.status,
        StatusDetails: bg.statusDetails,
        CreateTime: new Date(bg.createdAt),
        DeleteTime: bg.deletingUntil === undefined ? undefined : new Date(bg.deletingUntil),
        TagList: [...bg.tags].map(([Key, Value]) => ({ Key, Value })),
    };
}

type Pair = BlueGreenState["pairs"][number];

/**
 * SwitchoverDetails as AWS lists them: per cluster a detail for the cluster, then one per DB
 * instance, then one per custom endpoint (aws-cli `awscli/examples/rds/describe-blue-green-deployments.rst`,
 * Aurora example 2: `...:cluster:my-aurora-mysql-cluster`, `...:db:my-aurora-mysql-cluster-1`, …,
 * `...:cluster-endpoint:my-reader-endpoint`; example 3, after the switchover: `...-1-old1`,
 * `...:cluster-endpoint:my-reader-endpoint-old1`). A side deleted since reports MISSING_SOURCE /
 * MISSING_TARGET (SDK model `SwitchoverDetail`: "The source/target resource has been deleted").
 */
function switchoverDetails(
    store: SimStore,
    bg: BlueGreenState,
    status: (p: Pair) => string,
): { SourceMember: string; TargetMember: string; Status: string }[] {
    const exists = (c: ClusterState) => store.clusters.get(`${c.region}/${c.id}`) === c;
    const side = (blueThere: boolean, greenThere: boolean, s: string) =>
        !blueThere ? "MISSING_SOURCE" : !greenThere ? "MISSING_TARGET" : s;
    return bg.pairs.flatMap((p) => {
        const blue = exists(p.blue);
        const green = exists(p.green);
        return [
            { SourceMember: p.blue.arn, TargetMember: p.green.arn, Status: side(blue, green, status(p)) },
            ...p.instances.map((i) => ({
                SourceMember: i.blue.arn,
                TargetMember: i.green.arn,
                Status: side(
                    blue && p.blue.instances.includes(i.blue),
                    green && p.green.instances.includes(i.green),
                    status(p),
                ),
            })),
            ...p.endpoints.map((e) => ({
                SourceMember: clusterEndpointArn(p.blue.region, e.blue.name),
                TargetMember: clusterEndpointArn(p.green.region, e.green.name),
                Status: side(
                    blue && (p.blue.customEndpoints ?? []).includes(e.blue),
                    green && (p.green.customEndpoints ?? []).includes(e.green),
                    status(p),
                ),
            })),
        ];
    });
}

/**
 * What a client connecting to `host` (a cluster or reader endpoint) sees now: the engine version,
 * or an error while the endpoint does not answer (a switchover's downtime window, a cluster that
 * does not exist or is still being created). In-place upgrades are not modeled here.
 */
export function endpointAnswer(
    store: SimStore,
    now: number,
    host: string,
): { readonly ok: true; readonly version: string } | { readonly ok: false; readonly error: string } {
    const m = /^([a-z][a-z0-9-]*)\.cluster-(?:ro-)?sim\.([a-z0-9-]+)\.rds\.amazonaws\.com$/.exec(host);
    const cluster = m ? store.clusters.get(`${m[2]}/${m[1]}`) : undefined;
    if (!cluster || cluster.status === "deleting") return { ok: false, error: `getaddrinfo ENOTFOUND ${host}` };
    if (cluster.heldStatus?.status === "creating") return { ok: false, error: `connect ECONNREFUSED ${host}` };
    for (const bg of store.blueGreens.values()) {
        const sw = bg.switchover;
        if (!sw || sw.settled || now < sw.downtimeFrom || now >= sw.endsAt) continue;
        if (bg.pairs.some((p) => p.blue === cluster || p.green === cluster))
            return { ok: false, error: `connection to ${host} refused: switchover in progress` };
    }
    return { ok: true, version: cluster.version };
}
