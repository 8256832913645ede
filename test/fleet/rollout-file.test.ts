import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parseRollout, RolloutFileError } from "../../orchestrator/cli/fleet/rollout-file";
import { cli, simulate, PG_SEED } from "../orchestrator/harness";
import { rolloutFile } from "./fleet-seeds";

const BAD = `
target:
  aurora-postgresql: "17.5"
  aurora-oracle: "19c"
  aurora-mysql: "eight"
strategy: fastest
regions: [us-east-1, us-east-1, mars-1]
colour: blue
waves:
  - name: canary
    select: { globalClusters: [orders, billing] }
    bakeMinutes: 5000
    maxParallel: 0
    paralel: 3
  - name: prod
    select: { globalClusters: [orders] }
  - name: prod
    select: {}
  - select: { tags: { env: dev }, globalClusters: [x] }
gate:
  command: ""
  timeoutMinutes: 500
`;

/** "path rule" of every problem. */
function found(e: unknown): string[] {
    assert.ok(e instanceof RolloutFileError, String(e));
    return e.problems.map((p) => `${p.path} ${p.rule}`);
}

describe("fleet: the rollout file", () => {
    it("one error lists every problem with its path, value, fix and rule id", () => {
        let problems: string[] = [];
        try {
            parseRollout(BAD, "bad.yaml");
            assert.fail("parsed");
        } catch (e) {
            problems = found(e);
        }
        const expected = [
            "colour unknown-key",
            "waves[0].paralel unknown-key",
            "target.aurora-oracle unknown-engine",
            "target.aurora-mysql malformed-version",
            "strategy unknown-strategy",
            "regions[2] malformed-region",
            "regions[1] region-twice",
            "waves[3].name wave-name-missing",
            "waves[2].name wave-name-twice",
            "waves[2].select empty-wave",
            "waves[3].select several-selectors",
            "waves[1].select.globalClusters[0] database-in-two-waves",
            "waves[0].bakeMinutes bake-out-of-range",
            "waves[0].maxParallel max-parallel-out-of-range",
            "gate.timeoutMinutes gate-timeout-out-of-range",
            "gate.command gate-command-empty",
        ];
        for (const p of expected) assert.ok(problems.includes(p), `${p} in ${problems.join("; ")}`);
        assert.strictEqual(problems.length, expected.length, problems.join("; "));
    });

    it("the message names the field, the value and the fix", () => {
        assert.throws(
            () =>
                parseRollout(
                    "target: { aurora-postgresql: '17.5' }\nregions: [us-east-1]\nwaves:\n  - name: a\n    select: { globalClusters: [x] }\n    bakeMinutes: -1\n",
                    "r.yaml",
                ),
            (e: Error) =>
                /waves\[0\]\.bakeMinutes = -1: give a whole number of minutes from 0 to 1440 \(bakeMinutes\) \[bake-out-of-range\]/.test(
                    e.message,
                ),
        );
    });

    it("no waves, no target, no regions for a tag wave", () => {
        let problems: string[] = [];
        try {
            parseRollout("waves: []\n", "r.yaml");
        } catch (e) {
            problems = found(e);
        }
        assert.deepStrictEqual(problems, ["target target-missing", "waves no-waves"]);
        try {
            parseRollout(
                "target: { aurora-mysql: '8.0.mysql_aurora.3.08.2' }\nwaves:\n  - name: a\n    select: { tags: { env: dev } }\n",
                "r.yaml",
            );
        } catch (e) {
            problems = found(e);
        }
        assert.deepStrictEqual(problems, ["regions regions-missing"]);
    });

    it("YAML that does not parse names the line", () => {
        assert.throws(
            () => parseRollout("target: [\n", "r.yaml"),
            (e: Error) => e instanceof RolloutFileError && /line \d+, column \d+/.test(e.message),
        );
    });

    it("defaults: strategy auto, bake 0, 5 at once, the file's name; stacks with the policy pack", () => {
        const r = parseRollout(
            "target: { aurora-postgresql: '17.5' }\nwaves:\n  - name: stacks\n    select: { stacks: [acme/db/prod] }\n",
            "/tmp/q4-rollout.yaml",
        );
        assert.strictEqual(r.name, "q4-rollout");
        assert.strictEqual(r.strategy, "auto");
        assert.deepStrictEqual([r.waves[0].bakeMinutes, r.waves[0].maxParallel], [0, 5]);
        assert.deepStrictEqual(r.waves[0].select, { kind: "stacks", stacks: ["acme/db/prod"] });
        assert.deepStrictEqual(r.pulumi.policyPacks, ["policy"]);
    });

    it("the CLI: exit 2, every problem on stderr, no AWS call", async () => {
        const sim = simulate(PG_SEED);
        for (const command of ["plan", "run", "status"]) {
            const r = await cli(sim, ["fleet", command, "--file", rolloutFile(BAD)]);
            assert.strictEqual(r.code, 2, r.stderr);
            assert.match(r.stderr, /16 problems, nothing was read or changed/);
            assert.match(
                r.stderr,
                /target\.aurora-oracle = "aurora-oracle": use one of aurora-postgresql, aurora-mysql \[unknown-engine\]/,
            );
        }
        assert.strictEqual(sim.calls.length, 0);
        const missing = await cli(sim, ["fleet", "run"]);
        assert.strictEqual(missing.code, 2);
        assert.match(missing.stderr, /--file is required/);
        const flags = await cli(sim, [
            "fleet",
            "run",
            "--file",
            "x.yaml",
            "--poll-seconds",
            "0",
            "--timeout-minutes",
            "abc",
        ]);
        assert.strictEqual(flags.code, 2);
        assert.match(flags.stderr, /--poll-seconds/);
        assert.match(flags.stderr, /--timeout-minutes/);
        const lease = await cli(sim, ["fleet", "run", "--file", "x.yaml", "--no-lease", "--lease-wait-seconds", "30"]);
        assert.strictEqual(lease.code, 2, lease.stderr);
        assert.match(lease.stderr, /--no-lease with --lease-wait-seconds/);
        assert.strictEqual(sim.calls.length, 0, "bad flags: no AWS call");
    });
});

describe("fleet: the example rollout (examples/fleet/, docs/fleet.md)", () => {
    it("parses as a valid rollout with its three waves and its gate", () => {
        const file = path.join(__dirname, "..", "..", "examples", "fleet", "rollout.yaml");
        const rollout = parseRollout(fs.readFileSync(file, "utf8"), file);
        assert.deepStrictEqual(
            rollout.waves.map((w) => w.name),
            ["canary", "regional", "prod"],
        );
        assert.strictEqual(rollout.gate?.command, "./smoke-test.sh");
        assert.ok(fs.existsSync(path.join(path.dirname(file), "smoke-test.sh")));
    });
});
