import { BlueGreenDeployment, RDSClient } from "@aws-sdk/client-rds";
import { blueGreenShape, endpointAnswer } from "./blue-green";
import { BlueGreenSettings, DEFAULT_BLUE_GREEN } from "./blue-green-settings";
import { RdsClientFactory } from "../../aws/ports";
import { messages, rdsError, SimulatedFault } from "./aws-errors";
import { CatalogueEntry, EngineCatalogue } from "./catalogue";
import { HANDLERS } from "./commands";
import { ClusterStatus } from "./model";
import { Faults } from "./faults";
import { AWS_RDS_RATE_LIMIT, RateLimit, RegionalRateLimiter } from "./rate-limiter";
import { CallRecord, Recorder, SimEvent, SimEventKind } from "./recorder";
import { simulatedClient } from "./sdk-bridge";
import { ClusterView, clusterView, GlobalClusterView, globalView } from "./views";
import { pendingActionState, SimStore } from "./store";
import { SeedPendingAction, SeedProxy, SeedTopology } from "./topology";
import { settle } from "./transitions";
import { VirtualClock } from "./virtual-clock";
import { GreenQuota } from "../../vocabulary";

export interface SimulatedRdsOptions {
    /** Default: a new {@link VirtualClock} with auto-advance, starting 2026-04-11T06:00:00Z. */
    readonly clock?: VirtualClock;
    /** Replaces the default engine catalogue ({@link defaultCatalogue}). */
    readonly catalogue?: readonly CatalogueEntry[];
    /** Engine upgrade duration of members seeded without one. Default 10 minutes. */
    readonly defaultUpgradeDurationMs?: number;
    /** Time a cluster snapshot stays `creating`. Default 2 minutes. */
    readonly snapshotDurationMs?: number;
    /** Time an instance stays `rebooting`. Default 1 minute. */
    readonly rebootDurationMs?: number;
    /** Per-region token bucket; `false` turns it off. Default burst 300, 12 per second. */
    readonly rateLimit?: RateLimit | false;
    /** Aurora PostgreSQL minor upgrades through ModifyGlobalCluster. Default true. */
    readonly managedMinorUpgrades?: boolean;
    /** Durations of blue/green deployments (green cloning, switchover, deletion); see blue-green.ts. */
    readonly blueGreen?: Partial<BlueGreenSettings>;
}

/** The simulated RDS control plane. Every transition is evaluated lazily from `clock.now()`. */
export interface SimulatedRds {
    readonly clock: VirtualClock;
    readonly catalogue: EngineCatalogue;
    readonly faults: Faults;
    /** Every call received, in order. */
    readonly calls: readonly CallRecord[];
    /** Every state transition, stamped with the virtual time it happened. */
    readonly events: readonly SimEvent[];
    /** An {@link RdsClientFactory}: a real RDSClient wired to this simulator. */
    readonly clientFor: RdsClientFactory;
    /** Creates a global cluster and its members (or standalone clusters). */
    seed(topology: SeedTopology): void;
    /** Creates an RDS Proxy targeting existing clusters of its region (made outside any stack). */
    addProxy(proxy: SeedProxy): void;
    /** Runs one operation directly (what the clients' middleware calls). */
    dispatch(region: string, command: string, input: Record<string, unknown>): Promise<object>;
    callsOf(command: string): CallRecord[];
    /** DescribeDBClusters calls per cluster identifier. */
    describeCallsPerMember(): Record<string, number>;
    eventsOf(kind: SimEventKind, subject?: string): SimEvent[];
    /** Virtual time each member last finished an engine upgrade. */
    finishTimes(): Record<string, number>;
    /** A settled, read-only view of a cluster (by identifier or ARN, any region). */
    cluster(id: string): ClusterView;
    globalCluster(id: string): GlobalClusterView;
    /** What `SELECT aurora_version()` prints on the cluster (PostgreSQL patch level included). */
    auroraVersion(clusterId: string): string;
    /** Sets the account's `quota` maximum in `region` (DescribeAccountAttributes `Max`; default account-quotas.ts). */
    setAccountQuota(region: string, quota: GreenQuota, max: number): void;
    /** Makes the cluster's engine upgrades take `ms` from now on. */
    setUpgradeDuration(clusterId: string, ms: number): void;
    /** AWS schedules a maintenance action on the cluster (DescribePendingMaintenanceActions lists it from now on). */
    schedulePendingAction(clusterId: string, action: SeedPendingAction): void;
    /**
     * Makes the cluster report `status` (e.g. `modifying`) for the next `ms` virtual milliseconds;
     * while it does, engine changes on it are refused as AWS would.
     */
    holdStatus(clusterId: string, status: ClusterStatus, ms: number): void;
    /** Calls refused by the rate limiter (in `region`, or in all regions). */
    rateLimited(region?: string): number;
    /** Blue/green deployments (any region, settled), as DescribeBlueGreenDeployments shows them. */
    blueGreenDeployments(): BlueGreenDeployment[];
    /**
     * What a client connecting to an endpoint (`Endpoint`/`ReaderEndpoint` of DescribeDBClusters)
     * sees now: the running version (`aurora_version()`), or the error while it does not answer.
     * The `watch` probe's model in simulations (testbeds/bench); in-place upgrades are not modeled.
     */
    probeEndpoint(
        host: string,
    ): { readonly ok: true; readonly version: string } | { readonly ok: false; readonly error: string };
}

/** The parts of one simulated control plane, shared by its dispatcher and its inspectors. */
interface ControlPlane {
    readonly clock: VirtualClock;
    readonly now: () => number;
    readonly recorder: Recorder;
    readonly catalogue: EngineCatalogue;
    readonly store: SimStore;
    readonly faults: Faults;
    readonly limiter?: RegionalRateLimiter;
}

function controlPlane(options: SimulatedRdsOptions): ControlPlane {
    const clock = options.clock ?? new VirtualClock();
    const now = () => clock.now();
    const recorder = new Recorder();
    const catalogue = new EngineCatalogue(options.catalogue);
    const store = new SimStore(now, catalogue, recorder, {
        defaultUpgradeDurationMs: options.defaultUpgradeDurationMs ?? 10 * 60_000,
        snapshotDurationMs: options.snapshotDurationMs ?? 2 * 60_000,
        rebootDurationMs: options.rebootDurationMs ?? 60_000,
        managedMinorUpgrades: options.managedMinorUpgrades ?? true,
        blueGreen: { ...DEFAULT_BLUE_GREEN, ...options.blueGreen },
    });
    const limiter =
        options.rateLimit === false ? undefined : new RegionalRateLimiter(options.rateLimit ?? AWS_RDS_RATE_LIMIT, now);
    return { clock, now, recorder, catalogue, store, faults: new Faults(), ...(limiter ? { limiter } : {}) };
}

/** Brings every lazy transition up to now. */
const settleNow = (p: ControlPlane): void => settle(p.store, p.now(), p.faults);

/** One operation: throttling and injected faults first, then the handler on the settled state, AWS's errors. */
function runCommand(p: ControlPlane, region: string, command: string, input: Record<string, unknown>): object {
    if (p.faults.takeThrottle(region) || (p.limiter && !p.limiter.take(region)))
        throw rdsError("ThrottlingException", messages.throttled());
    const injected = p.faults.takeError(command, region);
    if (injected) throw rdsError(injected.code, injected.message, injected.httpStatusCode);
    const handler = HANDLERS[command];
    if (!handler) throw rdsError("InvalidAction", messages.unsupportedCommand(command));
    settleNow(p);
    try {
        return handler({ store: p.store, faults: p.faults, region, now: p.now() }, input);
    } catch (e) {
        if (e instanceof SimulatedFault) throw rdsError(e.code, e.message, e.httpStatusCode);
        throw e;
    }
}

/** Runs one operation and records the call, with its error when it fails. */
function dispatcher(p: ControlPlane): SimulatedRds["dispatch"] {
    return async (region, command, input) => {
        const time = p.now();
        try {
            const output = runCommand(p, region, command, input);
            p.recorder.call({ time, region, command, input: { ...input } });
            return output;
        } catch (e) {
            const err = e as Error;
            const error = { name: err.name, message: err.message };
            p.recorder.call({ time, region, command, input: { ...input }, error });
            throw e;
        }
    };
}

function findCluster(p: ControlPlane, id: string) {
    settleNow(p);
    const cluster = p.store.clusterAnywhere(id);
    if (!cluster)
        throw new Error(
            `simulator: no cluster "${id}"; seeded: ${[...p.store.clusters.values()].map((c) => c.id).join(", ") || "none"}`,
        );
    return cluster;
}

/** What a test reads of the simulated control plane: settled views, events, the rate limiter's refusals. */
type Inspectors = Pick<
    SimulatedRds,
    | "eventsOf"
    | "finishTimes"
    | "cluster"
    | "globalCluster"
    | "auroraVersion"
    | "rateLimited"
    | "blueGreenDeployments"
    | "probeEndpoint"
>;

function inspectors(p: ControlPlane): Inspectors {
    const settled = <T>(read: () => T): T => {
        settleNow(p);
        return read();
    };
    return {
        eventsOf: (kind, subject) => settled(() => p.recorder.eventsOf(kind, subject)),
        finishTimes: () => settled(() => p.recorder.finishTimes()),
        cluster: (id) => clusterView(p.store, findCluster(p, id)),
        globalCluster: (id) =>
            settled(() => {
                const global = p.store.globals.get(id);
                if (!global) throw new Error(`simulator: no global cluster "${id}"`);
                return globalView(p.store, global);
            }),
        auroraVersion: (id) => findCluster(p, id).version,
        rateLimited: (region) => {
            if (!p.limiter) return 0;
            if (region !== undefined) return p.limiter.throttled.get(region) ?? 0;
            return [...p.limiter.throttled.values()].reduce((a, b) => a + b, 0);
        },
        blueGreenDeployments: () =>
            settled(() => [...p.store.blueGreens.values()].map((bg) => blueGreenShape(p.store, bg))),
        probeEndpoint: (host) => settled(() => endpointAnswer(p.store, p.now(), host)),
    };
}

/** Creates a simulated RDS control plane. */
export function createSimulatedRds(options: SimulatedRdsOptions = {}): SimulatedRds {
    const p = controlPlane(options);
    const dispatch = dispatcher(p);
    const clients = new Map<string, RDSClient>();
    return {
        clock: p.clock,
        catalogue: p.catalogue,
        faults: p.faults,
        calls: p.recorder.calls,
        events: p.recorder.events,
        clientFor: (region: string) => {
            let client = clients.get(region);
            if (!client) clients.set(region, (client = simulatedClient(region, dispatch)));
            return client;
        },
        seed: (topology) => p.store.seed(topology),
        addProxy: (proxy) => p.store.addProxy(proxy),
        dispatch,
        callsOf: (command) => p.recorder.callsOf(command),
        describeCallsPerMember: () => p.recorder.describeCallsPerMember(),
        setAccountQuota: (region, quota, max) => {
            if (!Number.isInteger(max) || max < 0)
                throw new Error(`setAccountQuota: max must be a whole number >= 0, got ${max}`);
            p.store.quotaOverrides.set(`${region}/${quota}`, max);
        },
        setUpgradeDuration: (id, ms) => {
            if (!Number.isFinite(ms) || ms < 0) throw new Error(`setUpgradeDuration: ms must be >= 0, got ${ms}`);
            findCluster(p, id).upgradeDurationMs = ms;
        },
        schedulePendingAction: (id, action) => {
            const cluster = findCluster(p, id);
            cluster.pendingActions.push(pendingActionState(cluster.engine, action));
        },
        holdStatus: (id, status, ms) => {
            if (!Number.isFinite(ms) || ms <= 0) throw new Error(`holdStatus: ms must be > 0, got ${ms}`);
            findCluster(p, id).heldStatus = { status, until: p.now() + ms };
        },
        ...inspectors(p),
    };
}
