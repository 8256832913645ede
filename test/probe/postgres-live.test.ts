/**
 * `watch` against a real PostgreSQL server (Debian's postgresql package) on 127.0.0.1, and against
 * a closed loopback port. Kept few and short: 100 ms intervals, sub-second durations.
 */
import * as assert from "assert";
import { spawn } from "child_process";
import * as path from "path";
import { Client } from "pg";
import { parseEndpoint } from "../../probe";
import { PostgresServer, startPostgresServer } from "../support/postgres-server";
import { freeLoopbackPort } from "../support/throwaway-server";
import { assertOneOutageAcrossRestart, watchRestart } from "./restart-record";
import { runWatch } from "./run-command";
import { assertNames, expectErrorLine } from "../support/meaning";

async function sql(url: string, text: string): Promise<void> {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
        await client.query(text);
    } finally {
        await client.end();
    }
}

/** An Aurora-like `aurora_version()` whose answer comes from the `aurora_test.version` setting. */
const CREATE_AURORA_VERSION =
    "CREATE FUNCTION aurora_version() RETURNS text LANGUAGE sql " +
    "AS $$ SELECT coalesce(current_setting('aurora_test.version', true), '17.4.5') $$";

describe("probe against a real PostgreSQL server", function () {
    this.timeout(60_000);
    let server: PostgresServer;
    let version: string;
    let urlWithPassword: string;
    before(async () => {
        server = await startPostgresServer();
        version = /\) (\d+\.\d+)/.exec(server.versionText)?.[1] ?? server.versionText;
        // Trust auth accepts any password, so the password is only there to prove redaction.
        urlWithPassword = `postgres://postgres:s3cret@127.0.0.1:${server.port}/postgres`;
    });
    after(async () => server && (await server.destroy()));

    it("reads the server version and prints it, with the password redacted", async () => {
        const run = await runWatch([
            "--endpoint",
            `local=${urlWithPassword}`,
            "--interval-ms",
            "100",
            "--duration",
            "0.3",
        ]);
        assert.strictEqual(run.code, 0);
        const lines = run.stdout.split("\n");
        assertNames(lines[0], [
            "watching",
            `local=postgres://postgres:***@127.0.0.1:${server.port}/postgres`,
            "100 ms",
            "0.3 s",
        ]);
        assert.match(
            lines[1],
            new RegExp(`^\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  local  version ${version.replace(".", "\\.")}\\b`),
        );
        assertNames(lines[2], ["done", "0.300 s", "100 ms", "duration reached"]);
        assert.ok(!run.stdout.includes("s3cret") && !run.stderr.includes("s3cret"));
    });

    it("measures a restart with an upgrade (as in the seed) as one outage: every probe while stopped refused, ended by the first probe after the restart, then the new version", async () => {
        await sql(server.url, CREATE_AURORA_VERSION);
        try {
            const run = await watchRestart(parseEndpoint(`local=${server.url}`), 100, server, () =>
                server.appendConfig(["aurora_test.version = '17.5.4'"]),
            );
            assertOneOutageAcrossRestart(run, {
                refused: `connect ECONNREFUSED 127.0.0.1:${server.port}`,
                versionBefore: "17.4.5",
                versionAfter: "17.5.4",
            });
        } finally {
            await sql(server.url, "DROP FUNCTION aurora_version()");
        }
    });

    it("prints a JSON report of a live endpoint and a refused one, after an abort", async () => {
        const closedPort = await freeLoopbackPort();
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 400);
        const run = await runWatch(
            [
                "--endpoint",
                `live=${urlWithPassword}`,
                "--endpoint",
                `closed=postgres://app:s3cret@127.0.0.1:${closedPort}/db`,
                "--interval-ms",
                "100",
                "--format",
                "json",
            ],
            { signal: controller.signal },
        );
        // The never-answered wording: command.test.ts. Here: one line, naming the endpoint and its first error.
        const line = expectErrorLine(
            run,
            1,
            "error: closed never answered",
            `connect ECONNREFUSED 127.0.0.1:${closedPort}`,
        );
        assert.strictEqual(run.stderr, `${line}\n`);
        assert.ok(!run.stdout.includes("s3cret") && !run.stderr.includes("s3cret"));
        const json = JSON.parse(run.stdout);
        assert.strictEqual(json.stopReason, "aborted");
        const [live, closed] = json.endpoints;
        assert.strictEqual(live.summary.url, `postgres://postgres:***@127.0.0.1:${server.port}/postgres`);
        assert.ok(live.summary.firstVersion.startsWith(version), live.summary.firstVersion);
        assert.deepStrictEqual([live.summary.outages, live.summary.failures], [0, 0]);
        assert.strictEqual(closed.summary.firstVersion, null);
        assert.strictEqual(closed.summary.probes, closed.summary.failures);
        assert.deepStrictEqual(
            closed.outages.map((o: { end: unknown; error: string }) => [o.end, o.error]),
            [[null, `connect ECONNREFUSED 127.0.0.1:${closedPort}`]],
        );
    });
});

describe("probe against closed loopback ports (no server)", function () {
    this.timeout(30_000);

    it("reports refused PostgreSQL and MySQL connections as outages with the error text, not a crash", async () => {
        const port = await freeLoopbackPort();
        const run = await runWatch([
            "--endpoint",
            `pg=postgresql://u:s3cret@127.0.0.1:${port}/db`,
            "--endpoint",
            `my=mysql://root:s3cret@127.0.0.1:${port}/`,
            "--interval-ms",
            "100",
            "--duration",
            "0.2",
        ]);
        assert.strictEqual(run.code, 1, "neither endpoint ever answered");
        const lines = run.stderr.split("\n").filter(Boolean);
        assert.strictEqual(lines.length, 2, run.stderr);
        ["pg", "my"].forEach((name, i) =>
            assertNames(lines[i], [`error: ${name} never answered`, `connect ECONNREFUSED 127.0.0.1:${port}`]),
        );
        const downs = run.stdout
            .split("\n")
            .filter((l) => l.includes("  DOWN  "))
            .map((l) => l.replace(/^\S+\s+/, ""))
            .sort();
        assert.deepStrictEqual(downs, [
            `my  DOWN  connect ECONNREFUSED 127.0.0.1:${port}`,
            `pg  DOWN  connect ECONNREFUSED 127.0.0.1:${port}`,
        ]);
        assert.ok(!run.stdout.includes("s3cret"));
    });

    it("stops on a real SIGINT (Ctrl-C) and still prints the summary; exit code 1, since the endpoint never answered", async () => {
        const port = await freeLoopbackPort();
        const root = path.resolve(__dirname, "../..");
        const child = spawn(
            process.execPath,
            [
                "-r",
                "ts-node/register/transpile-only",
                path.join(__dirname, "fixtures/watch-cli.ts"),
                "--endpoint",
                `pg=postgres://u:s3cret@127.0.0.1:${port}/db`,
                "--interval-ms",
                "100",
            ],
            { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
        );
        let stdout = "";
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString()));
        let interrupted = false;
        const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
        child.stdout.on("data", (chunk: Buffer) => {
            stdout += chunk.toString();
            if (!interrupted && stdout.includes("  DOWN  ")) interrupted = child.kill("SIGINT"); // once: a 2nd Ctrl-C quits at once
        });
        assert.strictEqual(await exited, 1, stderr);
        assert.match(
            stderr,
            /^error: pg never answered in \d+\.\d{3} s \(\d+ probes; first error: connect ECONNREFUSED /,
        );
        assert.match(stdout, /\ndone: watched \d+\.\d{3} s every 100 ms \(stopped by Ctrl-C\)\n/);
        assert.match(
            stdout,
            /\n {2}pg \(postgres\): never answered, down \d+\.\d{3} s in 1 outage \(longest \d+\.\d{3} s\), (\d+) probes?, \1 failed\n/,
        );
        assert.ok(!stdout.includes("s3cret"));
    });
});
