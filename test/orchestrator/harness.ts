import { expectErrorLine } from "../support/meaning";
import { CliDeps, main } from "../../orchestrator/cli";
import { iamActionOf, RDS_ACTIONS } from "../../orchestrator/iam-policy";
import {
    blueGreenReady,
    createSimulatedRds,
    SeedTopology,
    SimulatedRds,
    SimulatedRdsOptions,
} from "../../testbeds/simulator";

/** Every IAM action the scenarios of this run made (checked against RDS_ACTIONS by iam.test.ts). */
export const ACTIONS_SEEN = new Set<string>();

export interface CliRun {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** A simulated control plane seeded with `topology`. */
export function simulate(topology: SeedTopology, options: SimulatedRdsOptions = {}): SimulatedRds {
    const sim = createSimulatedRds(options);
    sim.seed(topology);
    return sim;
}

/** Runs the CLI in-process against the simulator, on its virtual clock, with fixed jitter. */
export async function cli(sim: SimulatedRds, argv: readonly string[], extra: Partial<CliDeps> = {}): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const before = sim.calls.length;
    const code = await main(argv, {
        clients: sim.clientFor,
        clock: sim.clock,
        random: () => 0.5,
        env: {},
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
        ...extra,
    });
    for (const call of sim.calls.slice(before)) ACTIONS_SEEN.add(iamActionOf(call.command));
    return { code, stdout, stderr };
}

/**
 * Mutating calls the simulator received (anything that is not Describe* or List*), except the run
 * lease's tag calls on the global cluster (lease.test.ts checks those).
 */
export function mutatingCalls(sim: SimulatedRds): string[] {
    return sim.calls
        .filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List"))
        .filter((c) => !String(c.input.ResourceName ?? "").includes(":global-cluster:"))
        .map(
            (c) =>
                `${c.region} ${c.command} ${String(c.input.DBClusterIdentifier ?? c.input.GlobalClusterIdentifier ?? c.input.ResourceIdentifier ?? c.input.DBClusterSnapshotIdentifier ?? c.input.DBInstanceIdentifier ?? c.input.DBClusterParameterGroupName ?? c.input.DBParameterGroupName ?? "")}`,
        );
}

/** ModifyDBCluster engine-version calls, in order: "cluster→version". */
export function engineModifies(sim: SimulatedRds): string[] {
    return sim
        .callsOf("ModifyDBCluster")
        .filter((c) => c.input.EngineVersion !== undefined && !c.error)
        .map((c) => `${String(c.input.DBClusterIdentifier)}→${String(c.input.EngineVersion)}`);
}

export const IAM_ACTIONS = new Set(RDS_ACTIONS);

export const PG_SEED: SeedTopology = {
    globalClusterId: "app-global",
    engine: "aurora-postgresql",
    version: "17.4.5",
    members: [
        { id: "app-use1", region: "us-east-1", role: "primary", instances: 2 },
        { id: "app-apne1", region: "ap-northeast-1", role: "secondary" },
    ],
};

/** PG_SEED half-way through a rolling upgrade: the secondary already on 17.5 (members disagree). */
export const PG_MIXED_SEED: SeedTopology = {
    ...PG_SEED,
    members: PG_SEED.members.map((m) => (m.role === "secondary" ? { ...m, version: "17.5.4" } : m)),
};

export const MYSQL_SEED: SeedTopology = {
    globalClusterId: "shop-global",
    engine: "aurora-mysql",
    version: "8.0.mysql_aurora.3.08.0",
    members: [
        { id: "shop-euw1", region: "eu-west-1", role: "primary", instances: 2 },
        { id: "shop-use1", region: "us-east-1", role: "secondary" },
        { id: "shop-apse2", region: "ap-southeast-2", role: "secondary" },
    ],
};

/** The seeds prepared for a blue/green deployment as AWS asks (custom group, replication on, in sync). */
export const PG_BG_SEED: SeedTopology = blueGreenReady(PG_SEED);
export const MYSQL_BG_SEED: SeedTopology = blueGreenReady(MYSQL_SEED);

export const PG_ARGS = ["--region", "us-east-1", "--global-cluster", "app-global"];
export const MYSQL_ARGS = ["--region", "eu-west-1", "--global-cluster", "shop-global"];

/**
 * Asserts the run stopped (exit 1) with one `STOPPED:` line that names each of `keyValues` (the
 * member, region, status, version, call, AWS code and the fix's command), not the whole sentence.
 */
export function expectStopped(r: CliRun, ...keyValues: string[]): string {
    return expectErrorLine(r, 1, "aurora-global: STOPPED: ", ...keyValues);
}
