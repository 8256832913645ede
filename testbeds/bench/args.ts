import * as path from "node:path";
import { BenchSize } from "./results-writer";

/** The committed results of a full run (testbeds/bench/results.json). */
export const COMMITTED_RESULTS = path.join(__dirname, "results.json");

export interface BenchArgs {
    readonly size: BenchSize;
    /** `--only NAME`: the benches whose name contains NAME (no results file unless `--out`). */
    readonly only?: string;
    /** Where the results file is written; undefined: nowhere (a smoke run without `--out`). */
    readonly out?: string;
    /**
     * `--only NAME --add-to-committed`: a bench added since the committed full run is measured at
     * full size and its section and rows are added to results.json, with the run named there
     * (`addedRuns`): a new row, not a re-measure of the others.
     */
    readonly addToCommitted?: boolean;
    readonly markdown: boolean;
}

/**
 * `npm run bench -- [--smoke] [--out PATH] [--markdown]`. A full run writes the committed
 * results.json unless `--out` says otherwise; a smoke run (smallest sizes, a quick check) writes
 * only where `--out` says: its numbers must never replace the committed full-size results.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
    let size: BenchSize = "full";
    let out: string | undefined;
    let only: string | undefined;
    let markdown = false;
    let addToCommitted = false;
    for (let i = 0; i < argv.length; i++) {
        if (argv[i] === "--smoke") size = "smoke";
        else if (argv[i] === "--markdown") markdown = true;
        else if (argv[i] === "--out" && argv[i + 1]) out = path.resolve(argv[++i]);
        else if (argv[i] === "--only" && argv[i + 1]) only = argv[++i];
        else if (argv[i] === "--add-to-committed") addToCommitted = true;
        else
            throw new Error(
                `bench: unknown argument "${argv[i]}": use --smoke, --markdown, --only NAME and/or --out PATH`,
            );
    }
    if (out === COMMITTED_RESULTS && (size === "smoke" || only !== undefined))
        throw new Error(
            `bench: ${size === "smoke" ? "--smoke" : "--only"} never writes ${path.relative(process.cwd(), COMMITTED_RESULTS)}: its figures are not the full run's (give --out another path)`,
        );
    if (addToCommitted && (size === "smoke" || only === undefined || out !== undefined))
        throw new Error("bench: --add-to-committed goes with --only NAME at full size, without --out");
    if (out === undefined && size === "full" && only === undefined) out = COMMITTED_RESULTS;
    return {
        size,
        ...(out !== undefined ? { out } : {}),
        ...(only !== undefined ? { only } : {}),
        ...(addToCommitted ? { addToCommitted } : {}),
        markdown,
    };
}
