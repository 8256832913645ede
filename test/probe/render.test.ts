import * as assert from "assert";
import { EndpointRecorder, formatEvent, parseEndpoint, renderJson, renderText, WatchReport } from "../../probe";

const T0 = Date.UTC(2026, 3, 11, 6, 21, 34, 69);

function report(): WatchReport {
    const east = new EndpointRecorder(parseEndpoint("us-east-1=postgres://app:s3cret@east/db"));
    const tokyo = new EndpointRecorder(parseEndpoint("tokyo=postgres://app@tokyo/db"));
    east.record({ at: T0, ok: true, version: "17.4.5" });
    east.record({ at: T0 + 500, ok: false, error: "connect ECONNREFUSED 172.31.14.140:5432" });
    east.record({ at: T0 + 2000, ok: true, version: "17.5.4" });
    tokyo.record({ at: T0 + 100, ok: false, error: "the database system is starting up" });
    return {
        startedAt: T0,
        stoppedAt: T0 + 2500,
        intervalMs: 500,
        stopReason: "aborted",
        endpoints: [east.finish(T0 + 2500), tokyo.finish(T0 + 2500)],
    };
}

describe("probe/render", () => {
    it("formats each timeline event on one line", () => {
        const lines = report().endpoints[0].timeline.map((e) => formatEvent(e, 9));
        assert.deepStrictEqual(lines, [
            "2026-04-11T06:21:34.069Z  us-east-1  version 17.4.5",
            "2026-04-11T06:21:34.569Z  us-east-1  DOWN  connect ECONNREFUSED 172.31.14.140:5432",
            "2026-04-11T06:21:36.069Z  us-east-1  UP    after 1.500 s down",
            "2026-04-11T06:21:36.069Z  us-east-1  version 17.4.5 -> 17.5.4",
        ]);
    });

    it("renders the timeline in time order, then the summary per endpoint and the outages", () => {
        assert.strictEqual(
            renderText(report()),
            [
                "2026-04-11T06:21:34.069Z  us-east-1  version 17.4.5",
                "2026-04-11T06:21:34.169Z  tokyo      DOWN  the database system is starting up",
                "2026-04-11T06:21:34.569Z  us-east-1  DOWN  connect ECONNREFUSED 172.31.14.140:5432",
                "2026-04-11T06:21:36.069Z  us-east-1  UP    after 1.500 s down",
                "2026-04-11T06:21:36.069Z  us-east-1  version 17.4.5 -> 17.5.4",
                "done: watched 2.500 s every 500 ms (stopped by Ctrl-C)",
                "  us-east-1 (postgres): version 17.4.5 → 17.5.4, down 1.500 s in 1 outage (longest 1.500 s), 3 probes, 1 failed",
                "  tokyo (postgres): never answered, down 2.400 s in 1 outage (longest 2.400 s), 1 probe, 1 failed",
                "outages:",
                "  us-east-1: 2026-04-11T06:21:34.569Z .. 2026-04-11T06:21:36.069Z  1.500 s  (1 failed probe; first error: connect ECONNREFUSED 172.31.14.140:5432)",
                "  tokyo: 2026-04-11T06:21:34.169Z .. still down when the watch stopped  2.400 s  (1 failed probe; first error: the database system is starting up)",
                "",
            ].join("\n"),
        );
    });

    it("renders JSON with ISO times, redacted URLs and the summary per endpoint", () => {
        const json = JSON.parse(renderJson(report()));
        assert.deepStrictEqual(Object.keys(json), ["startedAt", "stoppedAt", "intervalMs", "stopReason", "endpoints"]);
        assert.strictEqual(json.startedAt, "2026-04-11T06:21:34.069Z");
        assert.strictEqual(json.stopReason, "aborted");
        assert.deepStrictEqual(json.endpoints[0].summary, {
            name: "us-east-1",
            engine: "postgres",
            url: "postgres://app:***@east/db",
            firstVersion: "17.4.5",
            lastVersion: "17.5.4",
            totalDowntimeMs: 1500,
            longestOutageMs: 1500,
            outages: 1,
            probes: 3,
            failures: 1,
        });
        assert.deepStrictEqual(json.endpoints[0].outages, [
            {
                start: "2026-04-11T06:21:34.569Z",
                end: "2026-04-11T06:21:36.069Z",
                durationMs: 1500,
                error: "connect ECONNREFUSED 172.31.14.140:5432",
                failedProbes: 1,
            },
        ]);
        assert.deepStrictEqual(json.endpoints[1].outages[0].end, null);
        assert.deepStrictEqual(json.endpoints[0].timeline[2], {
            kind: "up",
            endpoint: "us-east-1",
            at: "2026-04-11T06:21:36.069Z",
            version: "17.5.4",
            downtimeMs: 1500,
        });
        assert.ok(!renderJson(report()).includes("s3cret"));
    });
});
