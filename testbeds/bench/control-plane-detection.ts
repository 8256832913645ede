import { createSimulatedRds } from "../simulator";
import { BenchOutput, BenchSize, TableRow } from "./results-writer";
import {
    MAJOR,
    MANAGED,
    ROLLING,
    seedFor,
    SHORT_MAX_UPGRADE_MS,
    SHORT_MIN_UPGRADE_MS,
    UpgradeKind,
} from "./support/scenarios";
import { max, mean, percentile, round, seededRandom } from "./support/stats";
import { memberRunTimes, runUpgrade, UpgradeTrace } from "./support/upgrade-run";
import { SimulatedRds } from "../simulator";

/** Targets (testbeds/bench/README.md): a finished member noticed within 15 s, at most 4 describes per member per minute. */
export const DETECTION_TARGET_MS = 15_000;
export const DESCRIBES_PER_MEMBER_MINUTE_TARGET = 4;

interface MemberSample {
    /** member-upgraded (simulator event) → first poll that saw it available at the target. */
    readonly latencyMs: number;
    /** Describe polls made while waiting for this member. */
    readonly polls: number;
    /** Every DescribeDBClusters the simulator received for this member (topology reads and checks too). */
    readonly allDescribes: number;
    /** From the member's modify call (its step's start) to noticing it finished. */
    readonly waitMs: number;
}

/** Samples of one upgrade: per member, when it finished (simulator) and when the orchestrator noticed. */
function samples(sim: SimulatedRds, trace: UpgradeTrace): MemberSample[] {
    const runs = memberRunTimes(sim, trace.seed);
    const describes = sim.describeCallsPerMember();
    return trace.seed.members.map((m) => {
        const finished = runs[m.id].end;
        const polls = trace.polls.filter((p) => p.cluster === m.id);
        const noticed = polls.find((p) => p.time >= finished && p.status === "available");
        if (!noticed) throw new Error(`bench: the orchestrator never saw ${m.id} finish`);
        return {
            latencyMs: noticed.time - finished,
            polls: polls.length,
            allDescribes: describes[m.id] ?? 0,
            waitMs: noticed.time - runs[m.id].start,
        };
    });
}

/** Figures of one upgrade kind over its trials. */
function figures(all: readonly MemberSample[]): Record<string, number> {
    const waitMinutes = all.reduce((n, s) => n + s.waitMs, 0) / 60_000;
    const latencies = all.map((s) => s.latencyMs / 1000);
    return {
        members: all.length,
        waitingDescribesPerMemberMinute: round(all.reduce((n, s) => n + s.polls, 0) / waitMinutes, 2),
        allDescribesPerMemberMinute: round(all.reduce((n, s) => n + s.allDescribes, 0) / waitMinutes, 2),
        meanDetectionSeconds: round(mean(latencies), 1),
        p95DetectionSeconds: round(percentile(latencies, 95), 1),
        maxDetectionSeconds: round(max(latencies), 1),
    };
}

/** Samples of `trials` upgrades of `kind`, member durations drawn in `range`. */
async function kindSamplesOf(
    kind: UpgradeKind,
    secondaries: number,
    seedNo: number,
    trials: number,
    range?: readonly [number, number],
): Promise<MemberSample[]> {
    const random = seededRandom(seedNo);
    const out: MemberSample[] = [];
    for (let n = 0; n < trials; n++) {
        const sim = createSimulatedRds();
        const seed = seedFor(kind, `cd-${kind.name}-${n}`, secondaries, random, undefined, range);
        sim.seed(seed);
        out.push(...samples(sim, await runUpgrade(sim, seed, kind)));
    }
    return out;
}

/** The same kinds with short members (3–8 min), all together. */
async function shortFigures(
    kinds: readonly (readonly [UpgradeKind, number, number])[],
    trials: number,
): Promise<Record<string, number>> {
    const all: MemberSample[] = [];
    for (const [kind, secondaries, seedNo] of kinds)
        all.push(
            ...(await kindSamplesOf(kind, secondaries, seedNo + 100, trials, [
                SHORT_MIN_UPGRADE_MS,
                SHORT_MAX_UPGRADE_MS,
            ])),
        );
    return figures(all);
}

/**
 * Describe calls per member per simulated minute while waiting, and completion-detection
 * latency (simulator's member-upgraded event → the orchestrator's first poll that sees it),
 * over rolling (3 secondaries), managed and major upgrades with drawn durations.
 */
export async function benchDetection(size: BenchSize = "full"): Promise<BenchOutput> {
    const trials = size === "smoke" ? 2 : 30;
    const kinds: [UpgradeKind, number, number][] = [
        [ROLLING, 3, 4001],
        [MANAGED, 2, 4002],
        [MAJOR, 2, 4003],
    ];
    const perKind: Record<string, Record<string, number>> = {};
    const everything: MemberSample[] = [];
    for (const [kind, secondaries, seedNo] of kinds) {
        const kindSamples = await kindSamplesOf(kind, secondaries, seedNo, trials);
        perKind[kind.name] = figures(kindSamples);
        everything.push(...kindSamples);
    }
    // The same with short members (3–8 min): informative, the budget is set on the rows above.
    const short = size === "full" ? await shortFigures(kinds, trials) : undefined;
    const overall = figures(everything);
    const rows = detectionRows(overall, short);
    return {
        section: "controlPlaneCalls",
        data: {
            detection: {
                method: "per member: polls = DescribeDBClusters made by its wait loop; all = every DescribeDBClusters the simulator received for it (topology, pre-checks); minutes = its modify call → noticed; latency = simulator member-upgraded event → first poll seeing it available",
                trials,
                targets: {
                    detectionSeconds: DETECTION_TARGET_MS / 1000,
                    describesPerMemberMinute: DESCRIBES_PER_MEMBER_MINUTE_TARGET,
                },
                overall,
                byPath: perKind,
                ...(short ? { shortMembers: short } : {}),
            },
        },
        rows,
    };
}

/** The table's rows: describes per member-minute and detection latency against their targets; short members for information. */
function detectionRows(overall: Record<string, number>, short: Record<string, number> | undefined): TableRow[] {
    const rows: TableRow[] = [
        {
            section: "controlPlaneCalls",
            metric: `describes/member/min, wait-loop polls (${overall.members} waits)`,
            value: `${overall.waitingDescribesPerMemberMinute}`,
            target: `≤ ${DESCRIBES_PER_MEMBER_MINUTE_TARGET}`,
            met: overall.waitingDescribesPerMemberMinute <= DESCRIBES_PER_MEMBER_MINUTE_TARGET,
        },
        {
            section: "controlPlaneCalls",
            metric: "describes/member/min, every DescribeDBClusters",
            value: `${overall.allDescribesPerMemberMinute}`,
            target: `≤ ${DESCRIBES_PER_MEMBER_MINUTE_TARGET}`,
            met: overall.allDescribesPerMemberMinute <= DESCRIBES_PER_MEMBER_MINUTE_TARGET,
        },
        {
            section: "controlPlaneCalls",
            metric: "completion noticed after a member finished",
            value: `max ${overall.maxDetectionSeconds}s, p95 ${overall.p95DetectionSeconds}s, mean ${overall.meanDetectionSeconds}s`,
            target: `≤ ${DETECTION_TARGET_MS / 1000}s`,
            met: overall.maxDetectionSeconds * 1000 <= DETECTION_TARGET_MS,
        },
    ];
    if (short)
        rows.push({
            section: "controlPlaneCalls",
            metric: `3–8 min (${short.members} waits): describes/member/min; noticed`,
            value: `${short.waitingDescribesPerMemberMinute}; ${short.allDescribesPerMemberMinute}; max ${short.maxDetectionSeconds}s, mean ${short.meanDetectionSeconds}s`,
            target: `(info) ≤ ${DESCRIBES_PER_MEMBER_MINUTE_TARGET}; ≤ ${DETECTION_TARGET_MS / 1000}s`,
        });
    return rows;
}
