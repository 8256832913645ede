import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { statusMarker } from "../../ci-comment/body";
import { readCommentInput } from "../../ci-comment/read-dir";
import { FILES } from "../../ci-comment/steps";
import { blocked, STACK } from "./fixtures";

const root = path.join(__dirname, "..", "..");
const STEPS = ["install=success", "cli=success", "aws=success", "stack=success"];

/** A directory as the preview step leaves it: the event log's last line cut (the CLI killed mid-write). */
function previewDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-comment-"));
    const run = blocked().preview!;
    const events = run.events.map((e) => JSON.stringify(e)).join("\n");
    fs.writeFileSync(path.join(dir, FILES.events), `${events}\n{"sequence": 99, "diagnost`);
    fs.writeFileSync(path.join(dir, FILES.previewLog), run.log);
    fs.writeFileSync(path.join(dir, FILES.previewExit), `${run.exitCode}\n`);
    return dir;
}

describe("ci-comment: reads the workflow's files", () => {
    it("the preview's files: exit code, output and every whole event line", () => {
        const input = readCommentInput(previewDir(), STACK, STEPS);
        assert.equal(input.preview?.exitCode, 255);
        assert.equal(input.preview?.events.length, blocked().preview!.events.length);
        assert.deepEqual(
            input.steps.map((s) => `${s.id}=${s.outcome}`),
            STEPS,
        );
    });

    it("no exit code written: the preview did not run; a step's log is read by its id", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ci-comment-"));
        fs.writeFileSync(path.join(dir, FILES.stepLog("stack")), "error: no stack named 'dev' found\n");
        const input = readCommentInput(dir, STACK, ["install=success", "stack=failure"]);
        assert.equal(input.preview, undefined);
        assert.equal(input.steps[1].log, "error: no stack named 'dev' found\n");
        assert.throws(() => readCommentInput(dir, STACK, ["install"]), /--step "install": expected ID=OUTCOME/);
    });

    it("main.ts, as the workflow runs it, writes the comment file", function () {
        this.timeout(60_000);
        const dir = previewDir();
        const out = path.join(dir, "comment.md");
        const args = ["-r", "ts-node/register/transpile-only", "ci-comment/main.ts", "--dir", dir, "--stack", STACK];
        const run = spawnSync("node", [...args, ...STEPS.flatMap((s) => ["--step", s]), "--out", out], {
            cwd: root,
            encoding: "utf8",
        });
        assert.equal(run.status, 0, run.stderr);
        assert.ok(fs.readFileSync(out, "utf8").includes(statusMarker("blocked")));
    });
});
