import { VirtualClock } from "../../simulator";

import { Speed } from "./speed";

export { DEFAULT_SPEED, Speed } from "./speed";

/**
 * A virtual clock that only moves when {@link drive} moves it, and knows its next wake time, so
 * the offline run can pace virtual time against real time (or not at all with `max`). Time jumps
 * from one wake to the next exactly as the simulator's auto-advance does, so the run's timeline
 * is the same at every speed.
 */
export class PacedClock extends VirtualClock {
    private readonly wakes: number[] = [];
    /** Sleeps registered so far (idle detection). */
    registered = 0;

    constructor(start?: number) {
        super({ autoAdvance: false, ...(start !== undefined ? { start } : {}) });
    }

    override sleep(ms: number): Promise<void> {
        const at = this.now() + (Number.isFinite(ms) && ms > 0 ? ms : 0);
        this.wakes.push(at);
        this.registered += 1;
        return super.sleep(ms).then(() => {
            this.wakes.splice(this.wakes.indexOf(at), 1);
        });
    }

    /** The earliest pending wake time, if any sleep is pending. */
    nextWake(): number | undefined {
        return this.wakes.length === 0 ? undefined : Math.min(...this.wakes);
    }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Lets queued work run until a whole event-loop turn passes without a new sleep. */
async function untilIdle(clock: PacedClock): Promise<void> {
    for (;;) {
        const before = clock.registered;
        await turn();
        await turn();
        if (clock.registered === before) return;
    }
}

export interface DriveOptions {
    readonly speed: Speed;
    /** Called at every multiple of `everyMs` of virtual time since the start (progress boards). */
    readonly tick?: { readonly everyMs: number; readonly run: () => void };
    /** Virtual time after which the run is declared stuck. Default 7 days. */
    readonly limitMs?: number;
}

/**
 * Runs `work` on `clock`: whenever the process is idle, waits the real-time equivalent of the gap
 * to the next wake (none at `max`), then advances the clock to it. Resolves with `work`'s result.
 */
export async function drive<T>(clock: PacedClock, work: Promise<T>, options: DriveOptions): Promise<T> {
    let settled = false;
    const guarded = work.finally(() => {
        settled = true;
    });
    guarded.catch(() => undefined);
    const start = clock.now();
    const limit = start + (options.limitMs ?? 7 * 24 * 3600_000);
    let nextTick = options.tick ? start + options.tick.everyMs : Infinity;
    let stalls = 0;
    while (!settled) {
        await untilIdle(clock);
        if (settled) break;
        const wake = clock.nextWake();
        if (wake === undefined) {
            if (++stalls > 10_000)
                throw new Error("offline run stalled: the upgrade waits for something other than time");
            continue;
        }
        stalls = 0;
        const to = Math.min(wake, nextTick);
        if (to > limit)
            throw new Error(
                `offline run stopped: still running after ${Math.round((limit - start) / 3600_000)} virtual hours`,
            );
        const gap = to - clock.now();
        if (options.speed !== "max" && gap > 0) await realSleep(gap / options.speed);
        await clock.advance(gap);
        if (to === nextTick && options.tick) {
            options.tick.run();
            nextTick += options.tick.everyMs;
        }
    }
    return guarded;
}
