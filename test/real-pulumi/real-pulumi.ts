import { execFileSync, spawn } from "node:child_process";
import {
    copyFileSync,
    existsSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    statSync,
    symlinkSync,
    writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createSimulatedRds, SimulatedRds, VirtualClock } from "../../testbeds/simulator";
import { RdsHttpServer, startRdsHttpServer } from "../../testbeds/simulator/http/server";

export const ROOT = join(__dirname, "..", "..");
export const LAUNCHER = join(ROOT, "testbeds", "real-pulumi", "pulumi");

export interface RunResult {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** The repository's program in a scratch project directory (sources linked, Pulumi.yaml copied, no stack files). */
export function scratchProject(): string {
    const dir = mkdtempSync(join(tmpdir(), "real-pulumi-"));
    for (const entry of [
        "index.ts",
        "components",
        "orchestrator",
        "planner",
        "engine-versions",
        "vocabulary",
        "cli-contract",
        "aws-regions",
        "probe",
        "bin",
        "policy",
        "node_modules",
        "package.json",
        "tsconfig.json",
    ])
        symlinkSync(join(ROOT, entry), join(dir, entry));
    copyFileSync(join(ROOT, "Pulumi.yaml"), join(dir, "Pulumi.yaml"));
    return dir;
}

/**
 * A test bed: the simulated control plane served on loopback (its clock `speed` times real time),
 * a file backend and a scratch project. `run(args)` is `testbeds/real-pulumi/pulumi ARGS` there.
 */
export class RealPulumiBed {
    readonly sim: SimulatedRds;
    readonly project = scratchProject();
    readonly backend = mkdtempSync(join(tmpdir(), "real-pulumi-backend-"));
    private server?: RdsHttpServer;

    constructor(private readonly speed = 60) {
        this.sim = createSimulatedRds({
            clock: new VirtualClock({ start: Date.now(), autoAdvance: false }),
            rateLimit: false,
        });
    }

    async start(): Promise<this> {
        preparePolicyPack();
        this.server = await startRdsHttpServer({ sim: this.sim, speed: this.speed });
        return this;
    }

    env(): NodeJS.ProcessEnv {
        return {
            ...process.env,
            AWS_ENDPOINT_URL: this.server!.url,
            PULUMI_BACKEND_URL: `file://${this.backend}`,
            PULUMI_CONFIG_PASSPHRASE: "real-pulumi-test",
        };
    }

    run(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): Promise<RunResult> {
        return runProcess(LAUNCHER, args, this.project, { ...this.env(), ...extraEnv });
    }

    /** Runs a shell line as the README writes it, with `pulumi` being the launcher. */
    shell(line: string): Promise<RunResult> {
        const cmd = line.replace(/^pulumi(?=\s)/, JSON.stringify(LAUNCHER));
        return runProcess("bash", ["-c", cmd], this.project, this.env());
    }

    async stop(): Promise<void> {
        await this.server?.close();
        rmSync(this.project, { recursive: true, force: true });
        rmSync(this.backend, { recursive: true, force: true });
    }

    writeProjectFile(name: string, text: string): void {
        writeFileSync(join(this.project, name), text);
    }

    readProjectFile(name: string): string {
        return readFileSync(join(this.project, name), "utf8");
    }
}

export function runProcess(
    cmd: string,
    args: readonly string[],
    cwd: string,
    env: NodeJS.ProcessEnv,
): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
}

/** The shell lines of the first ```sh block of `markdown` that runs `pulumi stack init`, comments dropped. */
export function stackWalkThrough(markdown: string): string[] {
    const blocks = [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const block = blocks.find((b) => /^pulumi stack init /m.test(b));
    if (!block) throw new Error("no ```sh block with `pulumi stack init` in the README");
    return block
        .split("\n")
        .map((l) => l.replace(/\s+#.*$/, "").trim())
        .filter((l) => l.length > 0);
}

export const describeResult = (r: RunResult): string =>
    `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** The dev database of the README's walk-through (PostgreSQL 17.4, us-east-1 + ap-northeast-1), created by `pulumi up`. */
export async function createDatabase(bed: RealPulumiBed, config: Record<string, string> = {}): Promise<void> {
    const settings: string[][] = [
        ["aws:region", "us-east-1"],
        ["engine", "aurora-postgresql"],
        ["engineVersion", "17.4"],
        ["primaryRegion", "us-east-1"],
        // The steps' CLI polls every second of real time (the simulated clock runs 60 times faster).
        ["upgradePollSeconds", "1"],
        ...Object.entries(config),
    ];
    const runs = [
        ["stack", "init", "dev"],
        ...settings.map(([k, v]) => ["config", "set", k!, v!]),
        ["config", "set", "--path", "secondaryRegions[0]", "ap-northeast-1"],
        ["up", "--yes", "--non-interactive", "--skip-preview"],
    ];
    for (const args of runs) {
        const r = await bed.run(args);
        if (r.code !== 0) throw new Error(`pulumi ${args.join(" ")}: ${describeResult(r)}`);
    }
}

/** The resources a preview would change, from its `--json` output (steps other than same/read). */
export function changedResources(json: string): { op: string; urn: string }[] {
    const out = JSON.parse(json) as { steps?: { op: string; urn: string }[] };
    return (out.steps ?? []).filter((s) => s.op !== "same" && s.op !== "read").map((s) => ({ op: s.op, urn: s.urn }));
}

const LIBRARY_SOURCES = [
    "components",
    "planner",
    "engine-versions",
    "vocabulary",
    "orchestrator",
    "cli-contract",
    "aws-regions",
    "probe",
];

function newestMtime(dir: string): number {
    let newest = 0;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const file = join(dir, entry.name);
        newest = Math.max(newest, entry.isDirectory() ? newestMtime(file) : statSync(file).mtimeMs);
    }
    return newest;
}

/**
 * What the policy pack needs under the real engine (docs/real-pulumi.md, difference 4): its own
 * node_modules (`npm ci` in policy/) and the library built, since the pack loads `aurora-global/*`
 * through the package's exports (dist/). Built here when missing or older than the sources.
 */
export function preparePolicyPack(): void {
    if (!existsSync(join(ROOT, "policy", "node_modules", "@pulumi", "policy")))
        execFileSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: join(ROOT, "policy"), stdio: "ignore" });
    const built = join(ROOT, "dist", "planner", "index.d.ts");
    const sources = Math.max(...LIBRARY_SOURCES.map((d) => newestMtime(join(ROOT, d))));
    if (!existsSync(built) || statSync(built).mtimeMs < sources)
        execFileSync(join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.build.json"], {
            cwd: ROOT,
            stdio: "ignore",
        });
}

/**
 * Starts `bed`, runs `prepare` (AWS-side setup against the endpoint), creates the dev database (with
 * `config`) at 17.4, then sets engineVersion to `target`.
 */
export async function databaseChangingTo(
    bed: RealPulumiBed,
    target: string,
    config: Record<string, string> = {},
    prepare: () => Promise<void> = async () => undefined,
): Promise<void> {
    await bed.start();
    await prepare();
    await createDatabase(bed, config);
    const r = await bed.run(["config", "set", "engineVersion", target]);
    if (r.code !== 0) throw new Error(`pulumi config set engineVersion ${target}: ${describeResult(r)}`);
}
