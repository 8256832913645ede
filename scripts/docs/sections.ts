import * as fs from "fs";
import * as path from "path";
import { RULES } from "../../planner";
import { policies } from "../../policy/policies";
import { renderMarkdownTable, ResultsFile } from "../../testbeds/bench/results-writer";

/** The repository root. */
export const ROOT = path.join(__dirname, "..", "..");

/**
 * A part of a doc that restates the code: written by `npm run docs` between its markers, from its
 * source, so it cannot drift (test/docs/generated.test.ts fails when one is stale).
 */
export interface GeneratedSection {
    /** The doc, from the repository root. */
    readonly file: string;
    /** The marker name: `<!-- BEGIN GENERATED name … -->` … `<!-- END GENERATED name -->`. */
    readonly name: string;
    /** Where the content comes from (named in the begin marker). */
    readonly source: string;
    readonly render: () => string;
}

// js-yaml 4 comes with @pulumi/pulumi; only `load` is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const yaml = require("js-yaml") as { load(text: string): unknown };

interface ConfigKey {
    readonly type: string;
    readonly description: string;
    readonly default?: unknown;
    readonly items?: { readonly type: string };
}

/** Pulumi.yaml's `config:` block as the configuration reference table. */
export function configTable(): string {
    const project = yaml.load(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as {
        config: Record<string, ConfigKey>;
    };
    const rows = Object.entries(project.config).map(([key, c]) => {
        const type = c.type === "array" ? `array of ${c.items?.type ?? "?"}` : c.type;
        const def = c.default === undefined ? "— (required)" : `\`${JSON.stringify(c.default)}\``;
        return `| \`${key}\` | ${type} | ${def} | ${c.description.replace(/\|/g, "\\|")} |`;
    });
    return ["| key | type | default | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

/** The planner's blocking rules (`RULES`), one line each: id and what it guarantees. */
export function rulesList(): string {
    return RULES.map((r) => `- \`${r.id}\`: ${r.summary}`).join("\n");
}

/** The policy pack's policies: name, default enforcement level, description. */
export function policiesTable(): string {
    const rows = policies.map((p) => {
        const what =
            p.name === "no-blocked-version-change"
                ? "every change the planner blocks, with the planner's message and fix (the rules below)"
                : (p.description ?? "");
        return `| \`${p.name}\` | ${p.enforcementLevel} | ${what.replace(/\|/g, "\\|")} |`;
    });
    return ["| policy | default | what it reports |", "|---|---|---|", ...rows].join("\n");
}

const when = (iso: string): string => iso.replace("T", " ").replace(/:\d\d\.\d+Z$/, " UTC");

/** The latest `npm run bench` figures (testbeds/bench/results.json): when, where, and every row. */
export function benchTable(): string {
    const file = path.join(ROOT, "testbeds", "bench", "results.json");
    const results = JSON.parse(fs.readFileSync(file, "utf8")) as ResultsFile;
    const m = results.machine;
    return [
        `Taken ${when(results.generatedAt)} (${results.size} run, ${results.wallClockSeconds} s) on ${m.nproc} × ${m.cpuModel}, node ${m.node}, other sessions sharing the machine.` +
            (results.addedRuns ?? [])
                .map(
                    (r) =>
                        ` Added at full size ${when(r.generatedAt)} (${r.wallClockSeconds} s): ${r.benches.join(", ")}.`,
                )
                .join(""),
        "",
        renderMarkdownTable(results.table),
    ].join("\n");
}

export const SECTIONS: readonly GeneratedSection[] = [
    { file: "docs/configuration.md", name: "config-table", source: "Pulumi.yaml", render: configTable },
    { file: "docs/upgrade-paths.md", name: "blocking-rules", source: "planner/rules.ts RULES", render: rulesList },
    {
        file: "docs/benchmarks.md",
        name: "bench-table",
        source: "testbeds/bench/results.json",
        render: benchTable,
    },
    {
        file: "testbeds/bench/README.md",
        name: "bench-table",
        source: "testbeds/bench/results.json",
        render: benchTable,
    },
    { file: "policy/README.md", name: "policies", source: "policy/policies.ts", render: policiesTable },
    { file: "policy/README.md", name: "planner-rules", source: "planner/rules.ts RULES", render: rulesList },
];

const begin = (s: GeneratedSection) =>
    `<!-- BEGIN GENERATED ${s.name} from ${s.source} by npm run docs: edit the source, not this -->`;
const end = (s: GeneratedSection) => `<!-- END GENERATED ${s.name} -->`;

/** The text between a section's markers in `doc`, or undefined when the markers are missing. */
export function currentContent(doc: string, s: GeneratedSection): string | undefined {
    const from = doc.indexOf(begin(s));
    const to = doc.indexOf(end(s));
    if (from < 0 || to < from) return undefined;
    return doc
        .slice(from + begin(s).length, to)
        .replace(/^\n/, "")
        .replace(/\n$/, "");
}

/** `doc` with the section's content rendered again between its markers (which must be there). */
export function regenerate(doc: string, s: GeneratedSection): string {
    const from = doc.indexOf(begin(s));
    const to = doc.indexOf(end(s));
    if (from < 0 || to < from)
        throw new Error(`${s.file} has no markers for ${s.name}: add the lines\n${begin(s)}\n${end(s)}`);
    return `${doc.slice(0, from)}${begin(s)}\n${s.render()}\n${doc.slice(to)}`;
}
