import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as net from "net";
import { freeLoopbackPort } from "./throwaway-server";

/** A moto_server on loopback for the wire tier; `url` is its endpoint. */
export interface MotoServer {
    readonly url: string;
    stop(): Promise<void>;
}

const PYENV_SHIM = "/root/.pyenv/shims/moto_server";
/** The moto_server executable: $MOTO_SERVER, the pyenv shim, or `moto_server` on PATH. */
export const MOTO_SERVER = process.env.MOTO_SERVER ?? (fs.existsSync(PYENV_SHIM) ? PYENV_SHIM : "moto_server");

function canConnect(port: number): Promise<boolean> {
    return new Promise((resolve) => {
        const socket = net.connect(port, "127.0.0.1");
        socket.once("connect", () => {
            socket.destroy();
            resolve(true);
        });
        socket.once("error", () => resolve(false));
    });
}

/**
 * Starts `moto_server -H 127.0.0.1 -p <free port>` and resolves once it accepts connections.
 * `MOTO_URL` (set by a CI script that started one) is used as it is instead.
 */
export async function startMotoServer(timeoutMs = 30_000): Promise<MotoServer> {
    if (process.env.MOTO_URL) return { url: process.env.MOTO_URL, stop: async () => undefined };
    const port = await freeLoopbackPort();
    const child: ChildProcess = spawn(MOTO_SERVER, ["-H", "127.0.0.1", "-p", String(port)], {
        stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (!(await canConnect(port))) {
        if (child.exitCode !== null || Date.now() > deadline) {
            child.kill("SIGTERM");
            throw new Error(
                `moto_server did not start on 127.0.0.1:${port} (${MOTO_SERVER}): ${stderr.trim() || "no output"}`,
            );
        }
        await new Promise((r) => setTimeout(r, 100));
    }
    return {
        url: `http://127.0.0.1:${port}`,
        stop: async () => {
            if (child.exitCode === null) {
                child.kill("SIGTERM");
                await exited;
            }
        },
    };
}
