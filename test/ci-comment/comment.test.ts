import * as assert from "node:assert/strict";
import { buildComment, COMMENT_MARKER, statusMarker } from "../../ci-comment/body";
import { BODY_CAP, GITHUB_BODY_LIMIT } from "../../ci-comment/cap";
import { fenceFor } from "../../ci-comment/markdown";
import { Status } from "../../ci-comment/outcome";
import { CommentInput } from "../../ci-comment/types";
import { fencedBlocks } from "./fences";
import {
    ACCESS_DENIED,
    blocked,
    cliError,
    diag,
    installFailed,
    LAST_LINE,
    missingStack,
    oversized,
    passed,
    policyViolation,
    RUN_URL,
    SETUP_OK,
    STACK,
} from "./fixtures";
import { assertSomeMeans } from "../support/assert-means";

/** The comment, checked for what every comment must be: marked, of one status, closed blocks, under the cap. */
function comment(input: CommentInput, status: Status): string {
    const body = buildComment(input);
    assert.ok(body.startsWith(`${COMMENT_MARKER}\n${statusMarker(status)}\n`), body.slice(0, 200));
    assert.ok(body.length <= BODY_CAP && BODY_CAP < GITHUB_BODY_LIMIT, `${body.length} characters`);
    assert.deepEqual(
        fencedBlocks(body).filter((b) => b.end < 0),
        [],
        "every code block is closed",
    );
    return body;
}

/** The top-level mermaid blocks (the ones GitHub draws). */
function mermaidBlocks(body: string): string[][] {
    return fencedBlocks(body)
        .filter((b) => b.info === "mermaid")
        .map((b) => [...b.lines]);
}

describe("ci-comment: the pull-request comment says what happened", () => {
    it("a passing preview: status passed, the component's plan with its mermaid diagram drawn, the run linked", () => {
        const body = comment(passed(), "passed");
        assert.equal(mermaidBlocks(body).length, 1);
        assert.equal(mermaidBlocks(body)[0][0], "flowchart LR");
        assert.match(body, /\| `aurora-global-dev-us-east-1` \| us-east-1 \| primary \| 17\.4 → 17\.5 \|/);
        assert.ok(body.includes(`](${RUN_URL})`));
        assert.ok(body.includes(`stack \`${STACK}\``));
    });

    it("a plan with mermaid inside the preview output: the output's fence is longer, so the plan's ``` lines stay inside it", () => {
        const body = comment(oversized(3), "passed");
        const log = fencedBlocks(body).find((b) => b.info === "text")!;
        assert.ok(log.fence.length > 3, log.fence);
        assert.equal(
            log.lines.filter((l) => l === "```mermaid").length,
            2,
            "both of the log's mermaid fences are inside it",
        );
        assert.equal(log.lines[log.lines.length - 1], LAST_LINE);
        assert.equal(body.split("\n")[log.end + 2], "</details>");
        assert.equal(mermaidBlocks(body).length, 1, "only the plan's own diagram is drawn");
    });

    it("a failed preview with a policy violation: status policy-violation, the mandatory policy and its resource, the passing plan", () => {
        const body = comment(policyViolation(), "policy-violation");
        assert.match(
            body,
            /\| ❌ mandatory \| `aurora-global` \/ `global-member-secure-defaults` \| aurora-primary-cluster \(aws:rds\/cluster:Cluster\) \| .*storageEncrypted is false\.<br>Set it to true\. \|/,
        );
        assert.match(body, /\| ⚠️ advisory \| `aurora-global` \/ `global-members-same-version` \|/);
        assert.ok(body.indexOf("❌ mandatory") < body.indexOf("⚠️ advisory"), "mandatory first");
        assert.ok(body.includes("| &lt;b&gt;advisory&lt;/b&gt; only |"), "no HTML from a message");
        assert.ok(body.includes("**1 mandatory policy violation(s)**"));
        assert.equal(mermaidBlocks(body).length, 1);
    });

    it("a blocked plan: status blocked, every rule id with its fix, the errors collapsed (the table has them)", () => {
        const body = comment(blocked(), "blocked");
        assert.equal((body.match(/^\| `major-without-opt-in` \|.*allowMajorVersionUpgrade/gm) ?? []).length, 1);
        assert.ok(body.includes("### ⛔ Blocked: "));
        assert.match(body, /<details><summary>Errors Pulumi reported \(2\)<\/summary>/);
        assert.match(body, /\| ❌ mandatory \| `aurora-global` \/ `no-blocked-version-change` \|/);
    });

    it("a CLI error: status error (not blocked), the exit code and AWS's message shown open, no plan", () => {
        const body = comment(cliError(), "error");
        assert.ok(!body.includes("status=blocked"));
        assert.ok(body.includes("(exit code 255)"));
        assert.match(body, /<details open><summary>Errors Pulumi reported \(2\)<\/summary>/);
        assert.ok(body.includes(ACCESS_DENIED));
        assert.ok(body.includes("preview failed"));
        assert.ok(body.includes("_The component logged no upgrade plan"));
    });

    it("a missing stack: status stack-missing naming the stack, the step and the fix", () => {
        const body = comment(missingStack(), "stack-missing");
        assert.ok(body.includes("step `stack`: pulumi stack select"));
        assert.ok(body.includes("`pulumi stack init dev`"));
        assert.ok(body.includes("`PULUMI_STACK`"));
        assert.ok(body.includes("error: no stack named 'dev' found"), "the step's own output");
    });

    it("a login that failed at pulumi stack select: status not-run naming the step, with Pulumi's error", () => {
        const login = "error: PULUMI_ACCESS_TOKEN must be set for login during non-interactive CLI sessions";
        const body = comment(
            { ...missingStack(), steps: [...SETUP_OK.slice(0, 3), { id: "stack", outcome: "failure", log: login }] },
            "not-run",
        );
        assertSomeMeans(body.split("\n"), { says: ["`stack`", "pulumi stack select", "`failure`"] });
        assert.ok(body.includes(login));
    });

    it("a setup step that failed: status not-run naming the step, its outcome and output", () => {
        const body = comment(installFailed(), "not-run");
        assert.ok(body.includes("The step `install` (npm ci"));
        assert.ok(body.includes("ended with `failure`"));
        assert.ok(body.includes("npm error code E404"));
    });

    it("a preview that never finished (cancelled): status not-run, saying so", () => {
        const body = comment({ stack: STACK, steps: SETUP_OK }, "not-run");
        assert.ok(body.includes("did not finish (cancelled or timed out)"));
    });

    it("an oversized preview output (380,000 characters): under the cap, its tail kept, the cut counted, the plan whole", () => {
        const input = oversized(2000);
        assert.ok(input.preview!.log.length > 350_000);
        const body = comment(input, "passed");
        assert.ok(body.length > BODY_CAP - 1000, "the budget is used, not thrown away");
        assert.match(body, /_\d+ line\(s\) cut to keep the comment under GitHub's size limit/);
        assert.ok(body.includes(LAST_LINE));
        assert.equal(mermaidBlocks(body).length, 1);
    });

    it("oversized errors: under the cap, the first error kept", () => {
        const errors = Array.from({ length: 3000 }, (_, i) => diag("error", `error number ${i}: ${"z".repeat(60)}`));
        const input = cliError();
        const body = comment(
            { ...input, preview: { ...input.preview!, events: [...input.preview!.events, ...errors] } },
            "error",
        );
        assert.ok(body.includes(ACCESS_DENIED));
        assert.ok(!body.includes("error number 2999"));
    });

    it("a fence is longer than any run of backticks in what it holds", () => {
        assert.equal(fenceFor("plain"), "```");
        assert.equal(fenceFor("```mermaid\n````\n"), "`````");
    });
});
