/**
 * The simulated RDS control plane as a long-running loopback endpoint for the real-Pulumi test bed:
 * `node … simulator-endpoint.ts STATE_FILE` listens on 127.0.0.1 (port AURORA_SIM_PORT, default
 * any free one), writes `{"url","pid"}` to STATE_FILE once listening, and serves until killed.
 * AURORA_SIM_SPEED (default 60) is how many simulated milliseconds pass per real one, so a
 * 10-minute engine upgrade takes 10 s.
 */
import { writeFileSync } from "node:fs";
import { createSimulatedRds, VirtualClock } from "../simulator";
import { startRdsHttpServer } from "../simulator/http/server";

async function main(stateFile: string | undefined): Promise<void> {
    if (!stateFile) throw new Error("usage: simulator-endpoint.ts STATE_FILE");
    const speed = Number(process.env.AURORA_SIM_SPEED ?? 60);
    if (!Number.isFinite(speed) || speed <= 0) throw new Error(`AURORA_SIM_SPEED must be > 0, got ${speed}`);
    const sim = createSimulatedRds({
        clock: new VirtualClock({ start: Date.now(), autoAdvance: false }),
        rateLimit: false,
    });
    const server = await startRdsHttpServer({ sim, port: Number(process.env.AURORA_SIM_PORT ?? 0), speed });
    writeFileSync(stateFile, JSON.stringify({ url: server.url, pid: process.pid }));
    process.stdout.write(`${server.url}\n`);
    const stop = () => void server.close().then(() => process.exit(0));
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
}

main(process.argv[2]).catch((e: Error) => {
    process.stderr.write(`simulator endpoint: ${e.message}\n`);
    process.exit(1);
});
