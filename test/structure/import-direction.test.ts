import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");

/** The folders that ship (tsconfig.build.json) and the policy pack: none of them may stand on a test bed. */
const PRODUCT = [
    "engine-versions",
    "planner",
    "components",
    "package-entry",
    "orchestrator",
    "probe",
    "policy",
    "vocabulary",
    "aws-regions",
    "provider",
    "cli-contract",
    "aws",
];

/** A forbidden direction: no file under `from` may import a file under any of `to`. */
interface Rule {
    readonly from: string;
    readonly to: readonly string[];
    readonly why: string;
}

const RULES: readonly Rule[] = [
    ...PRODUCT.map((from) => ({ from, to: ["testbeds"], why: "the product does not stand on its test beds" })),
    {
        from: "cli-contract",
        to: ["components", "orchestrator", "aws"],
        why: "the contract sits beneath both sides of it",
    },
    {
        from: "aws",
        to: ["components", "orchestrator", "policy", "provider", "probe"],
        why: "the AWS reader room sits beneath the component and the CLI that both use it",
    },
    {
        from: "components",
        to: ["orchestrator"],
        why: "the component reads AWS through aws/ and runs plans only through the CLI's argument contract",
    },
];

/** An edge of the import graph: repository-relative paths, without extension. */
interface Edge {
    readonly file: string;
    readonly target: string;
}

const SPECIFIER = /(?:\bfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm;

function sourceFiles(dir: string): string[] {
    return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
        const rel = path.posix.join(dir, e.name);
        if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(rel);
        return /\.(ts|js)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [rel] : [];
    });
}

/** Where a specifier points, relative to the repository root; undefined for packages. */
function resolveSpecifier(file: string, specifier: string): string | undefined {
    if (specifier.startsWith("aurora-global/")) return specifier.slice("aurora-global/".length);
    if (!specifier.startsWith(".")) return undefined;
    return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

function edgesOf(file: string, text: string): Edge[] {
    return [...text.matchAll(SPECIFIER)].flatMap((m) => {
        const target = resolveSpecifier(file, m[1]);
        return target === undefined ? [] : [{ file, target }];
    });
}

const under = (p: string, folder: string): boolean => p === folder || p.startsWith(`${folder}/`);

/** The edges that break a rule, as `file -> target (why)`. */
function violations(edges: readonly Edge[], rules: readonly Rule[]): string[] {
    return edges.flatMap((e) =>
        rules
            .filter((r) => under(e.file, r.from) && r.to.some((t) => under(e.target, t)))
            .map((r) => `${e.file} -> ${e.target} (${r.why})`),
    );
}

const EDGES = PRODUCT.flatMap(sourceFiles).flatMap((f) => edgesOf(f, fs.readFileSync(path.join(root, f), "utf8")));

describe("structure: the direction of imports", () => {
    it("reads the import graph of every product folder (static, dynamic and require imports)", () => {
        const has = (file: string, target: string) => EDGES.some((e) => e.file === file && e.target === target);
        assert.ok(
            has("components/steps/step-graph.ts", "cli-contract"),
            "components/steps/step-graph.ts imports cli-contract",
        );
        assert.ok(has("orchestrator/cli/register/guarded.ts", "orchestrator/cli/deps"));
        assert.ok(has("probe/watch.ts", "probe/probers"), "a dynamic import");
        assert.ok(has("provider/aurora-global-database.ts", "components/for-other-languages"), "a require");
        assert.ok(new Set(EDGES.map((e) => e.file.split("/")[0])).size >= PRODUCT.length - 1);
    });

    it("finds a forbidden edge when there is one", () => {
        const edges = [
            ...edgesOf("components/steps/step-graph.ts", 'import { main } from "../../orchestrator/cli";'),
            ...edgesOf("policy/index.ts", 'const s = require("../testbeds/simulator");'),
            ...edgesOf("planner/plan.ts", 'import { a } from "aurora-global/testbeds/offline/run";'),
            ...edgesOf("cli-contract/flags.ts", 'import { AwsIdentity } from "../aws/identity";'),
            ...edgesOf("orchestrator/cli/steps.ts", 'import { CLI_BIN } from "../../cli-contract";'),
            ...edgesOf(
                "aws/topology/describe.ts",
                'import { runPlan } from "../../orchestrator/execute/execute-plan";',
            ),
        ];
        assert.deepEqual(violations(edges, RULES), [
            "components/steps/step-graph.ts -> orchestrator/cli (the component reads AWS through aws/ and runs plans only through the CLI's argument contract)",
            "policy/index.ts -> testbeds/simulator (the product does not stand on its test beds)",
            "planner/plan.ts -> testbeds/offline/run (the product does not stand on its test beds)",
            "cli-contract/flags.ts -> aws/identity (the contract sits beneath both sides of it)",
            "aws/topology/describe.ts -> orchestrator/execute/execute-plan (the AWS reader room sits beneath the component and the CLI that both use it)",
        ]);
    });

    for (const rule of RULES.filter((r) => r.to[0] !== "testbeds"))
        it(`nothing under ${rule.from}/ imports ${rule.to.map((t) => `${t}/`).join(" or ")}`, () => {
            assert.deepEqual(violations(EDGES, [rule]), []);
        });

    it(`no product folder (${PRODUCT.join(", ")}) imports testbeds/`, () => {
        assert.deepEqual(
            violations(
                EDGES,
                RULES.filter((r) => r.to[0] === "testbeds"),
            ),
            [],
        );
    });
});
