import * as assert from "node:assert/strict";
import { leastGuaranteedShare, PollingBudget } from "../../testbeds/bench/support/polling-bound";
import { medianInterval } from "../../testbeds/bench/support/stats";

const SHORT: PollingBudget = { earliestMs: 120_000, longestMs: 480_000, pooled: 6, earnEveryMs: 15_000 };

describe("bench: the least worst-case share any poll schedule can guarantee within a call budget", () => {
    it("a lone wait of 2–8 min at 4 calls per minute with 6 in hand cannot be sure of better than 5.2 %", () => {
        assert.equal(Math.round(leastGuaranteedShare(SHORT) * 1000) / 1000, 0.052);
    });

    it("more calls in hand, a higher earning rate or a narrower window lower the bound", () => {
        const base = leastGuaranteedShare(SHORT);
        assert.ok(leastGuaranteedShare({ ...SHORT, pooled: 14 }) < base);
        assert.ok(leastGuaranteedShare({ ...SHORT, earnEveryMs: 5_000 }) < base);
        assert.ok(leastGuaranteedShare({ ...SHORT, longestMs: 180_000 }) < base);
    });

    it("polling at 2 % of the elapsed time from 2 to 8 min takes 71 calls, which the check agrees cannot fit 4 per minute", () => {
        assert.equal(Math.ceil(Math.log(4) / Math.log(1.02)), 71);
        assert.ok(leastGuaranteedShare(SHORT) > 0.02);
        assert.ok(leastGuaranteedShare({ ...SHORT, pooled: 70 }) <= 0.02);
    });

    it("refuses a window that is empty or a budget that earns nothing, naming the values", () => {
        assert.throws(
            () => leastGuaranteedShare({ ...SHORT, longestMs: 120_000 }),
            new Error(
                'polling bound: need 0 < earliest < longest, earnEvery > 0 and pooled ≥ 0 (got {"earliestMs":120000,"longestMs":120000,"pooled":6,"earnEveryMs":15000})',
            ),
        );
    });
});

describe("bench statistics: the median's confidence interval", () => {
    it("is [x(k+1), x(n−k)], distribution-free: n = 9 gives the 2nd and 8th values (96.1 %)", () => {
        const xs = [9, 1, 8, 2, 7, 3, 6, 4, 5];
        assert.deepEqual(medianInterval(xs), { low: 2, high: 8 });
    });
    it("widens to the extremes when too few values reach the confidence (n = 5: 93.8 % < 95 %)", () => {
        assert.deepEqual(medianInterval([5, 4, 3, 2, 1]), { low: 1, high: 5 });
    });
    it("narrows as n grows (n = 31: the 10th and 22nd values)", () => {
        const xs = Array.from({ length: 31 }, (_, i) => i + 1);
        assert.deepEqual(medianInterval(xs), { low: 10, high: 22 });
    });
});
