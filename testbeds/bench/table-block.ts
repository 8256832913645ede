// The bench table in the docs is generated from testbeds/bench/results.json (one source): every
// Markdown file that holds the markers below gets the table rendered from the committed results.
// `npm run bench` rewrites the blocks after a full run; `npm run bench:table` rewrites them alone;
// test/bench/table-block.test.ts fails when a block differs from results.json.
import * as fs from "node:fs";
import * as path from "node:path";
import { ResultsFile, renderMarkdownTable } from "./results-writer";

export const TABLE_START =
    "<!-- bench-table:start (generated from testbeds/bench/results.json: npm run bench:table) -->";
export const TABLE_END = "<!-- bench-table:end -->";

const ROOT = path.join(__dirname, "..", "..");

/** The Markdown files that may hold a bench table block (repository-relative). */
export function filesWithTable(root: string = ROOT): string[] {
    const candidates = [
        "README.md",
        "testbeds/bench/README.md",
        ...(fs.existsSync(path.join(root, "docs"))
            ? fs
                  .readdirSync(path.join(root, "docs"))
                  .filter((f) => f.endsWith(".md"))
                  .map((f) => `docs/${f}`)
            : []),
    ];
    return candidates.filter((f) => {
        const file = path.join(root, f);
        return fs.existsSync(file) && fs.readFileSync(file, "utf8").includes(TABLE_START);
    });
}

/** The block as it must stand: the markers, the run's machine and date, the tables. */
export function tableBlock(results: ResultsFile): string {
    const m = results.machine;
    return [
        TABLE_START,
        `Measured ${results.generatedAt.slice(0, 16).replace("T", " ")} UTC on ${m.nproc} × ${m.cpuModel}, node ${m.node} (${results.wallClockSeconds} s in all).`,
        "",
        renderMarkdownTable(results.table),
        TABLE_END,
    ].join("\n");
}

/** `text` with its block replaced by `block`; unchanged when it has no markers. */
export function withTable(text: string, block: string): string {
    const start = text.indexOf(TABLE_START);
    const end = text.indexOf(TABLE_END);
    if (start < 0 || end < start) return text;
    return text.slice(0, start) + block + text.slice(end + TABLE_END.length);
}

/** Rewrites every block from `results`; returns the files changed. */
export function writeTables(results: ResultsFile, root: string = ROOT): string[] {
    const block = tableBlock(results);
    return filesWithTable(root).filter((f) => {
        const file = path.join(root, f);
        const text = fs.readFileSync(file, "utf8");
        const next = withTable(text, block);
        if (next === text) return false;
        fs.writeFileSync(file, next);
        return true;
    });
}

export function readCommittedResults(root: string = ROOT): ResultsFile {
    return JSON.parse(fs.readFileSync(path.join(root, "testbeds", "bench", "results.json"), "utf8")) as ResultsFile;
}

if (require.main === module) {
    const changed = writeTables(readCommittedResults());
    process.stdout.write(
        changed.length ? `bench table rewritten in ${changed.join(", ")}\n` : "bench tables current\n",
    );
}
