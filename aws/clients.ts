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
 * `TimeoutError` (retried, then "cannot reach the RDS endpoint"). The whole request, the body
 * included, is bounded too ({@link boundWholeRequest}).
 */
export function rdsClients(options: RdsClientOptions = {}): RdsClientFactory {
    const t = options.timeouts ?? DEFAULT_REQUEST_TIMEOUTS;
    return (region) => boundWholeRequest(newClient(region, t, options), t.connectionTimeoutMs + t.requestTimeoutMs);
}

function newClient(region: string, t: RequestTimeouts, options: RdsClientOptions): RDSClient {
    return new RDSClient({
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

/** The error of a request that had no complete answer in time: a network error (retried, then "cannot reach"). */
export class WholeRequestTimeout extends Error {
    constructor(readonly limitMs: number) {
        super(`no complete answer within ${limitMs} ms (the response or its body stalled)`);
        // The HTTP handler's name for its own timeouts: aws/errors.ts isNetworkError knows it.
        this.name = "TimeoutError";
    }
}

/**
 * Bounds each `send` of `client` as a whole: connecting, the headers *and the body*. The SDK's
 * `requestTimeout` is a socket idle timer that no longer applies once the headers have arrived
 * (@smithy/node-http-handler resolves the response on headers; the body is read later by the
 * deserializer), so a server that sends headers and then nothing held a read for ever. Past
 * `limitMs` the request is aborted (the handler destroys the socket) and the send fails with
 * {@link WholeRequestTimeout}.
 */
export function boundWholeRequest(client: RDSClient, limitMs: number): RDSClient {
    const send = client.send.bind(client) as (
        command: unknown,
        options?: { abortSignal?: AbortSignal },
    ) => Promise<unknown>;
    const bounded = (command: unknown, options?: { abortSignal?: AbortSignal }): Promise<unknown> => {
        const stop = new AbortController();
        const signal = options?.abortSignal ? AbortSignal.any([options.abortSignal, stop.signal]) : stop.signal;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                reject(new WholeRequestTimeout(limitMs));
                stop.abort();
            }, limitMs);
            timer.unref?.();
            send(command, { ...options, abortSignal: signal }).then(
                (value) => {
                    clearTimeout(timer);
                    resolve(value);
                },
                (error: unknown) => {
                    clearTimeout(timer);
                    reject(error);
                },
            );
        });
    };
    (client as unknown as { send: typeof bounded }).send = bounded;
    return client;
}
