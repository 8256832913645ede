/**
 * A restart of a real server under `watch`, checked without wall-clock thresholds: the real prober
 * is wrapped to record every probe (when it started, when it settled, what it read), the test
 * waits for probes rather than for time, and the report is checked against what the server's
 * state forces probe by probe. Shared by the PostgreSQL and the MySQL live tests.
 */
import * as assert from "assert";
import { Endpoint, EndpointReport, probeEndpoint, ProbeFn, watch } from "../../probe";
import { errorText } from "../../probe/watch";

/** One probe as the wrapper saw it: start and settle times, the version read or the error text. */
export interface ProbeRecord {
    readonly at: number;
    settled?: number;
    version?: string;
    error?: string;
}

/** When the test called stop/start and when they returned (epoch ms). */
export interface RestartMarks {
    readonly stopCalled: number;
    readonly stopped: number;
    readonly startCalled: number;
    readonly started: number;
}

/** What a restart run measured. */
export interface RestartRun {
    readonly marks: RestartMarks;
    readonly records: readonly ProbeRecord[];
    readonly report: EndpointReport;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The real prober, recording every call in call order (the watch's slot order). */
export function recordingProbe(): { probe: ProbeFn; records: ProbeRecord[] } {
    const records: ProbeRecord[] = [];
    const probe: ProbeFn = async (endpoint, timeoutMs) => {
        const record: ProbeRecord = { at: Date.now() };
        records.push(record);
        try {
            record.version = await probeEndpoint(endpoint, timeoutMs);
            return record.version;
        } catch (error) {
            record.error = errorText(error);
            throw error;
        } finally {
            record.settled = Date.now();
        }
    };
    return { probe, records };
}

/**
 * Watches `endpoint` every `intervalMs` while the server is stopped and started again: two probes
 * settle before the stop, three start and settle while it is stopped, two after the restart.
 * `whileStopped` runs once the server is down (e.g. to change its configuration).
 */
export async function watchRestart(
    endpoint: Endpoint,
    intervalMs: number,
    server: { stop(): Promise<void>; start(): Promise<void> },
    whileStopped: () => void = () => undefined,
): Promise<RestartRun> {
    const { probe, records } = recordingProbe();
    const controller = new AbortController();
    // A generous probe timeout: a probe is never cut short, so the record and the report agree.
    const watching = watch(
        { endpoints: [endpoint], intervalMs, timeoutMs: 5000, signal: controller.signal },
        { probe },
    );
    const settledSince = async (since: number, count: number) => {
        while (records.filter((r) => r.at >= since && r.settled !== undefined).length < count) await pause(20);
    };
    const marks = { stopCalled: 0, stopped: 0, startCalled: 0, started: 0 };
    try {
        await settledSince(0, 2);
        marks.stopCalled = Date.now();
        await server.stop();
        marks.stopped = Date.now();
        whileStopped();
        await settledSince(marks.stopped, 3);
        marks.startCalled = Date.now();
        await server.start();
        marks.started = Date.now();
        await settledSince(marks.started, 2);
    } finally {
        controller.abort();
    }
    const [report] = (await watching).endpoints;
    return { marks, records, report };
}

/**
 * Checks a restart run: probes settled before the stop read `versionBefore`, every probe started
 * while the server was stopped failed with `refused`, every probe started after the restart read
 * `versionAfter`; the report has exactly one outage, made of consecutive failed probes, with the
 * first one's error, starting at the first failed probe and ending at the next probe, which started
 * after the restart was called while the last failure started before the server was ready.
 */
export function assertOneOutageAcrossRestart(
    run: RestartRun,
    expected: { refused: string; versionBefore: string; versionAfter: string },
): void {
    const { marks, records, report } = run;
    const context = JSON.stringify({ marks, records, report });
    const whileUp = records.filter((r) => r.settled !== undefined && r.settled < marks.stopCalled);
    const whileStopped = records.filter((r) => r.at >= marks.stopped && r.at < marks.startCalled);
    const afterRestart = records.filter((r) => r.at >= marks.started);
    assert.ok(whileUp.length > 0 && whileStopped.length > 0 && afterRestart.length > 0, context);
    const each = (rs: ProbeRecord[], key: "version" | "error", value: string) =>
        assert.deepStrictEqual(
            rs.map((r) => r[key]),
            rs.map(() => value),
            context,
        );
    each(whileUp, "version", expected.versionBefore);
    each(whileStopped, "error", expected.refused);
    each(afterRestart, "version", expected.versionAfter);

    assert.strictEqual(report.outages.length, 1, context);
    const [outage] = report.outages;
    const firstFailed = records.findIndex((r) => r.error !== undefined);
    const lastFailed = records.length - 1 - [...records].reverse().findIndex((r) => r.error !== undefined);
    assert.ok(firstFailed > 0 && lastFailed < records.length - 1, context);
    assert.deepStrictEqual(
        records.slice(firstFailed, lastFailed + 1).filter((r) => r.version !== undefined),
        [],
        context,
    );
    assert.strictEqual(outage.error, records[firstFailed].error, context);
    assert.strictEqual(outage.failedProbes, lastFailed - firstFailed + 1, context);
    assert.deepStrictEqual(
        [report.summary.probes, report.summary.failures],
        [records.length, outage.failedProbes],
        context,
    );
    // The report stamps a probe just before the wrapper does, after the previous probe's stamp.
    assert.ok(
        records[firstFailed - 1].at <= outage.start && outage.start <= records[firstFailed].at,
        `start: ${context}`,
    );
    assert.ok(outage.end !== null, context);
    assert.ok(records[lastFailed].at <= outage.end && outage.end <= records[lastFailed + 1].at, `end: ${context}`);
    assert.ok(records[lastFailed].at < marks.started && records[lastFailed + 1].at >= marks.startCalled, context);
    assert.strictEqual(report.summary.totalDowntimeMs, outage.end - outage.start, context);
    const versions =
        expected.versionBefore === expected.versionAfter
            ? [`version null -> ${expected.versionBefore}`, "down", "up"]
            : [
                  `version null -> ${expected.versionBefore}`,
                  "down",
                  "up",
                  `version ${expected.versionBefore} -> ${expected.versionAfter}`,
              ];
    assert.deepStrictEqual(
        report.timeline.map((e) => (e.kind === "version" ? `version ${e.previous} -> ${e.version}` : e.kind)),
        versions,
        context,
    );
    assert.deepStrictEqual(
        [report.summary.firstVersion, report.summary.lastVersion],
        [expected.versionBefore, expected.versionAfter],
    );
}
