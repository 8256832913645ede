import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import * as path from "node:path";
import { RULES } from "../../planner";

const root = path.join(__dirname, "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const readme = read("README.md");

/** The pages the README's documentation table links, by topic (other helpers add theirs under these names). */
const DOCS_PAGES = [
    "docs/how-it-works.md",
    "docs/upgrade-paths.md",
    "docs/blue-green.md",
    "docs/configuration.md",
    "docs/cli.md",
    "docs/iam.md",
    "docs/troubleshooting.md",
    "docs/benchmarks.md",
    "docs/other-languages.md",
    "docs/development.md",
];

describe("README and the docs pages", () => {
    it("opens with the command that runs the product offline and the command that runs the tests", () => {
        const firstBlock = readme.split("```")[1];
        assert.match(firstBlock, /npm ci && npm run offline/);
        assert.match(firstBlock, /npm ci && npm test/);
    });

    it("is read in five minutes: at most 300 lines, no line over 200 characters outside code", () => {
        const lines = readme.split("\n");
        assert.ok(lines.length <= 300, `README has ${lines.length} lines`);
        let inCode = false;
        const long = lines.filter((l) => {
            if (l.startsWith("```")) inCode = !inCode;
            return !inCode && l.length > 200;
        });
        assert.deepEqual(long, []);
    });

    it("links every docs page, and each page exists and links back", () => {
        for (const page of DOCS_PAGES) {
            assert.ok(readme.includes(`](${page})`), `README does not link ${page}`);
            assert.ok(read(page).includes("](../README.md)"), `${page} does not link back to the README`);
        }
    });

    it("docs/configuration.md documents every config key of Pulumi.yaml, with its default", () => {
        const doc = read("docs/configuration.md");
        const project = yaml.load(read("Pulumi.yaml")) as { config: Record<string, { default?: unknown }> };
        const keys = Object.entries(project.config);
        assert.ok(keys.length > 10);
        for (const [key, decl] of keys) {
            const row = doc.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
            assert.ok(row, `docs/configuration.md has no row for config key ${key}`);
            if (decl.default !== undefined)
                assert.ok(row.includes("`" + JSON.stringify(decl.default) + "`"), `the default of ${key} differs`);
        }
    });

    it("docs/upgrade-paths.md and policy/README.md name every blocking rule id of the planner, and no other", () => {
        assert.ok(RULES.length > 10);
        for (const file of ["docs/upgrade-paths.md", "policy/README.md"]) {
            const listed = [...read(file).matchAll(/^- `([\w.-]+)`: /gm)].map((m) => m[1]);
            assert.deepEqual(
                listed,
                RULES.map((r) => r.id),
                file,
            );
        }
    });
});
