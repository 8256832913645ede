import { DescribePendingMaintenanceActionsCommand } from "@aws-sdk/client-rds";
import { PendingAction } from "../../../planner";
import { CurrentState } from "../mock-engine";
import { createSimulatedRds, SeedProxy, SeedTopology, SimulatedRds, VirtualClock } from "../../simulator";
import { Scenario } from "./types";

/** The scenario's AWS state as the simulator's seed. */
export function seedOf(scenario: Scenario): SeedTopology {
    const { aws } = scenario;
    return {
        globalClusterId: aws.globalCluster,
        engine: aws.engine,
        version: aws.version,
        members: aws.members.map((m) => ({
            id: m.cluster,
            region: m.region,
            role: m.role,
            instances: m.instances,
            ...(m.version !== undefined ? { version: m.version } : {}),
            rpo: m.rpo,
            ...(m.clusterParameterGroup ? { clusterParameterGroup: m.clusterParameterGroup } : {}),
            upgradeDurationMs: m.upgradeMinutes * 60_000,
            pendingActions: m.pendingActions.map((p) => ({
                action: p.action,
                ...(p.targetVersion !== undefined ? { targetVersion: p.targetVersion } : {}),
                ...(p.minutes !== undefined ? { durationMs: p.minutes * 60_000 } : {}),
            })),
        })),
        proxies: proxiesOf(scenario),
    };
}

/** The RDS Proxies the scenario's members name (`rdsProxy`), each targeting its member. */
export function proxiesOf(scenario: Scenario): SeedProxy[] {
    return scenario.aws.members.flatMap((m) =>
        m.rdsProxy !== undefined ? [{ name: m.rdsProxy, region: m.region, targets: [m.cluster] }] : [],
    );
}

/** A simulated control plane seeded with what the scenario says runs in AWS now. */
export function simulatedAws(scenario: Scenario, clock: VirtualClock): SimulatedRds {
    const sim = createSimulatedRds({ clock });
    sim.seed(seedOf(scenario));
    for (const m of scenario.aws.members) if (m.failUpgrade) sim.faults.failUpgrade(m.cluster);
    return sim;
}

/**
 * What the stack program's live reads (`aws.rds.getCluster`, `getGlobalCluster`,
 * `getEngineVersion`, and the component's DescribePendingMaintenanceActions) answer, read from
 * the simulator now: the one described current state. Versions come from the simulator's views
 * (no API call); pending maintenance, where a member has any, through the SDK as the component's
 * own reader asks it (action and description), which the call log shows as a read.
 */
export async function currentStateFrom(sim: SimulatedRds, globalClusterId: string): Promise<CurrentState> {
    const global = sim.globalCluster(globalClusterId);
    const clusters = await Promise.all(
        global.members.map(async (m) => ({
            clusterIdentifier: m.id,
            region: m.region,
            engine: global.engine,
            engineVersion: m.engineVersion,
            globalClusterIdentifier: global.id,
            instanceCount: m.instances,
            ...(m.pendingActions.length > 0 ? { pendingActions: await pendingActionsOf(sim, m.region, m.id) } : {}),
        })),
    );
    return {
        globalClusters: [{ identifier: global.id, engine: global.engine, engineVersion: global.engineVersion }],
        clusters,
        engineVersions: sim.catalogue.describe(global.engine).map((e) => ({
            engine: e.Engine ?? global.engine,
            version: e.EngineVersion ?? "",
            supportsGlobalDatabases: e.SupportsGlobalDatabases ?? false,
            validUpgradeTargets: (e.ValidUpgradeTarget ?? []).map((t) => t.EngineVersion ?? "").filter((v) => v !== ""),
        })),
    };
}

async function pendingActionsOf(sim: SimulatedRds, region: string, clusterId: string): Promise<PendingAction[]> {
    const out = await sim
        .clientFor(region)
        .send(
            new DescribePendingMaintenanceActionsCommand({ Filters: [{ Name: "db-cluster-id", Values: [clusterId] }] }),
        );
    return (out.PendingMaintenanceActions ?? [])
        .flatMap((r) => r.PendingMaintenanceActionDetails ?? [])
        .filter((d) => typeof d.Action === "string")
        .map((d) => ({ action: d.Action!, ...(d.Description ? { description: d.Description } : {}) }));
}

/** Calls that change something (everything but Describe… and List…), from the `from`-th call on. */
export function mutatingCalls(sim: SimulatedRds, from = 0): number {
    return sim.calls.slice(from).filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List"))
        .length;
}
