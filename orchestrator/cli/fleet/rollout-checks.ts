/**
 * The pieces the rollout rules (rollout-rules.ts) are written with: walking the parsed file
 * (waves, selectors, listed ids) and the checks several rules share.
 */
/** One problem of a rollout file: the rule broken, where, the value found and the fix. */
export interface RolloutProblem {
    readonly rule: RolloutRuleId;
    /** Field path in the file: `waves[1].bakeMinutes`. */
    readonly path: string;
    readonly value: string;
    readonly fix: string;
}

export type RolloutRuleId =
    | "not-a-mapping"
    | "unknown-key"
    | "wrong-type"
    | "target-missing"
    | "unknown-engine"
    | "malformed-version"
    | "unknown-strategy"
    | "regions-missing"
    | "malformed-region"
    | "region-twice"
    | "no-waves"
    | "wave-name-missing"
    | "wave-name-twice"
    | "empty-wave"
    | "several-selectors"
    | "malformed-global-cluster"
    | "malformed-stack"
    | "database-in-two-waves"
    | "bake-out-of-range"
    | "max-parallel-out-of-range"
    | "gate-timeout-out-of-range"
    | "gate-command-empty";

/** A parsed rollout file, or a part of it, before it is known to be valid. */
export type Doc = Record<string, unknown>;
export interface RolloutRule {
    readonly id: RolloutRuleId;
    readonly check: (doc: Doc) => Omit<RolloutProblem, "rule">[];
}

/** Keys each level of the file may have. */
export const KNOWN_KEYS = {
    top: ["name", "target", "strategy", "allowMajor", "regions", "skipBlocked", "waves", "gate", "pulumi"],
    wave: ["name", "select", "bakeMinutes", "maxParallel"],
    select: ["tags", "globalClusters", "stacks"],
    gate: ["command", "timeoutMinutes"],
    pulumi: ["workDir", "policyPacks"],
} as const;

/** `org/project/stack` (Pulumi Cloud's fully qualified stack name), or `project/stack`… no: always three parts. */
export const STACK_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export const isMap = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);
export const show = (v: unknown): string => (v === undefined ? "(missing)" : JSON.stringify(v));
export const waves = (doc: Doc): { wave: Doc; path: string }[] =>
    Array.isArray(doc.waves) ? doc.waves.flatMap((w, i) => (isMap(w) ? [{ wave: w, path: `waves[${i}]` }] : [])) : [];
export const selectOf = (w: Doc): Doc | undefined => (isMap(w.select) ? w.select : undefined);

export function unknownKeys(map: unknown, path: string, known: readonly string[]) {
    if (!isMap(map)) return [];
    return Object.keys(map)
        .filter((k) => !known.includes(k))
        .map((k) => ({
            path: path ? `${path}.${k}` : k,
            value: show(map[k]),
            fix: `remove it; ${path || "the top level"} takes ${known.join(", ")}`,
        }));
}

export function wrongTypes(doc: Doc) {
    const expect: [unknown, string, string, (v: unknown) => boolean][] = [
        [doc.name, "name", "a string", (v) => typeof v === "string"],
        [doc.target, "target", "a mapping of engine to version", isMap],
        [doc.strategy, "strategy", "a string", (v) => typeof v === "string"],
        [doc.allowMajor, "allowMajor", "true or false", (v) => typeof v === "boolean"],
        [doc.skipBlocked, "skipBlocked", "true or false", (v) => typeof v === "boolean"],
        [doc.regions, "regions", "a list of regions", Array.isArray],
        [doc.waves, "waves", "a list of waves", Array.isArray],
        [doc.gate, "gate", "a mapping (command, timeoutMinutes)", isMap],
        [doc.pulumi, "pulumi", "a mapping (workDir, policyPacks)", isMap],
    ];
    const waveFields = waves(doc).flatMap(({ wave, path }): [unknown, string, string, (v: unknown) => boolean][] => [
        [wave.select, `${path}.select`, "a mapping with one of tags, globalClusters, stacks", isMap],
        [wave.name, `${path}.name`, "a string", (v) => typeof v === "string"],
    ]);
    return [...expect, ...waveFields]
        .filter(([v, , , ok]) => v !== undefined && !ok(v))
        .map(([v, path, what]) => ({ path, value: show(v), fix: `give ${what}` }));
}

export function selectorCount(s: Doc): number {
    return KNOWN_KEYS.select.filter((k) => s[k] !== undefined).length;
}

export function isEmptySelector(s: Doc): boolean {
    const values = KNOWN_KEYS.select.map((k) => s[k]).filter((v) => v !== undefined);
    return (
        values.length === 0 ||
        values.every((v) => (Array.isArray(v) ? v.length === 0 : isMap(v) ? Object.keys(v).length === 0 : true))
    );
}

export function numberRule(
    field: string,
    bounds: { min: number; max: number },
    unit: string,
    at: (doc: Doc) => { v: unknown; path: string }[],
) {
    return (doc: Doc) =>
        at(doc)
            .filter(
                ({ v }) =>
                    v !== undefined &&
                    !(Number.isInteger(v) && (v as number) >= bounds.min && (v as number) <= bounds.max),
            )
            .map(({ v, path }) => ({
                path,
                value: show(v),
                fix: `give a whole number of ${unit} from ${bounds.min} to ${bounds.max} (${field})`,
            }));
}

/** Every id a wave lists under `key`, with the wave's path. */
export function listed(doc: Doc, key: "globalClusters" | "stacks"): { id: string; path: string }[] {
    return waves(doc).flatMap(({ wave, path }) => {
        const list = selectOf(wave)?.[key];
        return Array.isArray(list)
            ? list.map((id, j) => ({ id: String(id), path: `${path}.select.${key}[${j}]` }))
            : [];
    });
}

export function twice(doc: Doc) {
    const seen = new Map<string, string>();
    const out: Omit<RolloutProblem, "rule">[] = [];
    for (const key of ["globalClusters", "stacks"] as const)
        for (const { id, path } of listed(doc, key)) {
            const first = seen.get(`${key} ${id}`);
            const firstWave = first?.replace(/\.select.*$/, "");
            if (first && firstWave !== path.replace(/\.select.*$/, ""))
                out.push({ path, value: show(id), fix: `list it in one wave only (it is in ${firstWave} too)` });
            else if (!first) seen.set(`${key} ${id}`, path);
        }
    return out;
}

export const targetEntries = (doc: Doc): [string, unknown][] => (isMap(doc.target) ? Object.entries(doc.target) : []);
export const needsRegions = (doc: Doc) =>
    waves(doc).some(({ wave }) => selectOf(wave)?.tags !== undefined || selectOf(wave)?.globalClusters !== undefined);
