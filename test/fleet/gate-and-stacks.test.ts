import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AddTagsToResourceCommand } from "@aws-sdk/client-rds";
import { runGateCommand } from "../../orchestrator/cli/fleet/gate";
import { leaseTagKey, leaseTagValue } from "../../orchestrator/lease/lease-tag";
import { StackDriver, StackSettings } from "../../orchestrator/cli/fleet/stacks";
import { cli, simulate } from "../orchestrator/harness";
import { fleetSeed, rolloutFile } from "./fleet-seeds";

const TWO_WAVES = (gate: string) => `
target: { aurora-postgresql: "17.5" }
regions: [us-east-1]
waves:
  - name: first
    select: { globalClusters: [pg-a] }
    bakeMinutes: 10
  - name: second
    select: { globalClusters: [pg-b] }
gate:
  command: ${JSON.stringify(gate)}
`;

function twoDatabases() {
    const sim = simulate(fleetSeed("pg-a", "pg", "us-east-1", "eu-west-1", {}));
    sim.seed(fleetSeed("pg-b", "pg", "us-east-1", "eu-west-1", {}));
    return sim;
}

const ENV = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: "/tmp",
    AWS_SECRET_ACCESS_KEY: "not-a-real-secret-2",
    AWS_SESSION_TOKEN: "tok",
    GITHUB_TOKEN: "ghp_x",
};

describe("fleet: bake time, health gate, Pulumi stack waves", function () {
    this.timeout(60_000);

    it("the gate command runs in the rollout file's directory with the wave's database ids and no credentials; the bake time passes first", async () => {
        const sim = twoDatabases();
        const file = rolloutFile(TWO_WAVES("env >> gate-env.txt"), "rollout.yaml");
        const r = await cli(sim, ["fleet", "run", "--file", file, "--no-snapshot"], { env: ENV });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stderr, /wave "first": baking 10m00s before its health gate/);
        const env = fs.readFileSync(path.join(path.dirname(file), "gate-env.txt"), "utf8");
        assert.match(env, /^AURORA_GLOBAL_WAVE=first$/m);
        assert.match(env, /^AURORA_GLOBAL_DATABASES=pg-a$/m);
        assert.match(env, /^AURORA_GLOBAL_DATABASE_REGIONS=pg-a=us-east-1$/m);
        assert.match(env, /^AURORA_GLOBAL_WAVE=second$/m);
        assert.doesNotMatch(env, /not-a-real-secret-2|AWS_|TOKEN/);
        const modify = sim
            .callsOf("ModifyGlobalCluster")
            .map((c) => ({ id: c.input.GlobalClusterIdentifier, t: c.time }));
        assert.deepStrictEqual(
            modify.map((m) => m.id),
            ["pg-a", "pg-b"],
        );
        assert.ok(modify[1].t - modify[0].t >= 10 * 60_000, "the second wave starts after the first's bake time");
    });

    it("a failing gate command halts before the next wave (exit 1, step health gate)", async () => {
        const sim = twoDatabases();
        const r = await cli(
            sim,
            ["fleet", "run", "--file", rolloutFile(TWO_WAVES("echo smoke failed; exit 3")), "--no-snapshot"],
            { env: ENV },
        );
        assert.strictEqual(r.code, 1, r.stderr);
        assert.match(r.stderr, /\[gate\] smoke failed/);
        assert.match(r.stderr, /halted in wave "first": \(gate\.command\), step health gate: gate\.command exited 3/);
        assert.deepStrictEqual(
            sim.callsOf("ModifyGlobalCluster").map((c) => c.input.GlobalClusterIdentifier),
            ["pg-a"],
        );
        assert.strictEqual(sim.globalCluster("pg-b").engineVersion, "17.4");
    });

    it("a gate command past its timeout is stopped with what it started (its process group)", async () => {
        const marker = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gate-")), "late");
        const started = Date.now();
        const failed = await runGateCommand(
            { command: `(sleep 2; touch ${marker}) & sleep 2`, timeoutMinutes: 0.005 },
            { PATH: ENV.PATH },
            () => undefined,
        );
        assert.match(failed ?? "", /took longer than gate\.timeoutMinutes/);
        assert.ok(Date.now() - started < 1500, "stopped at the timeout");
        await new Promise((r) => setTimeout(r, 2500));
        assert.ok(!fs.existsSync(marker), "the command's own child was stopped too");
    });

    it("another run holding a database's lease halts the rollout with exit 2 naming it (upgrade's lease, unchanged)", async () => {
        const sim = twoDatabases();
        const holder = "ci-job-42";
        await sim.clientFor("us-east-1").send(
            new AddTagsToResourceCommand({
                ResourceName: sim.globalCluster("pg-a").arn,
                Tags: [
                    {
                        Key: leaseTagKey("other-run"),
                        Value: leaseTagValue({
                            expiresAt: sim.clock.now() + 3600_000,
                            state: "held",
                            group: "",
                            holder,
                        }),
                    },
                ],
            }),
        );
        const r = await cli(sim, ["fleet", "run", "--file", rolloutFile(TWO_WAVES("true")), "--no-snapshot"], {
            env: ENV,
        });
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stderr, /halted in wave "first": pg-a, step plan: .*ci-job-42/);
        assert.strictEqual(sim.callsOf("ModifyGlobalCluster").length, 0);
    });

    describe("stack waves (a fake StackDriver: the Pulumi CLI is not on this machine)", () => {
        const STACKS = `
target: { aurora-postgresql: "17.5" }
waves:
  - name: dev
    select: { stacks: [acme/db/dev] }
  - name: prod
    select: { stacks: [acme/db/prod-us, acme/db/prod-eu] }
    maxParallel: 2
pulumi: { workDir: ./infra, policyPacks: [./infra/policy] }
`;
        function fake(blocked: string[] = [], failing: string[] = []) {
            const calls: string[] = [];
            let settings: StackSettings | undefined;
            const driver: StackDriver = {
                setEngineVersion: async (s, v) => void calls.push(`config ${s} ${v}`),
                preview: async (s) => (
                    calls.push(`preview ${s}`),
                    blocked.includes(s)
                        ? { ok: false, reason: "mandatory policy violation: no-blocked-version-change" }
                        : { ok: true }
                ),
                up: async (s) => {
                    calls.push(`up ${s}`);
                    if (failing.includes(s)) throw new Error("update failed: the upgrade step exited 1");
                },
            };
            return { calls, driver, factory: (s: StackSettings) => ((settings = s), driver), settings: () => settings };
        }

        it("sets the version, previews with the policy pack, then up; wave by wave", async () => {
            const f = fake();
            const file = rolloutFile(STACKS);
            const r = await cli(
                simulate(fleetSeed("x", "pg", "us-east-1", "eu-west-1", {})),
                ["fleet", "run", "--file", file],
                { stacks: f.factory },
            );
            assert.strictEqual(r.code, 0, r.stderr);
            assert.deepStrictEqual(f.calls, [
                "config acme/db/dev 17.5",
                "preview acme/db/dev",
                "up acme/db/dev",
                "config acme/db/prod-us 17.5",
                "preview acme/db/prod-us",
                "config acme/db/prod-eu 17.5",
                "preview acme/db/prod-eu",
                "up acme/db/prod-us",
                "up acme/db/prod-eu",
            ]);
            assert.strictEqual(f.settings()?.workDir, path.join(path.dirname(file), "infra"));
            assert.deepStrictEqual(f.settings()?.policyPacks, [path.join(path.dirname(file), "infra/policy")]);
        });

        it("a blocked preview blocks its wave: exit 2, no up in it, later waves untouched", async () => {
            const f = fake(["acme/db/prod-eu"]);
            const r = await cli(
                simulate(fleetSeed("x", "pg", "us-east-1", "eu-west-1", {})),
                ["fleet", "run", "--file", rolloutFile(STACKS)],
                { stacks: f.factory },
            );
            assert.strictEqual(r.code, 2, r.stderr);
            assert.match(
                r.stderr,
                /halted in wave "prod": acme\/db\/prod-eu, step preview: .*no-blocked-version-change/,
            );
            assert.ok(!f.calls.includes("up acme/db/prod-us"), f.calls.join(", "));
        });

        it("a failed up halts (exit 1, step pulumi up)", async () => {
            const f = fake([], ["acme/db/dev"]);
            const r = await cli(
                simulate(fleetSeed("x", "pg", "us-east-1", "eu-west-1", {})),
                ["fleet", "run", "--file", rolloutFile(STACKS)],
                { stacks: f.factory },
            );
            assert.strictEqual(r.code, 1, r.stderr);
            assert.match(r.stderr, /halted in wave "dev": acme\/db\/dev, step pulumi up: update failed/);
            assert.ok(!f.calls.some((c) => c.includes("prod")), f.calls.join(", "));
        });
    });
});
