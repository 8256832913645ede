import { spawn } from "child_process";
import { RdsGateway } from "../../../aws/gateway";
import { describeTopology } from "../../../aws/topology/describe";
import { failoverReady } from "../status-render";
import { FleetEntry } from "./fleet-plan";
import { Gate } from "./rollout";

/** Environment variables the gate command gets (and nothing else but PATH, HOME, LANG, TZ). */
export const GATE_ENV = {
    rollout: "AURORA_GLOBAL_ROLLOUT",
    wave: "AURORA_GLOBAL_WAVE",
    /** The wave's global cluster ids (or org/project/stack names), space-separated. */
    databases: "AURORA_GLOBAL_DATABASES",
    /** `id=region` per database (the writer's region), space-separated. */
    regions: "AURORA_GLOBAL_DATABASE_REGIONS",
    target: "AURORA_GLOBAL_TARGETS",
} as const;

/** Variables passed through from our own environment: none can carry a secret (no AWS_*, no tokens). */
const PASSED_THROUGH = ["PATH", "HOME", "LANG", "TZ"] as const;

/**
 * The health gate of a wave, read from AWS: every upgraded database available on every member,
 * one version across its members, and so able to fail over (status-render.ts `failoverReady`).
 * Returns one line per problem (empty: the gate passes).
 */
export async function checkHealth(api: RdsGateway, entries: readonly FleetEntry[]): Promise<string[]> {
    const problems: string[] = [];
    for (const e of entries) {
        if (!e.database) continue;
        const t = await describeTopology(api, e.database.region, e.id, { skipCatalogue: true });
        for (const m of t.members.filter((x) => x.status !== "available"))
            problems.push(`${e.id}: member "${m.cluster}" (${m.region}) is ${m.status}, not available`);
        const versions = [...new Set(t.members.map((m) => m.engineVersion ?? "?"))];
        if (versions.length > 1) problems.push(`${e.id}: its members run ${versions.join(", ")}, not one version`);
        if (!failoverReady(t)) problems.push(`${e.id}: a cross-region failover is not possible now`);
    }
    return problems;
}

/** What the gate command runs with: the wave's databases, the rollout, PATH/HOME/LANG/TZ; no credentials. */
export function gateEnvironment(
    rollout: string,
    wave: string,
    entries: readonly FleetEntry[],
    own: Readonly<Record<string, string | undefined>>,
): Record<string, string> {
    const dbs = entries;
    const env: Record<string, string> = {};
    for (const k of PASSED_THROUGH) if (own[k] !== undefined) env[k] = own[k] as string;
    env[GATE_ENV.rollout] = rollout;
    env[GATE_ENV.wave] = wave;
    env[GATE_ENV.databases] = dbs.map((e) => e.id).join(" ");
    env[GATE_ENV.regions] = dbs.flatMap((e) => (e.database ? [`${e.id}=${e.database.region}`] : [])).join(" ");
    env[GATE_ENV.target] = [...new Set(dbs.map((e) => e.target ?? ""))].join(" ");
    return env;
}

/**
 * Runs the gate command through the shell with `env` only, in `cwd` (the rollout file's directory); its output goes to `log` line by line.
 * Resolves with undefined when it exits 0, else what went wrong (exit code, signal, timeout).
 */
export function runGateCommand(
    gate: Gate & { command: string },
    env: Record<string, string>,
    log: (line: string) => void,
    cwd?: string,
): Promise<string | undefined> {
    return new Promise((resolve) => {
        // Its own process group, so a timeout stops the command and whatever it started.
        const child = spawn(gate.command, {
            shell: true,
            env,
            stdio: ["ignore", "pipe", "pipe"],
            detached: true,
            ...(cwd ? { cwd } : {}),
        });
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            if (child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
        }, gate.timeoutMinutes * 60_000);
        timer.unref?.();
        const lines = (d: Buffer) =>
            d
                .toString()
                .split("\n")
                .filter((l) => l.length > 0)
                .forEach(log);
        child.stdout?.on("data", lines);
        child.stderr?.on("data", lines);
        child.on("error", (e) => resolve(`gate.command could not start: ${e.message}`));
        child.on("close", (code, signal) => {
            clearTimeout(timer);
            if (timedOut)
                resolve(`gate.command took longer than gate.timeoutMinutes ${gate.timeoutMinutes} and was stopped`);
            else if (code === 0) resolve(undefined);
            else resolve(signal ? `gate.command was stopped by ${signal}` : `gate.command exited ${code}`);
        });
    });
}
