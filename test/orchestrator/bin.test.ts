import * as assert from "assert";
import { assertRefusal, cliRefusalLines } from "../support/refusal";
import { spawnSync } from "child_process";
import * as path from "path";
import { CLI_BIN } from "../../cli-contract";

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
        assert.strictEqual(r.status, 2);
        assert.strictEqual(cliRefusalLines(r.stderr).length, 1, r.stderr);
        assertRefusal(cliRefusalLines(r.stderr)[0], {
            field: "--poll-seconds",
            value: '"0"',
            says: ["from 1 to 3600"],
        });
    });
});
