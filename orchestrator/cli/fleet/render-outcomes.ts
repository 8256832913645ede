import { PlanFormat } from "../../../planner";
import { formatDuration } from "../../../aws/logger";
import { Halt, Outcome } from "./outcome";

/** The run's final table: every database, its result, change, time and (failed) step and AWS's message. */
export function renderOutcomes(outcomes: readonly Outcome[], halt: Halt | undefined, format: PlanFormat): string {
    if (format === "json")
        return JSON.stringify(
            { complete: halt === undefined, ...(halt ? { halt } : {}), databases: outcomes },
            null,
            2,
        );
    const markdown = format === "markdown";
    const rows = outcomes.map((o) => [
        o.wave,
        o.id,
        o.state,
        o.state === "already" ? `at ${o.to ?? "?"}` : `${o.from ?? "?"} → ${o.to ?? "?"}`,
        o.elapsedMs !== undefined ? formatDuration(o.elapsedMs) : "",
        o.step ? `${o.step}: ${o.message ?? ""}` : (o.message ?? ""),
    ]);
    const head = ["wave", "database", "result", "change", "time", "detail"];
    const summary = halt
        ? `HALTED in wave "${halt.wave}": ${halt.database}, step ${halt.step}: ${halt.message.replace(/\.$/, "")}. Later waves were not touched; fix the cause and run the same command again: it resumes.`
        : "rollout complete.";
    if (markdown) {
        const esc = (c: string) => c.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
        return [
            `| ${head.join(" | ")} |`,
            `|${head.map(() => "---").join("|")}|`,
            ...rows.map((r) => `| ${r.map(esc).join(" | ")} |`),
            "",
            `**${summary}**`,
        ].join("\n");
    }
    const widths = head.map((h, i) =>
        Math.max(h.length, ...rows.map((r) => (i === head.length - 1 ? 0 : r[i].length))),
    );
    const line = (r: string[]) =>
        r
            .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
            .join("  ")
            .trimEnd();
    return [line(head), ...rows.map(line), "", summary].join("\n");
}
