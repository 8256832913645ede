import assert from "node:assert/strict";
import { DEFAULT_EPOCH, VirtualClock } from "../../testbeds/simulator";

describe("simulator: VirtualClock", () => {
    it("starts at the fixed epoch 2026-04-11T06:00:00Z", () => {
        const clock = new VirtualClock();
        assert.equal(clock.now(), DEFAULT_EPOCH);
        assert.equal(clock.iso(), "2026-04-11T06:00:00.000Z");
        assert.equal(new VirtualClock({ start: 1000 }).now(), 1000);
    });

    it("runs parallel sleeps concurrently: two 30 s sleeps cost 30 virtual seconds", async () => {
        const clock = new VirtualClock();
        await Promise.all([clock.sleep(30_000), clock.sleep(30_000)]);
        assert.equal(clock.elapsed(), 30_000);
    });

    it("wakes sleepers in wake-time order, ties in registration order", async () => {
        const clock = new VirtualClock();
        const order: string[] = [];
        const track = (name: string, ms: number) =>
            clock.sleep(ms).then(() => order.push(`${name}@${clock.elapsed()}`));
        await Promise.all([track("c", 300), track("a", 100), track("b", 100), track("d", 0)]);
        assert.deepEqual(order, ["d@0", "a@100", "b@100", "c@300"]);
    });

    it("advances on idle through chained sleeps (a polling loop)", async () => {
        const clock = new VirtualClock();
        let polls = 0;
        while (clock.elapsed() < 5 * 60_000) {
            polls++;
            await clock.sleep(30_000);
        }
        assert.equal(polls, 10);
        assert.equal(clock.elapsed(), 300_000);
    });

    it("sequential work after a parallel phase adds up along the critical path", async () => {
        const clock = new VirtualClock();
        await Promise.all([clock.sleep(5_000), clock.sleep(8_000).then(() => clock.sleep(1_000))]);
        await clock.sleep(10_000);
        assert.equal(clock.elapsed(), 19_000);
    });

    it("with auto-advance stopped, time moves only through advance()", async () => {
        const clock = new VirtualClock({ autoAdvance: false });
        let woke = false;
        void clock.sleep(1_000).then(() => (woke = true));
        await new Promise((r) => setImmediate(r));
        await new Promise((r) => setImmediate(r));
        assert.equal(woke, false);
        assert.equal(clock.pendingTimers, 1);
        await clock.advance(999);
        assert.equal(woke, false);
        await clock.advance(1);
        assert.equal(woke, true);
        assert.equal(clock.elapsed(), 1_000);
    });

    it("advance() runs continuations that sleep again inside the window", async () => {
        const clock = new VirtualClock({ autoAdvance: false });
        const seen: number[] = [];
        void (async () => {
            for (let i = 0; i < 3; i++) {
                await clock.sleep(100);
                seen.push(clock.elapsed());
            }
        })();
        await clock.advance(250);
        assert.deepEqual(seen, [100, 200]);
        assert.equal(clock.elapsed(), 250);
        await clock.runAll();
        assert.deepEqual(seen, [100, 200, 300]);
    });

    it("stopAutoAdvance / startAutoAdvance toggle idle jumps", async () => {
        const clock = new VirtualClock();
        clock.stopAutoAdvance();
        assert.equal(clock.autoAdvancing, false);
        const done = clock.sleep(60_000);
        await new Promise((r) => setImmediate(r));
        assert.equal(clock.elapsed(), 0);
        clock.startAutoAdvance();
        await done;
        assert.equal(clock.elapsed(), 60_000);
    });

    it("refuses a negative advance with a message naming the value", async () => {
        const clock = new VirtualClock();
        await assert.rejects(clock.advance(-5), { message: "advance(ms): ms must be a finite number >= 0, got -5" });
    });
});
