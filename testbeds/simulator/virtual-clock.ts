import { Clock } from "../../aws/ports";

/** The instant a {@link VirtualClock} starts at unless told otherwise: 2026-04-11T06:00:00Z. */
export const DEFAULT_EPOCH = Date.parse("2026-04-11T06:00:00Z");

export interface VirtualClockOptions {
    /** Start time in milliseconds since the Unix epoch. Default {@link DEFAULT_EPOCH}. */
    readonly start?: number;
    /** Jump to the next wake time whenever the process is idle. Default true. */
    readonly autoAdvance?: boolean;
}

interface Sleeper {
    readonly wakeAt: number;
    readonly seq: number;
    readonly resolve: () => void;
}

/**
 * A {@link Clock} whose time moves only when asked to, so hours of upgrade run in milliseconds.
 *
 * `sleep(ms)` registers a timer. With auto-advance on (the default), once every microtask has run
 * (checked on `setImmediate` turns until a whole turn passes with no new sleeper), the clock jumps
 * to the earliest wake time and resolves the sleepers due then, in registration order. Sleeps that
 * run concurrently therefore overlap in virtual time exactly as they would in real time.
 */
export class VirtualClock implements Clock {
    private current: number;
    private readonly startTime: number;
    private sleepers: Sleeper[] = [];
    private seq = 0;
    private auto: boolean;
    private checkScheduled = false;
    private lastSeenSeq = -1;

    constructor(options: VirtualClockOptions = {}) {
        this.startTime = options.start ?? DEFAULT_EPOCH;
        this.current = this.startTime;
        this.auto = options.autoAdvance ?? true;
    }

    /** Virtual milliseconds since the Unix epoch. */
    now(): number {
        return this.current;
    }

    /** Virtual milliseconds since the clock started. */
    elapsed(): number {
        return this.current - this.startTime;
    }

    /** The current virtual time as an ISO-8601 string. */
    iso(): string {
        return new Date(this.current).toISOString();
    }

    /** Number of sleeps not woken yet. */
    get pendingTimers(): number {
        return this.sleepers.length;
    }

    /** True while auto-advance is on. */
    get autoAdvancing(): boolean {
        return this.auto;
    }

    /** Resolves after `ms` virtual milliseconds (negative or NaN counts as 0). */
    sleep(ms: number): Promise<void> {
        const delay = Number.isFinite(ms) && ms > 0 ? ms : 0;
        return new Promise<void>((resolve) => {
            this.sleepers.push({ wakeAt: this.current + delay, seq: this.seq++, resolve });
            this.scheduleIdleCheck();
        });
    }

    /**
     * Moves time forward by `ms`, waking every sleeper due on the way in wake-time order and
     * letting its continuation run (which may register new sleeps inside the window) before the
     * next one. Resolves once time has reached `now() + ms`.
     */
    async advance(ms: number): Promise<void> {
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`advance(ms): ms must be a finite number >= 0, got ${ms}`);
        const target = this.current + ms;
        await settleMicrotasks();
        for (;;) {
            const next = this.earliest();
            if (next === undefined || next.wakeAt > target) break;
            this.wakeDue(next.wakeAt);
            await settleMicrotasks();
        }
        this.current = target;
    }

    /**
     * Advances until no sleeper is left (or `limitMs` of virtual time has passed, to stop a
     * polling loop that never ends). Useful with auto-advance off.
     */
    async runAll(limitMs = 7 * 24 * 3600 * 1000): Promise<void> {
        const stopAt = this.current + limitMs;
        await settleMicrotasks();
        for (;;) {
            const next = this.earliest();
            if (next === undefined || next.wakeAt > stopAt) return;
            this.wakeDue(next.wakeAt);
            await settleMicrotasks();
        }
    }

    /** Stops jumping ahead on idle; time then moves only through {@link advance} / {@link runAll}. */
    stopAutoAdvance(): void {
        this.auto = false;
    }

    /** Turns auto-advance back on (and advances now if sleepers are waiting). */
    startAutoAdvance(): void {
        this.auto = true;
        this.scheduleIdleCheck();
    }

    private earliest(): Sleeper | undefined {
        let best: Sleeper | undefined;
        for (const s of this.sleepers) {
            if (!best || s.wakeAt < best.wakeAt || (s.wakeAt === best.wakeAt && s.seq < best.seq)) best = s;
        }
        return best;
    }

    /** Sets the time to `at` and resolves every sleeper due by then, in order. */
    private wakeDue(at: number): void {
        if (at > this.current) this.current = at;
        const due = this.sleepers
            .filter((s) => s.wakeAt <= this.current)
            .sort((a, b) => a.wakeAt - b.wakeAt || a.seq - b.seq);
        this.sleepers = this.sleepers.filter((s) => s.wakeAt > this.current);
        for (const s of due) s.resolve();
    }

    private scheduleIdleCheck(): void {
        if (!this.auto || this.checkScheduled || this.sleepers.length === 0) return;
        this.checkScheduled = true;
        this.lastSeenSeq = this.seq;
        setImmediate(() => this.onIdle());
    }

    private onIdle(): void {
        this.checkScheduled = false;
        if (!this.auto || this.sleepers.length === 0) return;
        if (this.seq !== this.lastSeenSeq) {
            // Something registered a sleep during the last turn: give it one more turn to settle.
            this.scheduleIdleCheck();
            return;
        }
        const next = this.earliest();
        if (next) this.wakeDue(next.wakeAt);
        this.scheduleIdleCheck();
    }
}

/** Lets every queued microtask (and anything they chain) run. */
function settleMicrotasks(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}
