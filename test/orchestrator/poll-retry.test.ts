import * as assert from "assert";
import { adviceFor, isRetryable, isThrottling } from "../../orchestrator/aws/errors";
import { backoffDelay, DEFAULT_RETRY, withRetry } from "../../orchestrator/aws/retry";
import { BASE_POLL_MS, EARLIEST_UPGRADE_FINISH_MS, nextPollDelay } from "../../orchestrator/execute/poll-schedule";
import { MAX_POLL_SLOWDOWN, QUIET_HALVING_MS, ThrottlePressure } from "../../orchestrator/aws/throttle-pressure";
import { VirtualClock } from "../../testbeds/simulator";

/**
 * Simulates a wait that ends at `endMs`: returns calls made (the `prior` reads of the member
 * included) and the detection latency.
 */
function simulateWait(
    endMs: number,
    expectedMs?: number,
    prior = 0,
    earliestFinishMs?: number,
): { calls: number; latencyMs: number } {
    let t = 0;
    let polls = prior;
    for (;;) {
        t += nextPollDelay({ elapsedMs: t, polls, expectedMs, earliestFinishMs });
        polls += 1;
        if (t >= endMs) return { calls: polls, latencyMs: t - endMs };
    }
}

describe("orchestrator: polling schedule", () => {
    it("without an expectation polls every 15 s", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, polls: 0 }), BASE_POLL_MS);
        assert.strictEqual(nextPollDelay({ elapsedMs: 600_000, polls: 40 }), BASE_POLL_MS);
    });

    it("--poll-seconds wins", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, polls: 0, fixedMs: 7000, expectedMs: 60_000 }), 7000);
    });

    it("with an expectation: 30 s in the first half, 15 s after, 3 s near the expected end", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, polls: 0, expectedMs: 600_000 }), 30_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 300_000, polls: 10, expectedMs: 600_000 }), 15_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 575_000, polls: 27, expectedMs: 600_000 }), 3000);
    });

    for (const [expectedMin, endMin] of [
        [10, 10],
        [10, 6],
        [10, 14],
        [10, 30],
        [3, 3.2],
        [20, 19.5],
    ]) {
        it(`expected ${expectedMin} min, done after ${endMin} min: ≤ 4 calls per minute and noticed within 15 s`, () => {
            const { calls, latencyMs } = simulateWait(endMin * 60_000, expectedMin * 60_000);
            assert.ok(calls / ((endMin * 60_000 + latencyMs) / 60_000) <= 4, `${calls} calls`);
            assert.ok(latencyMs <= 15_000, `latency ${latencyMs}`);
        });
    }

    it("an operation we just started: the first poll 15 s after its earliest finish, then every 15 s", () => {
        assert.strictEqual(
            nextPollDelay({ elapsedMs: 0, polls: 2, earliestFinishMs: EARLIEST_UPGRADE_FINISH_MS }),
            EARLIEST_UPGRADE_FINISH_MS + BASE_POLL_MS,
        );
        assert.strictEqual(nextPollDelay({ elapsedMs: 10_000, polls: 0, earliestFinishMs: 30_000 }), 35_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 45_000, polls: 3, earliestFinishMs: 30_000 }), BASE_POLL_MS);
    });

    for (const endS of [30, 31, 44, 45, 46, 367, 821]) {
        it(`started by us, 2 reads outside the wait, done after ${endS} s: every read within 4 per minute, noticed within 15 s`, () => {
            const { calls, latencyMs } = simulateWait(endS * 1000, undefined, 2, EARLIEST_UPGRADE_FINISH_MS);
            assert.ok(calls / ((endS * 1000 + latencyMs) / 60_000) <= 4, `${calls} calls`);
            assert.ok(latencyMs <= 15_000, `latency ${latencyMs}`);
        });
    }

    it("reads made before the wait count against the dense phase's budget", () => {
        // 9m35s into a wait expected to last 10 min: with 37 reads counted so far a 3 s poll is affordable, with 39 it is not.
        assert.strictEqual(nextPollDelay({ elapsedMs: 575_000, polls: 37, expectedMs: 600_000 }), 3000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 575_000, polls: 39, expectedMs: 600_000 }), 15_000);
    });

    it("a region that throttles us stretches every interval by its slowdown, --poll-seconds included", () => {
        assert.strictEqual(nextPollDelay({ elapsedMs: 600_000, polls: 40, slowdown: 4 }), 4 * BASE_POLL_MS);
        assert.strictEqual(nextPollDelay({ elapsedMs: 0, polls: 0, fixedMs: 7000, slowdown: 2 }), 14_000);
        assert.strictEqual(nextPollDelay({ elapsedMs: 575_000, polls: 27, expectedMs: 600_000, slowdown: 1 }), 3000);
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

    it("near the expected end completion is noticed within 3 s", () => {
        assert.ok(simulateWait(601_000, 600_000).latencyMs <= 3000);
        assert.ok(simulateWait(590_000, 600_000).latencyMs <= 3000);
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
