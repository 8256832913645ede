import * as assert from "assert";
import { spawnSync } from "child_process";
import * as path from "path";
import { CLI_BIN } from "../../cli-contract";
import { expectErrorLine } from "../support/meaning";

/** The JS shim runs the TypeScript CLI with ts-node (no build step), as `npx aurora-global` does. */
describe("orchestrator: bin/aurora-global.js", function () {
    this.timeout(60_000);
    const run = (...args: string[]) =>
        spawnSync(process.execPath, [CLI_BIN, ...args], {
            encoding: "utf8",
            cwd: path.join(__dirname, "..", ".."),
            env: { ...process.env, AWS_REGION: "" },
        });

    it("is the package's bin and prints the help with exit 0", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const pkg = require("../../package.json") as { bin: Record<string, string> };
        assert.strictEqual(path.resolve(__dirname, "..", "..", pkg.bin["aurora-global"]), CLI_BIN);
        const r = run("--help");
        assert.strictEqual(r.status, 0, r.stderr);
        assert.match(r.stdout, /Usage: aurora-global \[options\] \[command\]/);
    });

    it("exits 2 on bad input before any AWS call", () => {
        const r = run(
            "upgrade",
            "--region",
            "us-east-1",
            "--global-cluster",
            "app-global",
            "--target",
            "17.5",
            "--poll-seconds",
            "0",
        );
        expectErrorLine(
            { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr },
            2,
            '--poll-seconds "0"',
            "1 to 3600",
            "--poll-seconds 15",
        );
    });
});
