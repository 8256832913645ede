import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { nonEmpty } from "../support/non-empty";

const root = path.join(__dirname, "..", "..");
const SKIP_DIRS = new Set(["node_modules", ".git", "dist"]);
const SCANNED = /\.(ts|js|mjs|md|ya?ml)$/;

/** Every source and documentation file of the repository (no dependencies, no build output). */
function files(dir = root): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (SKIP_DIRS.has(e.name)) return [];
        const full = path.join(dir, e.name);
        return e.isDirectory() ? files(full) : SCANNED.test(e.name) ? [full] : [];
    });
}

/**
 * Documents that live outside the repository (the project's working notes): a comment or a doc
 * that cites them points the reader at nothing. docs/aws-rules.md holds the AWS rules instead.
 */
const OUTSIDE = [
    { what: "AURORA-FACTS", pattern: /\bAURORA-FACTS\b|\bFACTS §/ },
    { what: "SPEC", pattern: /\bSPEC(\.md|'s)?\b(?!_)/ },
    { what: "seeds/", pattern: /\bseeds\/\d/ },
    { what: "issue N", pattern: /\bissues? \d+\b/i },
];

/** A path of a repository file named in text: `dir/file.ext`, optionally `./` or `../` first. */
const FILE_REF = /(?<![\w/.:@~-])((?:\.{1,2}\/)*(?:[\w.-]+\/)+[\w.-]+\.(?:ts|js|mjs|md|ya?ml|json))\b/g;

/** Whether `ref`, cited in `file`, names a file of the repository (from the root or a folder above the file). */
function exists(ref: string, file: string): boolean {
    const bare = ref.replace(/^(\.{1,2}\/)+/, "");
    const bases = [];
    for (let dir = path.dirname(file); dir.startsWith(root); dir = path.dirname(dir)) bases.push(dir);
    return [...bases, root].some((base) => fs.existsSync(path.join(base, ref)) || fs.existsSync(path.join(base, bare)));
}

describe("docs and comments cite what exists in the repository", () => {
    const scanned = files().filter((f) => !f.endsWith(path.join("test", "docs", "references.test.ts")));

    it("scans the product, the test beds, the tests and the docs", () => {
        const rel = scanned.map((f) => path.relative(root, f));
        for (const expected of ["README.md", "docs/aws-rules.md", "planner/rules.ts", "testbeds/bench/README.md"])
            assert.ok(rel.includes(expected), expected);
    });

    it("no reference to a document outside the repository (AURORA-FACTS, SPEC, seeds/, issue numbers)", () => {
        const found: string[] = [];
        for (const file of nonEmpty(scanned, "scanned file")) {
            fs.readFileSync(file, "utf8")
                .split("\n")
                .forEach((line, i) => {
                    for (const { what, pattern } of OUTSIDE)
                        if (pattern.test(line)) found.push(`${path.relative(root, file)}:${i + 1} cites ${what}`);
                });
        }
        assert.deepEqual(found, []);
    });

    it("every file path named in a comment or a doc exists", () => {
        const missing: string[] = [];
        for (const file of nonEmpty(scanned, "scanned file")) {
            fs.readFileSync(file, "utf8")
                .split("\n")
                .forEach((line, i) => {
                    for (const m of line.matchAll(FILE_REF)) {
                        const ref = m[1];
                        if (
                            /^(@|dist\/|aurora-global\/)/.test(ref) ||
                            line.includes(`/tmp/${ref}`) ||
                            exists(ref, file)
                        )
                            continue;
                        missing.push(`${path.relative(root, file)}:${i + 1} names ${ref}`);
                    }
                });
        }
        assert.deepEqual(missing, []);
    });
});
