/**
 * A throwaway PostgreSQL server for tests: `initdb` into a temp dir, listen on 127.0.0.1 only
 * (unix socket inside the temp dir), trust auth, stop and delete on `destroy()`.
 *
 * Binaries: `$PG_BIN`, else the newest `/usr/lib/postgresql/<major>/bin` (Debian's `postgresql`
 * package), else `initdb` on PATH. PostgreSQL refuses to run as root, so when the tests run as
 * root every server command runs as the `postgres` OS user (created by Debian's package; override
 * with `$PG_TEST_OS_USER`) in a temp dir under /tmp (`$PG_TEST_TMPDIR` overrides) that this user
 * owns: the rules of throwaway-server.ts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { freeLoopbackPort, makeServerDir, runServerTool as run, serverRunAs } from "./throwaway-server";

/** A running (or stopped, between `stop()` and `start()`) test server. */
export interface PostgresServer {
    readonly host: string;
    readonly port: number;
    /** Superuser name; trust auth, so no password. */
    readonly user: string;
    readonly database: string;
    /** `postgres://postgres@127.0.0.1:<port>/postgres` */
    readonly url: string;
    /** Output of `SHOW server_version` is what a probe reads; this is `postgres --version`. */
    readonly versionText: string;
    readonly baseDir: string;
    /** Fast shutdown; resolves once the server has exited (`pg_ctl stop -w`). */
    stop(): Promise<void>;
    /** Resolves once the server accepts connections (`pg_ctl start -w`). */
    start(): Promise<void>;
    /** Appends settings to postgresql.conf; they apply at the next `start()`. */
    appendConfig(lines: readonly string[]): void;
    /** Immediate shutdown if running, then delete the temp dir. Safe to call twice. */
    destroy(): Promise<void>;
}

const MISSING_BINARIES =
    "PostgreSQL server binaries not found: install Debian's postgresql package " +
    "(apt-get install -y postgresql) or set PG_BIN to the directory holding initdb, pg_ctl and postgres";

/** Directory holding initdb/pg_ctl/postgres, or undefined when none is installed. */
export function findPostgresBinDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const has = (dir: string) => ["initdb", "pg_ctl", "postgres"].every((b) => fs.existsSync(path.join(dir, b)));
    if (env.PG_BIN) return has(env.PG_BIN) ? env.PG_BIN : undefined;
    const debianRoot = "/usr/lib/postgresql";
    if (fs.existsSync(debianRoot)) {
        const majors = fs
            .readdirSync(debianRoot)
            .filter((d) => /^\d+$/.test(d))
            .sort((a, b) => Number(b) - Number(a));
        for (const major of majors) {
            const dir = path.join(debianRoot, major, "bin");
            if (has(dir)) return dir;
        }
    }
    for (const dir of (env.PATH ?? "").split(path.delimiter)) {
        if (dir && has(dir)) return dir;
    }
    return undefined;
}

/** initdb + start a fresh server on a free loopback port. Call `destroy()` in an after hook. */
export async function startPostgresServer(): Promise<PostgresServer> {
    const binDir = findPostgresBinDir();
    if (!binDir) throw new Error(MISSING_BINARIES);
    const runAs = serverRunAs({
        server: "PostgreSQL",
        defaultUser: "postgres",
        overrideVariable: "PG_TEST_OS_USER",
        fix: "install Debian's postgresql package (it creates the postgres user)",
    });
    const baseDir = makeServerDir("aurora-pg-", runAs, process.env.PG_TEST_TMPDIR);
    const dataDir = path.join(baseDir, "data");
    const logFile = path.join(baseDir, "server.log");
    const conf = path.join(dataDir, "postgresql.conf");
    const bin = (name: string) => path.join(binDir, name);
    const pgCtl = (...args: string[]) => run(bin("pg_ctl"), ["-D", dataDir, ...args], runAs, baseDir);
    let running = false;
    const exitGuard = () => {
        if (running)
            spawnSync(bin("pg_ctl"), ["-D", dataDir, "-m", "immediate", "-w", "stop"], {
                ...runAs,
                cwd: baseDir,
                stdio: "ignore",
            });
        fs.rmSync(baseDir, { recursive: true, force: true });
    };
    process.once("exit", exitGuard);
    try {
        const versionText = (await run(bin("postgres"), ["--version"], runAs, baseDir)).trim();
        await run(
            bin("initdb"),
            ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            runAs,
            baseDir,
        );
        const port = await freeLoopbackPort();
        fs.appendFileSync(
            conf,
            [
                "",
                "# aurora-global test server",
                "listen_addresses = '127.0.0.1'",
                `port = ${port}`,
                `unix_socket_directories = '${baseDir}'`,
                "fsync = off",
                "synchronous_commit = off",
                "full_page_writes = off",
                "shared_buffers = 16MB",
                "",
            ].join("\n"),
        );
        const server: PostgresServer = {
            host: "127.0.0.1",
            port,
            user: "postgres",
            database: "postgres",
            url: `postgres://postgres@127.0.0.1:${port}/postgres`,
            versionText,
            baseDir,
            start: async () => {
                await pgCtl("-l", logFile, "-w", "-t", "60", "start");
                running = true;
            },
            stop: async () => {
                await pgCtl("-m", "fast", "-w", "-t", "60", "stop");
                running = false;
            },
            appendConfig: (lines) => fs.appendFileSync(conf, lines.map((l) => `${l}\n`).join("")),
            destroy: async () => {
                if (running) await pgCtl("-m", "immediate", "-w", "-t", "60", "stop").catch(() => undefined);
                running = false;
                process.removeListener("exit", exitGuard);
                fs.rmSync(baseDir, { recursive: true, force: true });
            },
        };
        await server.start();
        return server;
    } catch (error) {
        exitGuard();
        process.removeListener("exit", exitGuard);
        const log = fs.existsSync(logFile) ? `\nserver log:\n${fs.readFileSync(logFile, "utf8")}` : "";
        throw new Error(`${(error as Error).message}${log}`, { cause: error });
    }
}
