import { RDSClient } from "@aws-sdk/client-rds";
import { Logger, silentLogger } from "./logger";
import { Clock, RdsClientFactory } from "./ports";
import { idFromArn } from "./arn";
import { DeadlineReached, EndpointUnreachable, MissingCredentials, NotAnAwsAnswer } from "./run-errors";
import {
    describeAwsError,
    errorMessage,
    foreignAnswer,
    isExpiredCredentials,
    isMissingCredentials,
    isNetworkError,
    isThrottling,
} from "./errors";
import { DEFAULT_RETRY, NETWORK_RETRY, RandomSource, READ_ONLY_RETRY, RetryPolicy, withRetry } from "./retry";
import { ThrottlePressure } from "./throttle-pressure";

/** What the orchestrator needs to talk to RDS: clients per region, time, randomness, cancellation. */
export interface GatewayDeps {
    readonly clients: RdsClientFactory;
    readonly clock: Clock;
    /** Jitter source; `Math.random` by default. */
    readonly random?: RandomSource;
    /** Retry policy of every call; default {@link DEFAULT_RETRY}, {@link READ_ONLY_RETRY} for reads. */
    readonly retry?: RetryPolicy;
    readonly log?: Logger;
    /** Aborting stops retries and waits (a kill, in tests). */
    readonly signal?: AbortSignal;
    /**
     * The run's deadline on `clock` (`--timeout-minutes`): a request still unanswered then is
     * abandoned, and no retry starts that would sleep past it.
     */
    readonly deadline?: RunDeadline;
}

/**
 * The run's deadline. The steps stop themselves at `at` with a message naming what they waited
 * for (a last poll at the deadline included); the gateway abandons requests `graceMs` later, so
 * an endpoint that never answers cannot hold the run past it.
 */
export interface RunDeadline {
    readonly at: number;
    /** The flag that set it, for messages: `--timeout-minutes 5`. */
    readonly flag: string;
    /** Default {@link DEADLINE_GRACE_MS}. */
    readonly graceMs?: number;
}

/** A request may still start (and be answered) this long after the deadline: the last poll's. */
export const DEADLINE_GRACE_MS = 15_000;

/** An SDK command; its class name gives the operation (`DescribeDBClustersCommand`). */
export interface SdkCommand {
    readonly input: object;
}

/** Call counts of one run, for the report. */
export interface CallStats {
    /** Attempts per operation (`DescribeDBClusters`: 12). */
    readonly calls: Record<string, number>;
    /** DescribeDBClusters attempts per cluster identifier. */
    readonly describesPerCluster: Record<string, number>;
    retries: number;
}

/** Called before each call of the gateway (the run lease renews itself and refuses changes once lost). */
export interface CallGuard {
    beforeCall(operation: string): Promise<void>;
    /** Sleeps are cut into pieces at most this long, the guard called between them. */
    readonly renewEveryMs: number;
    /**
     * The guarded resource was renamed under its identifier (a blue/green switchover gives the
     * green global cluster the blue one's name): the guard re-establishes itself there.
     */
    resourceRenamed?(): Promise<void>;
}

/** Operations that change nothing (the rest mutate and are counted as such). */
export function isReadOnly(operation: string): boolean {
    return operation.startsWith("Describe") || operation.startsWith("List");
}

/**
 * Sends RDS commands to the client of a region, with retries on throttling and transient
 * errors (backoff with full jitter on the injected clock), and counts every attempt.
 */
export class RdsGateway {
    readonly stats: CallStats = { calls: {}, describesPerCluster: {}, retries: 0 };
    readonly clock: Clock;
    readonly log: Logger;
    private readonly cache = new Map<string, RDSClient>();
    private readonly recent = new Map<string, { readonly at: number; readonly value: unknown }>();
    private readonly pressure: ThrottlePressure;
    private guard?: CallGuard;

    constructor(private readonly deps: GatewayDeps) {
        this.clock = deps.clock;
        this.log = deps.log ?? silentLogger;
        this.pressure = new ThrottlePressure(() => deps.clock.now());
    }

    /** How much slower to poll `region` after AWS throttled us there (1: not at all; see throttle-pressure.ts). */
    pollSlowdown(region: string): number {
        return this.pressure.slowdown(region);
    }

    /** The run's deadline on the clock, when it has one. */
    get deadlineAt(): number | undefined {
        return this.deps.deadline?.at;
    }

    get signal(): AbortSignal | undefined {
        return this.deps.signal;
    }

    /** A number in [0, 1) from the injected jitter source. */
    random(): number {
        return (this.deps.random ?? Math.random)();
    }

    /** Keeps `value` (a read's answer) under `key`, stamped with the clock's time. */
    remember(key: string, value: unknown): void {
        this.recent.set(key, { at: this.deps.clock.now(), value });
    }

    /** The value remembered under `key` when it is at most `maxAgeMs` old, else undefined. */
    recall<T>(key: string, maxAgeMs: number): T | undefined {
        const hit = this.recent.get(key);
        return hit !== undefined && this.deps.clock.now() - hit.at <= maxAgeMs ? (hit.value as T) : undefined;
    }

    /**
     * AWS's time as the SDK knows it: the clock plus the client's `systemClockOffset`, which the
     * SDK sets from AWS's `Date` response header when the host clock is 5 minutes or more off
     * (its clock-skew correction); the host clock otherwise.
     */
    awsNow(region: string): number {
        const offset = (this.client(region) as unknown as { config?: { systemClockOffset?: number } }).config
            ?.systemClockOffset;
        return this.deps.clock.now() + (typeof offset === "number" ? offset : 0);
    }

    /** Tells the guard its resource was renamed (see {@link CallGuard.resourceRenamed}). */
    async resourceRenamed(): Promise<void> {
        await this.guard?.resourceRenamed?.();
    }

    /** The client of `region` (one per region, reused). */
    client(region: string): RDSClient {
        let client = this.cache.get(region);
        if (!client) {
            client = this.deps.clients(region);
            this.cache.set(region, client);
        }
        return client;
    }

    /**
     * Sends `command` in `region`; `retry` overrides the retry policy (e.g. fewer attempts for
     * optional facts). Read-only operations otherwise get the longer {@link READ_ONLY_RETRY}, and
     * so does any throttled request (AWS refused it before acting on it).
     */
    async send<O>(
        region: string,
        command: SdkCommand,
        retry?: RetryPolicy,
        options: {
            /** Not seen by the guard (the lease's own calls). */
            readonly unguarded?: boolean;
            /** Sent even after the run was stopped (the lease's release on the way out). */
            readonly ignoreAbort?: boolean;
        } = {},
    ): Promise<O> {
        const operation = command.constructor.name.replace(/Command$/, "");
        if (this.guard && !options.unguarded) await this.guard.beforeCall(operation);
        let attempts = 0;
        try {
            return await withRetry(
                () => {
                    if (!options.ignoreAbort) this.throwIfAborted();
                    this.throwIfPastDeadline(operation, region);
                    this.count(operation, command.input);
                    attempts += 1;
                    // Fetched per attempt: after ExpiredToken the cache holds none (see onRetry).
                    const client = this.client(region) as unknown as {
                        send(c: SdkCommand, o?: { abortSignal?: AbortSignal }): Promise<O>;
                    };
                    return this.attempt(() =>
                        client.send(command, options.ignoreAbort ? undefined : this.abortOptions()),
                    );
                },
                {
                    clock: this.deps.clock,
                    random: this.deps.random ?? Math.random,
                    policy: retry ?? this.deps.retry ?? (isReadOnly(operation) ? READ_ONLY_RETRY : DEFAULT_RETRY),
                    policyFor: (e) =>
                        isNetworkError(e)
                            ? NETWORK_RETRY
                            : isThrottling(e) && !retry && !this.deps.retry
                              ? READ_ONLY_RETRY
                              : undefined,
                    signal: options.ignoreAbort ? undefined : this.deps.signal,
                    ...(this.deps.deadline ? { deadline: this.hardDeadline() } : {}),
                    onRetry: (e, attempt, delay) => {
                        this.stats.retries += 1;
                        if (isThrottling(e)) this.pressure.throttled(region);
                        // Expired session: the next attempt gets a new client, whose credential
                        // providers fetch fresh credentials (profile, role, web identity, env).
                        if (isExpiredCredentials(e)) this.cache.delete(region);
                        this.log.info(
                            `${operation} in ${region}: ${isNetworkError(e) ? `no answer (${networkDetail(e)})` : describeAwsError(e)}; retry ${attempt} in ${(delay / 1000).toFixed(1)}s`,
                        );
                    },
                },
            );
        } catch (e) {
            throw await this.classify(e, operation, region, attempts);
        }
    }

    /** Our errors for what is not AWS's answer: no credentials, no deadline left, no endpoint, a stranger's answer. */
    private async classify(e: unknown, operation: string, region: string, attempts: number): Promise<unknown> {
        if (isMissingCredentials(e)) return new MissingCredentials(errorMessage(e));
        if (this.pastDeadline()) return this.deadlineError(operation, region);
        if (isNetworkError(e) && !(e instanceof EndpointUnreachable))
            return new EndpointUnreachable(region, operation, networkDetail(e), attempts, e);
        const foreign = foreignAnswer(e);
        if (foreign)
            return new NotAnAwsAnswer(
                await endpointOf(this.client(region), region),
                operation,
                foreign.status,
                foreign.contentType,
            );
        return e;
    }

    /** The request of one attempt, abandoned (AbortError) when the run's deadline passes first. */
    private async attempt<O>(request: () => Promise<O>): Promise<O> {
        const deadline = this.deps.deadline;
        if (!deadline) return request();
        return new Promise<O>((resolve, reject) => {
            const timer = setTimeout(
                () => {
                    this.deadlineAbort?.abort();
                    reject(this.deadlineError("request", ""));
                },
                Math.max(0, this.hardDeadline() - this.deps.clock.now()),
            );
            timer.unref?.();
            request().then(
                (v) => {
                    clearTimeout(timer);
                    resolve(v);
                },
                (err) => {
                    clearTimeout(timer);
                    reject(err);
                },
            );
        });
    }

    private deadlineAbort?: AbortController;

    private abortOptions(): { abortSignal?: AbortSignal } | undefined {
        if (!this.deps.deadline) return this.deps.signal ? { abortSignal: this.deps.signal } : undefined;
        this.deadlineAbort ??= new AbortController();
        const signals = [this.deadlineAbort.signal, ...(this.deps.signal ? [this.deps.signal] : [])];
        return { abortSignal: signals.length === 1 ? signals[0] : AbortSignal.any(signals) };
    }

    /** When requests are abandoned: the deadline plus its grace. */
    private hardDeadline(): number {
        const d = this.deps.deadline;
        return d === undefined ? Infinity : d.at + (d.graceMs ?? DEADLINE_GRACE_MS);
    }

    private pastDeadline(): boolean {
        return this.deps.clock.now() >= this.hardDeadline();
    }

    private throwIfPastDeadline(operation: string, region: string): void {
        if (this.pastDeadline()) throw this.deadlineError(operation, region);
    }

    private deadlineError(operation: string, region: string): DeadlineReached {
        const flag = this.deps.deadline?.flag ?? "the run's timeout";
        const where = region ? ` (${operation} in ${region} had no answer)` : "";
        return new DeadlineReached(
            `the run reached its deadline (${flag})${where}: run the same command again to resume from what AWS reports, or raise ${flag.split(" ")[0]}`,
        );
    }

    /** Installs (or removes) the guard called before every call and between pieces of a sleep. */
    setGuard(guard: CallGuard | undefined): void {
        this.guard = guard;
    }

    /** Sleeps on the injected clock unless aborted; with a guard, in pieces it is called between. */
    async sleep(ms: number): Promise<void> {
        this.throwIfAborted();
        let left = ms;
        for (;;) {
            const piece = this.guard ? Math.min(left, this.guard.renewEveryMs) : left;
            await this.deps.clock.sleep(piece);
            this.throwIfAborted();
            left -= piece;
            if (left <= 0 || !this.guard) break;
            await this.guard.beforeCall("Sleep");
        }
        if (left > 0) await this.deps.clock.sleep(left);
    }

    throwIfAborted(): void {
        const signal = this.deps.signal;
        if (signal?.aborted) throw signal.reason instanceof Error ? signal.reason : new Error("aborted");
    }

    /** Number of mutating calls sent so far. */
    mutatingCalls(): number {
        return Object.entries(this.stats.calls)
            .filter(([op]) => !isReadOnly(op))
            .reduce((n, [, c]) => n + c, 0);
    }

    private count(operation: string, input: object): void {
        this.stats.calls[operation] = (this.stats.calls[operation] ?? 0) + 1;
        const id = (input as { DBClusterIdentifier?: unknown }).DBClusterIdentifier;
        if (operation === "DescribeDBClusters" && typeof id === "string") {
            const key = idFromArn(id);
            this.stats.describesPerCluster[key] = (this.stats.describesPerCluster[key] ?? 0) + 1;
        }
    }
}

/**
 * The endpoint a client sends to, for messages: its configured one (`--endpoint-url`), else the
 * environment's as the SDK reads it (AWS_ENDPOINT_URL_RDS, then AWS_ENDPOINT_URL; the AWS SDKs'
 * "service-specific endpoints"), else AWS's for the region.
 */
async function endpointOf(client: RDSClient, region: string): Promise<string> {
    try {
        const configured = (
            client.config as {
                endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path: string }>;
            }
        ).endpoint;
        if (configured) {
            const e = await configured();
            return `${e.protocol}//${e.hostname}${e.port ? `:${e.port}` : ""}${e.path === "/" ? "" : e.path}`;
        }
        const fromEnv = process.env.AWS_ENDPOINT_URL_RDS || process.env.AWS_ENDPOINT_URL;
        if (fromEnv && process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS !== "true") return fromEnv.replace(/\/$/, "");
        return client.config.endpointProvider({ Region: region }).url.href.replace(/\/$/, "");
    } catch {
        return `of ${region}`;
    }
}

/** What went wrong on the wire, without the HTTP handler's package prefix ("connect ECONNREFUSED 127.0.0.1:9"). */
function networkDetail(e: unknown): string {
    return errorMessage(e)
        .replace(/^@smithy\/node-http-handler - (\[ERROR\] )?/, "")
        .replace(/\.$/, "");
}
