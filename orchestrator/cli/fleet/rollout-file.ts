import { FLEET_FLAGS } from "../../../cli-contract";
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { InputError } from "../../../aws/run-errors";
import { readTarget } from "../../../engine-versions";
import { DEFAULT_STRATEGY, Strategy } from "../../../vocabulary";
import { DEFAULT_POLICY_PACKS, LIMITS, Rollout, Selection, Wave } from "./rollout";
import { isMap, RolloutProblem, rolloutProblems } from "./rollout-rules";

/** A rollout file with problems: every one of them in one message (exit 2, nothing read or changed). */
export class RolloutFileError extends InputError {
    constructor(
        readonly file: string,
        readonly problems: readonly RolloutProblem[],
    ) {
        super(
            `${file}: ${problems.length} problem${problems.length === 1 ? "" : "s"}, nothing was read or changed:\n` +
                problems.map((p) => `  - ${p.path} = ${p.value}: ${p.fix} [${p.rule}]`).join("\n"),
        );
    }
}

/** Reads, parses and validates a rollout file; throws {@link RolloutFileError} listing every problem. */
export function readRolloutFile(file: string): Rollout {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new InputError(
            `${FLEET_FLAGS.file} ${file}: cannot read it (${(e as NodeJS.ErrnoException).code ?? String(e)}): give the path of a rollout file`,
        );
    }
    return parseRollout(text, file);
}

/** Parses and validates rollout YAML (`file` names it in messages and gives the default name). */
export function parseRollout(text: string, file: string): Rollout {
    let doc: unknown;
    try {
        doc = yaml.load(text, { schema: yaml.CORE_SCHEMA });
    } catch (e) {
        const mark = (e as yaml.YAMLException).mark;
        throw new RolloutFileError(file, [
            {
                rule: "not-a-mapping",
                path: mark ? `line ${mark.line + 1}, column ${mark.column + 1}` : "(file)",
                value: JSON.stringify((e as yaml.YAMLException).reason ?? String(e)),
                fix: "fix the YAML syntax",
            },
        ]);
    }
    const problems = rolloutProblems(doc);
    if (problems.length > 0) throw new RolloutFileError(file, problems);
    return toRollout(doc as Record<string, unknown>, file);
}

function toRollout(doc: Record<string, unknown>, file: string): Rollout {
    const gate = isMap(doc.gate) ? doc.gate : undefined;
    const pulumi = isMap(doc.pulumi) ? doc.pulumi : {};
    return {
        name: typeof doc.name === "string" ? doc.name : path.basename(file).replace(/\.[^.]*$/, ""),
        directory: path.dirname(path.resolve(file)),
        target: Object.fromEntries(
            Object.entries(doc.target as Record<string, string>).map(([engine, v]) => [engine, readTarget(v)]),
        ),
        strategy: (doc.strategy as Strategy | undefined) ?? DEFAULT_STRATEGY,
        allowMajor: doc.allowMajor === true,
        regions: (doc.regions as string[] | undefined) ?? [],
        skipBlocked: doc.skipBlocked === true,
        waves: (doc.waves as Record<string, unknown>[]).map(toWave),
        ...(gate
            ? {
                  gate: {
                      ...(typeof gate.command === "string" ? { command: gate.command } : {}),
                      timeoutMinutes: (gate.timeoutMinutes as number | undefined) ?? LIMITS.gateTimeoutMinutes.default,
                  },
              }
            : {}),
        pulumi: {
            workDir: typeof pulumi.workDir === "string" ? pulumi.workDir : ".",
            policyPacks: Array.isArray(pulumi.policyPacks) ? pulumi.policyPacks.map(String) : [...DEFAULT_POLICY_PACKS],
        },
    };
}

function toWave(w: Record<string, unknown>): Wave {
    const s = w.select as Record<string, unknown>;
    const select: Selection = isMap(s.tags)
        ? { kind: "tags", tags: Object.fromEntries(Object.entries(s.tags).map(([k, v]) => [k, String(v)])) }
        : Array.isArray(s.globalClusters)
          ? { kind: "globalClusters", globalClusters: s.globalClusters.map(String) }
          : { kind: "stacks", stacks: (s.stacks as unknown[]).map(String) };
    return {
        name: String(w.name),
        select,
        bakeMinutes: (w.bakeMinutes as number | undefined) ?? LIMITS.bakeMinutes.default,
        maxParallel: (w.maxParallel as number | undefined) ?? LIMITS.maxParallel.default,
    };
}
