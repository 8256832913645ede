import { strict as assert } from "assert";
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policy/policies";
import { nonEmpty } from "../support/non-empty";

const POLICY_DIR = path.resolve(__dirname, "../../policy");

describe("policy pack definition", () => {
    it("has one policy per file under policy/policies/, the file named after the policy", () => {
        const files = fs
            .readdirSync(path.join(POLICY_DIR, "policies"))
            .map((f) => f.replace(/\.ts$/, ""))
            .sort();
        assert.deepEqual(policies.map((p) => p.name).sort(), files);
    });

    it("names every policy in kebab-case, uniquely, with a description and a default enforcement level", () => {
        assert.equal(new Set(policies.map((p) => p.name)).size, policies.length);
        for (const p of nonEmpty(policies, "policy")) {
            assert.match(p.name, /^[a-z]+(-[a-z0-9]+)*$/, p.name);
            assert.ok(p.description.length > 40, `${p.name} has a description`);
            assert.ok(
                p.enforcementLevel === "mandatory" || p.enforcementLevel === "advisory",
                `${p.name} has a default enforcement level`,
            );
        }
    });

    it("makes the version-safety policies mandatory and the secure defaults advisory", () => {
        const levels = Object.fromEntries(policies.map((p) => [p.name, p.enforcementLevel]));
        assert.deepEqual(levels, {
            "global-members-same-version": "mandatory",
            "member-clusters-no-self-upgrade": "mandatory",
            "upgrade-steps-ordered": "mandatory",
            "no-blocked-version-change": "mandatory",
            "global-member-secure-defaults": "advisory",
            "declared-version-behind-running": "advisory",
            "version-past-end-of-support": "advisory",
        });
    });

    it("gives every configurable policy a schema with defaults and descriptions, never enforcementLevel", () => {
        const configurable = policies.filter((p) => p.configSchema).map((p) => p.name);
        assert.deepEqual(configurable, [
            "member-clusters-no-self-upgrade",
            "upgrade-steps-ordered",
            "no-blocked-version-change",
            "global-member-secure-defaults",
            "version-past-end-of-support",
        ]);
        for (const p of nonEmpty(policies, "policy")) {
            for (const [key, prop] of Object.entries(p.configSchema?.properties ?? {})) {
                assert.notEqual(key, "enforcementLevel");
                assert.ok(prop.description, `${p.name}.${key} is described`);
                if (prop.type === "boolean")
                    assert.equal(typeof prop.default, "boolean", `${p.name}.${key} has a default`);
            }
        }
    });

    it("ships what `pulumi preview --policy-pack policy` needs: PulumiPolicy.yaml (nodejs), package.json with a version, index.ts", () => {
        assert.match(fs.readFileSync(path.join(POLICY_DIR, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs$/m);
        const pkg = JSON.parse(fs.readFileSync(path.join(POLICY_DIR, "package.json"), "utf8")) as {
            version: string;
            main: string;
            dependencies: Record<string, string>;
        };
        assert.match(pkg.version, /^\d+\.\d+\.\d+$/);
        assert.equal(pkg.dependencies["@pulumi/policy"], "^1.21.0");
        assert.match(pkg.dependencies["@pulumi/pulumi"], /^\^3/);
        assert.match(
            fs.readFileSync(path.join(POLICY_DIR, pkg.main), "utf8"),
            /new PolicyPack\("aurora-global", \{\s*policies,/,
        );
    });

    it("describes the planner rules it enforces in no-blocked-version-change", () => {
        const p = policies.find((x) => x.name === "no-blocked-version-change")!;
        assert.match(p.description, /Aurora cannot downgrade an engine version/);
        assert.match(p.description, /rds\.global_db_rpo/);
        assert.doesNotMatch(p.description, /every member declares the same engine version/);
    });
});

describe("policy README", () => {
    const readme = fs.readFileSync(path.join(POLICY_DIR, "README.md"), "utf8");

    it("documents every policy and every configuration property with its default", () => {
        for (const p of nonEmpty(policies, "policy")) {
            assert.ok(readme.includes(`| \`${p.name}\` | ${p.enforcementLevel} |`), `${p.name} with its default level`);
            for (const [key, prop] of Object.entries(p.configSchema?.properties ?? {})) {
                const def = prop.default === undefined ? "none" : `\`${JSON.stringify(prop.default)}\``;
                assert.ok(
                    readme.includes(`| \`${p.name}\` | \`${key}\` | ${def} |`),
                    `${p.name}.${key} with default ${def}`,
                );
            }
        }
    });

    it("covers enforcing locally, in CI and in an organisation", () => {
        for (const text of [
            "pulumi preview --stack dev --policy-pack policy",
            ".github/workflows/preview.yml",
            "pulumi policy publish",
            "pulumi policy enable",
        ]) {
            assert.ok(readme.includes(text), text);
        }
    });
});
