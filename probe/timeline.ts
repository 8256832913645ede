/**
 * The pure part of the measurement: turns one endpoint's probe samples (in probe start order)
 * into timeline events, outage windows and a summary. No I/O, no clock.
 */
import { Endpoint, EndpointReport, Outage, ProbeSample, TimelineEvent } from "./types";

interface OpenOutage {
    start: number;
    error: string;
    failedProbes: number;
}

/** Accumulates one endpoint's samples; `record` in start order, then `finish` once. */
export class EndpointRecorder {
    private readonly timeline: TimelineEvent[] = [];
    private readonly outages: Outage[] = [];
    private open: OpenOutage | null = null;
    private firstVersion: string | null = null;
    private lastVersion: string | null = null;
    private probes = 0;
    private failures = 0;

    constructor(private readonly endpoint: Endpoint) {}

    /** Adds one sample; returns the timeline events it produced (possibly none). */
    record(sample: ProbeSample): TimelineEvent[] {
        const name = this.endpoint.name;
        const events: TimelineEvent[] = [];
        this.probes += 1;
        if (!sample.ok) {
            this.failures += 1;
            if (this.open) {
                this.open.failedProbes += 1;
            } else {
                this.open = { start: sample.at, error: sample.error, failedProbes: 1 };
                events.push({ kind: "down", endpoint: name, at: sample.at, error: sample.error });
            }
        } else {
            if (this.open) {
                const downtimeMs = sample.at - this.open.start;
                this.outages.push({ ...this.open, end: sample.at, durationMs: downtimeMs });
                this.open = null;
                events.push({ kind: "up", endpoint: name, at: sample.at, version: sample.version, downtimeMs });
            }
            if (sample.version !== this.lastVersion) {
                events.push({
                    kind: "version",
                    endpoint: name,
                    at: sample.at,
                    version: sample.version,
                    previous: this.lastVersion,
                });
            }
            this.firstVersion ??= sample.version;
            this.lastVersion = sample.version;
        }
        this.timeline.push(...events);
        return events;
    }

    /** The report as of `stoppedAt`; an outage still open counts up to `stoppedAt`. */
    finish(stoppedAt: number): EndpointReport {
        const outages: Outage[] = [...this.outages];
        if (this.open) outages.push({ ...this.open, end: null, durationMs: Math.max(0, stoppedAt - this.open.start) });
        const durations = outages.map((o) => o.durationMs);
        return {
            summary: {
                name: this.endpoint.name,
                engine: this.endpoint.engine,
                url: this.endpoint.displayUrl,
                firstVersion: this.firstVersion,
                lastVersion: this.lastVersion,
                totalDowntimeMs: durations.reduce((a, b) => a + b, 0),
                longestOutageMs: durations.reduce((a, b) => Math.max(a, b), 0),
                outages: outages.length,
                probes: this.probes,
                failures: this.failures,
            },
            timeline: [...this.timeline],
            outages,
        };
    }
}
