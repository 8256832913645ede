import { awsEngineVersion, Engine, engineLabel, parameterGroupFamily, parseVersion } from "../../engine-versions";
import { fault, messages } from "./aws-errors";
import type { BlueGreenSettings } from "./blue-green-settings";
import { seedWindow } from "./maintenance-window";
import { EngineCatalogue } from "./catalogue";
import {
    BlueGreenState,
    ClusterState,
    GlobalClusterState,
    InstanceState,
    ParameterGroupState,
    PendingActionState,
    ProxyState,
    SnapshotState,
} from "./model";
import { Recorder, SimEvent } from "./recorder";
import {
    clusterArn,
    globalClusterArn,
    idFromArnOrId,
    instanceArn,
    proxyArn,
    regionOfArn,
    SeedMember,
    SeedParameterGroup,
    SeedPendingAction,
    SeedProxy,
    SeedTopology,
} from "./topology";

/** Durations and switches of the simulated control plane. */
export interface StoreSettings {
    readonly defaultUpgradeDurationMs: number;
    readonly snapshotDurationMs: number;
    readonly rebootDurationMs: number;
    /** Aurora PostgreSQL minor upgrades through ModifyGlobalCluster (announced Feb 2026). */
    readonly managedMinorUpgrades: boolean;
    /** Durations of blue/green deployments. */
    readonly blueGreen: BlueGreenSettings;
}

const key = (region: string, id: string) => `${region}/${id}`;

/** All simulated resources, keyed by region, plus the helpers the command handlers share. */
export class SimStore {
    readonly clusters = new Map<string, ClusterState>();
    readonly globals = new Map<string, GlobalClusterState>();
    readonly snapshots = new Map<string, SnapshotState>();
    /** Blue/green deployments by identifier (blue-green.ts). */
    readonly blueGreens = new Map<string, BlueGreenState>();
    /**
     * RDS Proxies by region and name. Targets are cluster identifiers: a blue/green switchover of a
     * standalone cluster (renames) leaves the proxy on the original name, now the green cluster's,
     * as AWS moves a proxy to green ("Using RDS Proxy with Blue/Green Deployments").
     */
    readonly proxies = new Map<string, ProxyState>();
    private readonly groups = new Map<string, ParameterGroupState>();
    /** Account quota maximums set for a region (`region/DBClusters`), else account-quotas.ts's defaults. */
    readonly quotaOverrides = new Map<string, number>();

    constructor(
        readonly now: () => number,
        readonly catalogue: EngineCatalogue,
        readonly recorder: Recorder,
        readonly settings: StoreSettings,
    ) {}

    emit(event: Omit<SimEvent, "time"> & { time?: number }): void {
        this.recorder.event({ ...event, time: event.time ?? this.now() });
    }

    /** AWS's EngineVersion of a full version (PostgreSQL drops the patch level). */
    awsVersion(engine: Engine, full: string): string {
        return awsEngineVersion(parseVersion(engine, full));
    }

    /**
     * The full version of `version`: a PostgreSQL version without patch level gets the
     * catalogue's (`17.4` → `17.4.5`); MySQL versions are kept.
     */
    fullVersion(engine: Engine, version: string): string {
        const v = parseVersion(engine, version);
        return engine === "aurora-postgresql" && v.patch === undefined
            ? this.catalogue.patchLevelOf(engine, v.text)
            : v.text;
    }

    /** The cluster `idOrArn` in `region`, or DBClusterNotFoundFault. */
    cluster(region: string, idOrArn: string): ClusterState {
        const arnRegion = regionOfArn(idOrArn);
        const found =
            arnRegion === undefined || arnRegion === region
                ? this.clusters.get(key(region, idFromArnOrId(idOrArn)))
                : undefined;
        return found ?? fault("DBClusterNotFoundFault", messages.clusterNotFound(idOrArn));
    }

    /** The cluster with this ARN in any region. */
    clusterByArn(arn: string): ClusterState | undefined {
        const region = regionOfArn(arn);
        return region === undefined ? undefined : this.clusters.get(key(region, idFromArnOrId(arn)));
    }

    /** First cluster named `id` in any region (for tests and benchmarks). */
    clusterAnywhere(id: string): ClusterState | undefined {
        return [...this.clusters.values()].find((c) => c.id === id || c.arn === id);
    }

    global(id: string): GlobalClusterState {
        return this.globals.get(idFromArnOrId(id)) ?? fault("GlobalClusterNotFoundFault", messages.globalNotFound(id));
    }

    /** The member clusters of a global cluster, primary first. */
    membersOf(global: GlobalClusterState): ClusterState[] {
        return global.members.map((arn) => this.clusterByArn(arn)).filter((c): c is ClusterState => c !== undefined);
    }

    /** Adds a cluster (blue/green green members). */
    addCluster(cluster: ClusterState): void {
        this.clusters.set(key(cluster.region, cluster.id), cluster);
    }

    removeCluster(cluster: ClusterState): void {
        this.clusters.delete(key(cluster.region, cluster.id));
    }

    /** Renames a cluster and its instances (`renameInstance` maps each instance identifier). */
    renameCluster(cluster: ClusterState, id: string, renameInstance: (old: string) => string): void {
        const oldArn = cluster.arn;
        this.clusters.delete(key(cluster.region, cluster.id));
        cluster.id = id;
        cluster.arn = clusterArn(cluster.region, id);
        for (const instance of cluster.instances) {
            instance.id = renameInstance(instance.id);
            instance.arn = instanceArn(instance.region, instance.id);
            instance.clusterId = id;
        }
        this.clusters.set(key(cluster.region, id), cluster);
        for (const g of this.globals.values()) g.members = g.members.map((a) => (a === oldArn ? cluster.arn : a));
    }

    renameGlobal(global: GlobalClusterState, id: string): void {
        this.globals.delete(global.id);
        global.id = id;
        global.arn = globalClusterArn(id);
        for (const arn of global.members) {
            const member = this.clusterByArn(arn);
            if (member) member.globalClusterId = id;
        }
        this.globals.set(id, global);
    }

    instancesIn(region: string): InstanceState[] {
        return [...this.clusters.values()].filter((c) => c.region === region).flatMap((c) => c.instances);
    }

    /** A parameter group; `default.<family>` groups exist in every region on first use. */
    parameterGroup(region: string, kind: "cluster" | "instance", name: string): ParameterGroupState | undefined {
        const existing = this.groups.get(`${key(region, kind)}/${name}`);
        if (existing || !name.startsWith("default.")) return existing;
        return this.putParameterGroup(region, {
            name,
            family: name.slice("default.".length),
            kind,
            description: `Default ${kind} parameter group for ${name.slice(8)}`,
            isDefault: true,
            parameters: new Map(),
        });
    }

    parameterGroupsIn(region: string, kind: "cluster" | "instance"): ParameterGroupState[] {
        const prefix = `${key(region, kind)}/`;
        return [...this.groups.entries()].filter(([k]) => k.startsWith(prefix)).map(([, g]) => g);
    }

    putParameterGroup(region: string, group: ParameterGroupState): ParameterGroupState {
        this.groups.set(`${key(region, group.kind)}/${group.name}`, group);
        return group;
    }

    /** True when the cluster's parameter group sets `rds.global_db_rpo`. */
    rpoEnabled(cluster: ClusterState): boolean {
        const value = this.parameterGroup(cluster.region, "cluster", cluster.clusterParameterGroup)?.parameters.get(
            "rds.global_db_rpo",
        );
        return value !== undefined && value !== "";
    }

    /** Creates the global cluster and members described by `topology`. */
    seed(topology: SeedTopology): void {
        const { engine, globalClusterId } = topology;
        const memberArns = topology.members.map((m) => clusterArn(m.region, m.id));
        for (const member of topology.members) this.seedMember(topology, member);
        for (const proxy of topology.proxies ?? []) this.addProxy(proxy, topology.engine);
        if (globalClusterId === undefined) return;
        const primary = topology.members.find((m) => m.role === "primary");
        this.globals.set(globalClusterId, {
            id: globalClusterId,
            arn: globalClusterArn(globalClusterId),
            engine,
            version: this.awsVersion(engine, primary?.version ?? topology.version),
            members: primary
                ? [
                      clusterArn(primary.region, primary.id),
                      ...memberArns.filter((a) => a !== clusterArn(primary.region, primary.id)),
                  ]
                : memberArns,
            deletionProtection: true,
            createdAt: this.now(),
            ...(topology.tags ? { tags: new Map(Object.entries(topology.tags)) } : {}),
        });
    }

    /** The proxies of `region`, in creation order. */
    proxiesIn(region: string): ProxyState[] {
        return [...this.proxies.values()].filter((p) => p.region === region);
    }

    /** The proxies that target `cluster` (in its region). */
    proxiesTargeting(cluster: ClusterState): ProxyState[] {
        return this.proxiesIn(cluster.region).filter((p) => p.targets.includes(cluster.id));
    }

    /**
     * An RDS Proxy targeting existing clusters of its region; its engine family defaults to the
     * first target's engine (else `engine`, else PostgreSQL).
     */
    addProxy(proxy: SeedProxy, engine?: Engine): void {
        if (this.proxies.has(key(proxy.region, proxy.name)))
            throw new Error(`seed: proxy ${proxy.name} already exists in ${proxy.region}`);
        const targets = (proxy.targets ?? []).map(
            (target) =>
                this.clusters.get(key(proxy.region, target)) ??
                ((): never => {
                    throw new Error(
                        `seed: proxy ${proxy.name} targets ${target}, which is no cluster of ${proxy.region}`,
                    );
                })(),
        );
        const family = targets[0]?.engine ?? engine;
        this.proxies.set(key(proxy.region, proxy.name), {
            name: proxy.name,
            arn: proxyArn(proxy.region, proxy.name),
            region: proxy.region,
            engineFamily: proxy.engineFamily ?? (family === "aurora-mysql" ? "MYSQL" : "POSTGRESQL"),
            targets: [...(proxy.targets ?? [])],
            createdAt: this.now(),
        });
    }

    private seedMember(topology: SeedTopology, member: SeedMember): void {
        const { engine } = topology;
        if (this.clusters.has(key(member.region, member.id)))
            throw new Error(`seed: cluster ${member.id} already exists in ${member.region}`);
        const version = this.fullVersion(engine, member.version ?? topology.version);
        const family = parameterGroupFamily(parseVersion(engine, version));
        const rpoGroup: SeedParameterGroup | undefined = member.rpo
            ? { name: `${member.id}-rpo`, parameters: { "rds.global_db_rpo": "20" } }
            : undefined;
        const clusterGroup = this.seedGroup(member.region, "cluster", member.clusterParameterGroup ?? rpoGroup, family);
        const instanceGroup = this.seedGroup(member.region, "instance", member.instanceParameterGroup, family);
        const count = member.instances ?? 1;
        const cluster: ClusterState = {
            id: member.id,
            arn: clusterArn(member.region, member.id),
            region: member.region,
            engine,
            globalClusterId: topology.globalClusterId,
            role: topology.globalClusterId === undefined ? "standalone" : member.role,
            version,
            status: "available",
            clusterParameterGroup: clusterGroup,
            maintenanceWindow: seedWindow(member.preferredMaintenanceWindow),
            instances: [],
            upgradeDurationMs: member.upgradeDurationMs ?? this.settings.defaultUpgradeDurationMs,
            pendingActions: (member.pendingActions ?? []).map((a) => pendingActionState(engine, a)),
            createdAt: this.now(),
            ...(member.managedMasterPassword ? { managedMasterPassword: true } : {}),
            ...(member.customEndpoints ? { customEndpoints: member.customEndpoints.map((name) => ({ name })) } : {}),
        };
        for (let i = 1; i <= count; i++) {
            const id = `${member.id}-instance-${i}`;
            cluster.instances.push({
                id,
                arn: instanceArn(member.region, id),
                region: member.region,
                clusterId: member.id,
                instanceClass: member.instanceClass ?? "db.r6g.large",
                isWriter: member.role === "primary" && i === 1,
                parameterGroup: instanceGroup,
                parameterApplyStatus: "in-sync",
                createdAt: this.now(),
            });
        }
        this.clusters.set(key(member.region, member.id), cluster);
    }

    private seedGroup(
        region: string,
        kind: "cluster" | "instance",
        spec: string | SeedParameterGroup | undefined,
        family: string,
    ): string {
        if (spec === undefined)
            return (this.parameterGroup(region, kind, `default.${family}`) as ParameterGroupState).name;
        if (typeof spec === "string") {
            if (!this.parameterGroup(region, kind, spec))
                this.putParameterGroup(region, {
                    name: spec,
                    family,
                    kind,
                    description: spec,
                    isDefault: false,
                    parameters: new Map(),
                });
            return spec;
        }
        const existing = this.parameterGroup(region, kind, spec.name);
        if (existing) {
            for (const [n, v] of Object.entries(spec.parameters ?? {})) existing.parameters.set(n, v);
            return spec.name;
        }
        this.putParameterGroup(region, {
            name: spec.name,
            family: spec.family ?? family,
            kind,
            description: spec.name,
            isDefault: false,
            parameters: new Map(Object.entries(spec.parameters ?? {})),
        });
        return spec.name;
    }
}

/** A pending maintenance action as AWS lists it (defaults: `system-update`, the description of its target). */
export function pendingActionState(engine: Engine, a: SeedPendingAction): PendingActionState {
    return {
        action: a.action ?? "system-update",
        description: a.description ?? describeAction(engine, a.targetVersion),
        targetVersion: a.targetVersion,
        durationMs: a.durationMs,
        ...(a.optInStatus ? { optInStatus: a.optInStatus } : {}),
        ...(a.currentApplyDate !== undefined ? { currentApplyDate: a.currentApplyDate } : {}),
    };
}

function describeAction(engine: Engine, target: string | undefined): string {
    if (target === undefined) return "New Operating System update is available";
    const shown = engine === "aurora-mysql" ? target.replace(/^\d+\.\d+\.mysql_aurora\./, "") : target;
    return `Upgrade to ${engineLabel(engine)} ${shown}`;
}
