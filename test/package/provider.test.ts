import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { ComponentProvider } from "@pulumi/pulumi/provider/experimental";
import { AuroraGlobalDatabase, AURORA_GLOBAL_DATABASE_TYPE, AuroraGlobalDatabaseInputs } from "../../provider";
import { NO_PATCHES, toComponentArgs } from "../../provider/construct/construct-database";
import { runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { named, ofType, PRIMARY, runningPg, SECONDARY, T } from "../components/fixtures";
import { nonEmpty } from "../support/non-empty";
import { assertMeans } from "../support/assert-means";

const ROOT = path.resolve(__dirname, "../..");
const PROVIDER_DIR = path.join(ROOT, "provider");

interface SchemaProperty {
    readonly type?: string;
    readonly $ref?: string;
    readonly description?: string;
    readonly items?: SchemaProperty;
}
interface Schema {
    readonly name: string;
    readonly version: string;
    readonly resources: Record<
        string,
        {
            isComponent: boolean;
            inputProperties: Record<string, SchemaProperty>;
            requiredInputs: string[];
            properties: Record<string, SchemaProperty>;
        }
    >;
    readonly types: Record<string, { properties: Record<string, SchemaProperty>; required?: string[] }>;
}

/** The provider exactly as `componentProviderHost` builds it for provider/PulumiPlugin.yaml (provider/package.json's main). */
function provider(): ComponentProvider {
    return new ComponentProvider({ components: [AuroraGlobalDatabase], name: "aurora-global", dirname: PROVIDER_DIR });
}

const INPUTS: AuroraGlobalDatabaseInputs = {
    engine: "aurora-postgresql",
    engineVersion: "17.5",
    globalClusterIdentifier: "app",
    primary: { region: PRIMARY, instanceCount: 2 },
    secondaries: [{ region: SECONDARY }],
    upgrade: { strategy: "rolling", applyPendingPatches: NO_PATCHES, keepCompletedSteps: false },
};

describe("package: the Pulumi component package (other languages)", function () {
    // Schema inference builds a TypeScript program of provider/ (about 3-10 s on a loaded machine).
    this.timeout(60_000);
    let schema: Schema;
    before(async () => {
        schema = JSON.parse(await provider().getSchema()) as Schema;
    });

    it("provider/PulumiPlugin.yaml runs provider/ on nodejs (only keys Pulumi reads), whose package.json names the package at the root's version", () => {
        const plugin = yaml.load(fs.readFileSync(path.join(PROVIDER_DIR, "PulumiPlugin.yaml"), "utf8"));
        assert.deepStrictEqual(plugin, { runtime: "nodejs" });
        const root = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
        const own = JSON.parse(fs.readFileSync(path.join(PROVIDER_DIR, "package.json"), "utf8"));
        assert.strictEqual(own.name, root.name);
        assert.strictEqual(own.version, root.version);
        assert.strictEqual(own.main, "index.ts");
        assert.strictEqual(schema.name, "aurora-global");
        assert.strictEqual(schema.version, root.version);
    });

    it("getSchema(): one component resource, its inputs with descriptions and the required ones", () => {
        assert.deepStrictEqual(Object.keys(schema.resources), [AURORA_GLOBAL_DATABASE_TYPE]);
        const db = schema.resources[AURORA_GLOBAL_DATABASE_TYPE];
        assert.strictEqual(db.isComponent, true);
        assert.deepStrictEqual(Object.keys(db.inputProperties).sort(), [
            "backupRetentionPeriod",
            "databaseName",
            "deletionProtection",
            "engine",
            "engineVersion",
            "globalClusterIdentifier",
            "masterUsername",
            "port",
            "preferredBackupWindow",
            "preferredMaintenanceWindow",
            "primary",
            "secondaries",
            "storageEncrypted",
            "tags",
            "upgrade",
        ]);
        assert.deepStrictEqual(db.requiredInputs.sort(), ["engine", "engineVersion", "primary"]);
        for (const [key, p] of nonEmpty(Object.entries(db.inputProperties), "input property"))
            assert.ok(p.description && p.description.length > 10, `input ${key} has a description`);
        assert.strictEqual(db.inputProperties.engine.type, "string");
        assert.match(db.inputProperties.engine.description!, /`aurora-postgresql` or `aurora-mysql`/);
        assert.strictEqual(db.inputProperties.primary.$ref, "#/types/aurora-global:index:MemberInputs");
        assert.strictEqual(db.inputProperties.secondaries.type, "array");
        assert.strictEqual(db.inputProperties.secondaries.items?.$ref, "#/types/aurora-global:index:MemberInputs");
        assert.strictEqual(db.inputProperties.upgrade.$ref, "#/types/aurora-global:index:UpgradeInputs");
    });

    it("getSchema(): the member, upgrade and identity types, every property described", () => {
        assert.deepStrictEqual(Object.keys(schema.types).sort(), [
            "aurora-global:index:IdentityInputs",
            "aurora-global:index:MemberInputs",
            "aurora-global:index:UpgradeInputs",
        ]);
        const member = schema.types["aurora-global:index:MemberInputs"];
        assert.deepStrictEqual(member.required, ["region"]);
        assert.strictEqual(member.properties.instanceCount.type, "number");
        assert.strictEqual(member.properties.vpcSecurityGroupIds.type, "array");
        const upgrade = schema.types["aurora-global:index:UpgradeInputs"];
        assert.strictEqual(upgrade.properties.strategy.type, "string");
        assert.strictEqual(
            upgrade.properties.oldClusters.type,
            "string",
            "the blue/green inputs reach other languages",
        );
        assert.strictEqual(upgrade.properties.switchoverTimeoutSeconds.type, "number");
        assert.match(upgrade.properties.applyPendingPatches.description!, /`none` to leave them alone/);
        assert.strictEqual(upgrade.properties.identity.$ref, "#/types/aurora-global:index:IdentityInputs");
        for (const [name, t] of nonEmpty(Object.entries(schema.types), "schema type"))
            for (const [key, p] of Object.entries(t.properties))
                assert.ok(p.description && p.description.length > 10, `${name}.${key} has a description`);
    });

    it("getSchema(): the outputs: strings, booleans, JSON strings and the steps record", () => {
        const outputs = schema.resources[AURORA_GLOBAL_DATABASE_TYPE].properties;
        assert.deepStrictEqual(Object.fromEntries(Object.entries(outputs).map(([k, p]) => [k, p.type ?? p.$ref])), {
            globalClusterIdentifier: "string",
            globalClusterArn: "string",
            primaryClusterArn: "string",
            masterUsername: "string",
            plan: "string",
            planBlocked: "boolean",
            memberVersions: "string",
            failoverReady: "boolean",
            upgradeStepsRecord: "pulumi.json#/Any",
        });
        for (const [key, p] of nonEmpty(Object.entries(outputs), "output"))
            assert.ok(p.description, `output ${key} has a description`);
    });

    it("toComponentArgs: `none` is false, other strings pass to the component's validation unchanged", () => {
        const args = toComponentArgs({ ...INPUTS, upgrade: { applyPendingPatches: NO_PATCHES, strategy: "auto" } });
        assert.deepStrictEqual(args.upgrade, { applyPendingPatches: false, strategy: "auto" });
        assert.deepStrictEqual(toComponentArgs({ ...INPUTS, upgrade: { applyPendingPatches: "immediate" } }).upgrade, {
            applyPendingPatches: "immediate",
        });
        const noUpgrade = { ...INPUTS, upgrade: undefined };
        assert.strictEqual("upgrade" in toComponentArgs(noUpgrade), false);
    });

    it("construct() under mocks: the provider's component owns the TypeScript one and re-exposes its outputs", async () => {
        let state: Record<string, unknown> = {};
        const r = await runProgramUnderMocks({
            program: async () => {
                const built = await provider().construct(
                    "db",
                    AURORA_GLOBAL_DATABASE_TYPE,
                    INPUTS as unknown as pulumi.Inputs,
                    {},
                );
                state = built.state as Record<string, unknown>;
                return { urn: built.urn, plan: state.plan as pulumi.Output<string> };
            },
            currentState: runningPg("17.4"),
        });
        const dbs = ofType(r, T.db);
        assert.strictEqual(dbs.length, 2, "the provider's component and the TypeScript component");
        const [outer, inner] = dbs;
        assert.strictEqual(inner.parent, outer.urn);
        assert.strictEqual(r.outputs.urn, outer.urn);
        assert.strictEqual(named(r, "db-primary").parent, inner.urn);
        assert.strictEqual(ofType(r, T.cluster).length, 2);
        assert.deepStrictEqual(Object.keys(state).sort(), [
            "failoverReady",
            "globalClusterArn",
            "globalClusterIdentifier",
            "masterUsername",
            "memberVersions",
            "plan",
            "planBlocked",
            "primaryClusterArn",
            "upgradeStepsRecord",
        ]);
        const plan = JSON.parse(r.outputs.plan as string) as { blocked: boolean; steps: { action: string }[] };
        assert.strictEqual(plan.blocked, false);
        assert.ok(plan.steps.length > 0, "17.4 → 17.5 has steps");
        const registered = r.registeredOutputs.get(outer.urn)!;
        assert.strictEqual(registered.planBlocked, false);
        assert.strictEqual(registered.globalClusterIdentifier, "app");
        assert.strictEqual(typeof registered.failoverReady, "boolean");
        assert.deepStrictEqual(JSON.parse(registered.memberVersions as string)[PRIMARY].version, "17.4");
        assert.ok(ofType(r, T.command).length > 0, "the upgrade steps are declared under the TypeScript component");
    });

    it("construct() under mocks: a bad value fails with the component's message naming the field", async () => {
        await assert.rejects(
            runProgramUnderMocks({
                program: async () => {
                    await provider().construct(
                        "db",
                        AURORA_GLOBAL_DATABASE_TYPE,
                        { ...INPUTS, upgrade: { applyPendingPatches: "later" } } as unknown as pulumi.Inputs,
                        {},
                    );
                },
            }),
            (e: Error) => {
                assertMeans(e.message, {
                    about: "upgrade.applyPendingPatches",
                    says: ['"later"', "false", '"immediate"', '"next-maintenance"'],
                });
                return true;
            },
        );
    });
});
