import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { MARKDOWN_TABLE_MAX_COLUMNS, renderMarkdownTable } from "../../testbeds/bench/results-writer";
import {
    filesWithTable,
    readCommittedResults,
    TABLE_END,
    TABLE_START,
    tableBlock,
    withTable,
} from "../../testbeds/bench/table-block";

const root = path.join(__dirname, "..", "..");
const results = readCommittedResults();

/** Critical-path rows of the committed run (each has p95CriticalRatio), by key. */
function criticalRows(): [string, Record<string, number>][] {
    const sections = [results.criticalPath ?? {}] as Record<string, unknown>[];
    return sections.flatMap((s) =>
        Object.entries(s).filter(
            (e): e is [string, Record<string, number>] =>
                typeof e[1] === "object" && e[1] !== null && "p95CriticalRatio" in e[1],
        ),
    );
}

describe("bench: the committed results and the tables generated from them", () => {
    it("the committed results.json is a full run", () => {
        assert.equal(results.size, "full");
    });

    it("every critical-path row has at least 600 trials from at least 20 seeds, with p50 ≤ p95 ≤ max", () => {
        const rows = criticalRows();
        assert.ok(rows.length >= 14, `critical-path rows: ${rows.map(([k]) => k).join(", ")}`);
        for (const [key, f] of rows) {
            assert.ok(f.trials >= 600 && f.seeds >= 20, `${key}: ${f.trials} trials, ${f.seeds} seeds`);
            assert.ok(f.p50CriticalRatio <= f.p95CriticalRatio && f.p95CriticalRatio <= f.maxCriticalRatio, key);
        }
    });

    it(`no line of the Markdown tables is wider than ${MARKDOWN_TABLE_MAX_COLUMNS} columns`, () => {
        const lines = renderMarkdownTable(results.table).split("\n");
        assert.ok(lines.length > results.table.length);
        const wide = lines.filter((l) => [...l].length > MARKDOWN_TABLE_MAX_COLUMNS);
        assert.deepEqual(wide, []);
    });

    it("every docs block holding the table is the one rendered from results.json", () => {
        const files = filesWithTable(root);
        assert.ok(files.length >= 1, "some doc holds the generated bench table");
        for (const f of files) {
            const text = fs.readFileSync(path.join(root, f), "utf8");
            assert.equal(withTable(text, tableBlock(results)), text, `${f}: run npm run bench:table`);
        }
    });

    it("withTable replaces the block between the markers and nothing else", () => {
        const text = `before\n${TABLE_START}\nold\n${TABLE_END}\nafter\n`;
        assert.equal(withTable(text, "NEW"), "before\nNEW\nafter\n");
        assert.equal(withTable("no markers\n", "NEW"), "no markers\n");
    });
});
