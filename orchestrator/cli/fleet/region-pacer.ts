import { Clock } from "../../../aws/ports";

/**
 * A rollout's own bound on requests per region (the target: a rollout of 200 databases
 * in 3 regions stays under 5 requests per second per region, far below AWS's throttling): 4 per
 * second sustained, bursts of 10. Any 60 s window then holds at most 4 × 60 + 10 = 250 requests
 * (4.2 per second). Planning 200 databases at once would otherwise send hundreds in a few seconds.
 */
export const FLEET_REQUESTS_PER_SECOND = 4;
export const FLEET_REQUEST_BURST = 10;

/**
 * Spaces the calls of each region on the injected clock (the generic cell rate algorithm: a
 * call may go once its slot comes, slots `1 / rate` apart, up to `burst` ahead of time).
 * Slots are taken before waiting, so calls started together queue in order.
 */
export class RegionPacer {
    private readonly theoretical = new Map<string, number>();

    constructor(
        private readonly clock: Clock,
        private readonly perSecond = FLEET_REQUESTS_PER_SECOND,
        private readonly burst = FLEET_REQUEST_BURST,
    ) {}

    /** Resolves when a call in `region` may be sent. */
    async turn(region: string): Promise<void> {
        const now = this.clock.now();
        const interval = 1000 / this.perSecond;
        const tat = Math.max(this.theoretical.get(region) ?? now, now);
        const at = Math.max(now, tat - (this.burst - 1) * interval);
        this.theoretical.set(region, tat + interval);
        if (at > now) await this.clock.sleep(at - now);
    }
}
