import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { policies } from "../../policy/policies";
import { nonEmpty } from "../support/non-empty";

const root = path.join(__dirname, "..", "..");
const SKIP_DIRS = new Set(["node_modules", ".git", "dist"]);

function walk(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        if (SKIP_DIRS.has(e.name)) return [];
        const full = path.join(dir, e.name);
        return e.isDirectory() ? walk(full) : [path.relative(root, full)];
    });
}

const FILES = walk(root);
const READMES = FILES.filter((f) => /(^|\/)README\.md$/.test(f) || /^docs\/[\w-]+\.md$/.test(f));
/** File names a README mentions that are not meant to exist, with the reason. */
const NOT_FILES: Readonly<Record<string, string>> = {
    "results.ts": "testbeds/bench/README.md explains why the writer is NOT called results.ts",
};
const FILE_NAME = /(?<![\w<{$@/.-])((?:\.{1,2}\/)*\w[\w./-]*\.(?:json|yaml|yml|ts|js|mjs|md|sh))\b/g;

/** Found next to the README, from the repository root, or as the tail of a path in the repository. */
function exists(readme: string, name: string): boolean {
    const tail = name.replace(/^(\.{1,2}\/)+/, "");
    return (
        fs.existsSync(path.join(root, path.dirname(readme), name)) ||
        fs.existsSync(path.join(root, name)) ||
        FILES.some((f) => f === tail || f.endsWith(`/${tail}`))
    );
}

describe("docs: files the READMEs and docs pages name exist", () => {
    it(`every file named in the ${READMES.length} READMEs and docs pages exists in the repository`, () => {
        for (const doc of ["README.md", "policy/README.md", "docs/cli.md", "docs/troubleshooting.md"])
            assert.ok(READMES.includes(doc), doc);
        const missing = READMES.flatMap((readme) =>
            [...new Set([...fs.readFileSync(path.join(root, readme), "utf8").matchAll(FILE_NAME)].map((m) => m[1]))]
                .filter((name) => NOT_FILES[name] === undefined && !exists(readme, name))
                .map((name) => `${readme}: ${name}`),
        );
        assert.deepEqual(missing, []);
    });

    it("policy/policy-config.json, which policy/README.md passes, configures policies of the pack by their schemas", () => {
        const config = JSON.parse(fs.readFileSync(path.join(root, "policy", "policy-config.json"), "utf8")) as Record<
            string,
            string | Record<string, unknown>
        >;
        assert.ok(
            fs.readFileSync(path.join(root, "policy", "README.md"), "utf8").includes("policy/policy-config.json"),
        );
        for (const [name, value] of nonEmpty(Object.entries(config), "config key")) {
            const policy = policies.find((p) => p.name === name);
            assert.ok(policy, `policy-config.json names "${name}", which is not a policy of the pack`);
            if (typeof value === "string") continue;
            const allowed = ["enforcementLevel", ...Object.keys(policy.configSchema?.properties ?? {})];
            for (const key of Object.keys(value))
                assert.ok(allowed.includes(key), `policy-config.json: "${name}" has no property "${key}"`);
        }
    });
});
