// `npm run bench`: every benchmark in one run; writes testbeds/bench/results.json and prints the table.
// Options: --smoke (smallest sizes, for a quick check; writes no file unless --out is given, and never
// results.json), --only NAME (the benches whose name contains NAME; likewise),
// --out PATH (default testbeds/bench/results.json for a full run), --markdown (also print the table as
// Markdown, for the bench README). See args.ts.
import "./support/quiet-sdk";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { COMMITTED_RESULTS, parseBenchArgs } from "./args";
import { benchBlueGreen } from "./blue-green";
import { benchCliStart } from "./cli-start";
import { benchCriticalPath } from "./critical-path";
import { benchDetection } from "./control-plane-detection";
import { benchFleet } from "./control-plane-fleet";
import { benchFleetRollout } from "./fleet-rollout";
import { benchPolicy } from "./policy-cost";
import { benchPreview } from "./preview-cost";
import {
    addToResults,
    BenchOutput,
    BenchSize,
    collect,
    renderMarkdownTable,
    renderTable,
    ResultsFile,
    writeResults,
} from "./results-writer";

const BENCHES: readonly [string, (size: BenchSize) => Promise<BenchOutput>][] = [
    ["critical path (virtual clock)", benchCriticalPath],
    ["blue/green: total and downtime per region (virtual clock)", benchBlueGreen],
    ["control-plane calls: polling and detection", benchDetection],
    ["control-plane calls: 50 databases at once", benchFleet],
    ["control-plane calls: fleet run, 200 databases in waves of 50", benchFleetRollout],
    ["preview cost (mock engine)", benchPreview],
    ["policy cost", benchPolicy],
    ["CLI start (built vs ts-node)", benchCliStart],
];

async function main(): Promise<void> {
    const { size, out, markdown, only, addToCommitted } = parseBenchArgs(process.argv.slice(2));
    const started = process.hrtime.bigint();
    const outputs: BenchOutput[] = [];
    const chosen = BENCHES.filter(([name]) => only === undefined || name.includes(only));
    if (chosen.length === 0) throw new Error(`bench: no bench's name contains "${only}"`);
    for (const [name, bench] of chosen) {
        const t = process.hrtime.bigint();
        process.stderr.write(`bench: ${name} ...`);
        outputs.push(await bench(size));
        process.stderr.write(` ${(Number(process.hrtime.bigint() - t) / 1e9).toFixed(1)}s\n`);
    }
    const results = collect(outputs, size, Number(process.hrtime.bigint() - started) / 1e9);
    if (out !== undefined) writeResults(out, results);
    if (addToCommitted) {
        const committed = JSON.parse(readFileSync(COMMITTED_RESULTS, "utf8")) as ResultsFile;
        writeResults(
            COMMITTED_RESULTS,
            addToResults(
                committed,
                results,
                chosen.map(([name]) => name),
            ),
        );
        process.stdout.write("run `npm run docs` to rewrite the tables generated from it\n");
    }

    const m = results.machine;
    const written =
        out !== undefined
            ? `written to ${path.relative(process.cwd(), out) || out}${out === COMMITTED_RESULTS ? "; `npm run docs` rewrites the tables generated from it" : ""}`
            : addToCommitted
              ? `added to ${path.relative(process.cwd(), COMMITTED_RESULTS)} (addedRuns)`
              : `${size === "smoke" ? "smoke run" : "partial run"}: no file written (--out PATH writes one)`;
    process.stdout.write(
        `\n${renderTable(results.table)}\n\n${m.nproc} × ${m.cpuModel}, node ${m.node}; ${results.wallClockSeconds}s in all; ${written}\n`,
    );
    if (markdown) process.stdout.write(`\n${renderMarkdownTable(results.table)}\n`);
}

main().catch((e: unknown) => {
    process.stderr.write(`\nbench: FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
});
