import assert from "node:assert/strict";
import { join } from "node:path";
import { changedResources, databaseChangingTo, describeResult, RealPulumiBed, ROOT } from "./real-pulumi";

/**
 * Issue #19 item 2: engineVersion 17.4 → 17.5 under the real engine: the preview with the policy pack
 * shows the plan and passes, `pulumi up` runs the steps through the real command provider (the
 * `aurora-global` CLI reaching the simulated endpoint), and the next preview changes nothing.
 */
describe("real Pulumi: engineVersion 17.4 → 17.5", function () {
    this.timeout(20 * 60_000);
    const bed = new RealPulumiBed();
    const policy = join(ROOT, "policy");

    before(() => databaseChangingTo(bed, "17.5"));
    after(() => bed.stop());

    it("pulumi preview --policy-pack policy shows the managed plan and passes, with no AWS write", async () => {
        const writes = bed.sim.calls.length;
        const r = await bed.run(["preview", "--non-interactive", "--policy-pack", policy]);
        assert.equal(r.code, 0, describeResult(r));
        assert.match(r.stdout, /17\.4 → 17\.5 \(minor upgrade\)/);
        assert.match(r.stdout, /command:local:Command\s+aurora-upgrade-global\s+create/);
        assert.match(r.stdout, /Policies:\n\s+✅ aurora-global@v0\.2\.0 \(local: /);
        const newCalls = bed.sim.calls.slice(writes).map((c) => c.command);
        assert.deepEqual(
            newCalls.filter((c) => !/^(Describe|List)/.test(c)),
            [],
        );
    });

    it("pulumi up runs the snapshot and the ModifyGlobalCluster step through the real command provider", async () => {
        const r = await bed.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
        assert.equal(r.code, 0, describeResult(r));
        assert.match(r.stdout, /\+ +command:local:Command aurora-upgrade-global created/);
        const writes = bed.sim.calls.filter((c) => /^(Create|Modify)/.test(c.command)).map((c) => c.command);
        assert.deepEqual(writes.slice(-2), ["CreateDBClusterSnapshot", "ModifyGlobalCluster"]);
        assert.equal(bed.sim.globalCluster("aurora-global").engineVersion, "17.5");
        assert.equal(bed.sim.cluster("aurora-global-ap-northeast-1").engineVersion, "17.5");
    });

    it("the next pulumi preview changes nothing (steps kept, clusters' version ignored)", async () => {
        const r = await bed.run(["preview", "--non-interactive", "--json"]);
        assert.equal(r.code, 0, describeResult(r));
        assert.deepEqual(changedResources(r.stdout), []);
    });

    it("pulumi refresh --preview-only: only the read-back of AWS's new version and the stack's own outputs change", async () => {
        // What the real engine shows (docs/real-pulumi.md "Differences"): terraform-provider-aws's read
        // sets engineVersion and engineVersionActual to the running 17.5, and the self StackReference
        // reads the outputs of the update that just ran. Nothing is replaced or deleted.
        const r = await bed.run(["refresh", "--preview-only", "--non-interactive", "--diff"]);
        assert.equal(r.code, 0, describeResult(r));
        const updated = [...r.stdout.matchAll(/^\s*~ [\w:/]+: \(update\)\n\s+\[id=[^\]]*\]\n\s+\[urn=([^\]]+)\]/gm)];
        assert.deepEqual(updated.map((m) => m[1]!.split("::").pop()).sort(), [
            "aurora-global",
            "aurora-last-deployment",
            "aurora-primary-cluster",
            "aurora-secondary-ap-northeast-1-cluster",
        ]);
        assert.match(r.stdout, /~ engineVersion\s+: "17\.4" => "17\.5"/);
        assert.doesNotMatch(r.stdout, /\(replace\)|\(delete\)/);
    });
});
