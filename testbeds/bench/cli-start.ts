import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BenchOutput, BenchSize, renderTable, TableRow } from "./results-writer";
import { median, round } from "./support/stats";

const ROOT = path.join(__dirname, "..", "..");
const BIN = path.join(ROOT, "bin", "aurora-global.js");
const BUILT_MAIN = path.join(ROOT, "dist", "orchestrator", "cli", "main.js");

/** Target (testbeds/bench/README.md): from the built files the CLI starts in well under a second. */
export const BUILT_START_TARGET_MS = 1000;

/** Preloaded into the CLI's process: reports its own CPU time and uptime when it exits. */
const REPORTER = `process.on("exit", () => { const u = process.cpuUsage(); process.stderr.write("\\nCLI-START " + JSON.stringify({ cpuMs: (u.user + u.system) / 1000, uptimeMs: process.uptime() * 1000 }) + "\\n"); });`;

interface Start {
    readonly wallMs: number;
    readonly cpuMs: number;
}

/** One `aurora-global --help` from the built files or (fromSource) through ts-node. */
function start(reporter: string, fromSource: boolean): Start {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["-r", reporter, BIN, "--help"], {
        encoding: "utf8",
        env: { ...process.env, AURORA_GLOBAL_FROM_SOURCE: fromSource ? "1" : "0" },
    });
    const wallMs = Number(process.hrtime.bigint() - t) / 1e6;
    const m = /CLI-START (\{.*\})/.exec(r.stderr);
    if (r.status !== 0 || !m || !/^Usage: aurora-global/.test(r.stdout))
        throw new Error(`aurora-global --help failed (exit ${r.status}): ${r.stderr}`);
    return { wallMs, cpuMs: (JSON.parse(m[1]) as { cpuMs: number }).cpuMs };
}

/**
 * CLI start time: `node bin/aurora-global.js --help` from the built files (dist/, what the npm
 * package runs) against the same through ts-node (a clone without a build). Wall time of the
 * whole process and its own CPU time (steadier on a shared machine), median of N runs each.
 * Needs `npm run build` first.
 */
export async function benchCliStart(size: BenchSize = "full"): Promise<BenchOutput> {
    if (!fs.existsSync(BUILT_MAIN)) throw new Error(`${BUILT_MAIN} is missing: run "npm run build" first`);
    const runs = size === "smoke" ? 1 : 7;
    const reporter = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "cli-start-")), "report.js");
    fs.writeFileSync(reporter, REPORTER);
    const measure = (fromSource: boolean) => {
        start(reporter, fromSource); // warm the file cache
        const all = Array.from({ length: runs }, () => start(reporter, fromSource));
        return {
            wallMs: round(median(all.map((s) => s.wallMs)), 0),
            cpuMs: round(median(all.map((s) => s.cpuMs)), 0),
        };
    };
    const built = measure(false);
    const source = measure(true);
    // The verdict is on CPU time: on a shared machine wall time also measures the neighbours.
    const rows: TableRow[] = [
        {
            section: "package",
            metric: "CLI start from dist/ (--help), CPU ms",
            value: String(built.cpuMs),
            target: `< ${BUILT_START_TARGET_MS}`,
            met: built.cpuMs < BUILT_START_TARGET_MS,
        },
        {
            section: "package",
            metric: "CLI start from dist/, wall ms",
            value: String(built.wallMs),
            target: "(info) shared machine",
        },
        {
            section: "package",
            metric: "CLI start through ts-node, CPU ms / wall ms",
            value: `${source.cpuMs} / ${source.wallMs}`,
            target: "(info) before the package build",
        },
    ];
    return { section: "package", data: { cliStart: { runs, built, source } }, rows };
}

if (require.main === module) {
    benchCliStart(process.argv.includes("--smoke") ? "smoke" : "full").then(
        (out) => process.stdout.write(`${renderTable(out.rows)}\n${JSON.stringify(out.data)}\n`),
        (e: unknown) => {
            process.stderr.write(`bench: FAILED: ${e instanceof Error ? e.message : String(e)}\n`);
            process.exitCode = 1;
        },
    );
}
