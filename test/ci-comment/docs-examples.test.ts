import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { buildComment } from "../../ci-comment/body";
import { CommentInput } from "../../ci-comment/types";
import { blocked, passed } from "./fixtures";

const DOC = path.join(__dirname, "..", "..", "docs", "pull-requests.md");
const EXAMPLES: Readonly<Record<string, () => CommentInput>> = { passed, blocked };

/** The example block of docs/pull-requests.md: between its two markers, the comment as built. */
function block(name: string, body: string): string {
    return `<!-- example:${name} -->\n\n${body}\n<!-- /example:${name} -->`;
}

function withExample(doc: string, name: string, body: string): string {
    const pattern = new RegExp(`<!-- example:${name} -->[^]*?<!-- /example:${name} -->`);
    assert.match(doc, pattern, `docs/pull-requests.md has no <!-- example:${name} --> block`);
    return doc.replace(pattern, () => block(name, body));
}

describe("docs/pull-requests.md: the example comments are what ci-comment builds", () => {
    for (const [name, fixture] of Object.entries(EXAMPLES)) {
        it(`the ${name} example`, () => {
            const doc = fs.readFileSync(DOC, "utf8");
            const body = buildComment(fixture());
            if (process.env.WRITE_DOCS_EXAMPLES) fs.writeFileSync(DOC, withExample(doc, name, body));
            assert.ok(fs.readFileSync(DOC, "utf8").includes(block(name, body)), `regenerate: WRITE_DOCS_EXAMPLES=1`);
        });
    }
});
