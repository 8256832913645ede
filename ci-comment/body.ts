import { fitToCap, Section } from "./cap";
import { ComponentPlan, componentPlans, policyViolations, PolicyViolation, reportedErrors } from "./events";
import { inlineCode, tableCell } from "./markdown";
import { Outcome, outcomeOf, Status } from "./outcome";
import { markdownSection, outputSection } from "./sections";
import { SETUP_STEPS } from "./steps";
import { CommentInput } from "./types";

/** The first line of every comment: the workflow finds its own comment by it and edits it. */
export const COMMENT_MARKER = "<!-- aurora-global-preview -->";

/** The status as a marker tools and tests can read: `<!-- aurora-global-preview:status=blocked -->`. */
export function statusMarker(status: Status): string {
    return `<!-- aurora-global-preview:status=${status} -->`;
}

const HEADLINES: Readonly<Record<Status, string>> = {
    passed: "✅ passed",
    blocked: "⛔ blocked",
    "policy-violation": "❌ policy violation",
    "stack-missing": "⚠️ stack not found",
    error: "💥 preview failed",
    "not-run": "⚠️ preview not run",
};

/** Which order the shrinkable parts give way in: the preview output first, the plan last. */
const SHRINK = { log: 1, errors: 2, plan: 3 } as const;

/** The pull-request comment for one preview run, under BODY_CAP characters. */
export function buildComment(input: CommentInput): string {
    const outcome = outcomeOf(input);
    const events = input.preview?.events ?? [];
    const plans = componentPlans(events);
    const violations = policyViolations(events);
    const sections: Section[] = [
        { text: `${COMMENT_MARKER}\n${statusMarker(outcome.status)}` },
        { text: `## aurora-global preview of stack ${inlineCode(input.stack)}: ${HEADLINES[outcome.status]}` },
        { text: summaryLine(input, outcome, plans, violations) },
        ...errorSections(input, outcome),
        ...policySections(violations),
        ...planSections(input, plans),
        ...logSections(input, outcome),
    ];
    if (input.runUrl) sections.push({ text: `[The workflow run and its full logs](${input.runUrl})` });
    return fitToCap(sections.filter((s) => s.text.length > 0)) + "\n";
}

/** One sentence: what happened and what to do. */
function summaryLine(
    input: CommentInput,
    outcome: Outcome,
    plans: readonly ComponentPlan[],
    violations: readonly PolicyViolation[],
): string {
    const mandatory = violations.filter((v) => v.level === "mandatory").length;
    const advisory = violations.length - mandatory;
    switch (outcome.status) {
        case "passed":
            return `The preview succeeded and no mandatory policy failed${advisory > 0 ? ` (${advisory} advisory warning(s) below)` : ""}. The plan below is the one \`pulumi up\` runs after the merge.`;
        case "blocked":
            return `The upgrade plan${plans.length > 1 ? "s" : ""} below ${plans.filter((p) => p.blocked).length > 1 ? "are" : "is"} **blocked**: nothing will be changed. Each rule names its fix; push the fix to this pull request.`;
        case "policy-violation":
            return `**${mandatory} mandatory policy violation(s)**: the preview fails until they are fixed.`;
        case "stack-missing":
            return `Pulumi has no stack ${inlineCode(outcome.missingStack ?? input.stack)}${outcome.failedStep ? ` (step \`${outcome.failedStep.id}\`: ${SETUP_STEPS[outcome.failedStep.id] ?? outcome.failedStep.id})` : ""}, so nothing was previewed. Fix: create it (\`pulumi stack init ${outcome.missingStack ?? input.stack}\`) or set the repository variable \`PULUMI_STACK\` to an existing stack; check that \`PULUMI_ACCESS_TOKEN\` (or \`PULUMI_BACKEND_URL\`) reaches the backend that holds it.`;
        case "error":
            return `The preview stopped with an error (exit code ${input.preview?.exitCode}): it is **not** a blocked plan; the errors Pulumi reported are below.`;
        case "not-run":
            return outcome.failedStep
                ? `The step \`${outcome.failedStep.id}\` (${SETUP_STEPS[outcome.failedStep.id] ?? outcome.failedStep.id}) ended with \`${outcome.failedStep.outcome}\`, so the preview did not run. ${outcome.failedStep.log ? "Its output is below." : "Its log is in the run."}`
                : "The preview did not finish (cancelled or timed out), so there is no result to show.";
    }
}

/** The errors Pulumi reported, open unless the blocked plan already says it all. */
function errorSections(input: CommentInput, outcome: Outcome): Section[] {
    if (!input.preview || outcome.status === "passed") return [];
    const errors = reportedErrors(input.preview.events, input.preview.log);
    if (errors.length === 0) return [];
    return [
        outputSection(`Errors Pulumi reported (${errors.length})`, errors.join("\n\n"), {
            open: outcome.status !== "blocked",
            keep: "head",
            shrinkOrder: SHRINK.errors,
        }),
    ];
}

/** The policy results as a table, mandatory first; each message on one line. */
function policySections(violations: readonly PolicyViolation[]): Section[] {
    if (violations.length === 0) return [];
    const shown = violations.slice(0, 50);
    const rows = shown.map(
        (v) =>
            `| ${v.level === "mandatory" ? "❌ mandatory" : "⚠️ advisory"} | \`${v.pack}\` / \`${v.policy}\` | ${tableCell(v.resource)} | ${tableCell(v.message.slice(0, 1000))} |`,
    );
    const more =
        violations.length > shown.length ? `\n\n_and ${violations.length - shown.length} more in the log_` : "";
    return [
        {
            text: `### Policy results\n\n| level | pack / policy | resource | message |\n|---|---|---|---|\n${rows.join("\n")}${more}`,
        },
    ];
}

/** The plans the component logged, as markdown (with the mermaid diagram), one heading each when several. */
function planSections(input: CommentInput, plans: readonly ComponentPlan[]): Section[] {
    if (!input.preview) return [];
    if (plans.length === 0)
        return [
            { text: "_The component logged no upgrade plan: the program stopped before planning (see the errors)._" },
        ];
    const note = "_The plan is too large for a comment: the preview output in the run's log has it._";
    return plans.map((p) =>
        markdownSection(
            plans.length > 1 ? `#### ${inlineCode(p.component)}\n\n${p.markdown.trimEnd()}` : p.markdown.trimEnd(),
            note,
            SHRINK.plan,
        ),
    );
}

/** The preview's whole output (its tail when the comment would be too long), or the failed step's. */
function logSections(input: CommentInput, outcome: Outcome): Section[] {
    if (input.preview)
        return [
            outputSection("pulumi preview output", input.preview.log, {
                open: false,
                keep: "tail",
                shrinkOrder: SHRINK.log,
            }),
        ];
    const step = outcome.failedStep;
    if (!step?.log) return [];
    return [
        outputSection(`output of step \`${step.id}\``, step.log, { open: true, keep: "tail", shrinkOrder: SHRINK.log }),
    ];
}
