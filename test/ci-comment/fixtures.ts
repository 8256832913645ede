import type { EngineEvent } from "@pulumi/pulumi/automation";
import { planUpgrade, PlanInput, renderPlan } from "../../planner";
import { CommentInput, StepResult } from "../../ci-comment/types";
import { member, pgInput } from "../planner/fixtures";

/**
 * Preview runs as .github/workflows/preview.yml leaves them: the engine events of `--event-log`
 * (what the component logs is the planner's own markdown, `reportPlan`), the CLI's text output and
 * its exit code. docs/pull-requests.md shows the comments of PASSED and BLOCKED
 * (test/ci-comment/docs-examples.test.ts keeps them equal).
 */
export const STACK = "dev";
const PROJECT = "aurora-global";
const COMPONENT = "aurora-global:index:AuroraGlobalDatabase";
export const RUN_URL = "https://github.com/OWNER/REPO/actions/runs/1";

export function urn(type: string, name: string, parentType = `pulumi:pulumi:Stack$${COMPONENT}`): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${parentType}$${type}::${name}`;
}
const COMPONENT_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack$${COMPONENT}::aurora`;
const STACK_URN = `urn:pulumi:${STACK}::${PROJECT}::pulumi:pulumi:Stack::${PROJECT}-${STACK}`;

/** The dev stack's topology (Pulumi.dev.yaml): primary us-east-1 (2 instances), secondary ap-northeast-1. */
export function devInput(target: string): PlanInput {
    return pgInput(target, {
        globalClusterId: "aurora-global-dev",
        members: [
            member("aurora-global-dev-us-east-1", "us-east-1", "primary", "17.4", { instanceCount: 2 }),
            member("aurora-global-dev-ap-northeast-1", "ap-northeast-1", "secondary", "17.4"),
        ],
    });
}

let sequence = 0;
function event(body: Partial<EngineEvent>): EngineEvent {
    return { sequence: sequence++, timestamp: 1796000000, ...body } as EngineEvent;
}

export function diag(severity: "info" | "warning" | "error", message: string, on = COMPONENT_URN): EngineEvent {
    // As the CLI writes them with --color never: the message still carries colour directives.
    return event({
        diagnosticEvent: {
            urn: on,
            prefix: `${severity}: `,
            message: `<{%reset%}>${message}<{%reset%}>\n`,
            color: "never",
            severity,
        },
    });
}

export function policy(
    policyName: string,
    level: "mandatory" | "warning",
    message: string,
    resourceUrn?: string,
): EngineEvent {
    return event({
        policyEvent: {
            resourceUrn,
            message,
            color: "never",
            policyName,
            policyPackName: "aurora-global",
            policyPackVersion: "0.2.0",
            policyPackVersionTag: "0.2.0",
            enforcementLevel: level,
        },
    });
}

/** The component's log of a plan: the markdown, and one error per violation when blocked (reportPlan). */
export function planEvents(input: PlanInput): EngineEvent[] {
    const plan = planUpgrade(input);
    return [
        diag("info", renderPlan(plan, "markdown")),
        ...plan.violations.map((v) => diag("error", `upgrade blocked [${v.rule}]: ${v.message}. Fix: ${v.fix}`)),
    ];
}

/** The CLI's text output around the diagnostics (indented by four spaces, as `pulumi preview` prints them). */
export function previewLog(diagnostics: string, tail: string): string {
    const indented = diagnostics
        .split("\n")
        .map((l) => (l ? `    ${l}` : l))
        .join("\n");
    return [
        `Previewing update (${STACK})`,
        "",
        "     Type                                      Name                 Plan       Info",
        `     pulumi:pulumi:Stack                       ${PROJECT}-${STACK}             1 message`,
        "     └─ aurora-global:index:AuroraGlobalDatabase  aurora",
        " +      └─ command:local:Command               aurora-upgrade-s1    create",
        "",
        "Diagnostics:",
        "  aurora-global:index:AuroraGlobalDatabase (aurora):",
        indented,
        tail,
    ].join("\n");
}

export const SETUP_OK: readonly StepResult[] = ["install", "cli", "aws", "stack"].map((id) => ({
    id,
    outcome: "success",
}));

/** A preview that ran after every setup step succeeded. */
function ran(exitCode: number, events: EngineEvent[], log: string): CommentInput {
    return { stack: STACK, steps: SETUP_OK, runUrl: RUN_URL, preview: { exitCode, events, log } };
}

/** A passing minor upgrade 17.4 → 17.5: the plan with its mermaid diagram. */
export function passed(): CommentInput {
    const markdown = renderPlan(planUpgrade(devInput("17.5")), "markdown");
    return ran(
        0,
        planEvents(devInput("17.5")),
        previewLog(markdown, "Resources:\n    + 2 to create\n    9 unchanged\n"),
    );
}

/** A major 17.4 → 18.1 without the opt-in: the plan is blocked, the policy pack refuses it too, the preview fails. */
export function blocked(): CommentInput {
    const plan = planUpgrade(devInput("18.1"));
    const pack = plan.violations.map((v) =>
        policy("no-blocked-version-change", "mandatory", `[${v.rule}] ${v.message}`, COMPONENT_URN),
    );
    return ran(
        255,
        [...planEvents(devInput("18.1")), ...pack],
        previewLog(renderPlan(plan, "markdown"), "error: preview failed\n"),
    );
}

/** A passing plan whose preview fails on a mandatory policy of the pack (an unencrypted member). */
export function policyViolation(): CommentInput {
    const input = passed();
    const cluster = urn(
        "aws:rds/cluster:Cluster",
        "aurora-primary-cluster",
        `pulumi:pulumi:Stack$${COMPONENT}$aurora-global:index:AuroraRegionalMember`,
    );
    return {
        ...input,
        preview: {
            exitCode: 255,
            events: [
                ...input.preview!.events,
                policy(
                    "global-member-secure-defaults",
                    "mandatory",
                    'Cluster "aurora-global-dev-us-east-1": storageEncrypted is false.\nSet it to true.',
                    cluster,
                ),
                policy("global-members-same-version", "warning", "<b>advisory</b> only", cluster),
            ],
            log: `${input.preview!.log}\nPolicies:\n    ❌ aurora-global@v0.2.0 (local: policy)\n        - [mandatory]  global-member-secure-defaults  (aws:rds/cluster:Cluster: aurora-primary-cluster)\n          storageEncrypted is false\nerror: preview failed\n`,
        },
    };
}

/** The program cannot read AWS (the preview role lacks a Describe call): an error, not a blocked plan. */
export const ACCESS_DENIED =
    "AccessDenied: User: arn:aws:sts::123456789012:assumed-role/aurora-preview/GitHubActions is not authorized to perform: rds:DescribeGlobalClusters";

export function cliError(): CommentInput {
    const message = `Running program '/home/runner/work/aurora-global/aurora-global' failed with an unhandled exception:\n${ACCESS_DENIED}`;
    return ran(
        255,
        [diag("error", message, STACK_URN)],
        `Previewing update (${STACK})\n\nDiagnostics:\n  pulumi:pulumi:Stack (${PROJECT}-${STACK}):\n    error: ${message}\n\nerror: preview failed\n`,
    );
}

/** `pulumi stack select` finds no stack "dev": the preview never ran. */
export function missingStack(): CommentInput {
    return {
        stack: STACK,
        runUrl: RUN_URL,
        steps: [
            ...SETUP_OK.slice(0, 3),
            { id: "stack", outcome: "failure", log: `error: no stack named '${STACK}' found\n` },
        ],
    };
}

/** The install failed: nothing after it ran. */
export function installFailed(): CommentInput {
    return {
        stack: STACK,
        runUrl: RUN_URL,
        steps: [
            {
                id: "install",
                outcome: "failure",
                log: "npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/nope\n",
            },
            ...SETUP_OK.slice(1).map((s) => ({ ...s, outcome: "skipped" })),
        ],
    };
}

/** A passing plan with a preview output of `lines` long diff lines (its last line is LAST_LINE), the plan's mermaid at column 0. */
export const LAST_LINE = "Resources: 2 to create, 9 unchanged (the last line)";
export function oversized(lines: number): CommentInput {
    const input = passed();
    const markdown = renderPlan(planUpgrade(devInput("17.5")), "markdown");
    const diff = Array.from(
        { length: lines },
        (_, i) => `    ~ tags.line${i}: "${"x".repeat(80)}" => "${"y".repeat(80)}"`,
    );
    return {
        ...input,
        preview: { ...input.preview!, log: [markdown, ...diff, markdown, LAST_LINE].join("\n") },
    };
}
