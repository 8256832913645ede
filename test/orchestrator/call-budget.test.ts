import * as assert from "assert";
import { assertRefusal, cliRefusalLines } from "../support/refusal";
import { LEASE_SETTLE_MS } from "../../orchestrator/lease/run-lease";
import { DescribeDBClustersCommand, ModifyDBClusterCommand, RDSClient } from "@aws-sdk/client-rds";
import { RdsGateway } from "../../aws/gateway";
import { DEFAULT_RETRY, READ_ONLY_RETRY, RetryPolicy } from "../../aws/retry";
import { stepCommandArgs } from "../../cli-contract";
import { BASE_POLL_MS, EARLIEST_UPGRADE_FINISH_MS } from "../../orchestrator/execute/poll-schedule";
import { OPTIONAL_FACT_RETRY } from "../../aws/topology/facts";
import { VirtualClock } from "../../testbeds/simulator";
import { cli, MYSQL_ARGS, MYSQL_SEED, simulate } from "./harness";

const S = 1000;
const MIN = 60 * S;

describe("orchestrator: every DescribeDBClusters of a member counts against the run's 4 per member-minute", () => {
    it("rolling: topology reads, waits and the pre-primary check together stay within 4 per member-minute of waiting, completion noticed within 15 s", async () => {
        const durations: Record<string, number> = {
            "shop-euw1": 9 * MIN + 13 * S,
            "shop-use1": 7 * MIN + 41 * S,
            "shop-apse2": 12 * MIN + 2 * S,
        };
        const sim = simulate({
            ...MYSQL_SEED,
            members: MYSQL_SEED.members.map((m) => ({ ...m, upgradeDurationMs: durations[m.id] })),
        });
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const finish = sim.finishTimes();
        let reads = 0;
        let waitMinutes = 0;
        for (const id of Object.keys(durations)) {
            const modifiedAt = sim.callsOf("ModifyDBCluster").find((c) => c.input.DBClusterIdentifier === id)!.time;
            const times = sim
                .callsOf("DescribeDBClusters")
                .filter((c) => c.input.DBClusterIdentifier === id)
                .map((c) => c.time);
            const noticedAt = times.find((t) => t >= finish[id])!;
            reads += times.length;
            waitMinutes += (noticedAt - modifiedAt) / MIN;
            assert.ok(
                noticedAt - finish[id] <= 15 * S,
                `${id}: noticed ${(noticedAt - finish[id]) / S} s after it finished`,
            );
        }
        assert.ok(
            reads / waitMinutes <= 4,
            `${reads} DescribeDBClusters, ${(reads / waitMinutes).toFixed(2)} per member-minute`,
        );
        // A secondary's first poll comes 15 s after the earliest possible finish: the polls skipped pay for its other reads.
        for (const id of ["shop-use1", "shop-apse2"]) {
            const modifiedAt = sim.callsOf("ModifyDBCluster").find((c) => c.input.DBClusterIdentifier === id)!.time;
            const firstPoll = sim
                .callsOf("DescribeDBClusters")
                .find((c) => c.input.DBClusterIdentifier === id && c.time > modifiedAt)!.time;
            assert.strictEqual(firstPoll - modifiedAt, EARLIEST_UPGRADE_FINISH_MS + BASE_POLL_MS, id);
        }
    });

    it("a resumed wait (the member was already upgrading) polls every 15 s from the start: it may end at any time", async () => {
        const sim = simulate(MYSQL_SEED);
        const argv = ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2", "--no-snapshot"];
        const killed = await cli(sim, argv, {
            hooks: {
                onPoll: () => {
                    throw new Error("killed");
                },
            },
        });
        assert.strictEqual(killed.code, 1);
        // The wait resumes once the run holds its lease (its 2 s settle wait, docs/lease.md).
        const resumedAt = sim.clock.now() + LEASE_SETTLE_MS;
        const again = await cli(sim, argv);
        assert.strictEqual(again.code, 0, again.stderr);
        const firstPoll = sim
            .callsOf("DescribeDBClusters")
            .find((c) => c.input.DBClusterIdentifier === "shop-use1" && c.time > resumedAt)!.time;
        assert.strictEqual(firstPoll - resumedAt, BASE_POLL_MS);
    });
});

describe("orchestrator: staying polite when many runs share a region", () => {
    const throttled = Object.assign(new Error("Rate exceeded"), {
        name: "ThrottlingException",
        $metadata: { httpStatusCode: 400 },
    });
    const internalFailure = Object.assign(new Error("An internal error occurred"), {
        name: "InternalFailure",
        $metadata: { httpStatusCode: 500 },
    });
    /** A gateway whose every call fails with `error`; counts the attempts. */
    function alwaysFailing(error: Error, retry?: RetryPolicy): { api: RdsGateway; attempts: () => number } {
        let attempts = 0;
        const client = { send: async () => (attempts++, Promise.reject(error)) } as unknown as RDSClient;
        return {
            api: new RdsGateway({
                clients: () => client,
                clock: new VirtualClock(),
                random: () => 0.5,
                ...(retry ? { retry } : {}),
            }),
            attempts: () => attempts,
        };
    }
    const alwaysThrottled = () => alwaysFailing(throttled);

    it("read-only calls get the longer retry budget; mutating calls and explicit policies keep theirs", async () => {
        const read = alwaysThrottled();
        await assert.rejects(
            read.api.send("us-east-1", new DescribeDBClustersCommand({ DBClusterIdentifier: "a" })),
            throttled,
        );
        assert.strictEqual(read.attempts(), READ_ONLY_RETRY.maxAttempts);
        assert.strictEqual(READ_ONLY_RETRY.maxAttempts, 12);
        const write = alwaysFailing(internalFailure);
        await assert.rejects(
            write.api.send("us-east-1", new ModifyDBClusterCommand({ DBClusterIdentifier: "a", EngineVersion: "x" })),
            internalFailure,
        );
        assert.strictEqual(write.attempts(), DEFAULT_RETRY.maxAttempts);
        assert.strictEqual(DEFAULT_RETRY.maxAttempts, 8);
        const optional = alwaysThrottled();
        await assert.rejects(
            optional.api.send(
                "us-east-1",
                new DescribeDBClustersCommand({ DBClusterIdentifier: "a" }),
                OPTIONAL_FACT_RETRY,
            ),
            throttled,
        );
        assert.strictEqual(optional.attempts(), OPTIONAL_FACT_RETRY.maxAttempts);
    });

    it("a throttled mutating call gets the longer budget too: AWS refused it at the token bucket, so resending it is safe", async () => {
        const write = alwaysThrottled();
        await assert.rejects(
            write.api.send("us-east-1", new ModifyDBClusterCommand({ DBClusterIdentifier: "a", EngineVersion: "x" })),
            throttled,
        );
        assert.strictEqual(write.attempts(), READ_ONLY_RETRY.maxAttempts);
        const injected = alwaysFailing(throttled, { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 });
        await assert.rejects(
            injected.api.send(
                "us-east-1",
                new ModifyDBClusterCommand({ DBClusterIdentifier: "a", EngineVersion: "x" }),
            ),
            throttled,
        );
        assert.strictEqual(injected.attempts(), 3, "a gateway's own retry policy still wins");
    });

    it("--start-jitter-seconds N waits random × N before the first call (on the injected clock), then runs as usual", async () => {
        const sim = simulate(MYSQL_SEED);
        const start = sim.clock.now();
        const r = await cli(sim, [
            "upgrade",
            ...MYSQL_ARGS,
            "--target",
            "8.0.mysql_aurora.3.08.2",
            "--no-snapshot",
            "--start-jitter-seconds",
            "10",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.calls[0].time - start, 5 * S, "random 0.5 × 10 s");
        assert.match(
            r.stderr,
            /^\[\+0s\] start jitter: waiting 5\.0s before the first call \(--start-jitter-seconds 10\)$/m,
        );
        const plain = simulate(MYSQL_SEED);
        const at = plain.clock.now();
        assert.strictEqual((await cli(plain, ["patch", ...MYSQL_ARGS])).code, 0);
        assert.strictEqual(plain.calls[0].time, at, "no jitter unless asked");
    });

    it("a bad --start-jitter-seconds is bad input naming the flag, the value and the fix; it stays out of --help", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, ["patch", ...MYSQL_ARGS, "--start-jitter-seconds", "301"]);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(cliRefusalLines(r.stderr).length, 1, r.stderr);
        assertRefusal(cliRefusalLines(r.stderr)[0], {
            field: "--start-jitter-seconds",
            value: '"301"',
            says: ["from 0 to 300"],
        });
        assert.strictEqual(sim.calls.length, 0);
        assert.doesNotMatch((await cli(sim, ["upgrade", "--help"])).stdout, /start-jitter/);
    });

    it("the Pulumi step command lines carry --start-jitter-seconds when asked", () => {
        const o = {
            homeRegion: "eu-west-1",
            globalClusterId: "shop-global",
            target: "8.0.mysql_aurora.3.08.2",
            startJitterSeconds: 10,
        };
        assert.deepStrictEqual(stepCommandArgs(o, { action: "modify-db-cluster", cluster: "shop-use1" }), [
            "upgrade",
            "--region",
            "eu-west-1",
            "--global-cluster",
            "shop-global",
            "--target",
            "8.0.mysql_aurora.3.08.2",
            "--strategy",
            "auto",
            "--start-jitter-seconds",
            "10",
            "--no-snapshot",
            "--only-member",
            "shop-use1",
        ]);
        assert.deepStrictEqual(stepCommandArgs(o, { action: "apply-pending-maintenance", cluster: "shop-euw1" }), [
            "patch",
            "--region",
            "eu-west-1",
            "--global-cluster",
            "shop-global",
            "--opt-in",
            "immediate",
            "--start-jitter-seconds",
            "10",
            "--only-member",
            "shop-euw1",
        ]);
    });
});
