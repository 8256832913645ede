import * as assert from "node:assert/strict";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { buildComment, statusMarker } from "../../ci-comment/body";
import { Status } from "../../ci-comment/outcome";
import { AURORA_GLOBAL_DATABASE_TYPE } from "../../provider/aurora-global-database";
import { CurrentState } from "../../testbeds/offline/mock-engine";
import { runPoliciesOnMockRun } from "../../testbeds/offline/policy-runner/local-runner";
import { runDevStack, runningDevStack } from "../support/dev-stack";
import { SETUP_OK, STACK } from "./fixtures";

/** The dev stack's PostgreSQL database with every member at `version`. */
const running = (version: string) => runningDevStack("aurora-postgresql", version);

/**
 * `pulumi preview --policy-pack policy --event-log` of the stack program (index.ts, Pulumi.dev.yaml
 * with `engineVersion`) under the mock engine: its logs as diagnostic events, the pack's verdicts as
 * policy events, and the exit code the CLI gives (255 on an error or a mandatory violation).
 */
async function preview(current: CurrentState, engineVersion: string) {
    const run = await runDevStack(current, { engineVersion }, true);
    const policies = await runPoliciesOnMockRun(run, current);
    const severity = { info: "info", warn: "warning", error: "error" } as const;
    const events = [
        ...run.logs.map((l) => ({
            diagnosticEvent: { urn: l.urn, message: l.message, color: "never", severity: severity[l.severity] },
        })),
        ...policies.verdicts.map((v) => ({
            policyEvent: {
                resourceUrn: v.urn,
                message: v.message,
                color: "never",
                policyName: v.policy,
                policyPackName: "aurora-global",
                policyPackVersion: "0.2.0",
                policyPackVersionTag: "0.2.0",
                enforcementLevel: v.enforcementLevel === "mandatory" ? "mandatory" : "warning",
            },
        })),
    ].map((e, sequence) => ({ sequence, timestamp: 0, ...e }) as EngineEvent);
    const failed = policies.failed || run.logs.some((l) => l.severity === "error");
    const componentLog = run.logs.find(
        (l) => l.severity === "info" && l.urn?.endsWith(`${AURORA_GLOBAL_DATABASE_TYPE}::aurora`),
    );
    return { events, exitCode: failed ? 255 : 0, componentLog: componentLog?.message ?? "" };
}

async function commentOf(current: CurrentState, engineVersion: string, status: Status) {
    const p = await preview(current, engineVersion);
    const body = buildComment({
        stack: STACK,
        steps: SETUP_OK,
        preview: { exitCode: p.exitCode, events: p.events, log: "" },
    });
    assert.ok(body.includes(statusMarker(status)), body.slice(0, 300));
    assert.match(
        p.componentLog,
        new RegExp(`^### .*${engineVersion.replace(/\./g, "\\.")} `),
        "the component logged its plan",
    );
    return { body, componentLog: p.componentLog };
}

describe("ci-comment on the stack program's own preview (mock engine, the policy pack)", function () {
    this.timeout(60_000);

    it("17.4 → 17.5: passed, and the comment's plan is the markdown the component logged, character for character", async () => {
        const { body, componentLog } = await commentOf(running("17.4"), "17.5", "passed");
        assert.match(componentLog, /^### .*17\.4 → 17\.5/);
        assert.ok(body.includes(componentLog.trimEnd()));
    });

    it("16.6 → 17.5 without the opt-in: blocked, the component's plan with its rule, the pack's mandatory verdicts beside it", async () => {
        const { body, componentLog } = await commentOf(running("16.6"), "17.5", "blocked");
        assert.ok(body.includes(componentLog.trimEnd()));
        assert.equal((body.match(/^\| `major-without-opt-in` \|/gm) ?? []).length, 1);
        assert.equal(
            (body.match(/^\| ❌ mandatory \| `aurora-global` \/ `no-blocked-version-change` \|/gm) ?? []).length,
            1,
        );
    });
});
