import { DEFAULT_REQUEST_TIMEOUTS } from "../../../aws/clients";
import { DEFAULT_RETRY, NETWORK_RETRY, READ_ONLY_RETRY, RetryPolicy } from "../../../aws/retry";

const seconds = (ms: number) => `${ms / 1000} s`;

/** The longest total backoff of a policy: each retry waits at most min(cap, base × 2^attempt). */
function maxBackoffMs(p: RetryPolicy): number {
    let total = 0;
    for (let attempt = 0; attempt + 1 < p.maxAttempts; attempt++)
        total += Math.min(p.maxDelayMs, p.baseDelayMs * 2 ** attempt);
    return total;
}

/**
 * What `--help` says about requests to RDS, from the values the clients and the retries use
 * (aws/clients.ts, aws/retry.ts): the timeouts, and how many attempts each kind of failure gets.
 */
export function requestPolicyHelp(): string {
    const t = DEFAULT_REQUEST_TIMEOUTS;
    const n = NETWORK_RETRY.maxAttempts;
    const hung = n * t.requestTimeoutMs + maxBackoffMs(NETWORK_RETRY);
    return [
        "",
        `Requests to RDS: connection timeout ${seconds(t.connectionTimeoutMs)}, request timeout ${seconds(t.requestTimeoutMs)} per attempt.`,
        `No answer at all (connection refused, DNS, timeout): ${n} attempts, then exit 1; refused connections`,
        `fail within seconds, a server that accepts and never answers after up to ${Math.ceil(hung / 1000)} s (${n} × ${seconds(t.requestTimeoutMs)} + backoff).`,
        `Throttling and transient AWS errors: up to ${DEFAULT_RETRY.maxAttempts} attempts for a change, ${READ_ONLY_RETRY.maxAttempts} for a read, with backoff.`,
    ].join("\n");
}
