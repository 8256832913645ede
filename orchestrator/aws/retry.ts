import { Clock } from "../ports";
import { isRetryable } from "./errors";

/** Exponential backoff with full jitter (AWS architecture blog): delay = random × min(cap, base × 2^attempt). */
export interface RetryPolicy {
    /** Attempts in all, the first included. */
    readonly maxAttempts: number;
    readonly baseDelayMs: number;
    readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 8, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Read-only calls (Describe*, List*) change nothing, so they may wait longer for a throttled
 * region: 12 attempts, up to about 2 minutes of backoff, against about 50 s for the default. A
 * burst of independent runs (many databases upgraded at once) drains AWS's token bucket for
 * longer than the default budget lasts.
 */
export const READ_ONLY_RETRY: RetryPolicy = { maxAttempts: 12, baseDelayMs: 500, maxDelayMs: 20_000 };

/** A source of numbers in [0, 1); tests inject a fixed one. */
export type RandomSource = () => number;

/** The delay before retry number `attempt` (0-based), with full jitter. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: RandomSource): number {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
    return Math.floor(random() * ceiling);
}

/**
 * Runs `fn`, retrying retryable errors (throttling, 5xx, transient network errors) with backoff
 * on the injected clock. Other errors, and the last retryable one, are thrown as they are.
 */
export async function withRetry<T>(
    fn: () => Promise<T>,
    deps: {
        clock: Clock;
        random: RandomSource;
        policy?: RetryPolicy;
        onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
        signal?: AbortSignal;
    },
): Promise<T> {
    const policy = deps.policy ?? DEFAULT_RETRY;
    for (let attempt = 0; ; attempt++) {
        try {
            return await fn();
        } catch (e) {
            if (!isRetryable(e) || attempt + 1 >= policy.maxAttempts || deps.signal?.aborted) throw e;
            const delay = backoffDelay(attempt, policy, deps.random);
            deps.onRetry?.(e, attempt + 1, delay);
            await deps.clock.sleep(delay);
        }
    }
}
