import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");

/** actionlint on PATH, or where `go install` put it (.ci/run installs it: rhysd/actionlint, pinned). */
function actionlint(): string {
    if (spawnSync("actionlint", ["-version"]).status === 0) return "actionlint";
    const gopath = spawnSync("go", ["env", "GOPATH"], { encoding: "utf8" }).stdout?.trim();
    const installed = gopath ? path.join(gopath, "bin", "actionlint") : "";
    assert.ok(
        installed && fs.existsSync(installed),
        "actionlint not found: run `bash .ci/run`, or `go install github.com/rhysd/actionlint/cmd/actionlint@v1.7.12`",
    );
    return installed;
}

describe("workflows: actionlint", () => {
    it("finds nothing in .github/workflows (shellcheck on every run: script when installed)", () => {
        const workflows = fs.readdirSync(path.join(root, ".github", "workflows")).filter((f) => f.endsWith(".yml"));
        assert.ok(workflows.length >= 3, workflows.join(", "));
        const run = spawnSync(actionlint(), ["-no-color", "-oneline"], { cwd: root, encoding: "utf8" });
        assert.equal(`${run.stdout}${run.stderr}`, "");
        assert.equal(run.status, 0);
    });
});
