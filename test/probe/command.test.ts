import * as assert from "assert";
import { ProbeFn } from "../../probe";
import { FakeClock } from "./fake-clock";
import { runWatch } from "./run-command";
import { assertNames, expectErrorLine, lineNaming } from "../support/meaning";

const EAST = "us-east-1=postgres://app:s3cret@east.example:5432/postgres";

function fakeDeps(clock: FakeClock, probe: ProbeFn) {
    return { deps: { now: clock.now, sleep: clock.sleep, probe } };
}

describe("probe/command watch (fake probes)", () => {
    // What each refusal names (the messages' wording: inputs.test.ts); the command prints it as one `error:` line.
    const badInputs: [string, string[], string[]][] = [
        ["a NAME=URL without '='", ["--endpoint", "east.example"], ['--endpoint "east.example"', "NAME=URL"]],
        [
            "an unsupported scheme",
            ["--endpoint", "a=redis://u:s3cret@h:6379"],
            ['--endpoint "a=redis://u:***@h:6379"', '"redis://"', "postgres://, postgresql:// or mysql://"],
        ],
        [
            "a non-numeric interval",
            ["--endpoint", EAST, "--interval-ms", "half"],
            ['--interval-ms "half"', "10 to 3600000", "--interval-ms 500"],
        ],
        [
            "a duplicate NAME",
            ["--endpoint", EAST, "--endpoint", "us-east-1=mysql://root:s3cret@h/"],
            ['--endpoint "us-east-1=mysql://root:***@h/"', 'NAME "us-east-1" is already used'],
        ],
        ["no --endpoint", [], ["--endpoint is required", "--endpoint us-east-1=postgres://"]],
    ];
    for (const [what, args, names] of badInputs) {
        it(`exits 2 on ${what}, with one error line naming the value and the fix, and without probing`, async () => {
            let probes = 0;
            const run = await runWatch(
                args,
                fakeDeps(new FakeClock(), async () => String(++probes)),
            );
            assert.strictEqual(run.stdout, "");
            const line = expectErrorLine(run, 2, "error: ", ...names);
            assert.strictEqual(run.stderr, `${line}\n`, "one line");
            assert.ok(!run.stderr.includes("s3cret"), run.stderr);
            assert.strictEqual(probes, 0);
        });
    }

    it("exits 2 on an unknown option with commander's own message (its wording, not ours) and without probing", async () => {
        let probes = 0;
        const run = await runWatch(
            ["--endpoint", EAST, "--intervall", "5"],
            fakeDeps(new FakeClock(), async () => String(++probes)),
        );
        assert.deepStrictEqual(run, {
            code: 2,
            stdout: "",
            stderr: "error: unknown option '--intervall'\n(Did you mean --interval-ms?)\n",
        });
        assert.strictEqual(probes, 0);
    });

    it("prints the live timeline and the summary as text, never the password", async () => {
        const clock = new FakeClock();
        const run = await runWatch(
            ["--endpoint", EAST, "--interval-ms", "500", "--duration", "2"],
            fakeDeps(clock, async (e) => {
                if (clock.elapsed() === 500) throw new Error(`password authentication failed for ${e.url}`);
                return "17.4.5";
            }),
        );
        assert.strictEqual(run.code, 0, run.stderr);
        // The text's wording: render.test.ts. Here: the run's facts reach it, in order, the password redacted.
        const lines = run.stdout.split("\n");
        const at = (...names: string[]) => lines.indexOf(lineNaming(run.stdout, ...names));
        const order = [
            at("watching", "us-east-1=postgres://app:***@east.example:5432/postgres", "500 ms", "2 s"),
            at("06:21:30.000Z", "us-east-1", "version 17.4.5"),
            at(
                "06:21:30.500Z",
                "us-east-1",
                "DOWN",
                "password authentication failed for postgres://app:***@east.example",
            ),
            at("06:21:31.000Z", "us-east-1", "UP", "0.500 s"),
            at("done", "2.000 s", "500 ms", "duration reached"),
            at("us-east-1 (postgres)", "version 17.4.5", "down 0.500 s", "1 outage", "4 probes", "1 failed"),
            at("us-east-1: 2026-04-11T06:21:30.500Z .. 2026-04-11T06:21:31.000Z", "0.500 s", "first error: password"),
        ];
        assert.deepStrictEqual(order, [0, 1, 2, 3, 4, 5, 7], run.stdout);
        assert.strictEqual(lines[6], "outages:");
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
        // The never-answered wording, pinned once (the live tests assert what it names).
        assert.strictEqual(
            run.stderr,
            "error: us-east-1 never answered in 1.200 s (12 probes; first error: connect ECONNREFUSED 10.1.2.3:5432): " +
                "its downtime figures measure the connection, not the upgrade; check the URL, the credentials and the network path, then watch again\n",
        );
        const lines = run.stdout.split("\n");
        assertNames(lines[0], [
            "watching",
            "us-east-1=postgres://app:***@east.example:5432/postgres",
            "100 ms",
            "Ctrl-C",
        ]);
        assertNames(lines[2], ["done", "1.200 s", "100 ms", "Ctrl-C"]);
        assertNames(lines[3], [
            "us-east-1 (postgres)",
            "never answered",
            "down 1.200 s",
            "1 outage",
            "12 probes",
            "12 failed",
        ]);
    });
});
