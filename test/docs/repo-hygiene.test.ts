import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import { snapshotIdentifier } from "../../orchestrator/execute/snapshot";
import { Plan } from "../../planner";
import { nonEmpty } from "../support/non-empty";

const root = path.join(__dirname, "..", "..");
const configDoc = fs.readFileSync(path.join(root, "docs", "configuration.md"), "utf8");
const pathsDoc = fs.readFileSync(path.join(root, "docs", "upgrade-paths.md"), "utf8");
const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" });

describe("repository and docs agree with the code", () => {
    it("no tracked file is ignored by .gitignore, and every package bin is tracked", () => {
        assert.equal(git("ls-files", "--cached", "--ignored", "--exclude-standard").trim(), "");
        const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
            bin: Record<string, string>;
        };
        for (const file of nonEmpty(Object.values(pkg.bin), "bin entry")) {
            assert.equal(git("ls-files", file).trim(), file, `${file} is not tracked`);
        }
    });
    it("globalClusterIdentifier's default is the same in Pulumi.yaml and docs/configuration.md, and its description claims no other", () => {
        const project = yaml.load(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8")) as {
            config: Record<string, { default?: unknown; description: string }>;
        };
        const decl = project.config.globalClusterIdentifier;
        const row = configDoc.split("\n").find((l) => l.startsWith("| `globalClusterIdentifier` |"))!;
        assert.ok(row.includes(`\`${JSON.stringify(decl.default)}\``));
        assert.doesNotMatch(decl.description, /defaults? to/i, "the default is the `default`, not prose");
        assert.doesNotMatch(row, /Defaults to the component name/);
    });
    it("docs/upgrade-paths.md tells how long pre-upgrade snapshots live and how to delete them, with the name the CLI gives them", () => {
        const plan = { path: "managed", to: "17.5", steps: [] } as unknown as Plan;
        const id = snapshotIdentifier(plan, "aurora-global-dev-us-east-1");
        assert.ok(pathsDoc.includes(`\`${id}\``), `docs/upgrade-paths.md does not show the snapshot name ${id}`);
        assert.match(pathsDoc, /Pre-upgrade snapshots are kept until you delete them/);
        assert.ok(
            pathsDoc.includes(`delete-db-cluster-snapshot --region us-east-1 --db-cluster-snapshot-identifier ${id}`),
        );
    });
    it("the docs no longer say a secondary's storage defaults to the aws/rds key", () => {
        const row = configDoc.split("\n").find((l) => l.startsWith("| `kmsKeyIds` |"))!;
        assert.doesNotMatch(row, /Defaults to each region's aws\/rds key/);
        assert.match(row, /secondary region without an entry gets a customer managed key/);
    });
});
