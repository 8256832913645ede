/**
 * Renderers of a watch: text (timeline lines with timestamps, then a summary) and JSON
 * (times as ISO-8601 UTC strings). Only redacted URLs are in the report, so both are safe to print.
 */
import { EndpointReport, Outage, TimelineEvent, WatchReport } from "./types";

/** `1522` → `"1.522 s"`. */
export function formatDuration(ms: number): string {
    return `${(ms / 1000).toFixed(3)} s`;
}

/** Epoch ms → `2026-04-11T06:21:35.200Z`. */
export function formatTime(ms: number): string {
    return new Date(ms).toISOString();
}

/** One timeline line, the endpoint name padded to `nameWidth`. */
export function formatEvent(event: TimelineEvent, nameWidth = 0): string {
    const head = `${formatTime(event.at)}  ${event.endpoint.padEnd(nameWidth)}  `;
    switch (event.kind) {
        case "version":
            return (
                head +
                (event.previous === null ? `version ${event.version}` : `version ${event.previous} -> ${event.version}`)
            );
        case "down":
            return `${head}DOWN  ${event.error}`;
        case "up":
            return `${head}UP    after ${formatDuration(event.downtimeMs)} down`;
    }
}

function outageLine(name: string, o: Outage): string {
    const end = o.end === null ? "still down when the watch stopped" : formatTime(o.end);
    return `  ${name}: ${formatTime(o.start)} .. ${end}  ${formatDuration(o.durationMs)}  (${o.failedProbes} failed probe${o.failedProbes === 1 ? "" : "s"}; first error: ${o.error})`;
}

/** One endpoint's summary line, styled like `aurora-global status`'s member lines. */
function endpointLine(s: EndpointReport["summary"]): string {
    const versions =
        s.firstVersion === null
            ? "never answered"
            : s.firstVersion === s.lastVersion
              ? `version ${s.firstVersion}`
              : `version ${s.firstVersion} → ${s.lastVersion}`;
    const outages = `${s.outages} outage${s.outages === 1 ? "" : "s"}`;
    const down =
        s.outages === 0
            ? "no outage"
            : `down ${formatDuration(s.totalDowntimeMs)} in ${outages} (longest ${formatDuration(s.longestOutageMs)})`;
    return `  ${s.name} (${s.engine}): ${versions}, ${down}, ${s.probes} probe${s.probes === 1 ? "" : "s"}, ${s.failures} failed`;
}

/**
 * The summary block, in the CLI's style (`done: …`, then a line per endpoint as `status` prints
 * members, then `outages:` and every outage window).
 */
export function renderSummaryText(report: WatchReport): string {
    const watched = formatDuration(report.stoppedAt - report.startedAt);
    const stopped = report.stopReason === "aborted" ? "stopped by Ctrl-C" : "duration reached";
    const outages = report.endpoints.flatMap((e) => e.outages.map((o) => outageLine(e.summary.name, o)));
    return (
        [
            `done: watched ${watched} every ${report.intervalMs} ms (${stopped})`,
            ...report.endpoints.map((e) => endpointLine(e.summary)),
            ...(outages.length > 0 ? ["outages:", ...outages] : ["outages: none"]),
        ].join("\n") + "\n"
    );
}

/** Width that aligns endpoint names in timeline lines. */
export function nameWidth(names: readonly string[]): number {
    return names.reduce((w, n) => Math.max(w, n.length), 0);
}

/** The whole report as text: every timeline event in time order, then the summary. */
export function renderText(report: WatchReport): string {
    const width = nameWidth(report.endpoints.map((e) => e.summary.name));
    const events = report.endpoints.flatMap((e) => e.timeline).sort((a, b) => a.at - b.at);
    const lines = events.map((e) => formatEvent(e, width));
    return (lines.length > 0 ? lines.join("\n") + "\n" : "") + renderSummaryText(report);
}

function endpointJson(e: EndpointReport): object {
    return {
        summary: e.summary,
        timeline: e.timeline.map((event) => ({ ...event, at: formatTime(event.at) })),
        outages: e.outages.map((o) => ({
            ...o,
            start: formatTime(o.start),
            end: o.end === null ? null : formatTime(o.end),
        })),
    };
}

/** The report as pretty JSON (times as ISO strings, durations in ms). */
export function renderJson(report: WatchReport): string {
    return (
        JSON.stringify(
            {
                startedAt: formatTime(report.startedAt),
                stoppedAt: formatTime(report.stoppedAt),
                intervalMs: report.intervalMs,
                stopReason: report.stopReason,
                endpoints: report.endpoints.map(endpointJson),
            },
            null,
            2,
        ) + "\n"
    );
}
