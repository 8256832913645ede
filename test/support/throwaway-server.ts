/**
 * What the throwaway database servers of the tests share (postgres-server.ts, mysql-server.ts):
 * a free loopback port, the OS user a server runs as when the tests run as root, a temp dir that
 * user owns, and running a server tool with a clean environment.
 *
 * PostgreSQL and MariaDB both refuse to run as root, so as root every server command runs as the
 * OS user the Debian package created (`postgres`, `mysql`) through Node's spawn `uid`/`gid`: no
 * su/runuser, no shell quoting. Not as root, everything runs as the current user.
 */
import { execFile } from "child_process";
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";

/** The `uid`/`gid` spawn options of a server's commands; empty when not running as root. */
export interface RunAs {
    uid?: number;
    gid?: number;
}

/** A free TCP port on 127.0.0.1 (bind to port 0, read it, release it). */
export function freeLoopbackPort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once("error", reject);
        server.listen(0, "127.0.0.1", () => {
            const address = server.address();
            const port = typeof address === "object" && address ? address.port : 0;
            server.close(() => resolve(port));
        });
    });
}

/** What `serverRunAs` needs to know about one kind of server. */
export interface OsUserRule {
    /** The OS user the Debian package creates, e.g. "postgres". */
    readonly defaultUser: string;
    /** The environment variable overriding it, e.g. "PG_TEST_OS_USER". */
    readonly overrideVariable: string;
    /** The fix named in the error, e.g. "install Debian's postgresql package (it creates the postgres user)". */
    readonly fix: string;
    /** The server's name in the error, e.g. "PostgreSQL". */
    readonly server: string;
}

/** As root, the uid/gid of the rule's OS user (read from /etc/passwd); otherwise `{}`. */
export function serverRunAs(rule: OsUserRule, env: NodeJS.ProcessEnv = process.env): RunAs {
    if (typeof process.getuid !== "function" || process.getuid() !== 0) return {};
    const name = env[rule.overrideVariable] ?? rule.defaultUser;
    const line = fs
        .readFileSync("/etc/passwd", "utf8")
        .split("\n")
        .find((l) => l.startsWith(`${name}:`));
    if (!line) {
        throw new Error(
            `running as root and OS user "${name}" does not exist: ${rule.server} refuses to run as root; ` +
                `${rule.fix} or set ${rule.overrideVariable}`,
        );
    }
    const [, , uid, gid] = line.split(":");
    return { uid: Number(uid), gid: Number(gid) };
}

/**
 * A fresh temp dir `<prefix>XXXXXX` owned by the server's OS user. As root the server runs as
 * another user, which must be able to reach the dir: /tmp then, unless `tmpOverride` names one.
 */
export function makeServerDir(prefix: string, runAs: RunAs, tmpOverride: string | undefined): string {
    const tmpRoot = tmpOverride ?? (runAs.uid !== undefined ? "/tmp" : os.tmpdir());
    const dir = fs.mkdtempSync(path.join(tmpRoot, prefix));
    if (runAs.uid !== undefined) fs.chownSync(dir, runAs.uid, runAs.gid ?? runAs.uid);
    return dir;
}

/** The environment of every server command: no inherited settings, C locale, UTC. */
export function serverEnv(home: string): NodeJS.ProcessEnv {
    return { PATH: process.env.PATH ?? "/usr/bin:/bin", LC_ALL: "C", LANG: "C", HOME: home, TZ: "UTC" };
}

/** Runs a server tool to completion (60 s at most); rejects with its output when it fails. */
export function runServerTool(bin: string, args: string[], runAs: RunAs, cwd: string): Promise<string> {
    return new Promise((resolve, reject) => {
        execFile(bin, args, { ...runAs, cwd, env: serverEnv(cwd), timeout: 60_000 }, (error, stdout, stderr) => {
            if (error)
                reject(
                    new Error(`${path.basename(bin)} ${args.join(" ")} failed: ${error.message}\n${stdout}${stderr}`),
                );
            else resolve(stdout + stderr);
        });
    });
}
