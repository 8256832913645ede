import * as assert from "assert";
import { parseLeaseTag, leaseTagKey, leaseTagValue } from "../../orchestrator/lease/lease-tag";
import { LEASE_TTL_MS } from "../../orchestrator/lease/run-lease";
import { globalClusterArn } from "../../testbeds/simulator/topology";
import { cli, engineModifies, PG_ARGS, PG_BG_SEED, PG_SEED, simulate } from "./harness";

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
        assert.strictEqual(
            loser.stderr,
            'aurora-global: global cluster "app-global" is being changed by another aurora-global run: run run-a held by alice@laptop pid 1 (lease expires 2026-04-11T06:10:02.000Z unless renewed; it is renewed while that run lasts). Nothing was changed. Wait for it to finish and run the same command again, or pass --lease-wait-seconds N to wait up to N seconds; the lease of a run that crashed expires by itself and is then taken over\n',
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

        await sim.clock.advance(LEASE_TTL_MS);
        const r = await cli(sim, UPGRADE, { lease: { holder: "alice@laptop pid 1", runId: "run-a" } });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(
            r.stderr,
            /global cluster "app-global": taking over the expired lease of run run-crashed \(carol@box pid 9, expired 2026-04-11T06:10:00\.000Z\): that run stopped without releasing it/,
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

    it("the steps of one Pulumi update (--only-member, in parallel) share the lease", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: [...PG_SEED.members, { id: "app-euw1", region: "eu-west-1", role: "secondary" }],
        });
        const step = (cluster: string, runId: string) =>
            cli(sim, [...UPGRADE, "--only-member", cluster], { lease: { holder: `pulumi ${runId}`, runId } });
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
        assert.strictEqual(b.code, 2, b.stderr);
        assert.match(
            b.stderr,
            /global cluster "app-global" is being changed by another aurora-global run: run run-a held by alice@laptop pid 1 .*Nothing was changed\./,
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
