import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { existingDatabase } from "../../testbeds/offline/mock-engine";
import {
    freshDir,
    mockEngineScript,
    RESULT_FILE,
    npmInstall,
    packOnce,
    Packed,
    readmeBlocks,
    run,
} from "./consumer-project";
import { nonEmpty } from "../support/non-empty";

interface Registration {
    readonly type: string;
    readonly name: string;
    readonly inputs: Record<string, unknown>;
}

/**
 * The README's "Use it in your own program", done for real: the package is packed, installed
 * into a fresh Pulumi TypeScript project outside the repository with the README's files and
 * commands, and that project's program runs under the mock engine against a database at 17.4.
 */
describe("package: used from another Pulumi project (README: Use it in your own program)", function () {
    this.timeout(15 * 60_000);
    let packed: Packed;
    let project: string;
    let registered: Registration[];
    const commands = readmeBlocks("Use it in your own program")
        .filter((b) => b.lang === "sh")
        .flatMap((b) => b.text.split("\n"))
        .map((line) => line.trim())
        .filter((line) => line !== "");
    const helpOutputs: string[] = [];

    it("installs aurora-global from the tarball npm pack writes (it is not on the registry yet)", () => {
        const installs = commands.filter((c) => c.startsWith("npm install "));
        assert.ok(
            installs.some((c) => / \S*aurora-global-\d+\.\d+\.\d+\.tgz /.test(`${c} `)),
            installs.join("\n"),
        );
        assert.ok(!installs.some((c) => / aurora-global( |$)/.test(c)), "npm install aurora-global answers 404 today");
    });

    before(() => {
        const work = freshDir("aurora-global-consumer-");
        packed = packOnce();
        project = path.join(work, "orders-db");
        fs.mkdirSync(project);
        for (const block of nonEmpty(readmeBlocks("Use it in your own program"), "README block"))
            if (block.file) fs.writeFileSync(path.join(project, block.file), block.text);
        for (const line of nonEmpty(commands, "command")) {
            const [tool, ...args] = line.split(/\s+/);
            if (tool === "pulumi") continue; // the mock engine below stands in for the Pulumi CLI
            if (tool === "npm" && args[0] === "install") {
                // The README installs the tarball `npm pack` writes in a clone: the one packed here.
                const tarball = args.find((a) => a.endsWith(".tgz"));
                if (tarball) assert.strictEqual(path.basename(tarball), path.basename(packed.tarball));
                npmInstall(
                    args.slice(1).map((a) => (a === tarball ? packed.tarball : a)),
                    project,
                );
            } else {
                const r = run(tool, args, project);
                if (args.includes("--help")) helpOutputs.push(r.stdout);
            }
        }
        const state = existingDatabase({
            globalClusterIdentifier: "orders",
            engine: "aurora-postgresql",
            engineVersion: "17.4",
            members: [
                { clusterIdentifier: "orders-us-east-1", region: "us-east-1", instanceCount: 2 },
                { clusterIdentifier: "orders-eu-west-1", region: "eu-west-1" },
            ],
        });
        const config = Object.fromEntries(
            commands
                .map((line) => /^pulumi config set (\S+) (\S+)$/.exec(line))
                .filter((m): m is RegExpExecArray => m !== null)
                .map((m) => [m[1], m[2]]),
        );
        fs.writeFileSync(path.join(project, "run-under-mock-engine.js"), mockEngineScript(state, "orders-db", config));
        run(process.execPath, ["run-under-mock-engine.js"], project);
        const result = JSON.parse(fs.readFileSync(path.join(project, RESULT_FILE), "utf8"));
        registered = (result as { registered: Registration[] }).registered;
    });

    it("packs what a consumer needs and nothing of the test beds", () => {
        assert.ok(packed.files.includes("dist/package-entry/index.js"));
        assert.ok(packed.files.includes("dist/package-entry/index.d.ts"));
        assert.ok(packed.files.includes("dist/orchestrator/cli/main.js"));
        assert.ok(
            packed.files.includes("dist/cli-contract/index.js"),
            "the CLI contract the component builds its steps with",
        );
        assert.ok(packed.files.includes("bin/aurora-global.js"));
        const stray = packed.files.filter(
            (f) =>
                /^(testbeds|test|policy)\//.test(f) ||
                f.startsWith("bin/offline") ||
                (f.endsWith(".ts") && !f.endsWith(".d.ts")),
        );
        assert.deepStrictEqual(stray, []);
    });

    it("type-checks the README's program against the installed declarations (npx tsc --noEmit)", () => {
        assert.ok(commands.includes("npx tsc --noEmit"));
        assert.ok(
            fs.existsSync(path.join(project, "node_modules", "aurora-global", "dist", "package-entry", "index.d.ts")),
        );
    });

    it("registers the component, and its steps run the installed CLI by an absolute path", () => {
        assert.ok(registered.some((r) => r.type === "aurora-global:index:AuroraGlobalDatabase" && r.name === "orders"));
        const steps = registered.filter((r) => r.type === "command:local:Command");
        assert.deepStrictEqual(
            steps.map((s) => s.name),
            ["orders-upgrade-snapshot", "orders-upgrade-global"],
        );
        const bin = path.join(project, "node_modules", "aurora-global", "bin", "aurora-global.js");
        for (const s of nonEmpty(steps, "upgrade step"))
            assert.ok(String(s.inputs.create).startsWith(`node ${bin} upgrade `), String(s.inputs.create));
        assert.ok(path.isAbsolute(bin) && fs.existsSync(bin));
        const help = run("node", [bin, "upgrade", "--help"], freshDir("aurora-global-elsewhere-"));
        assert.match(help.stdout, /Usage: aurora-global upgrade/);
    });

    it("resolves every entry of package.json's exports in that project, with nothing exported undefined", () => {
        const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
            exports: Record<string, unknown>;
        };
        const entries = Object.keys(pkg.exports)
            .filter((e) => e !== "./package.json")
            .map((e) => e.replace(/^\.\/?/, "aurora-global/").replace(/\/$/, ""));
        assert.ok(entries.includes("aurora-global/orchestrator") && entries.includes("aurora-global"));
        const script = `const out = {};
for (const e of ${JSON.stringify(entries)}) {
    const m = require(e);
    out[e] = Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v === undefined ? "undefined" : typeof v]));
}
const o = require("aurora-global/orchestrator");
out.cliBin = o.CLI_BIN;
out.stepArgs = o.stepCommandArgs({ homeRegion: "us-east-1", globalClusterId: "orders", target: "17.5" }, { action: "snapshot", cluster: "orders-us-east-1" });
console.log(JSON.stringify(out));`;
        const out = JSON.parse(run(process.execPath, ["-e", script], project).stdout) as Record<string, unknown>;
        for (const e of nonEmpty(entries, "entry")) {
            const kinds = out[e] as Record<string, string>;
            assert.ok(Object.keys(kinds).length > 0, `${e} exports nothing`);
            assert.deepStrictEqual(
                Object.keys(kinds).filter((k) => kinds[k] === "undefined"),
                [],
                `${e}: exports that are undefined`,
            );
        }
        const entry = out["aurora-global"] as Record<string, string>;
        for (const name of ["AuroraGlobalDatabase", "iamPolicyDocument"])
            assert.strictEqual(entry[name], "function", name);
        const orchestrator = out["aurora-global/orchestrator"] as Record<string, string>;
        for (const name of ["main", "stepCommandArgs", "selectSteps", "iamPolicyDocument", "describeTopology"])
            assert.strictEqual(orchestrator[name], "function", name);
        assert.strictEqual(
            out.cliBin,
            fs.realpathSync(path.join(project, "node_modules", "aurora-global", "bin", "aurora-global.js")),
        );
        assert.deepStrictEqual(out.stepArgs, [
            "upgrade",
            "--region",
            "us-east-1",
            "--global-cluster",
            "orders",
            "--target",
            "17.5",
            "--strategy",
            "auto",
            "--only-snapshot",
        ]);
    });

    it("runs `npx aurora-global --help` in that project, from the built files", () => {
        assert.strictEqual(helpOutputs.length, 1);
        assert.match(helpOutputs[0], /^Usage: aurora-global \[options\] \[command\]/);
    });
});
