/**
 * Token-bucket settings. AWS RDS throttles per account per region with a token bucket: a burst of
 * 300 requests, 12 per second sustained, every caller of the account counted together, refusing
 * with `ThrottlingException: Rate exceeded` (docs/aws-rules.md §3, "Request throttling for the
 * Amazon RDS API").
 */
export interface RateLimit {
    readonly burst: number;
    readonly refillPerSecond: number;
}

export const AWS_RDS_RATE_LIMIT: RateLimit = { burst: 300, refillPerSecond: 12 };

/** One token bucket per region, refilled from the (virtual) clock. */
export class RegionalRateLimiter {
    private readonly buckets = new Map<string, { tokens: number; at: number }>();
    /** Calls refused per region. */
    readonly throttled = new Map<string, number>();

    constructor(
        private readonly limit: RateLimit,
        private readonly now: () => number,
    ) {}

    /** Takes a token for `region`; false when the bucket is empty (the call is throttled). */
    take(region: string): boolean {
        const t = this.now();
        const bucket = this.buckets.get(region) ?? { tokens: this.limit.burst, at: t };
        bucket.tokens = Math.min(
            this.limit.burst,
            bucket.tokens + ((t - bucket.at) / 1000) * this.limit.refillPerSecond,
        );
        bucket.at = t;
        this.buckets.set(region, bucket);
        if (bucket.tokens >= 1) {
            bucket.tokens -= 1;
            return true;
        }
        this.throttled.set(region, (this.throttled.get(region) ?? 0) + 1);
        return false;
    }

    /** Tokens left in `region`'s bucket now. */
    available(region: string): number {
        const bucket = this.buckets.get(region);
        if (!bucket) return this.limit.burst;
        return Math.min(
            this.limit.burst,
            bucket.tokens + ((this.now() - bucket.at) / 1000) * this.limit.refillPerSecond,
        );
    }
}
