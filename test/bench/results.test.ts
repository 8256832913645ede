import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseBenchArgs } from "../../testbeds/bench/args";
import {
    addToResults,
    MARKDOWN_TABLE_MAX_COLUMNS,
    renderMarkdownTable,
    ResultsFile,
    TableRow,
} from "../../testbeds/bench/results-writer";

// The committed results of the last full `npm run bench`: what they must hold (the docs' tables
// are generated from them by `npm run docs`, checked by test/docs/generated.test.ts).
const results = JSON.parse(
    fs.readFileSync(path.join(__dirname, "..", "..", "testbeds", "bench", "results.json"), "utf8"),
) as ResultsFile;

/** Critical-path rows of the committed run (each has p95CriticalRatio), by key. */
function criticalRows(): [string, Record<string, number>][] {
    return Object.entries(results.criticalPath ?? {}).filter(
        (e): e is [string, Record<string, number>] =>
            typeof e[1] === "object" && e[1] !== null && "p95CriticalRatio" in e[1],
    );
}

describe("bench: the committed results", () => {
    it("are a full run", () => {
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

    it("the preview rows carry the median's 95 % interval around it", () => {
        const preview = results.preview as Record<
            string,
            { costRatio: number; costRatioLow: number; costRatioHigh: number }
        >;
        for (const n of ["n1", "n10", "n50"]) {
            const f = preview[n];
            assert.ok(f.costRatioLow <= f.costRatio && f.costRatio <= f.costRatioHigh, `${n}: ${JSON.stringify(f)}`);
        }
    });

    it(`no line of the Markdown tables is wider than ${MARKDOWN_TABLE_MAX_COLUMNS} columns`, () => {
        const lines = renderMarkdownTable(results.table).split("\n");
        assert.ok(lines.length > results.table.length);
        const wide = lines.filter((l) => [...l].length > MARKDOWN_TABLE_MAX_COLUMNS);
        assert.deepEqual(wide, []);
    });
});

describe("bench: a bench added since the committed run (--only NAME --add-to-committed)", () => {
    const row = (section: TableRow["section"], metric: string, value: string): TableRow => ({
        section,
        metric,
        value,
        target: "(info)",
    });
    const file = (over: Partial<ResultsFile>): ResultsFile => ({
        generatedAt: "2026-12-07T20:15:00.000Z",
        size: "full",
        machine: results.machine,
        wallClockSeconds: 1721,
        table: [],
        ...over,
    });

    it("adds its section keys and rows after its section's rows, replaces a row of the same metric, names the run", () => {
        const committed = file({
            controlPlaneCalls: { detection: 1 },
            table: [row("controlPlaneCalls", "a", "1"), row("controlPlaneCalls", "b", "2"), row("preview", "p", "3")],
        });
        const added = file({
            generatedAt: "2026-12-07T21:10:00.000Z",
            wallClockSeconds: 90,
            controlPlaneCalls: { fleetRollout: 2 },
            table: [row("controlPlaneCalls", "b", "20"), row("controlPlaneCalls", "c", "30")],
        });
        const merged = addToResults(committed, added, ["fleet run"]);
        assert.deepEqual(merged.controlPlaneCalls, { detection: 1, fleetRollout: 2 });
        assert.deepEqual(
            merged.table.map((r) => `${r.metric}=${r.value}`),
            ["a=1", "b=20", "c=30", "p=3"],
        );
        assert.deepEqual(merged.addedRuns, [
            { benches: ["fleet run"], generatedAt: "2026-12-07T21:10:00.000Z", wallClockSeconds: 90 },
        ]);
        assert.equal(merged.generatedAt, committed.generatedAt, "the committed run's date stays");
    });

    it("only with --only at full size and no --out", () => {
        assert.deepEqual(parseBenchArgs(["--only", "fleet", "--add-to-committed"]), {
            size: "full",
            only: "fleet",
            addToCommitted: true,
            markdown: false,
        });
        for (const argv of [
            ["--add-to-committed"],
            ["--smoke", "--only", "x", "--add-to-committed"],
            ["--only", "x", "--out", "/tmp/x.json", "--add-to-committed"],
        ])
            assert.throws(() => parseBenchArgs(argv), /--add-to-committed goes with --only NAME at full size/);
    });
});
