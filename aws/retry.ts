import { Clock } from "./ports";
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
 * The patient budget: 12 attempts, up to about 2 minutes of backoff, against about 50 s for the
 * default. Read-only calls (Describe*, List*) change nothing, so they may wait that long for a
 * throttled region. So may a throttled request of any kind: AWS refused it at its token bucket,
 * before acting on it (docs/aws-rules.md §3), so sending a ModifyDBCluster again is as safe as a
 * describe. A burst of independent runs (many databases upgraded at once) drains the bucket for
 * longer than the default budget lasts.
 */
export const READ_ONLY_RETRY: RetryPolicy = { maxAttempts: 12, baseDelayMs: 500, maxDelayMs: 20_000 };

/**
 * Requests that got no answer at all (DNS failure, connection refused or dropped, request
 * timeout): a few quick attempts, so an unreachable endpoint fails a command within seconds
 * (about 3.5 s of backoff at most) instead of the minutes a throttled region may need.
 */
export const NETWORK_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 2_000 };

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
        /** The policy of one kind of error (e.g. {@link NETWORK_RETRY} for unanswered requests), else `policy`. */
        policyFor?: (error: unknown) => RetryPolicy | undefined;
        /** No retry is started that would sleep past this instant of the clock. */
        deadline?: number;
    },
): Promise<T> {
    for (let attempt = 0; ; attempt++) {
        try {
            return await fn();
        } catch (e) {
            const policy = deps.policyFor?.(e) ?? deps.policy ?? DEFAULT_RETRY;
            if (!isRetryable(e) || attempt + 1 >= policy.maxAttempts || deps.signal?.aborted) throw e;
            const delay = backoffDelay(attempt, policy, deps.random);
            if (deps.deadline !== undefined && deps.clock.now() + delay >= deps.deadline) throw e;
            deps.onRetry?.(e, attempt + 1, delay);
            await deps.clock.sleep(delay);
        }
    }
}
