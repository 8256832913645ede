import { RDSClient, RDSClientConfig } from "@aws-sdk/client-rds";
import type { Agent as HttpAgent } from "http";
import type { Agent as HttpsAgent } from "https";
import { RdsClientFactory } from "./ports";

/**
 * Time limits of one HTTP request to RDS. The SDK's NodeHttpHandler has none by default
 * (`connectionTimeout` and `requestTimeout` default to 0, "no timeout"), and a `requestTimeout`
 * only logs a warning unless `throwOnRequestTimeout` is set (@smithy/types NodeHttpHandlerOptions,
 * @smithy/node-http-handler set-request-timeout). RDS answers a describe in well under a second.
 */
export interface RequestTimeouts {
    /** Connecting (TCP + TLS) may take this long. */
    readonly connectionTimeoutMs: number;
    /** The whole request and response may take this long. */
    readonly requestTimeoutMs: number;
}

export const DEFAULT_REQUEST_TIMEOUTS: RequestTimeouts = { connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000 };

export interface RdsClientOptions {
    readonly timeouts?: RequestTimeouts;
    /** An explicit endpoint (tests); default: the SDK's, which honours AWS_ENDPOINT_URL_RDS / AWS_ENDPOINT_URL. */
    readonly endpoint?: string;
    /** Explicit credentials (tests); default: the SDK's provider chain. */
    readonly credentials?: RDSClientConfig["credentials"];
    /** HTTP agent (tests inject one whose DNS lookup fails). */
    readonly httpAgent?: HttpAgent;
    readonly httpsAgent?: HttpsAgent;
    /** A named profile of the shared config files (the stack's `aws:profile`); default: the SDK's (AWS_PROFILE). */
    readonly profile?: string;
}

/**
 * Real RDS clients, one attempt each (retries are ours, on the injected clock), with a
 * connection and a request timeout: a request that gets no answer fails with the handler's
 * `TimeoutError` (retried, then "cannot reach the RDS endpoint").
 */
export function rdsClients(options: RdsClientOptions = {}): RdsClientFactory {
    const t = options.timeouts ?? DEFAULT_REQUEST_TIMEOUTS;
    return (region) =>
        new RDSClient({
            region,
            maxAttempts: 1,
            requestHandler: {
                connectionTimeout: t.connectionTimeoutMs,
                requestTimeout: t.requestTimeoutMs,
                throwOnRequestTimeout: true,
                ...(options.httpAgent ? { httpAgent: options.httpAgent } : {}),
                ...(options.httpsAgent ? { httpsAgent: options.httpsAgent } : {}),
            },
            ...(options.endpoint ? { endpoint: options.endpoint } : {}),
            ...(options.credentials ? { credentials: options.credentials } : {}),
            ...(options.profile ? { profile: options.profile } : {}),
        });
}
