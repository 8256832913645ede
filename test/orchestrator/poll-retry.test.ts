import * as assert from "assert";
import { adviceFor, isRetryable, isThrottling } from "../../aws/errors";
import { backoffDelay, DEFAULT_RETRY, withRetry } from "../../aws/retry";
import {
    BASE_POLL_MS,
    criticalStep,
    DENSE_POLL_MS,
    EARLIEST_UPGRADE_FINISH_MS,
    nextPollDelay,
} from "../../orchestrator/execute/poll-schedule";
import { MAX_POLL_SLOWDOWN, QUIET_HALVING_MS, ThrottlePressure } from "../../aws/throttle-pressure";
import { VirtualClock } from "../../testbeds/simulator";

/**
 * Simulates one wait that ends at `endMs`, alone in its run when `critical`, with `pool` calls in
 * the run's pool at its start and `prior` reads counted against it: returns the calls made (the
 * prior reads included), the detection latency and the pool left.
 */
function simulateWait(
    endMs: number,
    o: { critical?: boolean; pool?: number; prior?: number; earliestFinishMs?: number } = {},
): { calls: number; latencyMs: number; poolLeft: number } {
    let t = 0;
    let calls = o.prior ?? 0;
    const pool = (at: number) => (o.pool ?? 0) + at / BASE_POLL_MS - calls;
    for (;;) {
        t += nextPollDelay({
            elapsedMs: t,
            earliestFinishMs: o.earliestFinishMs,
            critical: o.critical,
            pooledPolls: pool(t),
        });
        calls += 1;
        if (t >= endMs) return { calls, latencyMs: t - endMs, poolLeft: pool(t) };
    }
}

describe("orchestrator: polling schedule", () => {
    it("plain: every 15 s", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 0 }), BASE_POLL_MS);
        assert.strictEqual(nextPollDelay({ elapsedMs: 600_000, pooledPolls: 30 }), BASE_POLL_MS, "not critical");
    });

    it("--poll-seconds wins, critical or not", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, fixedMs: 7000 }), 7000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 300_000, fixedMs: 7000, critical: true, pooledPolls: 20 }), 7000);
    });

    it("an operation we just started: the first poll 15 s after its earliest finish (2 min), then every 15 s", () => {
        assert.strictEqual(EARLIEST_UPGRADE_FINISH_MS, 120_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, earliestFinishMs: EARLIEST_UPGRADE_FINISH_MS }), 135_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 10_000, earliestFinishMs: 30_000 }), 35_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 45_000, earliestFinishMs: 30_000 }), BASE_POLL_MS);
    });

    it("critical: a share of the elapsed time that spends the pool by twice the elapsed time, 3–15 s", () => {
        // c = ln 2 / (pool + elapsed / 15 s): after 4 min with 8 calls pooled, ln 2 / 24 × 240 s = 6.93 s.
        assert.strictEqual(criticalStep(240_000, 8), 6931);
        assert.strictEqual(nextPollDelay({ elapsedMs: 240_000, critical: true, pooledPolls: 8 }), 6931);
        assert.strictEqual(criticalStep(60_000, 40), DENSE_POLL_MS, "never below 3 s");
        assert.strictEqual(criticalStep(600_000, 0), BASE_POLL_MS, "an empty pool: the plain 15 s");
        assert.strictEqual(criticalStep(240_000, -5), BASE_POLL_MS, "a pool in debt: the plain 15 s");
        assert.strictEqual(criticalStep(600_000, 0.5), 10_269, "ln 2 / 40.5 × 600 s");
        assert.strictEqual(criticalStep(600_000, 0.2), 12_000, "not before the pool holds the call: 0.8 × 15 s");
        // Before the earliest finish: the first look comes one critical step after it.
        assert.strictEqual(
            nextPollDelay({ elapsedMs: 0, earliestFinishMs: 120_000, critical: true, pooledPolls: 8 }),
            120_000 + 5199,
        );
    });

    for (const endS of [120, 121, 134, 135, 136, 367, 821]) {
        it(`plain, started by us, 2 reads outside the wait, done after ${endS} s: every read within 4 per minute, noticed within 15 s`, () => {
            const { calls, latencyMs } = simulateWait(endS * 1000, {
                prior: 2,
                earliestFinishMs: EARLIEST_UPGRADE_FINISH_MS,
            });
            assert.ok(calls / ((endS * 1000 + latencyMs) / 60_000) <= 4, `${calls} calls`);
            assert.ok(latencyMs <= 15_000, `latency ${latencyMs}`);
        });
    }

    for (const endS of [181, 240, 300, 420, 479, 900]) {
        it(`critical, 10 calls pooled, done after ${endS} s: noticed within 2.5 % of the operation, the pool never in debt by a call`, () => {
            const { latencyMs, poolLeft } = simulateWait(endS * 1000, {
                critical: true,
                pool: 10,
                earliestFinishMs: EARLIEST_UPGRADE_FINISH_MS,
            });
            assert.ok(latencyMs <= 0.025 * endS * 1000, `latency ${latencyMs} ms`);
            assert.ok(poolLeft >= -1, `pool left ${poolLeft}`);
        });
    }

    it("a region that throttles us stretches every interval by its slowdown, --poll-seconds and critical ones included", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 600_000, slowdown: 4 }), 4 * BASE_POLL_MS);
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, fixedMs: 7000, slowdown: 2 }), 14_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 240_000, critical: true, pooledPolls: 8, slowdown: 2 }), 13_862);
    });

    it("throttle pressure doubles per throttled call up to 4×, halves every quiet minute, per region", () => {
        let now = 0;
        const pressure = new ThrottlePressure(() => now);
        assert.strictEqual(pressure.slowdown("us-east-1"), 1);
        pressure.throttled("us-east-1");
        assert.strictEqual(pressure.slowdown("us-east-1"), 2);
        for (let i = 0; i < 5; i++) pressure.throttled("us-east-1");
        assert.strictEqual(pressure.slowdown("us-east-1"), MAX_POLL_SLOWDOWN);
        assert.strictEqual(pressure.slowdown("eu-west-1"), 1, "another region is not slowed down");
        now = QUIET_HALVING_MS - 1;
        assert.strictEqual(pressure.slowdown("us-east-1"), 4);
        now = QUIET_HALVING_MS;
        assert.strictEqual(pressure.slowdown("us-east-1"), 2);
        now = 5 * QUIET_HALVING_MS;
        assert.strictEqual(pressure.slowdown("us-east-1"), 1);
        pressure.throttled("us-east-1");
        assert.strictEqual(pressure.slowdown("us-east-1"), 2, "a new throttle starts again from the decayed factor");
    });
});

describe("orchestrator: retries", () => {
    const throttled = Object.assign(new Error("Rate exceeded"), {
        name: "ThrottlingException",
        $metadata: { httpStatusCode: 400 },
    });
    const server = Object.assign(new Error("We encountered an internal error"), {
        name: "InternalFailure",
        $metadata: { httpStatusCode: 500 },
    });
    const refused = Object.assign(new Error("global replica(s) are running lower version"), {
        name: "InvalidParameterValue",
        $metadata: { httpStatusCode: 400 },
    });

    it("classifies by code first, text second", () => {
        assert.ok(isThrottling(throttled));
        assert.ok(
            isThrottling(Object.assign(new Error("Rate exceeded"), { name: "SomethingNew" })),
            "text fragment as fallback",
        );
        assert.ok(isRetryable(server));
        assert.ok(!isRetryable(refused));
        assert.strictEqual(
            adviceFor(refused),
            "a secondary is still at a lower version: run the command again, it upgrades the secondaries first",
        );
    });

    it("full jitter: delay = random × min(cap, base × 2^attempt)", () => {
        assert.strictEqual(
            backoffDelay(0, DEFAULT_RETRY, () => 0.5),
            250,
        );
        assert.strictEqual(
            backoffDelay(3, DEFAULT_RETRY, () => 0.5),
            2000,
        );
        assert.strictEqual(
            backoffDelay(10, DEFAULT_RETRY, () => 0.999),
            19_980,
        );
        assert.strictEqual(
            backoffDelay(5, DEFAULT_RETRY, () => 0),
            0,
        );
    });

    it("retries throttling on the injected clock, then succeeds", async () => {
        const clock = new VirtualClock();
        let attempts = 0;
        const value = await withRetry(async () => (++attempts < 4 ? Promise.reject(throttled) : "ok"), {
            clock,
            random: () => 0.5,
        });
        assert.strictEqual(value, "ok");
        assert.strictEqual(attempts, 4);
        assert.strictEqual(clock.elapsed(), 250 + 500 + 1000);
    });

    it("throws a non-retryable error at once and a retryable one after the bounded attempts", async () => {
        const clock = new VirtualClock();
        let attempts = 0;
        await assert.rejects(
            withRetry(
                async () => {
                    attempts++;
                    throw refused;
                },
                { clock, random: () => 0.5 },
            ),
            refused,
        );
        assert.strictEqual(attempts, 1);
        attempts = 0;
        await assert.rejects(
            withRetry(
                async () => {
                    attempts++;
                    throw server;
                },
                { clock, random: () => 0.5, policy: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1000 } },
            ),
            server,
        );
        assert.strictEqual(attempts, 3);
    });
});
