import * as assert from "assert";
import { EndpointRecorder, parseEndpoint, ProbeSample } from "../../probe";

const endpoint = parseEndpoint("eu=postgresql://u@h/db");
const ok = (at: number, version: string): ProbeSample => ({ at, ok: true, version });
const fail = (at: number, error = "connect ECONNREFUSED"): ProbeSample => ({ at, ok: false, error });

function record(samples: ProbeSample[]): EndpointRecorder {
    const recorder = new EndpointRecorder(endpoint);
    for (const s of samples) recorder.record(s);
    return recorder;
}

describe("probe/timeline EndpointRecorder", () => {
    it("sums several outages and keeps the longest; only the first error of each is kept", () => {
        const r = record([ok(0, "1"), fail(100, "a"), fail(200, "b"), ok(300, "1"), fail(400, "c"), ok(500, "1")]);
        const report = r.finish(600);
        assert.deepStrictEqual(report.outages, [
            { start: 100, end: 300, durationMs: 200, error: "a", failedProbes: 2 },
            { start: 400, end: 500, durationMs: 100, error: "c", failedProbes: 1 },
        ]);
        assert.strictEqual(report.summary.totalDowntimeMs, 300);
        assert.strictEqual(report.summary.longestOutageMs, 200);
        assert.strictEqual(report.summary.outages, 2);
        assert.strictEqual(report.summary.failures, 3);
        assert.strictEqual(report.summary.probes, 6);
    });

    it("records a version change without an outage (zero-downtime patching)", () => {
        const r = new EndpointRecorder(endpoint);
        assert.deepStrictEqual(r.record(ok(0, "17.4.5")), [
            { kind: "version", endpoint: "eu", at: 0, version: "17.4.5", previous: null },
        ]);
        assert.deepStrictEqual(r.record(ok(500, "17.4.5")), []);
        assert.deepStrictEqual(r.record(ok(1000, "17.5.4")), [
            { kind: "version", endpoint: "eu", at: 1000, version: "17.5.4", previous: "17.4.5" },
        ]);
        assert.deepStrictEqual(r.finish(1500).outages, []);
    });

    it("handles an endpoint that is down from the first probe and never comes up", () => {
        const r = new EndpointRecorder(endpoint);
        assert.deepStrictEqual(r.record(fail(10, "getaddrinfo ENOTFOUND h")), [
            { kind: "down", endpoint: "eu", at: 10, error: "getaddrinfo ENOTFOUND h" },
        ]);
        assert.deepStrictEqual(r.record(fail(20)), []);
        const report = r.finish(110);
        assert.deepStrictEqual(report.outages, [
            { start: 10, end: null, durationMs: 100, error: "getaddrinfo ENOTFOUND h", failedProbes: 2 },
        ]);
        assert.strictEqual(report.summary.firstVersion, null);
        assert.strictEqual(report.summary.lastVersion, null);
    });

    it("emits up then the version when an endpoint comes back at a new version", () => {
        const r = record([ok(0, "17.4.5"), fail(500)]);
        assert.deepStrictEqual(r.record(ok(1000, "17.5.4")), [
            { kind: "up", endpoint: "eu", at: 1000, version: "17.5.4", downtimeMs: 500 },
            { kind: "version", endpoint: "eu", at: 1000, version: "17.5.4", previous: "17.4.5" },
        ]);
        assert.strictEqual(r.finish(1000).timeline.length, 4);
    });
});
