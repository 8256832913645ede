import * as assert from "node:assert/strict";
import { circles, Edge, edgesOf, fileGraph, folderGraph } from "../support/import-graph";
import { PRODUCT, readSource, sourceFiles } from "../support/source-files";

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
        from: "upgrade-options",
        to: ["components", "orchestrator", "aws", "policy", "provider", "planner"],
        why: "the option contract sits beneath the component, the CLI and the pack that all read it",
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
    {
        from: "components",
        to: ["provider"],
        why: "the provider (other languages) stands on the component, never the other way",
    },
];

const under = (p: string, folder: string): boolean => p === folder || p.startsWith(`${folder}/`);

/** The edges that break a rule, as `file -> target (why)`. */
function violations(edges: readonly Edge[], rules: readonly Rule[]): string[] {
    return edges.flatMap((e) =>
        rules
            .filter((r) => under(e.file, r.from) && r.to.some((t) => under(e.target, t)))
            .map((r) => `${e.file} -> ${e.target} (${r.why})`),
    );
}

const EDGES = PRODUCT.flatMap(sourceFiles).flatMap((f) => edgesOf(f, readSource(f)));

describe("structure: the direction of imports", () => {
    it("reads the import graph of every product folder (static, dynamic and require imports)", () => {
        const has = (file: string, target: string) => EDGES.some((e) => e.file === file && e.target === target);
        assert.ok(
            has("components/steps/step-graph.ts", "cli-contract"),
            "components/steps/step-graph.ts imports cli-contract",
        );
        assert.ok(has("orchestrator/cli/register/guarded.ts", "orchestrator/cli/deps"));
        assert.ok(has("probe/watch.ts", "probe/probers"), "a dynamic import");
        assert.ok(has("provider/aurora-global-database.ts", "provider/construct/construct-database"), "a require");
        assert.ok(new Set(EDGES.map((e) => e.file.split("/")[0])).size >= PRODUCT.length - 1);
    });

    it("finds a forbidden edge when there is one", () => {
        const edges = [
            ...edgesOf("components/steps/step-graph.ts", 'import { main } from "../../orchestrator/cli";'),
            ...edgesOf("policy/index.ts", 'const s = require("../testbeds/simulator");'),
            ...edgesOf("planner/plan.ts", 'import { a } from "aurora-global/testbeds/offline/run";'),
            ...edgesOf("cli-contract/flags.ts", 'import { AwsIdentity } from "../aws/identity";'),
            ...edgesOf("orchestrator/cli/steps.ts", 'import { CLI_BIN } from "../../cli-contract";'),
            ...edgesOf("aws/topology/describe.ts", 'import { runPlan } from "../../orchestrator/execute-plan";'),
        ];
        // Each forbidden edge, with the reason of the rule it breaks (which rule: by its from → to).
        const why = (from: string, to: string) => RULES.find((r) => r.from === from && r.to.includes(to))!.why;
        assert.deepEqual(violations(edges, RULES), [
            `components/steps/step-graph.ts -> orchestrator/cli (${why("components", "orchestrator")})`,
            `policy/index.ts -> testbeds/simulator (${why("policy", "testbeds")})`,
            `planner/plan.ts -> testbeds/offline/run (${why("planner", "testbeds")})`,
            `cli-contract/flags.ts -> aws/identity (${why("cli-contract", "aws")})`,
            `aws/topology/describe.ts -> orchestrator/execute-plan (${why("aws", "orchestrator")})`,
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

describe("structure: no import circles, of files or of folders", () => {
    const files = [...PRODUCT, "testbeds"].flatMap(sourceFiles);
    const graph = fileGraph(
        files,
        files.flatMap((f) => edgesOf(f, readSource(f))),
    );

    it("finds a circle of files (type-only imports count) and a circle of sibling folders when there is one", () => {
        // Extensionless names: a file that is not there in the repository (a sample).
        const sample = ["a/x", "a/y", "a/sub/z", "b/u", "b/w", "c/v"];
        const edges = [
            ...edgesOf("a/x", 'import type { Y } from "./y";'),
            ...edgesOf("a/y", 'import { x } from "./x";\nimport { z } from "./sub/z";'),
            ...edgesOf("a/sub/z", 'import { u } from "../../b/u";'),
            ...edgesOf("b/w", 'import { v } from "../c/v";'),
            ...edgesOf("c/v", 'const y = require("../a/y");'),
        ];
        const sampleGraph = fileGraph(sample, edges);
        assert.deepEqual(circles(sampleGraph), ["a/x ⇄ a/y"]);
        assert.deepEqual(circles(folderGraph(sampleGraph)), ["a ⇄ b ⇄ c"]);
        const withoutBack = fileGraph(sample, edges.slice(0, -1));
        assert.deepEqual(circles(folderGraph(withoutBack)), [], "a/y -> a/sub/z stays inside a");
    });

    it("the graph spans the product and the test beds", () => {
        assert.ok(graph.size > 200, `${graph.size} files`);
        assert.ok(graph.get("orchestrator/execute-plan.ts")?.has("orchestrator/blue-green/run.ts"));
        assert.ok(graph.get("testbeds/simulator/store.ts")?.has("testbeds/simulator/blue-green-settings.ts"));
    });

    it("no file reaches itself through its imports", () => {
        assert.deepEqual(circles(graph), []);
    });

    it("no folder reaches itself through a sibling (a parent and its own subfolders are one room)", () => {
        assert.deepEqual(circles(folderGraph(graph)), []);
    });
});
