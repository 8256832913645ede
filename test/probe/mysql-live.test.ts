/**
 * `watch` against a real MySQL-protocol server (MariaDB from Debian's mariadb-server package) on
 * 127.0.0.1, with real password authentication. Kept few and short: 100 ms intervals,
 * sub-second durations. No wall-clock thresholds: the restart test waits for probes, not for
 * time, and is checked against its own record of every probe (when it started, when it settled,
 * what it read), wrapped around the real prober.
 */
import * as assert from "assert";
import { createConnection } from "mysql2/promise";
import { parseEndpoint, probeEndpoint, ProbeFn, readMysqlVersion, watch } from "../../probe";
import { errorText } from "../../probe/watch";
import { MysqlServer, startMysqlServer } from "../support/mysql-server";
import { freeLoopbackPort } from "../support/throwaway-server";
import { runWatch } from "./run-command";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One probe as the wrapper saw it: start and settle times, the version read or the error text. */
interface ProbeRecord {
    readonly at: number;
    settled?: number;
    version?: string;
    error?: string;
}

/** The real prober, recording every call in call order (the watch's slot order). */
function recordingProbe(): { probe: ProbeFn; records: ProbeRecord[] } {
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

describe("probe against a real MySQL-protocol server (MariaDB)", function () {
    this.timeout(60_000);
    let server: MysqlServer;
    /** What the server says it is: the version in `mariadbd --version`. */
    let version: string;
    /** Every form of the password that must never be printed. */
    let secrets: string[];
    const leaked = (text: string) => secrets.filter((s) => text.includes(s));
    before(async () => {
        server = await startMysqlServer();
        version = /\bVer (\S+)/.exec(server.versionText)?.[1] ?? server.versionText;
        secrets = [server.password, encodeURIComponent(server.password)];
    });
    after(async () => server && (await server.destroy()));

    it("reads VERSION() after MariaDB refuses @@aurora_version with ER_UNKNOWN_SYSTEM_VARIABLE (errno 1193)", async () => {
        const connection = await createConnection({ uri: server.url });
        const answers: string[] = [];
        try {
            const version_ = await readMysqlVersion(
                {
                    query: async (options) => {
                        try {
                            const result = await connection.query(options);
                            answers.push(`${options.sql} -> ${JSON.stringify(result[0])}`);
                            return result;
                        } catch (error) {
                            const e = error as { errno?: number; code?: string; message: string };
                            answers.push(`${options.sql} -> ${e.errno} ${e.code} ${e.message}`);
                            throw error;
                        }
                    },
                },
                2000,
            );
            assert.strictEqual(version_, version);
        } finally {
            await connection.end();
        }
        assert.deepStrictEqual(answers, [
            "SELECT @@aurora_version AS version -> 1193 ER_UNKNOWN_SYSTEM_VARIABLE Unknown system variable 'aurora_version'",
            `SELECT VERSION() AS version -> [{"version":"${version}"}]`,
        ]);
        assert.strictEqual(await probeEndpoint(parseEndpoint(`local=${server.url}`), 2000), version);
    });

    it("prints the version the server reports, with the password redacted", async () => {
        const run = await runWatch(["--endpoint", `local=${server.url}`, "--interval-ms", "100", "--duration", "0.3"]);
        assert.strictEqual(run.code, 0, run.stderr);
        const lines = run.stdout.split("\n");
        assert.strictEqual(
            lines[0],
            `watching local=mysql://aurora:***@127.0.0.1:${server.port}/ every 100 ms for 0.3 s`,
        );
        assert.match(lines[1], /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}local {2}version (\S+)$/);
        assert.strictEqual(lines[1].split(" ").pop(), version);
        assert.strictEqual(lines[2], "Summary: watched 0.300 s every 100 ms (duration reached)");
        assert.deepStrictEqual(leaked(run.stdout + run.stderr), []);
    });

    it("reports a stopped server as one outage with the real ECONNREFUSED, still open at the end", async () => {
        await server.stop();
        try {
            const run = await runWatch([
                "--endpoint",
                `local=${server.url}`,
                "--interval-ms",
                "100",
                "--duration",
                "0.3",
                "--format",
                "json",
            ]);
            assert.strictEqual(run.code, 1, "an endpoint that never answered exits 1");
            assert.match(
                run.stderr,
                new RegExp(
                    `^error: local never answered in \\d+\\.\\d{3} s \\(\\d+ probes; first error: connect ECONNREFUSED 127\\.0\\.0\\.1:${server.port}\\): its downtime figures measure the connection, not the upgrade; check the URL, the credentials and the network path, then watch again\\n$`,
                ),
            );
            assert.deepStrictEqual(leaked(run.stdout + run.stderr), []);
            const [local] = JSON.parse(run.stdout).endpoints;
            assert.deepStrictEqual(
                local.outages.map((o: { end: unknown; error: string; failedProbes: number }) => [
                    o.end,
                    o.error,
                    o.failedProbes,
                ]),
                [[null, `connect ECONNREFUSED 127.0.0.1:${server.port}`, local.summary.probes]],
            );
            assert.deepStrictEqual([local.summary.firstVersion, local.summary.failures], [null, local.summary.probes]);
            assert.ok(local.summary.probes >= 1);
        } finally {
            await server.start();
        }
    });

    it("measures a restart as one outage: every probe while stopped refused, ended by the first probe after the restart", async () => {
        const intervalMs = 100;
        const { probe, records } = recordingProbe();
        const controller = new AbortController();
        const watching = watch(
            {
                endpoints: [parseEndpoint(`local=${server.url}`)],
                intervalMs,
                timeoutMs: 5000,
                signal: controller.signal,
            },
            { probe },
        );
        let stopCalled = 0;
        let stopped = 0;
        let startCalled = 0;
        let started = 0;
        /** Waits until `count` probes started at or after `since` have settled. */
        const settledSince = async (since: number, count: number) => {
            while (records.filter((r) => r.at >= since && r.settled !== undefined).length < count) await pause(20);
        };
        try {
            await settledSince(0, 2);
            stopCalled = Date.now();
            await server.stop();
            stopped = Date.now();
            await settledSince(stopped, 3);
            startCalled = Date.now();
            await server.start();
            started = Date.now();
            await settledSince(started, 2);
        } finally {
            controller.abort();
        }
        const [report] = (await watching).endpoints;
        const context = JSON.stringify({ stopCalled, stopped, startCalled, started, records, report });
        const refused = `connect ECONNREFUSED 127.0.0.1:${server.port}`;

        // What the server's state forces, probe by probe.
        const whileUp = records.filter((r) => r.settled! < stopCalled);
        const whileStopped = records.filter((r) => r.at >= stopped && r.at < startCalled);
        const afterRestart = records.filter((r) => r.at >= started);
        assert.ok(whileUp.length > 0 && whileStopped.length > 0 && afterRestart.length > 0, context);
        assert.deepStrictEqual(
            whileUp.map((r) => r.version),
            whileUp.map(() => version),
            context,
        );
        assert.deepStrictEqual(
            whileStopped.map((r) => r.error),
            whileStopped.map(() => refused),
            context,
        );
        assert.deepStrictEqual(
            afterRestart.map((r) => r.version),
            afterRestart.map(() => version),
            context,
        );

        // The report: one outage made of consecutive failed probes, the real first error.
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
        // It starts at the first failed probe and ends at the next success: the first probe
        // started after the server came back (the last failure started before it was ready).
        assert.ok(
            records[firstFailed - 1].at <= outage.start && outage.start <= records[firstFailed].at,
            `start: ${context}`,
        );
        assert.ok(outage.end !== null, context);
        assert.ok(records[lastFailed].at <= outage.end && outage.end <= records[lastFailed + 1].at, `end: ${context}`);
        assert.ok(records[lastFailed].at < started && records[lastFailed + 1].at >= startCalled, context);
        assert.strictEqual(report.summary.totalDowntimeMs, outage.end - outage.start);
        assert.deepStrictEqual(
            report.timeline.map((e) => (e.kind === "version" ? `version ${e.previous} -> ${e.version}` : e.kind)),
            [`version null -> ${version}`, "down", "up"],
        );
        assert.deepStrictEqual([report.summary.firstVersion, report.summary.lastVersion], [version, version]);
    });

    it("prints a JSON report of a live endpoint, a wrong password (MariaDB's Access denied) and a refused port", async () => {
        const closedPort = await freeLoopbackPort();
        const wrong = "wrong-pw-7f3a";
        const run = await runWatch([
            "--endpoint",
            `live=${server.url}`,
            "--endpoint",
            `denied=mysql://aurora:${wrong}@127.0.0.1:${server.port}/`,
            "--endpoint",
            `closed=mysql://aurora:${encodeURIComponent(server.password)}@127.0.0.1:${closedPort}/`,
            "--interval-ms",
            "100",
            "--duration",
            "0.3",
            "--format",
            "json",
        ]);
        assert.strictEqual(run.code, 1, "two endpoints never answered");
        const silent = run.stderr.replace(/ in \d+\.\d{3} s \(\d+ probes;/g, " in T s (N probes;").split("\n");
        const advice =
            "its downtime figures measure the connection, not the upgrade; check the URL, the credentials and the network path, then watch again";
        assert.deepStrictEqual(silent, [
            `error: denied never answered in T s (N probes; first error: Access denied for user 'aurora'@'127.0.0.1' (using password: YES)): ${advice}`,
            `error: closed never answered in T s (N probes; first error: connect ECONNREFUSED 127.0.0.1:${closedPort}): ${advice}`,
            "",
        ]);
        assert.ok(!run.stderr.includes("live never answered"));
        assert.deepStrictEqual(leaked(run.stdout + run.stderr), []);
        assert.ok(!run.stdout.includes(wrong));
        const json = JSON.parse(run.stdout);
        assert.strictEqual(json.stopReason, "duration");
        const [live, denied, closed] = json.endpoints;
        assert.strictEqual(live.summary.url, `mysql://aurora:***@127.0.0.1:${server.port}/`);
        assert.deepStrictEqual(
            [live.summary.firstVersion, live.summary.lastVersion, live.summary.outages, live.summary.failures],
            [version, version, 0, 0],
        );
        const outages = (e: { outages: { end: unknown; error: string }[] }) => e.outages.map((o) => [o.end, o.error]);
        assert.deepStrictEqual(outages(denied), [
            [null, "Access denied for user 'aurora'@'127.0.0.1' (using password: YES)"],
        ]);
        assert.deepStrictEqual(outages(closed), [[null, `connect ECONNREFUSED 127.0.0.1:${closedPort}`]]);
        for (const e of [denied, closed]) assert.strictEqual(e.summary.failures, e.summary.probes);
    });
});
