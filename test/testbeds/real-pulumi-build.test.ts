import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

// The real-Pulumi test bed's build (docs/real-pulumi.md): the Pulumi CLI v3.248.0 from the Go module
// proxy, and the plugins the proxy refuses taken from an installed Pulumi, or a stop that names them.
const BUILD = path.join(__dirname, "..", "..", "testbeds", "real-pulumi", "build");
const REFUSED = [
    "github.com/pulumi/pulumi/sdk/nodejs/cmd/pulumi-language-nodejs/v3@v3.248.0",
    "github.com/pulumi/pulumi-command/provider@v1.2.1",
];

describe("test bed: the real Pulumi CLI, built from the Go module proxy", function () {
    // The first build compiles the CLI (about 15 minutes on two busy cores); later ones are cached.
    this.timeout(40 * 60_000);

    it("builds pulumi v3.248.0; without an installed Pulumi's plugins it stops (exit 3) naming each refused module", () => {
        const env: NodeJS.ProcessEnv = { ...process.env, PATH: "/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin" };
        delete env.PULUMI_PLUGIN_BIN;
        const built = spawnSync("bash", [BUILD], { encoding: "utf8", env });
        assert.equal(built.status, 3, built.stderr);
        const cli = /the Pulumi CLI is built \((\S+\/pulumi)\)/.exec(built.stderr)?.[1];
        assert.ok(cli, built.stderr);
        for (const module of REFUSED) assert.ok(built.stderr.includes(module), `${module}: ${built.stderr}`);
        const version = spawnSync(cli, ["version"], {
            encoding: "utf8",
            env: { ...env, PULUMI_SKIP_UPDATE_CHECK: "1" },
        });
        assert.equal(version.stdout.trim(), "v3.248.0", version.stderr);
    });

    it("takes the refused plugins from PULUMI_PLUGIN_BIN when an installed Pulumi provides them", () => {
        const fake = fs.mkdtempSync(path.join(os.tmpdir(), "installed-pulumi-"));
        for (const exe of ["pulumi-language-nodejs", "pulumi-resource-command"])
            fs.writeFileSync(path.join(fake, exe), "#!/bin/sh\n", { mode: 0o755 });
        const built = spawnSync("bash", [BUILD], {
            encoding: "utf8",
            env: { ...process.env, PATH: "/usr/local/go/bin:/usr/local/bin:/usr/bin:/bin", PULUMI_PLUGIN_BIN: fake },
        });
        assert.equal(built.status, 0, built.stderr);
        const out = built.stdout.trim();
        for (const exe of ["pulumi-language-nodejs", "pulumi-resource-command"])
            assert.equal(fs.realpathSync(path.join(out, exe)), path.join(fake, exe), exe);
        fs.accessSync(path.join(out, "pulumi"), fs.constants.X_OK);
        fs.rmSync(fake, { recursive: true });
    });
});
