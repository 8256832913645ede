import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import * as path from "node:path";
import { RULES } from "../../planner";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

describe("README", () => {
    it("opens with the command that runs the product offline and the command that runs the tests", () => {
        const firstBlock = readme.split("```")[1];
        assert.match(firstBlock, /npm run offline/);
        assert.match(firstBlock, /npm test/);
    });
    it("documents every config key of Pulumi.yaml, with its default", () => {
        const project = yaml.load(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
            config: Record<string, { default?: unknown }>;
        };
        for (const [key, decl] of Object.entries(project.config)) {
            const row = readme.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
            assert.ok(row, `README has no row for config key ${key}`);
            if (decl.default !== undefined)
                assert.ok(
                    row.includes("`" + JSON.stringify(decl.default) + "`"),
                    `README's default for ${key} differs from Pulumi.yaml`,
                );
        }
    });
    it("names every blocking rule id of the planner", () => {
        for (const rule of RULES)
            assert.ok(readme.includes("`" + rule.id + "`"), `README does not name rule ${rule.id}`);
    });
});
