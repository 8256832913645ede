import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs } from "../../components";
import {
    CurrentState,
    existingDatabase,
    RecordedResource,
    runProgramUnderMocks,
    RunResult,
} from "../../testbeds/offline/mock-engine";

export const PRIMARY = "us-east-1";
export const SECONDARY = "ap-northeast-1";
export const SECONDARY_2 = "eu-west-1";

/** The seed 001 topology: Aurora PostgreSQL 17.4, primary us-east-1, secondary ap-northeast-1. */
export function pgArgs(overrides: Partial<AuroraGlobalDatabaseArgs> = {}): AuroraGlobalDatabaseArgs {
    return {
        engine: "aurora-postgresql",
        engineVersion: "17.4",
        globalClusterIdentifier: "app",
        primary: { region: PRIMARY, instanceCount: 2 },
        secondaries: [{ region: SECONDARY }],
        ...overrides,
    };
}

/** The database of {@link pgArgs} running `version` (members may override theirs). */
export function runningPg(
    version: string,
    regions: readonly string[] = [PRIMARY, SECONDARY],
    overrides: Record<string, string> = {},
): CurrentState {
    return existingDatabase({
        globalClusterIdentifier: "app",
        engine: "aurora-postgresql",
        engineVersion: version,
        members: regions.map((region) => ({
            clusterIdentifier: `app-${region}`,
            region,
            engineVersion: overrides[region] ?? version,
        })),
    });
}

export type DbRun = RunResult<Record<string, unknown>> & { db: AuroraGlobalDatabase };

/** Runs one AuroraGlobalDatabase named "db" under the mock engine. */
export async function runDb(
    args: AuroraGlobalDatabaseArgs,
    currentState: CurrentState = {},
    preview = true,
): Promise<DbRun> {
    let db: AuroraGlobalDatabase | undefined;
    const result = await runProgramUnderMocks({
        program: () => {
            db = new AuroraGlobalDatabase("db", args);
            return { plan: db.plan, memberVersions: db.memberVersions, failoverReady: db.failoverReady };
        },
        currentState,
        preview,
    });
    return { ...result, db: db! };
}

export function named(result: RunResult<unknown>, name: string): RecordedResource {
    const found = result.resources.find((r) => r.name === name);
    if (!found) throw new Error(`no resource named ${name}; have ${result.resources.map((r) => r.name).join(", ")}`);
    return found;
}

export function ofType(result: RunResult<unknown>, type: string): RecordedResource[] {
    return result.resources.filter((r) => r.type === type);
}

export const T = {
    db: "aurora-global:index:AuroraGlobalDatabase",
    member: "aurora-global:index:AuroraRegionalMember",
    global: "aws:rds/globalCluster:GlobalCluster",
    cluster: "aws:rds/cluster:Cluster",
    instance: "aws:rds/clusterInstance:ClusterInstance",
    password: "random:index/randomPassword:RandomPassword",
    command: "command:local:Command",
} as const;

/** The registered outputs of the component. */
export function componentOutputs(result: RunResult<unknown>): Record<string, unknown> {
    const urn = named(result, "db").urn;
    const outputs = result.registeredOutputs.get(urn);
    if (!outputs) throw new Error("the component registered no outputs");
    return outputs;
}
