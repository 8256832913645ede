import * as assert from "assert";
import { ProbeFn } from "../../probe";
import { FakeClock } from "./fake-clock";
import { runWatch } from "./run-command";

const EAST = "us-east-1=postgres://app:s3cret@east.example:5432/postgres";

function fakeDeps(clock: FakeClock, probe: ProbeFn) {
    return { deps: { now: clock.now, sleep: clock.sleep, probe } };
}

describe("probe/command watch (fake probes)", () => {
    const badInputs: [string, string[], string][] = [
        [
            "a NAME=URL without '='",
            ["--endpoint", "east.example"],
            'error: --endpoint "east.example": expected NAME=URL; use e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres\n',
        ],
        [
            "an unsupported scheme",
            ["--endpoint", "a=redis://u:s3cret@h:6379"],
            'error: --endpoint "a=redis://u:***@h:6379": unsupported scheme "redis://"; use postgres://, postgresql:// or mysql://\n',
        ],
        [
            "a non-numeric interval",
            ["--endpoint", EAST, "--interval-ms", "half"],
            'error: --interval-ms "half" is not valid; use a whole number of milliseconds from 10 to 3600000, e.g. --interval-ms 500\n',
        ],
        [
            "a duplicate NAME",
            ["--endpoint", EAST, "--endpoint", "us-east-1=mysql://root:s3cret@h/"],
            'error: --endpoint "us-east-1=mysql://root:***@h/": NAME "us-east-1" is already used by another --endpoint; give each endpoint a unique NAME\n',
        ],
        [
            "no --endpoint",
            [],
            "error: --endpoint is required; give at least one, e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres\n",
        ],
        [
            "an unknown option",
            ["--endpoint", EAST, "--intervall", "5"],
            "error: unknown option '--intervall'\n(Did you mean --interval-ms?)\n",
        ],
    ];
    for (const [what, args, message] of badInputs) {
        it(`exits 2 on ${what}, with the exact message and without probing`, async () => {
            let probes = 0;
            const run = await runWatch(
                args,
                fakeDeps(new FakeClock(), async () => String(++probes)),
            );
            assert.deepStrictEqual(run, { code: 2, stdout: "", stderr: message });
            assert.strictEqual(probes, 0);
        });
    }

    it("prints the live timeline and the summary as text, never the password", async () => {
        const clock = new FakeClock();
        const run = await runWatch(
            ["--endpoint", EAST, "--interval-ms", "500", "--duration", "2"],
            fakeDeps(clock, async (e) => {
                if (clock.elapsed() === 500) throw new Error(`password authentication failed for ${e.url}`);
                return "17.4.5";
            }),
        );
        assert.strictEqual(run.code, 0);
        assert.strictEqual(
            run.stdout,
            [
                "watching us-east-1=postgres://app:***@east.example:5432/postgres every 500 ms for 2 s",
                "2026-04-11T06:21:30.000Z  us-east-1  version 17.4.5",
                "2026-04-11T06:21:30.500Z  us-east-1  DOWN  password authentication failed for postgres://app:***@east.example:5432/postgres",
                "2026-04-11T06:21:31.000Z  us-east-1  UP    after 0.500 s down",
                "done: watched 2.000 s every 500 ms (duration reached)",
                "  us-east-1 (postgres): version 17.4.5, down 0.500 s in 1 outage (longest 0.500 s), 4 probes, 1 failed",
                "outages:",
                "  us-east-1: 2026-04-11T06:21:30.500Z .. 2026-04-11T06:21:31.000Z  0.500 s  (1 failed probe; first error: password authentication failed for postgres://app:***@east.example:5432/postgres)",
                "",
            ].join("\n"),
        );
        assert.ok(!run.stdout.includes("s3cret") && !run.stderr.includes("s3cret"));
    });

    it("prints only the JSON document with --format json", async () => {
        const clock = new FakeClock();
        const run = await runWatch(
            [
                "--endpoint",
                EAST,
                "--endpoint",
                "tokyo=mysql://root@tokyo/",
                "--interval-ms",
                "250",
                "--duration",
                "1",
                "--format",
                "json",
            ],
            fakeDeps(clock, async (e) => (e.engine === "mysql" ? "3.05.2" : "17.4.5")),
        );
        const json = JSON.parse(run.stdout);
        assert.deepStrictEqual(
            [json.intervalMs, json.stopReason, json.startedAt, json.stoppedAt],
            [250, "duration", "2026-04-11T06:21:30.000Z", "2026-04-11T06:21:31.000Z"],
        );
        assert.deepStrictEqual(
            json.endpoints.map((e: { summary: object }) => e.summary),
            [
                {
                    name: "us-east-1",
                    engine: "postgres",
                    url: "postgres://app:***@east.example:5432/postgres",
                    firstVersion: "17.4.5",
                    lastVersion: "17.4.5",
                    totalDowntimeMs: 0,
                    longestOutageMs: 0,
                    outages: 0,
                    probes: 4,
                    failures: 0,
                },
                {
                    name: "tokyo",
                    engine: "mysql",
                    url: "mysql://root@tokyo/",
                    firstVersion: "3.05.2",
                    lastVersion: "3.05.2",
                    totalDowntimeMs: 0,
                    longestOutageMs: 0,
                    outages: 0,
                    probes: 4,
                    failures: 0,
                },
            ],
        );
    });

    it("prints the summary when stopped (Ctrl-C) without --duration", async () => {
        const clock = new FakeClock();
        const controller = new AbortController();
        clock.at(1200, () => controller.abort());
        const run = await runWatch(["--endpoint", EAST, "--interval-ms", "100"], {
            signal: controller.signal,
            ...fakeDeps(clock, async () => {
                throw new Error("connect ECONNREFUSED 10.1.2.3:5432");
            }),
        });
        assert.strictEqual(run.code, 1, "an endpoint that never answered is an error a script can see");
        assert.strictEqual(
            run.stderr,
            "error: us-east-1 never answered in 1.200 s (12 probes; first error: connect ECONNREFUSED 10.1.2.3:5432): " +
                "its downtime figures measure the connection, not the upgrade; check the URL, the credentials and the network path, then watch again\n",
        );
        const lines = run.stdout.split("\n");
        assert.strictEqual(
            lines[0],
            "watching us-east-1=postgres://app:***@east.example:5432/postgres every 100 ms until Ctrl-C",
        );
        assert.strictEqual(lines[2], "done: watched 1.200 s every 100 ms (stopped by Ctrl-C)");
        assert.strictEqual(
            lines[3],
            "  us-east-1 (postgres): never answered, down 1.200 s in 1 outage (longest 1.200 s), 12 probes, 12 failed",
        );
    });
});
