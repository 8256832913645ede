import * as assert from "assert";
import { RDSClient } from "@aws-sdk/client-rds";
import { RdsGateway } from "../../aws/gateway";
import { parseLeaseTag, leaseTagKey, leaseTagValue } from "../../orchestrator/lease/lease-tag";
import { LEASE_SKEW_MARGIN_MS, LEASE_TTL_MS } from "../../orchestrator/lease/run-lease";
import { globalClusterArn } from "../../testbeds/simulator/topology";
import { cli, engineModifies, mutatingCalls, PG_ARGS, PG_BG_SEED, PG_SEED, simulate } from "./harness";
import { expectErrorLine, lineNaming } from "../support/meaning";

/**
 * One run at a time per global database: the run lease (a tag per run on the global cluster),
 * exercised against the simulated control plane on its virtual clock: runs started together, a
 * run started while another works, a crashed holder, read-only commands.
 */
const UPGRADE = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling", "--no-snapshot"];
const ARN = globalClusterArn("app-global");

type Sim = ReturnType<typeof simulate>;

/** The lease tags on the global cluster now (parsed). */
async function leaseTags(sim: Sim) {
    const out = (await sim.dispatch("us-east-1", "ListTagsForResource", { ResourceName: ARN })) as {
        TagList?: { Key?: string; Value?: string }[];
    };
    return (out.TagList ?? []).map((t) => parseLeaseTag(t.Key, t.Value)).filter((t) => t !== undefined);
}

/** Mutating calls other than the lease's own tag calls. */
function changes(sim: Sim): string[] {
    return sim.calls
        .filter((c) => !/^(Describe|List)/.test(c.command) && c.input.ResourceName !== ARN)
        .map((c) => `${c.command} ${String(c.input.DBClusterIdentifier ?? c.input.GlobalClusterIdentifier ?? "")}`);
}

describe("orchestrator: one run at a time (the run lease on the global cluster)", () => {
    it("an upgrade takes the lease before its first change and removes it at the end", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        assert.strictEqual(r.code, 0, r.stderr);
        const tagCalls = sim.calls.filter((c) => c.input.ResourceName === ARN).map((c) => c.command);
        assert.deepStrictEqual(tagCalls.slice(0, 4), [
            "ListTagsForResource",
            "AddTagsToResource",
            "ListTagsForResource",
            "AddTagsToResource",
        ]);
        assert.strictEqual(tagCalls[tagCalls.length - 1], "RemoveTagsFromResource");
        const firstTag = sim.calls.findIndex((c) => c.command === "AddTagsToResource");
        const firstChange = sim.calls.findIndex((c) => c.command === "ModifyDBCluster");
        assert.ok(firstTag < firstChange, "the lease is written before the first change");
        assert.deepStrictEqual(await leaseTags(sim), []);
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
    });

    it("status and plan take no lease; a blocked plan takes none either", async () => {
        const sim = simulate(PG_SEED);
        assert.strictEqual((await cli(sim, ["status", ...PG_ARGS])).code, 0);
        assert.strictEqual((await cli(sim, ["plan", ...PG_ARGS, "--target", "17.5"])).code, 0);
        // A major without --allow-major is blocked (a version below the running one is not: AWS upgraded it).
        assert.strictEqual((await cli(sim, ["upgrade", ...PG_ARGS, "--target", "18.0"])).code, 2);
        assert.deepStrictEqual(
            sim.calls.filter((c) => c.input.ResourceName === ARN),
            [],
        );
    });

    it("two runs started together: one upgrades, the other exits 2 naming the holder; no change is sent twice", async () => {
        const sim = simulate(PG_SEED);
        const [a, b] = await Promise.all([
            cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } }),
            cli(sim, UPGRADE, { lease: { holder: "ci github org/app/actions/runs/7 job up", runId: "run-b" } }),
        ]);
        assert.deepStrictEqual([a.code, b.code].sort(), [0, 2]);
        const loser = a.code === 2 ? a : b;
        // The wording of the refusal, pinned once (the other tests assert the holder, the run and the exit code).
        assert.strictEqual(
            loser.stderr,
            'aurora-global: global cluster "app-global" is being changed by another aurora-global run: run run-a held by alice@laptop pid 1 (lease expires 2026-04-11T06:10:04.000Z unless renewed; it is renewed while that run lasts). Nothing was changed. Wait for it to finish and run the same command again, or pass --lease-wait-seconds N to wait up to N seconds; the lease of a run that crashed expires by itself and is then taken over\n',
        );
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
        assert.deepStrictEqual(changes(sim), ["ModifyDBCluster app-apne1", "ModifyDBCluster app-use1"]);
        assert.deepStrictEqual(await leaseTags(sim), []);
    });

    it("a run started while another works waits (--lease-wait-seconds), re-reads AWS and finds nothing left to do", async () => {
        const sim = simulate(PG_SEED);
        const first = cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        const second = sim.clock.sleep(5 * 60_000).then(() =>
            cli(sim, [...UPGRADE, "--lease-wait-seconds", "3600"], {
                lease: { holder: "bob@ci pid 2", runId: "run-b" },
            }),
        );
        const [a, b] = await Promise.all([first, second]);
        assert.strictEqual(a.code, 0, a.stderr);
        assert.strictEqual(b.code, 0, b.stderr);
        assert.match(b.stderr, /waiting for run run-a \(alice@laptop pid 1\) to finish, up to 3600s more/);
        assert.match(b.stdout, /nothing to do: global cluster "app-global" already runs 17\.5 everywhere\n$/);
        assert.deepStrictEqual(changes(sim), ["ModifyDBCluster app-apne1", "ModifyDBCluster app-use1"]);
        assert.deepStrictEqual(await leaseTags(sim), []);
    });

    it("a crashed holder's lease blocks until it expires, then is taken over with a warning", async () => {
        const sim = simulate(PG_SEED);
        const expiresAt = sim.clock.now() + LEASE_TTL_MS;
        await sim.dispatch("us-east-1", "AddTagsToResource", {
            ResourceName: ARN,
            Tags: [
                {
                    Key: leaseTagKey("run-crashed"),
                    Value: leaseTagValue({ expiresAt, state: "held", group: "run-crashed", holder: "carol@box pid 9" }),
                },
            ],
        });
        const blocked = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        assert.strictEqual(blocked.code, 2);
        assert.match(
            blocked.stderr,
            /run run-crashed held by carol@box pid 9 \(lease expires 2026-04-11T06:10:00\.000Z/,
        );
        assert.deepStrictEqual(changes(sim), []);

        // Expired by our clock, but within the margin another host's clock may be off: still held.
        await sim.clock.advance(LEASE_TTL_MS);
        const early = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        assert.strictEqual(early.code, 2, early.stderr);
        await sim.clock.advance(LEASE_SKEW_MARGIN_MS);
        const r = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        assert.strictEqual(r.code, 0, r.stderr);
        lineNaming(
            r.stderr,
            'global cluster "app-global"',
            "taking over the expired lease",
            "run run-crashed",
            "carol@box pid 9",
            "expired 2026-04-11T06:10:00.000Z",
            "more than 10 minutes ago",
        );
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
        assert.deepStrictEqual(await leaseTags(sim), []);
    });

    it("a failed run releases its lease too", async () => {
        const sim = simulate(PG_SEED);
        sim.faults.failUpgrade("app-apne1");
        const r = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        assert.strictEqual(r.code, 1);
        assert.deepStrictEqual(await leaseTags(sim), []);
    });

    it("the steps of one Pulumi update (--only-member, in parallel, one --lease-group) share the lease", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: [...PG_SEED.members, { id: "app-euw1", region: "eu-west-1", role: "secondary" }],
        });
        const step = (cluster: string, runId: string) =>
            cli(sim, [...UPGRADE, "--only-member", cluster, "--lease-group", "update-7k2"], {
                lease: { holder: `pulumi ${runId}`, runId },
            });
        const [s1, s2] = await Promise.all([step("app-apne1", "step-1"), step("app-euw1", "step-2")]);
        assert.strictEqual(s1.code, 0, s1.stderr);
        assert.strictEqual(s2.code, 0, s2.stderr);
        assert.deepStrictEqual(engineModifies(sim).sort(), ["app-apne1→17.5", "app-euw1→17.5"]);
        assert.deepStrictEqual(await leaseTags(sim), []);
    });

    it("an upgrade --strategy blue-green takes the lease like any upgrade: a second run exits 2, the lease is released at the end", async () => {
        const sim = simulate(PG_BG_SEED);
        const BLUE_GREEN = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"];
        const first = cli(sim, BLUE_GREEN, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        const second = sim.clock
            .sleep(5 * 60_000)
            .then(() => cli(sim, BLUE_GREEN, { lease: { holder: "bob@ci pid 2", runId: "run-b" } }));
        const [a, b] = await Promise.all([first, second]);
        assert.strictEqual(a.code, 0, a.stderr);
        expectErrorLine(
            b,
            2,
            'global cluster "app-global"',
            "another aurora-global run",
            "run run-a held by alice@laptop pid 1",
            "Nothing was changed",
        );
        assert.strictEqual(sim.callsOf("CreateBlueGreenDeployment").length, 1);
        const firstTag = sim.calls.findIndex((c) => c.command === "AddTagsToResource" && c.input.ResourceName === ARN);
        const create = sim.calls.findIndex((c) => c.command === "CreateBlueGreenDeployment");
        assert.ok(firstTag >= 0 && firstTag < create, "the lease is written before the deployment is created");
        const tagCalls = sim.calls.filter((c) => c.input.ResourceName === ARN).map((c) => c.command);
        assert.strictEqual(tagCalls[tagCalls.length - 1], "RemoveTagsFromResource");
        assert.deepStrictEqual(await leaseTags(sim), []);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
    });

    it("lease tags are what AWS's Tag type accepts and parse back", () => {
        const value = leaseTagValue({
            expiresAt: Date.parse("2026-04-11T06:10:00Z"),
            state: "held",
            group: "pulumi-steps",
            holder: "dev (laptop) pid 7 <x>",
        });
        assert.strictEqual(
            value,
            "expires=2026-04-11T06:10:00.000Z state=held group=pulumi-steps holder=dev -laptop- pid 7 -x-",
        );
        assert.ok(value.length <= 256);
        assert.deepStrictEqual(parseLeaseTag(leaseTagKey("r1"), value), {
            runId: "r1",
            expiresAt: Date.parse("2026-04-11T06:10:00Z"),
            state: "held",
            group: "pulumi-steps",
            holder: "dev -laptop- pid 7 -x-",
        });
        assert.strictEqual(parseLeaseTag("aurora-global:for:x", value), undefined);
    });
});

/** A lease tag of another run, written straight into the simulator. */
async function plantLease(sim: Sim, runId: string, holder: string, expiresAt: number): Promise<void> {
    await sim.dispatch("us-east-1", "AddTagsToResource", {
        ResourceName: ARN,
        Tags: [{ Key: leaseTagKey(runId), Value: leaseTagValue({ expiresAt, state: "held", group: runId, holder }) }],
    });
}

const TWO_SECONDARIES = {
    ...PG_SEED,
    members: [...PG_SEED.members, { id: "app-euw1", region: "eu-west-1", role: "secondary" as const }],
};

describe("orchestrator: the run lease fails closed, is per update, tolerates clock skew and follows the database (issue #18, #20)", () => {
    for (const [code, message] of [
        ["InvalidParameterValue", "The parameter ResourceName is not a valid ARN."],
        ["AccessDenied", "User is not authorized to perform: rds:AddTagsToResource"],
    ] as const) {
        it(`${code} taking the lease: nothing changed, exit 1 naming the cause and --no-lease`, async () => {
            const sim = simulate(PG_SEED);
            sim.faults.failAlways("AddTagsToResource", { code, message });
            const r = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
            expectErrorLine(
                r,
                1,
                'global cluster "app-global"',
                "run lease could not be taken",
                `(${code}: ${message}`,
                "nothing was changed",
                "--no-lease",
            );
            assert.deepStrictEqual(changes(sim), []);
        });
    }

    it("--no-lease: the explicit opt-out, said in the plan; no lease tag is read or written", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, [...UPGRADE, "--no-lease"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.ok(lineNaming(r.stdout, "run lease: off (--no-lease)").startsWith("run lease: "), r.stdout);
        assert.deepStrictEqual(
            sim.calls.filter((c) => c.input.ResourceName === ARN),
            [],
        );
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
        const bad = await cli(sim, [...UPGRADE, "--no-lease", "--lease-wait-seconds", "60"]);
        assert.strictEqual(bad.code, 2);
        assert.match(bad.stderr, /--no-lease with --lease-wait-seconds/);
    });

    it("steps of different Pulumi updates (different --lease-group) do not share the lease; a narrowed run without one is alone", async () => {
        const sim = simulate(TWO_SECONDARIES);
        const step = (cluster: string, runId: string, group?: string) =>
            cli(sim, [...UPGRADE, "--only-member", cluster, ...(group ? ["--lease-group", group] : [])], {
                lease: { holder: `pulumi ${runId}`, runId },
            });
        const [s1, s2] = await Promise.all([
            step("app-apne1", "step-1", "update-a"),
            step("app-euw1", "step-2", "update-b"),
        ]);
        assert.deepStrictEqual([s1.code, s2.code].sort(), [0, 2]);
        const sim2 = simulate(TWO_SECONDARIES);
        const [n1, n2] = await Promise.all([
            cli(sim2, [...UPGRADE, "--only-member", "app-apne1"], { lease: { holder: "op pid 1", runId: "n-1" } }),
            cli(sim2, [...UPGRADE, "--only-member", "app-euw1"], { lease: { holder: "op pid 2", runId: "n-2" } }),
        ]);
        assert.deepStrictEqual([n1.code, n2.code].sort(), [0, 2]);
    });

    it("the component's AURORA_GLOBAL_LEASE_GROUP groups a step like --lease-group; a malformed one is bad input (exit 2, nothing changed)", async () => {
        const sim = simulate(TWO_SECONDARIES);
        const step = (cluster: string, runId: string) =>
            cli(sim, [...UPGRADE, "--only-member", cluster], {
                env: { AURORA_GLOBAL_LEASE_GROUP: "u-mxdq-1a2b3c" },
                lease: { holder: `pulumi ${runId}`, runId },
            });
        const [s1, s2] = await Promise.all([step("app-apne1", "step-1"), step("app-euw1", "step-2")]);
        assert.deepStrictEqual([s1.code, s2.code], [0, 0], s1.stderr + s2.stderr);
        const sim2 = simulate(PG_SEED);
        const bad = await cli(sim2, UPGRADE, { env: { AURORA_GLOBAL_LEASE_GROUP: "two words" } });
        assert.strictEqual(bad.code, 2);
        assert.match(bad.stderr, /AURORA_GLOBAL_LEASE_GROUP="two words" is not a lease group/);
        assert.deepStrictEqual(changes(sim2), []);
    });

    it("clock skew: a host whose clock runs 9 minutes ahead does not take over a lease AWS's time says is live", async () => {
        const sim = simulate(PG_SEED);
        await plantLease(sim, "run-other", "carol@box pid 9", sim.clock.now() + LEASE_TTL_MS);
        await sim.clock.advance(2 * 60_000);
        const ahead = { now: () => sim.clock.now() + 9 * 60_000, sleep: (ms: number) => sim.clock.sleep(ms) };
        const r = await cli(sim, UPGRADE, {
            clock: ahead as typeof sim.clock,
            lease: { holder: "alice@laptop pid 1", runId: "run-a" },
        });
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stderr, /run run-other held by carol@box pid 9/);
        assert.deepStrictEqual(changes(sim), []);
    });

    it("lease times are AWS's time as the SDK corrects it from the Date header (the client's systemClockOffset)", () => {
        const clock = { now: () => 1_000_000, sleep: async () => undefined };
        const client = { config: { systemClockOffset: -9 * 60_000 } } as unknown as RDSClient;
        const api = new RdsGateway({ clients: () => client, clock });
        assert.strictEqual(api.awsNow("us-east-1"), 1_000_000 - 9 * 60_000);
        const plain = new RdsGateway({ clients: () => ({ config: {} }) as unknown as RDSClient, clock });
        assert.strictEqual(plain.awsNow("us-east-1"), 1_000_000);
    });

    it("a killed run on this host (its pid gone) is taken over at once, with a warning (#20)", async () => {
        const sim = simulate(PG_SEED);
        await plantLease(sim, "run-killed", "alice@this-host pid 4242", sim.clock.now() + LEASE_TTL_MS);
        const r = await cli(sim, UPGRADE, {
            lease: {
                holder: "alice@this-host pid 5000",
                runId: "run-a",
                host: "this-host",
                processAlive: (pid) => pid !== 4242,
            },
        });
        assert.strictEqual(r.code, 0, r.stderr);
        lineNaming(
            r.stderr,
            "taking over the lease of run run-killed",
            "(alice@this-host pid 4242) at once",
            "process 4242 no longer runs on this host",
        );
        // A live process of this host, or a holder on another host, is not taken over.
        const sim2 = simulate(PG_SEED);
        await plantLease(sim2, "run-live", "alice@this-host pid 4242", sim2.clock.now() + LEASE_TTL_MS);
        const held = await cli(sim2, UPGRADE, {
            lease: { holder: "x", runId: "run-b", host: "this-host", processAlive: () => true },
        });
        assert.strictEqual(held.code, 2, held.stderr);
    });

    it("the lease follows the database through a blue/green switchover: rewritten on the renamed-in global cluster before any cleanup", async () => {
        const sim = simulate(PG_BG_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"], {
            lease: { holder: "alice@laptop pid 1", runId: "run-a" },
        });
        assert.strictEqual(r.code, 0, r.stderr);
        const calls = mutatingCalls(sim);
        const after = calls.slice(calls.findIndex((c) => c.includes("SwitchoverBlueGreenDeployment")) + 1);
        assert.strictEqual(after[0], "us-east-1 AddTagsToResource ", "the lease tag is written on app-global first");
        const leaseWrite = sim.calls
            .filter((c) => c.command === "AddTagsToResource" && c.input.ResourceName === ARN)
            .at(-1)!;
        const firstKeep = sim.calls.find(
            (c) => c.command === "AddTagsToResource" && String(c.input.ResourceName).includes("-old1"),
        )!;
        assert.ok(leaseWrite.time <= firstKeep.time);
        assert.match(r.stderr, /renamed by the switchover: the run lease moves with the name/);
    });
});
