import assert from "node:assert/strict";
import { join } from "node:path";
import { createDatabase, describeResult, RealPulumiBed, ROOT } from "./real-pulumi";

/**
 * Issue #19 item 3: a downgrade and a major version without opt-in fail `pulumi preview --policy-pack
 * policy` under the real engine, each naming its rule id from the component and from the pack, and
 * nothing is written to AWS.
 */
describe("real Pulumi: blocked engine-version changes", function () {
    this.timeout(20 * 60_000);
    const bed = new RealPulumiBed();
    const policy = join(ROOT, "policy");

    before(async () => {
        await bed.start();
        await createDatabase(bed, { engineVersion: "16.8" });
    });
    after(() => bed.stop());

    async function blockedPreview(version: string) {
        const set = await bed.run(["config", "set", "engineVersion", version]);
        assert.equal(set.code, 0, describeResult(set));
        const calls = bed.sim.calls.length;
        const r = await bed.run(["preview", "--non-interactive", "--policy-pack", policy]);
        const writes = bed.sim.calls.slice(calls).filter((c) => !/^(Describe|List)/.test(c.command));
        assert.deepEqual(writes, [], "no AWS write during a blocked preview");
        return r;
    }

    for (const [version, rule] of [
        ["16.6", "downgrade"],
        ["17.4", "major-without-opt-in"],
    ] as const) {
        it(`16.8 → ${version}: the preview fails naming ${rule}, from the component and from the pack`, async () => {
            const r = await blockedPreview(version);
            assert.notEqual(r.code, 0, describeResult(r));
            const text = r.stdout + r.stderr;
            // The component's error diagnostic on its own resource.
            assert.match(
                text,
                new RegExp(`aurora-global:index:AuroraGlobalDatabase[^\\n]*\\n(?:[^\\n]*\\n)*?[^\\n]*\\[${rule}\\]`),
            );
            // The pack's mandatory violation.
            assert.match(text, /Policy Violations:|mandatory/);
            assert.match(text, new RegExp(`\\[mandatory\\][^\\n]*\\n(?:[^\\n]*\\n)*?[^\\n]*${rule}`));
            assert.equal(bed.sim.cluster("aurora-global-us-east-1").engineVersion, "16.8");
        });
    }
});
