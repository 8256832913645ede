import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describeResult, RealPulumiBed, ROOT } from "./real-pulumi";

/**
 * Issue #19 item 7, first part: the component package loads under the real engine. Pulumi's nodejs
 * plugin host `require`s the plugin folder (provider/: its package.json main, index.ts) and infers
 * the schema of the ComponentResources it exports; PulumiPlugin.yaml has no `main` key in Pulumi.
 */
describe("real Pulumi: the component package (provider/)", function () {
    this.timeout(10 * 60_000);
    const bed = new RealPulumiBed();

    before(() => bed.start());
    after(() => bed.stop());

    it("PulumiPlugin.yaml is provider/'s, not the root's (whose package.json main is the npm library)", () => {
        assert.equal(existsSync(join(ROOT, "PulumiPlugin.yaml")), false);
        assert.equal(existsSync(join(ROOT, "provider", "PulumiPlugin.yaml")), true);
    });

    it("pulumi package get-schema provider serves AuroraGlobalDatabase with its inputs and outputs", async () => {
        const r = await bed.run(["package", "get-schema", join(ROOT, "provider")]);
        assert.equal(r.code, 0, describeResult(r));
        const schema = JSON.parse(r.stdout) as {
            name: string;
            resources: Record<string, { isComponent?: boolean; requiredInputs?: string[]; properties: object }>;
        };
        assert.equal(schema.name, "aurora-global");
        const resource = schema.resources["aurora-global:index:AuroraGlobalDatabase"];
        assert.ok(resource, `resources: ${Object.keys(schema.resources).join(", ")}`);
        assert.equal(resource.isComponent, true);
        assert.deepEqual(resource.requiredInputs, ["engine", "engineVersion", "primary"]);
        assert.ok("upgradeStepsRecord" in resource.properties);
    });
});
