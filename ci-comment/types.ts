import type { EngineEvent } from "@pulumi/pulumi/automation";

/** A step of the preview job that runs before the preview, as the comment step sees it. */
export interface StepResult {
    /** The step's `id` in .github/workflows/preview.yml (a key of SETUP_STEPS). */
    readonly id: string;
    /** `steps.<id>.outcome`: success, failure, cancelled or skipped. */
    readonly outcome: string;
    /** What the step printed (`<dir>/<id>.log`), when it wrote one. */
    readonly log?: string;
}

/** The preview the workflow ran itself: `pulumi preview … --event-log events.jsonl 2>&1 | tee preview.log`. */
export interface PreviewRun {
    readonly exitCode: number;
    /** Everything the CLI printed (stdout and stderr). */
    readonly log: string;
    /** The engine events of `--event-log`, one JSON object a line. */
    readonly events: readonly EngineEvent[];
}

/** Everything the comment is built from. */
export interface CommentInput {
    readonly stack: string;
    /** The steps before the preview, in the order they ran. */
    readonly steps: readonly StepResult[];
    /** Undefined when the preview did not run or did not finish (no exit code written). */
    readonly preview?: PreviewRun;
    /** The workflow run, where the full logs are. */
    readonly runUrl?: string;
}
