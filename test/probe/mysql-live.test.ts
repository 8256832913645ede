/**
 * `watch` against a real MySQL-protocol server (MariaDB from Debian's mariadb-server package) on
 * 127.0.0.1, with real password authentication. Kept few and short: 100 ms intervals,
 * sub-second durations. No wall-clock thresholds (the restart: restart-record.ts).
 */
import * as assert from "assert";
import { createConnection } from "mysql2/promise";
import { parseEndpoint, probeEndpoint, readMysqlVersion } from "../../probe";
import { MysqlServer, startMysqlServer } from "../support/mysql-server";
import { freeLoopbackPort } from "../support/throwaway-server";
import { assertOneOutageAcrossRestart, watchRestart } from "./restart-record";
import { runWatch } from "./run-command";
import { assertNames, expectErrorLine } from "../support/meaning";

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
        assertNames(lines[0], ["watching", `local=mysql://aurora:***@127.0.0.1:${server.port}/`, "100 ms", "0.3 s"]);
        assert.match(lines[1], /^\d{4}-\d\d-\d\dT[\d:.]+Z {2}local {2}version (\S+)$/);
        assert.strictEqual(lines[1].split(" ").pop(), version);
        assertNames(lines[2], ["done", "0.300 s", "100 ms", "duration reached"]);
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
            // The never-answered wording: command.test.ts.
            const line = expectErrorLine(
                run,
                1,
                "error: local never answered",
                `first error: connect ECONNREFUSED 127.0.0.1:${server.port}`,
            );
            assert.strictEqual(run.stderr, `${line}\n`, "one line");
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
        const run = await watchRestart(parseEndpoint(`local=${server.url}`), 100, server);
        assertOneOutageAcrossRestart(run, {
            refused: `connect ECONNREFUSED 127.0.0.1:${server.port}`,
            versionBefore: version,
            versionAfter: version,
        });
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
        // One line per endpoint that never answered, naming it and its first error (the wording: command.test.ts).
        const lines = run.stderr.split("\n").filter(Boolean);
        assert.strictEqual(lines.length, 2, run.stderr);
        assertNames(lines[0], ["error: denied never answered", "Access denied for user 'aurora'@'127.0.0.1'"]);
        assertNames(lines[1], ["error: closed never answered", `connect ECONNREFUSED 127.0.0.1:${closedPort}`]);
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
