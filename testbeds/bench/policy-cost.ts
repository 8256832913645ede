import { runProgramUnderMocks } from "../offline/mock-engine";
import { fromMockRun } from "../offline/policy-runner/engine-emulation/from-mock-engine";
import { RecordedResource, runPolicies } from "../offline/policy-runner/local-runner";
import { policies } from "../../policy/policies";
import { componentProgram, databaseId, fleetState, plainProgram } from "./preview/programs";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import { median, round, timeMs } from "./support/stats";

/** Target (testbeds/bench/README.md): under 1 ms per resource for the whole pack. */
export const MS_PER_RESOURCE_TARGET = 1;

/**
 * What the engine would hand the pack for one AuroraGlobalDatabase (database 0) and one plain
 * aws.rds global database (database 1), both existing at 17.4 and declaring 17.5.
 */
async function recordPair(): Promise<RecordedResource[]> {
    const current = fleetState(2);
    const component = componentProgram(1, 0);
    const plain = plainProgram(1, 1);
    const run = await runProgramUnderMocks({
        program: () => {
            component();
            plain();
        },
        currentState: current,
    });
    return fromMockRun(run, current);
}

/** `copies` copies of the pair, database ids (names, URNs, identifiers) renumbered 0,1 → 2k,2k+1. */
export function clonePairs(pair: readonly RecordedResource[], copies: number): RecordedResource[] {
    const text = JSON.stringify(pair);
    const zero = databaseId(0);
    const one = databaseId(1);
    const pattern = new RegExp(`${zero}|${one}`, "g");
    const out: RecordedResource[] = [];
    for (let k = 0; k < copies; k++) {
        const renamed = text.replace(pattern, (m) => databaseId(2 * k + (m === zero ? 0 : 1)));
        out.push(...(JSON.parse(renamed) as RecordedResource[]));
    }
    return out;
}

/**
 * Policy cost: the whole pack (every resource policy on every resource, then the stack
 * policies) over ≥ 5,000 recorded resources — AuroraGlobalDatabase components and plain aws.rds
 * global databases in equal numbers, each mid-upgrade (17.4 running, 17.5 declared).
 */
export async function benchPolicy(size: BenchSize = "full"): Promise<BenchOutput> {
    const wanted = size === "smoke" ? 50 : 5000;
    const repetitions = size === "smoke" ? 1 : 3;
    const pair = await recordPair();
    const copies = Math.ceil(wanted / pair.length);
    const resources = clonePairs(pair, copies);
    await runPolicies(resources.slice(0, pair.length * 10)); // warm-up (JIT)
    const { cpuRuns, wallRuns, verdicts } = await timedPackRuns(resources, repetitions);
    // Scaling: the same pack over half as many databases. ms per resource should not depend on the stack's size.
    const half = clonePairs(pair, Math.ceil(copies / 2));
    const halfRuns: number[] = [];
    for (let r = 0; r < repetitions; r++) halfRuns.push((await timeMs(() => runPolicies(half))).cpuMs);
    const perPolicyCpuMs: Record<string, number> = {};
    for (const p of policies)
        perPolicyCpuMs[p.name] = round((await timeMs(() => runPolicies(resources, { policies: [p] }))).cpuMs, 1);
    const cpu = median(cpuRuns);
    const wall = median(wallRuns);
    const msPerResource = round(cpu / resources.length, 4);
    const wallMsPerResource = round(wall / resources.length, 4);
    const halfMsPerResource = round(median(halfRuns) / half.length, 4);
    const growthRatio = round(msPerResource / halfMsPerResource, 3);
    return {
        section: "policy",
        data: {
            method: `runPolicies (testbeds/offline/policy-runner/local-runner.ts: the engine's preview emulation) over ${copies} AuroraGlobalDatabase + ${copies} plain aws.rds global databases recorded under the mock engine (3 regions each, 17.4 running, 17.5 declared); ${repetitions} repetitions, a full GC before each, median CPU time (process user+system; wall time kept too); then each policy alone once`,
            resources: resources.length,
            resourcesPerDatabasePair: pair.length,
            repetitions,
            medianCpuMs: round(cpu, 1),
            medianWallMs: round(wall, 1),
            msPerResource,
            wallMsPerResource,
            halfSize: {
                resources: half.length,
                msPerResource: halfMsPerResource,
                cpuRunsMs: halfRuns.map((x) => round(x, 1)),
            },
            growthRatio,
            cpuRunsMs: cpuRuns.map((x) => round(x, 1)),
            wallRunsMs: wallRuns.map((x) => round(x, 1)),
            perPolicyCpuMs,
            verdicts,
            target: { msPerResource: MS_PER_RESOURCE_TARGET },
        },
        rows: policyRows(
            { resources: resources.length, repetitions, cpu, msPerResource, wallMsPerResource },
            {
                resources: half.length,
                msPerResource: halfMsPerResource,
                growthRatio,
            },
        ),
    };
}

/** The whole pack `repetitions` times over `resources`: CPU and wall ms of each run, and the last run's verdicts by policy. */
async function timedPackRuns(
    resources: readonly RecordedResource[],
    repetitions: number,
): Promise<{ cpuRuns: number[]; wallRuns: number[]; verdicts: Record<string, number> }> {
    const cpuRuns: number[] = [];
    const wallRuns: number[] = [];
    let verdicts: Record<string, number> = {};
    for (let r = 0; r < repetitions; r++) {
        const { ms, cpuMs, value } = await timeMs(() => runPolicies(resources));
        cpuRuns.push(cpuMs);
        wallRuns.push(ms);
        verdicts = {};
        for (const v of value.verdicts)
            verdicts[`${v.policy} (${v.enforcementLevel})`] =
                (verdicts[`${v.policy} (${v.enforcementLevel})`] ?? 0) + 1;
    }
    return { cpuRuns, wallRuns, verdicts };
}

function policyRows(
    full: {
        readonly resources: number;
        readonly repetitions: number;
        readonly cpu: number;
        readonly msPerResource: number;
        readonly wallMsPerResource: number;
    },
    half: { readonly resources: number; readonly msPerResource: number; readonly growthRatio: number },
): TableRow[] {
    return [
        {
            section: "policy",
            metric: `policy pack, ${full.resources} resources: CPU ms/resource`,
            value: `${full.msPerResource} (${full.repetitions} reps; wall ${full.wallMsPerResource})`,
            target: `< ${MS_PER_RESOURCE_TARGET} ms`,
            met: full.msPerResource < MS_PER_RESOURCE_TARGET,
        },
        {
            section: "policy",
            metric: `policy pack growth, ${half.resources} → ${full.resources} resources`,
            value: `${half.growthRatio.toFixed(2)} (${half.msPerResource} at ${half.resources})`,
            target: "(info) ≈ 1 (linear)",
        },
    ];
}
