import { componentPlans, policyViolations } from "./events";
import { plainText } from "./markdown";
import { CommentInput, StepResult } from "./types";

/** What happened, the one status the comment leads with (also written as a marker for tools). */
export type Status = "passed" | "blocked" | "policy-violation" | "stack-missing" | "error" | "not-run";

export interface Outcome {
    readonly status: Status;
    /** The first setup step that did not succeed (status not-run or stack-missing). */
    readonly failedStep?: StepResult;
    /** The stack Pulumi said it does not have (status stack-missing). */
    readonly missingStack?: string;
}

/** Pulumi's words for a stack it does not have: "error: no stack named 'dev' found". */
const NO_STACK = /no stack named '([^']+)' found/;

/**
 * The status, in the order that matters to the reviewer: the preview did not run (which step
 * failed, a missing stack named as such), it passed, the plan is blocked, a mandatory policy
 * failed, or anything else the CLI reported (an error, never taken for "blocked").
 */
export function outcomeOf(input: CommentInput): Outcome {
    const failedStep = input.steps.find((s) => s.outcome !== "success");
    const preview = input.preview;
    const missingStack = NO_STACK.exec(plainText(`${failedStep?.log ?? ""}\n${preview?.log ?? ""}`))?.[1];
    if (missingStack !== undefined && (failedStep || (preview && preview.exitCode !== 0)))
        return { status: "stack-missing", failedStep, missingStack };
    if (failedStep || !preview) return { status: "not-run", failedStep };
    if (preview.exitCode === 0) return { status: "passed" };
    if (componentPlans(preview.events).some((p) => p.blocked)) return { status: "blocked" };
    if (policyViolations(preview.events).some((v) => v.level === "mandatory")) return { status: "policy-violation" };
    return { status: "error" };
}
