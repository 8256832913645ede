/**
 * Writes the pull-request comment of a preview run (.github/workflows/preview.yml) from the files
 * the workflow wrote, never from environment variables or step outputs:
 *
 *   node -r ts-node/register/transpile-only ci-comment/main.ts --dir "$DIR" --stack dev \
 *     --step install=success --step cli=success --step aws=success --step stack=success --out "${DIR}/comment.md"
 */
import { Command } from "commander";
import * as fs from "node:fs";
import { buildComment } from "./body";
import { readCommentInput } from "./read-dir";

function main(argv: readonly string[]): void {
    const program = new Command("ci-comment")
        .requiredOption("--dir <dir>", "the directory of preview.log, preview.exit, events.jsonl and <step>.log")
        .requiredOption("--stack <stack>", "the stack the workflow previewed")
        .requiredOption("--out <file>", "where to write the comment body (markdown)")
        .option("--step <id=outcome>", "a step before the preview and its outcome (repeat, in order)", collect, [])
        .option("--run-url <url>", "the workflow run, linked from the comment")
        .parse(argv, { from: "node" });
    const o = program.opts<{ dir: string; stack: string; out: string; step: string[]; runUrl?: string }>();
    const body = buildComment(readCommentInput(o.dir, o.stack, o.step, o.runUrl));
    fs.writeFileSync(o.out, body);
    process.stdout.write(`wrote ${o.out} (${body.length} characters)\n`);
}

function collect(value: string, previous: string[]): string[] {
    return [...previous, value];
}

main(process.argv);
