/**
 * A virtual clock for `watch()` tests: `sleep` registers a timer; whenever the process is
 * otherwise idle (a macrotask later), time jumps to the earliest timer and resolves it.
 * Fake probes take time by awaiting `clock.sleep(ms)`, so schedules are exact and instant.
 */
interface Timer {
    at: number;
    seq: number;
    fire: () => void;
}

export class FakeClock {
    private time: number;
    private seq = 0;
    private timers: Timer[] = [];
    private pending = false;

    constructor(readonly origin = Date.UTC(2026, 3, 11, 6, 21, 30)) {
        this.time = origin;
    }

    readonly now = (): number => this.time;

    /** Milliseconds since the origin. */
    elapsed(): number {
        return this.time - this.origin;
    }

    readonly sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
        new Promise((resolve) => {
            if (signal?.aborted) return resolve();
            const timer: Timer = {
                at: this.time + Math.max(0, ms),
                seq: this.seq++,
                fire: () => {
                    signal?.removeEventListener("abort", cancel);
                    resolve();
                },
            };
            const cancel = () => {
                this.timers = this.timers.filter((t) => t !== timer);
                resolve();
            };
            signal?.addEventListener("abort", cancel, { once: true });
            this.timers.push(timer);
            this.schedule();
        });

    /** Runs `fn` at virtual time origin + `atMs`. */
    at(atMs: number, fn: () => void): void {
        void this.sleep(this.origin + atMs - this.time).then(fn);
    }

    private schedule(): void {
        if (this.pending) return;
        this.pending = true;
        setImmediate(() => {
            this.pending = false;
            if (this.timers.length === 0) return;
            this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
            const next = this.timers.shift() as Timer;
            this.time = Math.max(this.time, next.at);
            next.fire();
            if (this.timers.length > 0) this.schedule();
        });
    }
}
