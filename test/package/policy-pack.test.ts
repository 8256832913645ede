import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { freshDir, npmInstall, packOnce, ROOT, run } from "./consumer-project";
import { nonEmpty } from "../support/non-empty";
import { assertMeanings } from "../support/assert-means";

/** What the standalone run writes (in the pack's directory). */
const RESULT = "policy-run.json";

/**
 * Runs the copied pack's `no-blocked-version-change` over a plain aws.rds global database whose
 * members run 16.6 and whose program declares 16.2, with the repository's policy-test builders
 * (test/policy/support.ts) as the engine stand-in. The pack's own modules, `aurora-global`
 * included, load from the copy's node_modules.
 */
function standaloneScript(): string {
    return `
require(${JSON.stringify(path.join(ROOT, "node_modules", "ts-node"))}).register({
    transpileOnly: true,
    compilerOptions: { module: "commonjs" },
});
const { noBlockedVersionChange } = require("./policies");
const { patch, plainGlobal, runStack } = require(${JSON.stringify(path.join(ROOT, "test", "policy", "support"))});
// Members that disagree (every member alike on a newer version is an AWS-applied upgrade: a warning).
runStack(noBlockedVersionChange, patch(plainGlobal("16.2"), "app-apne1", { engineVersion: "16.8" })).then((reported) => {
    require("fs").writeFileSync(${JSON.stringify(RESULT)}, JSON.stringify({
        reported,
        planner: require.resolve("aurora-global/planner"),
        policy: require.resolve("@pulumi/policy"),
    }));
});
`;
}

describe("policy pack: installed and run on its own, outside the repository", function () {
    this.timeout(15 * 60_000);
    let dir: string;

    before(() => {
        const { tarball } = packOnce();
        dir = path.join(freshDir("aurora-global-policy-"), "policy");
        fs.cpSync(path.join(ROOT, "policy"), dir, {
            recursive: true,
            filter: (src) => path.basename(src) !== "node_modules",
        });
        // Outside the repository the pack depends on the published package: here, the packed one.
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8"));
        assert.strictEqual(manifest.dependencies["aurora-global"], "file:..");
        manifest.dependencies["aurora-global"] = `file:${tarball}`;
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest, null, 2));
        fs.rmSync(path.join(dir, "package-lock.json"));
        npmInstall([], dir);
    });

    it("holds no copy of the planner: its sources import the aurora-global package", () => {
        const sources = fs
            .readdirSync(dir, { recursive: true, encoding: "utf8" })
            .filter((f) => f.endsWith(".ts") && !f.startsWith("node_modules"));
        assert.ok(sources.length > 10);
        for (const f of nonEmpty(sources, "source file")) {
            const text = fs.readFileSync(path.join(dir, f), "utf8");
            assert.doesNotMatch(text, /from "\.\.\/\.\.\//, f);
        }
        assert.ok(!fs.existsSync(path.join(dir, "scripts")));
    });

    it("runs its policies there, on the installed planner: a downgrade is blocked with the planner's message", () => {
        fs.writeFileSync(path.join(dir, "run-pack.js"), standaloneScript());
        run(process.execPath, ["run-pack.js"], dir);
        const result = JSON.parse(fs.readFileSync(path.join(dir, RESULT), "utf8")) as {
            reported: { message: string }[];
            planner: string;
            policy: string;
        };
        assert.strictEqual(
            result.planner,
            path.join(dir, "node_modules", "aurora-global", "dist", "planner", "index.js"),
        );
        assert.ok(result.policy.startsWith(path.join(dir, "node_modules", "@pulumi", "policy")), result.policy);
        // The wording is pinned in test/policy/no-blocked-version-change.test.ts; here: the installed pack reports it.
        assertMeanings(result.reported, [
            { rule: "downgrade", about: "app-use1", says: ["us-east-1", "16.6", "16.2"], fix: ["16.6"] },
            { rule: "downgrade", about: "app-apne1", says: ["ap-northeast-1", "16.8", "16.2"], fix: ["16.8"] },
        ]);
    });
});
