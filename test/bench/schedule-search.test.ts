import * as assert from "node:assert/strict";
import { evaluateSchedule, ScheduleSearch, searchSchedule } from "../../testbeds/bench/support/schedule-search";

const SEARCH: ScheduleSearch = {
    minMs: 180_000,
    maxMs: 480_000,
    earliestMs: 120_000,
    slotMs: 30_000,
    maxIntervalMs: 15_000,
    describesPerMinute: 4,
    readsPerWait: 0,
    trials: 200,
    seed: 7,
};

describe("bench: the schedule fitted to a row's draws (issue #23's computed rows)", () => {
    it("counts a fixed 15 s schedule exactly: two 3-minute waits, first polls at 2:15, noticed at 3:15 each", () => {
        const got = evaluateSchedule(SEARCH, [15_000], [[180_000, 180_000]]);
        // 120 s + 4 × 15 s = 180 s: the 4th poll lands on the finish, 0 s late; 4 polls per wait.
        assert.equal(got.p95, 1);
        assert.equal(got.describesPerMinute, 8 / 6);
    });

    it("charges the reads per wait and the overshoot past each finish", () => {
        const got = evaluateSchedule({ ...SEARCH, readsPerWait: 2 }, [15_000], [[181_000, 181_000]]);
        // Each wait: 5 polls (2:15 … 3:15), 14 s late; 2 reads more.
        assert.equal(got.p95, (362_000 + 28_000) / 362_000);
        assert.equal(got.describesPerMinute, 14 / (362_000 / 60_000));
    });

    it("finds a schedule within the budget and the longest interval that beats fixed 15 s polling", () => {
        const found = searchSchedule(SEARCH);
        assert.ok(found.describesPerMinute <= 4, `${found.describesPerMinute} describes per minute`);
        assert.ok(found.intervalsSeconds.length > 0);
        assert.ok(
            found.intervalsSeconds.every((s) => s >= 3 && s <= 15),
            found.intervalsSeconds.join(","),
        );
        const fixed = searchSchedule({ ...SEARCH, describesPerMinute: 0 });
        assert.ok(found.p95InSample < fixed.p95InSample, `${found.p95InSample} vs ${fixed.p95InSample}`);
        assert.ok(Number.isFinite(found.p95HeldOut) && found.p95HeldOut >= 1);
    });

    it("with no budget to spend it keeps every interval at the longest", () => {
        const found = searchSchedule({ ...SEARCH, describesPerMinute: 0 });
        assert.ok(found.intervalsSeconds.every((s) => s === 15));
    });
});
