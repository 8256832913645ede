/**
 * The steps of .github/workflows/preview.yml before the preview, by their `id`, with what each
 * does in the comment's words (test/ci-comment/workflow.test.ts checks the workflow has them).
 */
export const SETUP_STEPS: Readonly<Record<string, string>> = {
    install: "npm ci, npm run build and the policy pack's npm ci",
    cli: "installing the pinned Pulumi CLI (pulumi/actions)",
    aws: "AWS credentials by OIDC (aws-actions/configure-aws-credentials)",
    stack: "pulumi stack select",
};

/** The preview step's `id`: it writes preview.log, preview.exit and events.jsonl. */
export const PREVIEW_STEP = "preview";

/** The files the workflow writes into the comment's directory. */
export const FILES = {
    previewLog: "preview.log",
    previewExit: "preview.exit",
    events: "events.jsonl",
    stepLog: (id: string) => `${id}.log`,
} as const;
