import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { automationStacks, ENGINE_VERSION_CONFIG } from "../../orchestrator/cli/fleet/stacks";

const STAND_IN = path.join(__dirname, "fixtures", "stand-in-pulumi");

/**
 * The real StackDriver over the Automation API, against a stand-in `pulumi` on PATH that records
 * its arguments: what the Automation API asks the CLI for each step (the real CLI tier is another
 * test bed's).
 */
describe("fleet: the Automation API StackDriver (a stand-in Pulumi CLI)", function () {
    this.timeout(60_000);
    const saved = { PATH: process.env.PATH, LOG: process.env.STAND_IN_PULUMI_LOG };
    let dir = "";
    const log = () => fs.readFileSync(path.join(dir, "calls.log"), "utf8").trim().split("\n");

    before(() => {
        dir = fs.mkdtempSync(path.join(os.tmpdir(), "stand-in-pulumi-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: db\nruntime: nodejs\n");
        process.env.PATH = `${STAND_IN}${path.delimiter}${process.env.PATH ?? ""}`;
        process.env.STAND_IN_PULUMI_LOG = path.join(dir, "calls.log");
    });
    after(() => {
        process.env.PATH = saved.PATH;
        if (saved.LOG === undefined) delete process.env.STAND_IN_PULUMI_LOG;
        else process.env.STAND_IN_PULUMI_LOG = saved.LOG;
    });

    it("sets the version in the stack's config, previews with the policy pack, runs up", async () => {
        const lines: string[] = [];
        const d = automationStacks({ workDir: dir, policyPacks: ["/packs/policy"], log: (l) => lines.push(l) });
        await d.setEngineVersion("acme/db/dev", "17.5");
        assert.deepStrictEqual(await d.preview("acme/db/dev"), { ok: true });
        await d.up("acme/db/dev");
        const calls = log();
        assert.ok(
            calls.includes(
                `config set ${ENGINE_VERSION_CONFIG} --stack acme/db/dev --plaintext --non-interactive -- 17.5`,
            ),
            calls.join("\n"),
        );
        assert.ok(
            calls.some((c) => /^preview --policy-pack \/packs\/policy .*--stack acme\/db\/dev/.test(c)),
            calls.join("\n"),
        );
        assert.ok(
            calls.some((c) => /^up --yes .*--stack acme\/db\/dev/.test(c)),
            calls.join("\n"),
        );
        assert.ok(
            lines.includes("[acme/db/dev] Previewing update") && lines.includes("[acme/db/dev] Updating"),
            lines.join("\n"),
        );
    });

    it("a preview that fails on a mandatory policy is blocked, with the policy's words", async () => {
        const d = automationStacks({ workDir: dir, policyPacks: ["/packs/policy"], log: () => undefined });
        const r = await d.preview("acme/db/blocked");
        assert.strictEqual(r.ok, false);
        assert.match(r.ok ? "" : r.reason, /\[mandatory\]\s+no-blocked-version-change/);
    });
});
