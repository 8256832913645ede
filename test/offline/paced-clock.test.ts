import { strict as assert } from "assert";
import { drive, PacedClock } from "../../testbeds/offline/run/paced-clock";

/** Two pollers sharing the clock, as the orchestrator's parallel waits do. */
async function pollers(clock: PacedClock, log: string[]): Promise<number> {
    const poll = async (name: string, every: number, times: number) => {
        for (let i = 0; i < times; i++) {
            await clock.sleep(every);
            log.push(`${name}@${clock.elapsed() / 1000}`);
        }
    };
    await Promise.all([poll("a", 30_000, 3), poll("b", 45_000, 2)]);
    return clock.elapsed();
}

describe("offline paced clock", () => {
    it("moves virtual time from wake to wake, in order, with the progress tick at its multiples", async () => {
        const clock = new PacedClock();
        const log: string[] = [];
        const elapsed = await drive(clock, pollers(clock, log), {
            speed: "max",
            tick: { everyMs: 60_000, run: () => log.push(`tick@${clock.elapsed() / 1000}`) },
        });
        assert.equal(elapsed, 90_000);
        assert.deepEqual(log, ["a@30", "b@45", "a@60", "tick@60", "b@90", "a@90"]);
    });

    it("gives the same timeline at a finite speed as at max", async () => {
        const fast = new PacedClock();
        const a: string[] = [];
        await drive(fast, pollers(fast, a), { speed: "max" });
        const paced = new PacedClock();
        const b: string[] = [];
        await drive(paced, pollers(paced, b), { speed: 100_000 });
        assert.deepEqual(b, a);
    });

    it("passes the work's failure through", async () => {
        const clock = new PacedClock();
        const work = (async () => {
            await clock.sleep(1000);
            throw new Error("step failed");
        })();
        await assert.rejects(drive(clock, work, { speed: "max" }), { message: "step failed" });
    });
});
