import * as assert from "assert";
import { parseEndpoint, ProbeFn, watch } from "../../probe";
import { FakeClock } from "./fake-clock";

const pg = parseEndpoint("us-east-1=postgres://app:s3cret@db.example:5432/postgres");
const mysql = parseEndpoint("ap-northeast-1=mysql://app:s3cret@db2.example:3306/");

/** A probe that is down in [downFrom, downTo) (virtual ms since origin) and upgrades on the way. */
function restartingProbe(clock: FakeClock, downFrom: number, downTo: number): ProbeFn {
    return async () => {
        const t = clock.elapsed();
        if (t >= downFrom && t < downTo) throw new Error("connect ECONNREFUSED 10.0.0.1:5432");
        return t < downFrom ? "17.4.5" : "17.5.4";
    };
}

describe("probe/watch (fake probes, virtual clock)", () => {
    it("probes every interval until the duration ends and reads the version", async () => {
        const clock = new FakeClock();
        const starts: number[] = [];
        const report = await watch(
            { endpoints: [pg], intervalMs: 500, durationMs: 2000 },
            {
                now: clock.now,
                sleep: clock.sleep,
                probe: async () => {
                    starts.push(clock.elapsed());
                    return "17.4.5";
                },
            },
        );
        assert.deepStrictEqual(starts, [0, 500, 1000, 1500]);
        assert.strictEqual(report.stopReason, "duration");
        assert.strictEqual(report.stoppedAt - report.startedAt, 2000);
        const [e] = report.endpoints;
        assert.deepStrictEqual(e.summary, {
            name: "us-east-1",
            engine: "postgres",
            url: "postgres://app:***@db.example:5432/postgres",
            firstVersion: "17.4.5",
            lastVersion: "17.4.5",
            totalDowntimeMs: 0,
            longestOutageMs: 0,
            outages: 0,
            probes: 4,
            failures: 0,
        });
        assert.deepStrictEqual(e.timeline, [
            { kind: "version", endpoint: "us-east-1", at: clock.origin, version: "17.4.5", previous: null },
        ]);
    });

    it("reaches the full duration when a timer fires a millisecond early, as Node's may", async () => {
        const clock = new FakeClock();
        const earlySleep = (ms: number, signal?: AbortSignal) => clock.sleep(ms > 1 ? ms - 1 : ms, signal);
        const report = await watch(
            { endpoints: [pg], intervalMs: 100, durationMs: 300 },
            { now: clock.now, sleep: earlySleep, probe: async () => "17.4.5" },
        );
        assert.strictEqual(report.stopReason, "duration");
        assert.strictEqual(report.stoppedAt - report.startedAt, 300);
    });

    it("measures an outage from the first failed probe to the first successful one, with the version change", async () => {
        const clock = new FakeClock();
        const events: string[] = [];
        const report = await watch(
            {
                endpoints: [pg],
                intervalMs: 500,
                durationMs: 5000,
                onEvent: (e) => events.push(`${e.kind}@${e.at - clock.origin}`),
            },
            { now: clock.now, sleep: clock.sleep, probe: restartingProbe(clock, 1000, 2600) },
        );
        const [e] = report.endpoints;
        assert.deepStrictEqual(e.outages, [
            {
                start: clock.origin + 1000,
                end: clock.origin + 3000,
                durationMs: 2000,
                error: "connect ECONNREFUSED 10.0.0.1:5432",
                failedProbes: 4,
            },
        ]);
        assert.deepStrictEqual(events, ["version@0", "down@1000", "up@3000", "version@3000"]);
        assert.deepStrictEqual(e.timeline[3], {
            kind: "version",
            endpoint: "us-east-1",
            at: clock.origin + 3000,
            version: "17.5.4",
            previous: "17.4.5",
        });
        assert.strictEqual(e.summary.firstVersion, "17.4.5");
        assert.strictEqual(e.summary.lastVersion, "17.5.4");
        assert.strictEqual(e.summary.totalDowntimeMs, 2000);
        assert.strictEqual(e.summary.failures, 4);
        assert.strictEqual(e.summary.probes, 10);
    });

    it("keeps the schedule when a probe is slow, and records results in start order", async () => {
        const clock = new FakeClock();
        const starts: number[] = [];
        const report = await watch(
            { endpoints: [pg], intervalMs: 100, durationMs: 600, timeoutMs: 5000 },
            {
                now: clock.now,
                sleep: clock.sleep,
                probe: async () => {
                    const t = clock.elapsed();
                    starts.push(t);
                    if (t === 100) await clock.sleep(350); // slow; finishes after later probes
                    if (t === 100) throw new Error("slow and failed");
                    return "15.4";
                },
            },
        );
        assert.deepStrictEqual(starts, [0, 100, 200, 300, 400, 500]);
        const [e] = report.endpoints;
        assert.deepStrictEqual(
            e.outages.map((o) => [o.start - clock.origin, o.end === null ? null : o.end - clock.origin]),
            [[100, 200]],
        );
        assert.deepStrictEqual(
            e.timeline.map((t) => `${t.kind}@${t.at - clock.origin}`),
            ["version@0", "down@100", "up@200"],
        );
    });

    it("starts the probes of all endpoints at the same instant; one slow endpoint does not delay another", async () => {
        const clock = new FakeClock();
        const starts: string[] = [];
        await watch(
            { endpoints: [pg, mysql], intervalMs: 200, durationMs: 400 },
            {
                now: clock.now,
                sleep: clock.sleep,
                probe: async (endpoint) => {
                    starts.push(`${endpoint.name}@${clock.elapsed()}`);
                    if (endpoint.engine === "mysql") await clock.sleep(150);
                    return "8.0.mysql_aurora.3.05.2";
                },
            },
        );
        assert.deepStrictEqual(starts, ["us-east-1@0", "ap-northeast-1@0", "us-east-1@200", "ap-northeast-1@200"]);
    });

    it("fails a probe that gets no answer within the timeout", async () => {
        const clock = new FakeClock();
        const report = await watch(
            { endpoints: [pg], intervalMs: 1000, durationMs: 1000, timeoutMs: 300 },
            {
                now: clock.now,
                sleep: clock.sleep,
                probe: () => new Promise<string>(() => undefined),
            },
        );
        assert.deepStrictEqual(report.endpoints[0].outages, [
            {
                start: clock.origin,
                end: null,
                durationMs: 1000,
                error: "no answer within 300 ms",
                failedProbes: 1,
            },
        ]);
    });

    it("stops on abort and still returns the report, counting an open outage up to the stop", async () => {
        const clock = new FakeClock();
        const controller = new AbortController();
        clock.at(1250, () => controller.abort());
        const report = await watch(
            { endpoints: [pg], intervalMs: 500, signal: controller.signal },
            {
                now: clock.now,
                sleep: clock.sleep,
                probe: restartingProbe(clock, 1000, 99_000),
            },
        );
        assert.strictEqual(report.stopReason, "aborted");
        assert.strictEqual(report.stoppedAt - clock.origin, 1250);
        assert.deepStrictEqual(report.endpoints[0].outages, [
            {
                start: clock.origin + 1000,
                end: null,
                durationMs: 250,
                error: "connect ECONNREFUSED 10.0.0.1:5432",
                failedProbes: 1,
            },
        ]);
        assert.strictEqual(report.endpoints[0].summary.probes, 3);
    });

    it("redacts the password from error texts and names inner errors of an AggregateError", async () => {
        const clock = new FakeClock();
        const report = await watch(
            { endpoints: [pg, mysql], intervalMs: 100, durationMs: 100 },
            {
                now: clock.now,
                sleep: clock.sleep,
                probe: async (endpoint) => {
                    if (endpoint.engine === "mysql")
                        throw new AggregateError(
                            [
                                new Error("connect ECONNREFUSED ::1:3306"),
                                new Error("connect ECONNREFUSED 127.0.0.1:3306"),
                            ],
                            "",
                        );
                    throw new Error(`cannot use ${endpoint.url}: password s3cret rejected`);
                },
            },
        );
        assert.deepStrictEqual(
            report.endpoints.map((e) => e.outages[0].error),
            [
                "cannot use postgres://app:***@db.example:5432/postgres: password *** rejected",
                "connect ECONNREFUSED ::1:3306; connect ECONNREFUSED 127.0.0.1:3306",
            ],
        );
    });

    it("rejects a non-positive interval", async () => {
        await assert.rejects(watch({ endpoints: [pg], intervalMs: 0 }, { probe: async () => "1" }), {
            name: "RangeError",
            message: "watch: intervalMs and timeoutMs must be positive",
        });
    });
});
