import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describeResult, RealPulumiBed, ROOT, stackWalkThrough } from "./real-pulumi";

/**
 * Issue #19 item 1: the README's stack walk-through, run line by line by the real Pulumi CLI
 * (testbeds/real-pulumi/pulumi) up to its first `pulumi up`, with a `pulumi preview` before it:
 * the global database is created in the simulated control plane.
 */
describe("real Pulumi: the README's stack walk-through", function () {
    this.timeout(20 * 60_000);
    const bed = new RealPulumiBed();
    const lines = stackWalkThrough(readFileSync(join(ROOT, "README.md"), "utf8"));
    const firstUp = lines.findIndex((l) => /^pulumi up\b/.test(l));

    before(() => bed.start());
    after(() => bed.stop());

    it("runs the stack init and config lines", async () => {
        assert.ok(firstUp > 0, `no "pulumi up" line in ${JSON.stringify(lines)}`);
        for (const line of lines.slice(0, firstUp)) {
            const r = await bed.shell(line);
            assert.equal(r.code, 0, `${line}\n${describeResult(r)}`);
        }
    });

    it("previews the new database: creates, no AWS write", async () => {
        const r = await bed.run(["preview", "--non-interactive", "--diff"]);
        assert.equal(r.code, 0, describeResult(r));
        assert.match(r.stdout, /\+ .*aws:rds\/globalCluster:GlobalCluster/);
        assert.match(r.stdout, /\+ .*aws:rds\/cluster:Cluster/);
        assert.deepEqual(
            bed.sim.calls.filter((c) => /^(Create|Modify|Delete)/.test(c.command)).map((c) => c.command),
            [],
        );
    });

    it("pulumi up creates the global database in the simulator", async () => {
        const r = await bed.shell(`${lines[firstUp]!} --yes --non-interactive --skip-preview`);
        assert.equal(r.code, 0, describeResult(r));
        const global = bed.sim.globalCluster("aurora-global");
        assert.equal(global.engine, "aurora-postgresql");
        assert.deepEqual(
            global.members.map((m) => [m.region, m.role]),
            [
                ["us-east-1", "primary"],
                ["ap-northeast-1", "secondary"],
            ],
        );
        assert.equal(bed.sim.cluster("aurora-global-us-east-1").engineVersion, "17.4");
    });
});
