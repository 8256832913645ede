import type { EngineEvent } from "@pulumi/pulumi/automation";
import * as fs from "node:fs";
import * as path from "node:path";
import { FILES } from "./steps";
import { CommentInput, PreviewRun, StepResult } from "./types";

function readIfPresent(file: string): string | undefined {
    return fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
}

/** The engine events of an `--event-log` file; a line that is not JSON (a cut last line) is left out. */
export function parseEventLog(text: string): EngineEvent[] {
    return text.split("\n").flatMap((line) => {
        if (!line.trim()) return [];
        try {
            return [JSON.parse(line) as EngineEvent];
        } catch {
            return [];
        }
    });
}

/** The preview run from its files; undefined when it wrote no exit code (it did not run or finish). */
export function readPreview(dir: string): PreviewRun | undefined {
    const exit = readIfPresent(path.join(dir, FILES.previewExit))?.trim();
    if (exit === undefined || !/^\d+$/.test(exit)) return undefined;
    return {
        exitCode: Number(exit),
        log: readIfPresent(path.join(dir, FILES.previewLog)) ?? "",
        events: parseEventLog(readIfPresent(path.join(dir, FILES.events)) ?? ""),
    };
}

/** "id=outcome" (as the workflow passes `--step install=${{ steps.install.outcome }}`) with the step's log. */
export function readStep(dir: string, spec: string): StepResult {
    const match = /^([\w-]+)=(\w*)$/.exec(spec);
    if (!match) throw new Error(`--step "${spec}": expected ID=OUTCOME, e.g. --step install=success`);
    const [, id, outcome] = match;
    return { id, outcome: outcome || "skipped", log: readIfPresent(path.join(dir, FILES.stepLog(id))) };
}

/** Everything the comment is built from, read from the directory the workflow wrote. */
export function readCommentInput(dir: string, stack: string, steps: readonly string[], runUrl?: string): CommentInput {
    return { stack, steps: steps.map((s) => readStep(dir, s)), preview: readPreview(dir), runUrl };
}
