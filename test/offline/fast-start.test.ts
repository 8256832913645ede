import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");

/** Runs `npm run offline -- ARGS` as bin/offline.js does and lists the modules it loaded. */
function loadedModules(args: string[]): string[] {
    const script = `
        const Module = require("module");
        const seen = new Set();
        const load = Module._load;
        Module._load = function (request, parent, ...rest) {
            const loaded = load.call(this, request, parent, ...rest);
            try { seen.add(Module._resolveFilename(request, parent)); } catch {}
            return loaded;
        };
        process.on("exit", () => require("fs").writeSync(3, JSON.stringify([...seen])));
        process.argv = [process.argv[0], "bin/offline.js", ...${JSON.stringify(args)}];
        require("./bin/offline.js");
    `;
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "offline-start-")), "modules.json");
    const fd = fs.openSync(out, "w");
    execFileSync(process.execPath, ["-e", script], { cwd: root, stdio: ["ignore", "ignore", "inherit", fd] });
    fs.closeSync(fd);
    return JSON.parse(fs.readFileSync(out, "utf8")) as string[];
}

describe("npm run offline starts fast", function () {
    this.timeout(120_000);

    for (const args of [["--help"], ["--list"]])
        it(`${args.join(" ")} loads neither Pulumi, the AWS SDK, the simulator nor the compiler`, () => {
            const modules = loadedModules(args);
            assert.ok(modules.some((m) => m.endsWith(path.join("testbeds", "offline", "main.ts"))));
            const heavy = modules.filter(
                (m) =>
                    /node_modules[/\\](@pulumi|@aws-sdk|typescript|ts-node)[/\\]|testbeds[/\\]simulator[/\\]/.test(m) &&
                    !m.endsWith("package.json"),
            );
            assert.deepEqual(heavy, []);
        });

    it("npm ci fills the cache (prepare), so the first run of a fresh clone compiles nothing", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
            scripts: Record<string, string>;
        };
        assert.equal(pkg.scripts.prepare, "node testbeds/support/transpile-cache.js --warm");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const cache = require("../../testbeds/support/transpile-cache") as {
            warm: () => number;
            isCached: (file: string) => boolean;
        };
        cache.warm();
        for (const file of [
            "testbeds/offline/main.ts",
            "testbeds/offline/run/offline-run.ts",
            "index.ts",
            "planner/rules.ts",
        ])
            assert.ok(cache.isCached(path.join(root, file)), file);
        assert.equal(cache.warm(), 0, "a second warm-up finds everything cached");
    });

    it("keeps each TypeScript file's JavaScript in node_modules/.cache, keyed by its text", () => {
        loadedModules(["--list"]);
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const { cacheDir } = require("../../testbeds/support/transpile-cache") as { cacheDir: string };
        assert.equal(path.relative(root, cacheDir), path.join("node_modules", ".cache", "aurora-global", "transpiled"));
        const cached = fs.readdirSync(cacheDir).filter((f) => /^[0-9a-f]{64}\.js$/.test(f));
        assert.ok(cached.length >= 5, `only ${cached.length} files cached`);
    });
});
