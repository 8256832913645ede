import assert from "node:assert/strict";
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freshDir, npmInstall, packOnce } from "../package/consumer-project";
import { databaseChangingTo, describeResult, RealPulumiBed, ROOT } from "./real-pulumi";

/**
 * Issue #19 item 6: the policy pack installed on its own, outside the repository, with the
 * packed aurora-global (`npm pack`) in place of the registry's, runs under the real engine's
 * `pulumi preview --policy-pack DIR` (the language host's RunPlugin starts the pack's own
 * @pulumi/pulumi/cmd/run-policy-pack, which compiles the pack's TypeScript with the pack's typescript).
 */
describe("real Pulumi: the policy pack installed on its own", function () {
    this.timeout(25 * 60_000);
    const bed = new RealPulumiBed();
    let pack: string;

    before(async () => {
        pack = standalonePack();
        await databaseChangingTo(bed, "17.5");
    });
    after(() => bed.stop());

    it("passes the 17.4 → 17.5 preview, loaded from its own node_modules", async () => {
        const r = await bed.run(["preview", "--non-interactive", "--policy-pack", pack]);
        assert.equal(r.code, 0, describeResult(r));
        assert.match(r.stdout, new RegExp(`✅ aurora-global@v0\\.2\\.0 \\(local: ${pack.replace(/[/.]/g, "\\$&")}\\)`));
    });

    it("blocks a downgrade, naming the rule id", async () => {
        const set = await bed.run(["config", "set", "engineVersion", "16.8"]);
        assert.equal(set.code, 0, describeResult(set));
        const r = await bed.run(["preview", "--non-interactive", "--policy-pack", pack]);
        assert.notEqual(r.code, 0, describeResult(r));
        assert.match(r.stdout + r.stderr, /\[mandatory\][^\n]*\n(?:[^\n]*\n)*?[^\n]*downgrade/);
    });
});

/** policy/ copied outside the repository, depending on the packed aurora-global, installed from its manifest. */
function standalonePack(): string {
    const { tarball } = packOnce();
    const dir = join(freshDir("aurora-global-policy-real-"), "policy");
    cpSync(join(ROOT, "policy"), dir, { recursive: true, filter: (src) => !src.endsWith("node_modules") });
    const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
    };
    manifest.dependencies["aurora-global"] = `file:${tarball}`;
    writeFileSync(join(dir, "package.json"), JSON.stringify(manifest, null, 2));
    rmSync(join(dir, "package-lock.json"));
    npmInstall([], dir);
    return dir;
}
