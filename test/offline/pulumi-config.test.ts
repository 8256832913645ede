import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as yaml from "js-yaml";
import * as path from "node:path";
import { argsFromConfig, REQUIRED_CONFIG_KEYS } from "../../components";
import {
    applyProjectConfig,
    loadProgram,
    loadProject,
    loadStackConfig,
    parseProject,
    parseStackFile,
    PulumiConfigError,
    readStackFile,
    runProgramUnderMocks,
} from "../../testbeds/offline/mock-engine";
import { MISSING_AWS_REGION } from "../../testbeds/offline/mock-engine/install-mocks";
import { createSimulatedRds } from "../../testbeds/simulator";
import { nonEmpty } from "../support/non-empty";

const ROOT = path.join(__dirname, "..", "..");

/** Pulumi's checks of project + stack config, with the texts of pulumi/pulumi's config.go and project.go. */
function check(projectYaml: string, stackYaml: string, stack = "dev"): Record<string, unknown> {
    const project = parseProject(yaml.load(projectYaml));
    return applyProjectConfig(project, stack, parseStackFile(stackYaml, project.name));
}

function configError(fn: () => unknown): string {
    try {
        fn();
    } catch (e) {
        assert.ok(e instanceof PulumiConfigError, `not a PulumiConfigError: ${String(e)}`);
        return e.message;
    }
    assert.fail("no config error");
}

/** The stack config the README's quickstart builds with `pulumi config set` (in order), up to each `pulumi up`/`preview`. */
function readmeQuickstartStacks(): { stack: string; config: Record<string, unknown> }[] {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    const block = blocks.find((b) => b.includes("pulumi stack init"));
    assert.ok(block, "the README shows no quickstart with `pulumi stack init`");
    const stacks: { stack: string; config: Record<string, unknown> }[] = [];
    let stack = "";
    const config: Record<string, unknown> = {};
    for (const raw of block.split("\n")) {
        const line = raw.replace(/\s+#.*$/, "").trim();
        const words = line.split(/\s+/).map((w) => w.replace(/^'(.*)'$/, "$1"));
        if (line.startsWith("pulumi stack init")) stack = words[3];
        else if (line.startsWith("pulumi config set")) {
            const args = words.slice(3);
            const isPath = args[0] === "--path";
            const [key, value] = isPath ? args.slice(1) : args;
            const m = isPath ? /^(\w+)\[(\d+)\]$/.exec(key) : null;
            if (m) {
                const name = `aurora-global:${m[1]}`;
                const list = [...((config[name] as string[] | undefined) ?? [])];
                list[Number(m[2])] = value;
                config[name] = list;
            } else config[key.includes(":") ? key : `aurora-global:${key}`] = value;
        } else if (/^pulumi (up|preview)\b/.test(line)) stacks.push({ stack, config: { ...config } });
    }
    return stacks;
}

describe("offline engine: project and stack config checked exactly as Pulumi does", () => {
    describe("Pulumi's rules (pulumi/pulumi sdk/go/common/workspace config.go, project.go and their tests)", () => {
        it("a typed key without a default is required: one missing value", () => {
            const msg = configError(() =>
                check(
                    "name: test\nruntime: nodejs\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n",
                    "",
                ),
            );
            assert.equal(msg, "Stack 'dev' is missing configuration value 'values'");
        });
        it("every missing key in one error, sorted: 'a' and 'b' / 'a', 'b' and 'c'", () => {
            const project =
                "name: test\nruntime: nodejs\nconfig:\n  world:\n    type: string\n  hello:\n    type: integer\n  values:\n    type: array\n    items:\n      type: string\n";
            assert.equal(
                configError(() => check(project, "")),
                "Stack 'dev' is missing configuration values 'hello', 'values' and 'world'",
            );
            assert.equal(
                configError(() => check(project, "config:\n  test:hello: 1\n")),
                "Stack 'dev' is missing configuration values 'values' and 'world'",
            );
        });
        it("integer: a stack value that parses as an integer passes, another fails", () => {
            const project = "name: test\nruntime: nodejs\nconfig:\n  importantNumber:\n    type: integer\n";
            assert.equal(check(project, "config:\n  test:importantNumber: 20\n")["test:importantNumber"], "20");
            assert.equal(
                configError(() => check(project, "config:\n  test:importantNumber: hello\n")),
                "Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'",
            );
            assert.equal(
                configError(() => check(project, "config:\n  test:importantNumber: 2.5\n")),
                "Stack 'dev' with configuration key 'importantNumber' must be of type 'integer'",
            );
        });
        it("array<string>: a scalar or a list with a number fails", () => {
            const project =
                "name: test\nruntime: nodejs\nconfig:\n  values:\n    type: array\n    items:\n      type: string\n    default: [value]\n";
            const typeError = "Stack 'dev' with configuration key 'values' must be of type 'array<string>'";
            assert.equal(
                configError(() => check(project, "config:\n  test:values: someValue\n")),
                typeError,
            );
            assert.equal(
                configError(() => check(project, "config:\n  test:values:\n    - 1\n")),
                typeError,
            );
            assert.deepEqual(check(project, "config:\n  test:values:\n    - a\n")["test:values"], ["a"]);
        });
        it("boolean: only true/false", () => {
            const project = "name: test\nruntime: nodejs\nconfig:\n  flag:\n    type: boolean\n    default: false\n";
            assert.equal(check(project, "config:\n  test:flag: true\n")["test:flag"], "true");
            assert.equal(
                configError(() => check(project, "config:\n  test:flag: yes\n")),
                "Stack 'dev' with configuration key 'flag' must be of type 'boolean'",
            );
        });
        it("a stack key without a namespace belongs to the project; defaults fill what the stack leaves out", () => {
            const project =
                "name: test\nruntime: nodejs\nconfig:\n  aws:region: us-west-1\n  instanceSize: t3.micro\n  count:\n    type: integer\n    default: 0\n";
            assert.deepEqual(check(project, "config:\n  instanceSize: t4.large\n"), {
                "test:instanceSize": "t4.large",
                "aws:region": "us-west-1",
                "test:count": "0",
            });
        });
        it("a scalar keeps its text as written (17.40 stays 17.40, not the number 17.4)", () => {
            const project = "name: test\nruntime: nodejs\nconfig:\n  v:\n    type: string\n";
            assert.equal(check(project, "config:\n  test:v: 17.40\n")["test:v"], "17.40");
        });
        it("untyped keys and keys of other namespaces are not type-checked", () => {
            const project = "name: test\nruntime: nodejs\nconfig:\n  instanceSize: t3.micro\n  aws:region: us-west-1\n";
            assert.deepEqual(check(project, "config:\n  instanceSize: 9999\n  aws:region: 42\n"), {
                "test:instanceSize": "9999",
                "aws:region": "42",
            });
        });
        it("a secret key must be secure", () => {
            const project = "name: test\nruntime: nodejs\nconfig:\n  n:\n    type: integer\n    secret: true\n";
            assert.equal(
                configError(() => check(project, "config:\n  test:n: 20\n")),
                "Stack 'dev' with configuration key 'n' must be encrypted as it's secret",
            );
            check(project, "config:\n  test:n:\n    secure: AAABAJ\n");
        });
        it("the project file itself: typed keys of other namespaces, defaults of the wrong type, arrays without items", () => {
            assert.equal(
                configError(() => parseProject(yaml.load("name: test\nconfig:\n  aws:region:\n    type: string\n"))),
                "Configuration key 'aws:region' is not namespaced by the project and should not define a type",
            );
            assert.equal(
                configError(() =>
                    parseProject(yaml.load("name: test\nconfig:\n  aws:region:\n    default: us-west-1\n")),
                ),
                "Configuration key 'aws:region' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?",
            );
            assert.equal(
                configError(() =>
                    parseProject(
                        yaml.load("name: test\nconfig:\n  instanceSize:\n    type: integer\n    default: hello\n"),
                    ),
                ),
                "The default value specified for configuration key 'instanceSize' is not of the expected type 'integer'",
            );
            assert.equal(
                configError(() =>
                    parseProject(yaml.load("name: test\nconfig:\n  s:\n    type: array\n    default: [a]\n")),
                ),
                "The configuration key 's' declares an array but does not specify the underlying type via the 'items' attribute",
            );
            assert.equal(
                configError(() =>
                    parseProject(
                        yaml.load("name: test\nconfig:\n  s:\n    type: string\n    default: a\n    value: b\n"),
                    ),
                ),
                "project config 's' cannot have both a 'default' and 'value' attribute",
            );
        });
    });

    describe("this project", () => {
        it("Pulumi.yaml requires exactly engine, engineVersion and primaryRegion; every other key has a default", () => {
            const project = loadProject(ROOT);
            const required = Object.entries(project.config)
                .filter(([, t]) => t.default === undefined && t.value === undefined)
                .map(([k]) => k)
                .sort();
            assert.deepEqual(required, [...REQUIRED_CONFIG_KEYS].sort());
            assert.equal(
                configError(() => applyProjectConfig(project, "prod", {})),
                "Stack 'prod' is missing configuration values 'engine', 'engineVersion' and 'primaryRegion'",
            );
        });
        it("the dev stack passes Pulumi's checks and sets aws:region", () => {
            const config = loadStackConfig(ROOT, "dev");
            assert.equal(config["aws:region"], "us-east-1");
            assert.equal(readStackFile(ROOT, "aurora-global", "dev")["aws:region"], "us-east-1");
        });
        it("a dev stack value of the wrong type is refused before the program runs", async () => {
            const project = loadProject(ROOT);
            const config = { ...readStackFile(ROOT, project.name, "dev"), "aurora-global:primaryInstanceCount": "two" };
            let ran = false;
            await assert.rejects(
                runProgramUnderMocks({
                    projectFile: project,
                    config,
                    program: () => {
                        ran = true;
                        return {};
                    },
                }),
                { message: "Stack 'dev' with configuration key 'primaryInstanceCount' must be of type 'integer'" },
            );
            assert.equal(ran, false);
        });
        it("every stack the README's quickstart builds passes Pulumi's checks and sets aws:region", () => {
            const project = loadProject(ROOT);
            const stacks = readmeQuickstartStacks();
            assert.ok(stacks.length >= 2, "the quickstart runs pulumi up at least twice");
            for (const { stack, config } of nonEmpty(stacks, "stack")) {
                const merged = applyProjectConfig(project, stack, config);
                assert.equal(merged["aws:region"], "us-east-1");
                assert.deepEqual(merged["aurora-global:secondaryRegions"], ["ap-northeast-1"]);
            }
        });
        it("the README quickstart's stack runs through the program under the mock engine", async () => {
            const project = loadProject(ROOT);
            const [first] = readmeQuickstartStacks();
            const run = await runProgramUnderMocks({
                projectFile: project,
                stack: first.stack,
                config: first.config,
                program: loadProgram(path.join(ROOT, "index.ts")),
            });
            assert.ok(run.resources.some((r) => r.type === "aws:rds/globalCluster:GlobalCluster"));
        });
        it("the README quickstart's first pulumi up creates the database as AWS accepts it (the simulator's create-time rules)", async () => {
            const project = loadProject(ROOT);
            const [first] = readmeQuickstartStacks();
            const sim = createSimulatedRds({ rateLimit: false });
            await runProgramUnderMocks({
                projectFile: project,
                stack: first.stack,
                config: first.config,
                program: loadProgram(path.join(ROOT, "index.ts")),
                preview: false,
                controlPlane: sim,
            });
            const created = sim.calls.filter((c) => c.command.startsWith("Create"));
            assert.deepEqual(
                created.filter((c) => c.error).map((c) => c.error),
                [],
            );
            assert.deepEqual(
                sim.globalCluster("aurora-global").members.map((m) => [m.region, m.role, m.engineVersion, m.instances]),
                [
                    ["us-east-1", "primary", "17.4", 1],
                    ["ap-northeast-1", "secondary", "17.4", 1],
                ],
            );
        });
        it("the defaults that mean unset reach the component as unset", () => {
            const merged = applyProjectConfig(loadProject(ROOT), "dev", {
                "aurora-global:engine": "aurora-postgresql",
                "aurora-global:engineVersion": "17.4",
                "aurora-global:primaryRegion": "us-east-1",
            });
            const raw = (k: string) => merged[`aurora-global:${k}`];
            const args = argsFromConfig({
                get: (k) => raw(k) as string | undefined,
                getNumber: (k) => (raw(k) === undefined ? undefined : Number(raw(k))),
                getBoolean: (k) => (raw(k) === undefined ? undefined : raw(k) === "true"),
                getObject: <T>(k: string) => raw(k) as T | undefined,
            });
            assert.deepEqual(args.primary, { region: "us-east-1", instanceCount: 1, instanceClass: "db.r6g.large" });
            assert.deepEqual(args.secondaries, []);
            for (const key of ["port", "databaseName", "preferredBackupWindow", "preferredMaintenanceWindow"] as const)
                assert.equal(args[key], undefined, key);
            assert.equal(args.upgrade?.timeoutMinutes, undefined);
            assert.equal(args.upgrade?.pollSeconds, undefined);
        });
        it("without aws:region (nor AWS_REGION) the AWS provider refuses every resource, as pulumi-aws does", async () => {
            const projectFile = loadProject(ROOT);
            const config = readStackFile(ROOT, projectFile.name, "dev");
            delete config["aws:region"];
            await assert.rejects(
                runProgramUnderMocks({ projectFile, config, program: loadProgram(path.join(ROOT, "index.ts")) }),
                (e: Error) => e.message.includes(MISSING_AWS_REGION),
            );
            await runProgramUnderMocks({
                projectFile,
                config,
                environment: { AWS_REGION: "us-east-1" },
                program: loadProgram(path.join(ROOT, "index.ts")),
            });
        });
    });
});
