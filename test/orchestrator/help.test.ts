import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DEFAULT_REQUEST_TIMEOUTS } from "../../aws/clients";
import { NETWORK_RETRY } from "../../aws/retry";
import { main as offline } from "../../testbeds/offline/main";
import { HELP_WIDTH } from "../../vocabulary";
import { cli, PG_SEED, simulate } from "./harness";

const COMMANDS = ["", "plan", "upgrade", "patch", "status", "watch"];

async function help(command: string): Promise<string> {
    const r = await cli(simulate(PG_SEED), [...(command ? [command] : []), "--help"]);
    assert.strictEqual(r.code, 0, r.stderr);
    return r.stdout;
}

const widest = (text: string) => Math.max(...text.split("\n").map((l) => l.length));

describe("orchestrator: --help and --version", () => {
    it(`every command's help, and npm run offline's, wraps at one width (${HELP_WIDTH})`, async () => {
        const widths: Record<string, number> = {};
        for (const c of COMMANDS) widths[c || "aurora-global"] = widest(await help(c));
        let out = "";
        await offline(["--help"], { stdout: (t) => void (out += t), stderr: () => undefined });
        widths.offline = widest(out);
        for (const [command, width] of Object.entries(widths)) {
            assert.ok(width <= HELP_WIDTH, `${command} --help is ${width} columns wide`);
            assert.ok(width > HELP_WIDTH - 10, `${command} --help wraps at ${width}, narrower than ${HELP_WIDTH}`);
        }
    });

    it("plan, upgrade, patch and status --help give the request timeout and the attempts", async () => {
        for (const c of ["plan", "upgrade", "patch", "status"]) {
            const text = (await help(c)).replace(/\s+/g, " ");
            assert.ok(
                text.includes(`request timeout ${DEFAULT_REQUEST_TIMEOUTS.requestTimeoutMs / 1000} s per attempt`),
                c,
            );
            assert.ok(text.includes(`connection timeout ${DEFAULT_REQUEST_TIMEOUTS.connectionTimeoutMs / 1000} s`), c);
            assert.ok(text.includes(`${NETWORK_RETRY.maxAttempts} attempts, then exit 1`), c);
            assert.match(text, /never answers after up to 4\d s \(4 × 10 s \+ backoff\)/, c);
        }
    });

    it("--version prints package.json's version and exits 0", async () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
            version: string;
        };
        const r = await cli(simulate(PG_SEED), ["--version"]);
        assert.strictEqual(r.code, 0);
        assert.strictEqual(r.stdout, `${pkg.version}\n`);
    });
});
