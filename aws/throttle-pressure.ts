/**
 * How much slower to poll a region that throttles us: additive-increase / multiplicative-decrease
 * turned around for polling. Each throttled attempt doubles the slowdown (up to
 * {@link MAX_POLL_SLOWDOWN}); each {@link QUIET_HALVING_MS} without one halves it, back to 1.
 * Separate CLI processes share no budget, but each one backing off on AWS's answer keeps a
 * crowded region (hundreds of members polled at once) from staying throttled for the whole
 * upgrade. Only waits slow down; changes and first reads keep their own retries.
 */
export const MAX_POLL_SLOWDOWN = 4;
export const QUIET_HALVING_MS = 60_000;

export class ThrottlePressure {
    private readonly regions = new Map<string, { readonly factor: number; readonly at: number }>();

    constructor(private readonly now: () => number) {}

    /** A call in `region` was throttled now. */
    throttled(region: string): void {
        this.regions.set(region, { factor: Math.min(MAX_POLL_SLOWDOWN, this.slowdown(region) * 2), at: this.now() });
    }

    /** The factor (1 to {@link MAX_POLL_SLOWDOWN}) to stretch poll intervals in `region` by. */
    slowdown(region: string): number {
        const p = this.regions.get(region);
        if (p === undefined) return 1;
        const halvings = Math.floor((this.now() - p.at) / QUIET_HALVING_MS);
        return Math.max(1, p.factor / 2 ** halvings);
    }
}
