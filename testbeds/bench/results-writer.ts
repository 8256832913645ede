import { execSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import * as os from "node:os";

/** The four sections of bench/results.json. Every ratio's key ends in `Ratio`. */
export type SectionName = "criticalPath" | "controlPlaneCalls" | "preview" | "policy" | "package";

/** One line of the printed table (and of the README's). */
export interface TableRow {
    readonly section: SectionName;
    readonly metric: string;
    /** The measured figure, formatted. */
    readonly value: string;
    /** The target in words, e.g. "≤ 1.02". Empty when the row is informative only. */
    readonly target: string;
    /** Undefined when the row has no target. */
    readonly met?: boolean;
}

/** What one bench returns: its section of the results file and its table rows. */
export interface BenchOutput<S extends Record<string, unknown> = Record<string, unknown>> {
    readonly section: SectionName;
    readonly data: S;
    readonly rows: readonly TableRow[];
}

/** Sizes: `full` is what `npm run bench` measures; `smoke` the smallest size (the shape test). */
export type BenchSize = "full" | "smoke";

export interface Machine {
    readonly nproc: number;
    readonly cpuModel: string;
    readonly node: string;
    readonly platform: string;
    readonly totalMemoryGiB: number;
}

/** nproc, CPU model (from /proc/cpuinfo), node version. */
export function machine(): Machine {
    let cpuModel = os.cpus()[0]?.model ?? "unknown";
    try {
        const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync("/proc/cpuinfo", "utf8"));
        if (m) cpuModel = m[1].trim();
    } catch {
        // not Linux: os.cpus() is the best we have
    }
    let nproc = os.availableParallelism?.() ?? os.cpus().length;
    try {
        nproc = Number(execSync("nproc", { encoding: "utf8" }).trim()) || nproc;
    } catch {
        // nproc missing: Node's count
    }
    return {
        nproc,
        cpuModel,
        node: process.version,
        platform: `${os.platform()} ${os.release()}`,
        totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    };
}

export interface ResultsFile {
    readonly generatedAt: string;
    readonly size: BenchSize;
    readonly machine: Machine;
    readonly wallClockSeconds: number;
    readonly criticalPath?: Record<string, unknown>;
    readonly controlPlaneCalls?: Record<string, unknown>;
    readonly preview?: Record<string, unknown>;
    readonly policy?: Record<string, unknown>;
    readonly package?: Record<string, unknown>;
    /** Every table row, so the README's table can be regenerated from the file. */
    readonly table: readonly TableRow[];
    /** Benches added at full size after the committed run (`--only NAME --add-to-committed`). */
    readonly addedRuns?: readonly { benches: readonly string[]; generatedAt: string; wallClockSeconds: number }[];
}

/** Merges the benches' outputs into one results document. */
export function collect(outputs: readonly BenchOutput[], size: BenchSize, wallClockSeconds: number): ResultsFile {
    const sections: Partial<Record<SectionName, Record<string, unknown>>> = {};
    for (const o of outputs) sections[o.section] = { ...(sections[o.section] ?? {}), ...o.data };
    return {
        generatedAt: new Date().toISOString(),
        size,
        machine: machine(),
        wallClockSeconds: Math.round(wallClockSeconds * 10) / 10,
        ...sections,
        table: outputs.flatMap((o) => o.rows),
    };
}

/**
 * The committed results with `added` (benches measured since, at full size) added: their sections'
 * keys and their rows (a row with the same metric replaced), and the run named in `addedRuns`.
 */
export function addToResults(committed: ResultsFile, added: ResultsFile, benches: readonly string[]): ResultsFile {
    const out: Record<string, unknown> = { ...committed };
    for (const section of ["criticalPath", "controlPlaneCalls", "preview", "policy", "package"] as const) {
        const extra = added[section];
        if (extra) out[section] = { ...(committed[section] ?? {}), ...extra };
    }
    const metrics = new Set(added.table.map((r) => r.metric));
    const kept = committed.table.filter((r) => !metrics.has(r.metric));
    const table = [...kept];
    for (const row of added.table) {
        const last = table.map((r) => r.section).lastIndexOf(row.section);
        table.splice(last < 0 ? table.length : last + 1, 0, row);
    }
    const run = { benches, generatedAt: added.generatedAt, wallClockSeconds: added.wallClockSeconds };
    return { ...(out as unknown as ResultsFile), table, addedRuns: [...(committed.addedRuns ?? []), run] };
}

export function writeResults(path: string, results: ResultsFile): void {
    writeFileSync(path, JSON.stringify(results, null, 2) + "\n");
}

/** The printed table: section, metric, value, target, verdict. */
export function renderTable(rows: readonly TableRow[]): string {
    const cells = rows.map((r) => [r.section, r.metric, r.value, r.target, verdict(r)]);
    const head = ["section", "metric", "value", "target", "met"];
    const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
    const line = (c: readonly string[]) =>
        c
            .map((x, i) => x.padEnd(widths[i]))
            .join("  ")
            .trimEnd();
    return [line(head), line(widths.map((w) => "-".repeat(w))), ...cells.map(line)].join("\n");
}

/** The widest line a Markdown table of the results may have (the README and docs show it as is). */
export const MARKDOWN_TABLE_MAX_COLUMNS = 120;

/** Headings of the sections in the Markdown tables. */
const SECTION_TITLES: Readonly<Record<SectionName, string>> = {
    criticalPath: "Critical path: total ÷ ideal (virtual clock)",
    controlPlaneCalls: "Control-plane calls",
    preview: "Preview cost (mock engine)",
    policy: "Policy pack",
    package: "Package",
};

/**
 * The same rows as Markdown (the README's and docs' bench tables are generated from
 * results.json with this): one table per section under a bold title, every line at most
 * {@link MARKDOWN_TABLE_MAX_COLUMNS} characters.
 */
export function renderMarkdownTable(rows: readonly TableRow[]): string {
    const sections = [...new Set(rows.map((r) => r.section))];
    return sections
        .map((section) =>
            [
                `**${SECTION_TITLES[section]}**`,
                "",
                "| metric | value | target | met |",
                "|---|---|---|---|",
                ...rows
                    .filter((r) => r.section === section)
                    .map((r) => `| ${r.metric} | ${r.value} | ${r.target} | ${verdict(r)} |`),
            ].join("\n"),
        )
        .join("\n\n");
}

function verdict(r: TableRow): string {
    return r.met === undefined ? "" : r.met ? "yes" : "NO";
}
