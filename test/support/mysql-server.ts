/**
 * A throwaway MariaDB server for tests (Debian's `mariadb-server` package; it speaks the MySQL
 * protocol `mysql2` uses): `mariadb-install-db` into a temp dir, `mariadbd` listening on 127.0.0.1
 * and a free port only (unix socket inside the temp dir), stopped and deleted on `destroy()`.
 *
 * Binaries: `$MARIADB_BIN` (a directory holding mariadbd and mariadb-install-db), else PATH, then
 * /usr/sbin and /usr/bin. MariaDB refuses to run as root, so when the tests run as root every
 * server command runs as the `mysql` OS user (created by Debian's package; override with
 * `$MYSQL_TEST_OS_USER`) in a temp dir under /tmp (`$MYSQL_TEST_TMPDIR` overrides) that this user
 * owns: the rules of throwaway-server.ts. Running as that user rather than `--user=root` keeps the
 * one rule shared with the PostgreSQL server.
 *
 * Authentication is real, not `--skip-grant-tables`: an `--init-file` creates the user `aurora`
 * with a random password (mysql_native_password) for connections from 127.0.0.1, so the password
 * in a probe's URL is what gets it in, and a wrong one gets MariaDB's own "Access denied".
 * `--no-defaults` keeps /etc/mysql/my.cnf (and the system service's settings) out of it.
 */
import { ChildProcess, spawn } from "child_process";
import { randomBytes } from "crypto";
import * as fs from "fs";
import { createConnection } from "mysql2/promise";
import * as path from "path";
import { freeLoopbackPort, makeServerDir, runServerTool, serverEnv, serverRunAs } from "./throwaway-server";

/** A running (or stopped, between `stop()` and `start()`) test server. */
export interface MysqlServer {
    readonly host: string;
    readonly port: number;
    /** `aurora`, allowed from 127.0.0.1 with `password`, every privilege. */
    readonly user: string;
    /** Random per server; contains `#` and `@`, so the URL carries it percent-encoded. */
    readonly password: string;
    /** `mysql://aurora:<encoded password>@127.0.0.1:<port>/`: holds the password, never print it. */
    readonly url: string;
    /** `mariadbd --version`, e.g. "/usr/sbin/mariadbd  Ver 10.11.19-MariaDB-0+deb12u1 for debian-linux-gnu ...". */
    readonly versionText: string;
    readonly baseDir: string;
    /** SIGTERM (a normal shutdown); resolves once the server process has exited. */
    stop(): Promise<void>;
    /** Starts mariadbd; resolves once a TCP connection as `user` answers `SELECT 1`. */
    start(): Promise<void>;
    /** SIGKILL if running, then delete the temp dir. Safe to call twice. */
    destroy(): Promise<void>;
}

const MISSING_BINARIES =
    "MariaDB server binaries not found: install Debian's mariadb-server package " +
    "(apt-get install -y mariadb-server) or set MARIADB_BIN to the directory holding mariadbd and mariadb-install-db";

const READY_WITHIN_MS = 60_000;

/** The first of `names` found in `dirs`. */
function findIn(dirs: readonly string[], names: readonly string[]): string | undefined {
    for (const dir of dirs)
        for (const name of names) {
            const file = path.join(dir, name);
            if (dir && fs.existsSync(file)) return file;
        }
    return undefined;
}

/** Paths of mariadbd and mariadb-install-db (or their mysqld / mysql_install_db names), if installed. */
export function findMariadbBinaries(
    env: NodeJS.ProcessEnv = process.env,
): { server: string; installDb: string } | undefined {
    const dirs = env.MARIADB_BIN
        ? [env.MARIADB_BIN]
        : [...(env.PATH ?? "").split(path.delimiter), "/usr/sbin", "/usr/bin"];
    const server = findIn(dirs, ["mariadbd", "mysqld"]);
    const installDb = findIn(dirs, ["mariadb-install-db", "mysql_install_db"]);
    return server && installDb ? { server, installDb } : undefined;
}

/** Settings of both the bootstrap and the server: small and fast, nothing durable. */
const STORAGE_OPTIONS = [
    "--innodb-buffer-pool-size=16M",
    "--innodb-log-file-size=8M",
    "--innodb-flush-log-at-trx-commit=0",
    "--skip-innodb-doublewrite",
];

/** One TCP connection as the test user running `SELECT 1`; resolves false instead of throwing. */
async function answers(port: number, user: string, password: string): Promise<boolean> {
    try {
        const connection = await createConnection({ host: "127.0.0.1", port, user, password, connectTimeout: 2000 });
        connection.on("error", () => undefined);
        try {
            await connection.query("SELECT 1");
            return true;
        } finally {
            await connection.end().catch(() => undefined);
        }
    } catch {
        return false;
    }
}

/** install-db + start a fresh server on a free loopback port. Call `destroy()` in an after hook. */
export async function startMysqlServer(): Promise<MysqlServer> {
    const binaries = findMariadbBinaries();
    if (!binaries) throw new Error(MISSING_BINARIES);
    const runAs = serverRunAs({
        server: "MariaDB",
        defaultUser: "mysql",
        overrideVariable: "MYSQL_TEST_OS_USER",
        fix: "install Debian's mariadb-server package (it creates the mysql user)",
    });
    const baseDir = makeServerDir("aurora-mysql-", runAs, process.env.MYSQL_TEST_TMPDIR);
    const dataDir = path.join(baseDir, "data");
    const logFile = path.join(baseDir, "server.log");
    const initFile = path.join(baseDir, "init.sql");
    const user = "aurora";
    const password = `pw#${randomBytes(6).toString("hex")}@x`;
    let child: ChildProcess | undefined;
    let exited: Promise<void> = Promise.resolve();
    const exitGuard = () => {
        child?.kill("SIGKILL");
        fs.rmSync(baseDir, { recursive: true, force: true });
    };
    process.once("exit", exitGuard);
    try {
        const versionText = (await runServerTool(binaries.server, ["--version"], runAs, baseDir)).trim();
        await runServerTool(
            binaries.installDb,
            ["--no-defaults", `--datadir=${dataDir}`, "--skip-test-db", "--skip-name-resolve", ...STORAGE_OPTIONS],
            runAs,
            baseDir,
        );
        // Run at every start; IF NOT EXISTS makes the second start a no-op.
        fs.writeFileSync(
            initFile,
            `CREATE USER IF NOT EXISTS '${user}'@'127.0.0.1' IDENTIFIED BY '${password}';\n` +
                `GRANT ALL PRIVILEGES ON *.* TO '${user}'@'127.0.0.1';\n`,
            { mode: 0o600 },
        );
        if (runAs.uid !== undefined) fs.chownSync(initFile, runAs.uid, runAs.gid ?? runAs.uid);
        const port = await freeLoopbackPort();
        const serverArgs = [
            "--no-defaults",
            `--datadir=${dataDir}`,
            "--bind-address=127.0.0.1",
            `--port=${port}`,
            `--socket=${path.join(baseDir, "mysqld.sock")}`,
            `--pid-file=${path.join(baseDir, "mysqld.pid")}`,
            `--log-error=${logFile}`,
            `--init-file=${initFile}`,
            "--skip-name-resolve",
            ...STORAGE_OPTIONS,
        ];
        const server: MysqlServer = {
            host: "127.0.0.1",
            port,
            user,
            password,
            url: `mysql://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/`,
            versionText,
            baseDir,
            start: async () => {
                if (child) throw new Error("mysql test server: start() while running");
                const proc = spawn(binaries.server, serverArgs, {
                    ...runAs,
                    cwd: baseDir,
                    env: serverEnv(baseDir),
                    stdio: "ignore",
                });
                child = proc;
                let exitCode: string | undefined;
                exited = new Promise((resolve) =>
                    proc.once("exit", (code, signal) => {
                        exitCode = signal ?? String(code);
                        if (child === proc) child = undefined;
                        resolve();
                    }),
                );
                const deadline = Date.now() + READY_WITHIN_MS;
                while (!(await answers(port, user, password))) {
                    if (exitCode !== undefined) throw new Error(`mariadbd exited (${exitCode}) before it was ready`);
                    if (Date.now() > deadline)
                        throw new Error(`mariadbd did not answer on 127.0.0.1:${port} within ${READY_WITHIN_MS} ms`);
                    await new Promise((resolve) => setTimeout(resolve, 50));
                }
            },
            stop: async () => {
                child?.kill("SIGTERM");
                await exited;
            },
            destroy: async () => {
                child?.kill("SIGKILL");
                await exited;
                process.removeListener("exit", exitGuard);
                fs.rmSync(baseDir, { recursive: true, force: true });
            },
        };
        await server.start();
        return server;
    } catch (error) {
        const log = fs.existsSync(logFile) ? `\nserver log:\n${fs.readFileSync(logFile, "utf8")}` : "";
        exitGuard();
        process.removeListener("exit", exitGuard);
        throw new Error(`${(error as Error).message}${log}`, { cause: error });
    }
}
