import { CreateBlueGreenDeploymentCommand, CreateGlobalClusterCommand } from "@aws-sdk/client-rds";
import {
    blueGreenReady,
    createSimulatedRds,
    SeedTopology,
    SimulatedRds,
    SimulatedRdsOptions,
} from "../../testbeds/simulator";

export const MIN = 60_000;

/** Aurora PostgreSQL 17.4.5: primary in us-east-1 (10 min), secondaries in us-west-2 (5 min) and ap-northeast-1 (8 min). */
export function pgTopology(overrides: Partial<SeedTopology> = {}): SeedTopology {
    return {
        globalClusterId: "pg-global",
        engine: "aurora-postgresql",
        version: "17.4.5",
        members: [
            { id: "pg-east", region: "us-east-1", role: "primary", instances: 2, upgradeDurationMs: 10 * MIN },
            { id: "pg-west", region: "us-west-2", role: "secondary", upgradeDurationMs: 5 * MIN },
            { id: "pg-tokyo", region: "ap-northeast-1", role: "secondary", upgradeDurationMs: 8 * MIN },
        ],
        ...overrides,
    };
}

/** Aurora MySQL 3.08.0: primary in us-east-1, secondary in eu-west-1 (both 6 min). */
export function mysqlTopology(overrides: Partial<SeedTopology> = {}): SeedTopology {
    return {
        globalClusterId: "my-global",
        engine: "aurora-mysql",
        version: "8.0.mysql_aurora.3.08.0",
        members: [
            { id: "my-east", region: "us-east-1", role: "primary", upgradeDurationMs: 6 * MIN },
            { id: "my-eu", region: "eu-west-1", role: "secondary", upgradeDurationMs: 6 * MIN },
        ],
        ...overrides,
    };
}

/** A simulator seeded with `topology` (rate limiter on, as in production use). */
export function seeded(topology: SeedTopology, options: SimulatedRdsOptions = {}): SimulatedRds {
    const sim = createSimulatedRds(options);
    sim.seed(topology);
    return sim;
}

/** `n` empty global clusters (CreateGlobalCluster without a source cluster). */
export async function manyGlobalClusters(sim: SimulatedRds, n: number, prefix = "other"): Promise<void> {
    for (let i = 0; i < n; i++)
        await sim.clientFor("us-east-1").send(
            new CreateGlobalClusterCommand({
                GlobalClusterIdentifier: `${prefix}-${i}`,
                Engine: "aurora-postgresql",
                EngineVersion: "17.4",
            }),
        );
}

/** `n` blue/green deployments in us-east-1, each of its own one-region global database. */
export async function manyDeployments(sim: SimulatedRds, n: number): Promise<void> {
    // A raised quota (Service Quotas), as an account with that many clusters has.
    sim.setAccountQuota("us-east-1", "DBClusters", 4 * n + 40);
    sim.setAccountQuota("us-east-1", "DBInstances", 4 * n + 40);
    for (let i = 0; i < n; i++) {
        const id = `bg${i}`;
        sim.seed(
            blueGreenReady({
                globalClusterId: `${id}-global`,
                engine: "aurora-postgresql",
                version: "17.4.5",
                members: [{ id: `${id}-use1`, region: "us-east-1", role: "primary" }],
            }),
        );
        await sim.clientFor("us-east-1").send(
            new CreateBlueGreenDeploymentCommand({
                BlueGreenDeploymentName: `${id}-to-17-5`,
                Source: `arn:aws:rds:us-east-1:123456789012:cluster:${id}-use1`,
                TargetEngineVersion: "17.5",
            }),
        );
    }
}
