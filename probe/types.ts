/** Shared types of the `aurora-global watch` probe. All times are epoch milliseconds. */

/** Which client library and version query an endpoint uses. */
export type Engine = "postgres" | "mysql";

/** One `--endpoint NAME=URL`, validated. `url` holds the secret; print only `displayUrl`. */
export interface Endpoint {
    readonly name: string;
    readonly engine: Engine;
    /** The connection URL as given, password included: never print it. */
    readonly url: string;
    /** The URL with any password replaced by `***`: safe to print. */
    readonly displayUrl: string;
}

/**
 * Reads the version once over a fresh connection and closes it. Resolves with the version text;
 * rejects (or times out) when the endpoint is unreachable: that probe counts as failed.
 */
export type ProbeFn = (endpoint: Endpoint, timeoutMs: number) => Promise<string>;

/** The outcome of one probe, stamped with the time the probe started (as the seed did). */
export type ProbeSample =
    | { readonly at: number; readonly ok: true; readonly version: string }
    | { readonly at: number; readonly ok: false; readonly error: string };

/** A line of an endpoint's timeline. */
export type TimelineEvent =
    /** First version read, or a version different from the previous one. */
    | {
          readonly kind: "version";
          readonly endpoint: string;
          readonly at: number;
          readonly version: string;
          readonly previous: string | null;
      }
    /** First failed probe after a success (or at the start). */
    | { readonly kind: "down"; readonly endpoint: string; readonly at: number; readonly error: string }
    /** First successful probe after a failure; `downtimeMs` is measured from the `down` event. */
    | {
          readonly kind: "up";
          readonly endpoint: string;
          readonly at: number;
          readonly version: string;
          readonly downtimeMs: number;
      };

/** A window in which every probe failed. `end` is null when the watch stopped during it. */
export interface Outage {
    /** Start time of the first failed probe. */
    readonly start: number;
    /** Start time of the first successful probe after it; null if still down when the watch stopped. */
    readonly end: number | null;
    /** `end - start`, or `stoppedAt - start` for an outage still open at the stop. */
    readonly durationMs: number;
    /** Error text of the first failed probe (secrets redacted). */
    readonly error: string;
    /** How many probes failed in this window. */
    readonly failedProbes: number;
}

/** Per-endpoint totals. */
export interface EndpointSummary {
    readonly name: string;
    readonly engine: Engine;
    readonly url: string;
    /** First version read (null when no probe succeeded). */
    readonly firstVersion: string | null;
    readonly lastVersion: string | null;
    readonly totalDowntimeMs: number;
    readonly longestOutageMs: number;
    readonly outages: number;
    readonly probes: number;
    readonly failures: number;
}

/** Everything measured for one endpoint. */
export interface EndpointReport {
    readonly summary: EndpointSummary;
    readonly timeline: readonly TimelineEvent[];
    readonly outages: readonly Outage[];
}

/** What `watch()` returns, whether it ran out its duration or was aborted. */
export interface WatchReport {
    readonly startedAt: number;
    readonly stoppedAt: number;
    readonly intervalMs: number;
    /** Why it stopped: the duration elapsed, or the AbortSignal fired (Ctrl-C). */
    readonly stopReason: "duration" | "aborted";
    readonly endpoints: readonly EndpointReport[];
}
