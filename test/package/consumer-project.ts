import { spawnSync, SpawnSyncReturns } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/** The repository root. */
export const ROOT = path.join(__dirname, "..", "..");

/** One fenced block of a README section: its language, the file it names (if any) and its text. */
export interface Block {
    readonly lang: string;
    readonly file?: string;
    readonly text: string;
}

/** The fenced blocks of the README section under `## <heading>`, in order. */
export function readmeBlocks(heading: string): Block[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const start = readme.indexOf(`\n## ${heading}\n`);
    if (start < 0) throw new Error(`README has no section "## ${heading}"`);
    const next = readme.indexOf("\n## ", start + 1);
    const section = readme.slice(start, next < 0 ? undefined : next);
    const blocks: Block[] = [];
    const fence = /^```(\S+)(?: (\S+))?\n([\s\S]*?)^```$/gm;
    for (let m = fence.exec(section); m; m = fence.exec(section))
        blocks.push({ lang: m[1], ...(m[2] ? { file: m[2] } : {}), text: m[3] });
    return blocks;
}

/** Runs a command, failing with its output when it exits non-zero. */
export function run(cmd: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
    const r: SpawnSyncReturns<string> = spawnSync(cmd, [...args], {
        cwd,
        env,
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw r.error;
    if (r.status !== 0)
        throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) exited ${r.status}:\n${r.stdout}\n${r.stderr}`);
    return r;
}

/** A fresh temporary directory outside the repository. */
export function freshDir(prefix: string): string {
    return fs.mkdtempSync(path.join(fs.realpathSync(os.tmpdir()), prefix));
}

/** What `npm pack` made: the tarball's absolute path and the files it holds. */
export interface Packed {
    readonly tarball: string;
    readonly files: readonly string[];
}

let packedOnce: Packed | undefined;

/** The repository packed once per test run (shared by the package tests), into a fresh directory. */
export function packOnce(): Packed {
    packedOnce ??= pack(freshDir("aurora-global-pack-"));
    return packedOnce;
}

/** `npm pack` of the repository (its `prepack` builds dist/) into `dir`. */
export function pack(dir: string): Packed {
    const r = run("npm", ["pack", "--json", "--pack-destination", dir], ROOT);
    const [info] = JSON.parse(r.stdout.slice(r.stdout.indexOf("["))) as {
        filename: string;
        files: { path: string }[];
    }[];
    return { tarball: path.join(dir, info.filename), files: info.files.map((f) => f.path) };
}

/**
 * `npm install ARGS` from the local npm cache (what `npm ci` of the repository filled): offline
 * first; where the cache lacks a package's metadata, `--prefer-offline` fetches only that.
 */
export function npmInstall(args: readonly string[], cwd: string): void {
    const flags = ["--no-audit", "--no-fund", "--loglevel=error"];
    const offline = spawnSync("npm", ["install", "--offline", ...flags, ...args], { cwd, encoding: "utf8" });
    if (offline.status === 0) return;
    run("npm", ["install", "--prefer-offline", ...flags, ...args], cwd);
}

/**
 * The mock-engine run of a consumer's program, as a script that runs in the consumer's
 * directory with the consumer's own `@pulumi/pulumi` (the package's copy is deduplicated into
 * it). Invokes and new resources are answered by the repository's mock engine
 * (testbeds/offline/mock-engine/current-state.ts) for `state`; prints every registration and
 * the stack outputs as JSON into {@link RESULT_FILE} (stdout carries the program's log lines).
 */

/** Where {@link mockEngineScript} writes what it recorded (in the consumer's directory). */
export const RESULT_FILE = "mock-engine-run.json";

export function mockEngineScript(state: unknown, project: string, config: Record<string, string>): string {
    const currentState = path.join(ROOT, "testbeds", "offline", "mock-engine", "current-state");
    const simulatedState = path.join(ROOT, "testbeds", "offline", "mock-engine", "simulated-state");
    return `
const path = require("path");
const pulumi = require("@pulumi/pulumi");
const settings = require("@pulumi/pulumi/runtime/settings");
require(${JSON.stringify(path.join(ROOT, "node_modules", "ts-node"))}).register({
    transpileOnly: true,
    project: ${JSON.stringify(path.join(ROOT, "tsconfig.json"))},
});
const { answerCall, answerNewResource } = require(${JSON.stringify(currentState)});
const { simulatorFor } = require(${JSON.stringify(simulatedState)});
const state = ${JSON.stringify(state)};
// The installed component reads AWS through the SDK at preview: the simulated control plane,
// seeded with the same state, answers it (handed to the installed package's own reader hook).
const simulated = simulatorFor(state);
require("aurora-global").setAwsFactsClients(simulated.clientFor, simulated.clock);
const registered = [];
(async () => {
    await pulumi.runtime.setMocks(
        {
            newResource: (args) => {
                registered.push({ type: args.type, name: args.name, inputs: args.inputs });
                return answerNewResource(state, args, "organization/${project}/dev");
            },
            call: (args) => answerCall(state, args),
        },
        ${JSON.stringify(project)},
        "dev",
        false,
        "organization",
    );
    pulumi.runtime.setAllConfig(${JSON.stringify(config)}, []);
    const outputs = await pulumi.runtime.runInPulumiStack(async () => require(path.resolve("index.ts")));
    await settings.waitForRPCs();
    require("fs").writeFileSync(${JSON.stringify(RESULT_FILE)}, JSON.stringify({ registered, outputs }));
})().catch((e) => {
    process.stderr.write(String((e && e.stack) || e));
    process.exitCode = 1;
});
`;
}
