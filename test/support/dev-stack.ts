import * as path from "node:path";
import {
    CurrentState,
    existingDatabase,
    loadProgram,
    loadStackConfig,
    runProgramUnderMocks,
} from "../../testbeds/offline/mock-engine";

const ROOT = path.resolve(__dirname, "../..");
export const DEV_ID = "aurora-global-dev";
export const DEV_PRIMARY = `${DEV_ID}-us-east-1`;
export const DEV_SECONDARY = `${DEV_ID}-ap-northeast-1`;

/** The dev stack's database (Pulumi.dev.yaml) as it runs now: every member at `version`. */
export function runningDevStack(engine: string, version: string, extra: Partial<CurrentState> = {}): CurrentState {
    return {
        ...existingDatabase({
            globalClusterIdentifier: DEV_ID,
            engine,
            engineVersion: version,
            members: [
                { clusterIdentifier: DEV_PRIMARY, region: "us-east-1", instanceCount: 2 },
                { clusterIdentifier: DEV_SECONDARY, region: "ap-northeast-1" },
            ],
        }),
        ...extra,
    };
}

/** Runs the stack program (index.ts, Pulumi.dev.yaml + `config` without its prefix) under the mock engine. */
export async function runDevStack(current: CurrentState, config: Record<string, unknown>, preview = false) {
    const stackConfig = {
        ...loadStackConfig(ROOT, "dev"),
        ...Object.fromEntries(Object.entries(config).map(([k, v]) => [`aurora-global:${k}`, v])),
    };
    return runProgramUnderMocks({
        program: loadProgram(path.join(ROOT, "index.ts")),
        currentState: current,
        config: stackConfig,
        ...(preview ? { preview } : {}),
    });
}
