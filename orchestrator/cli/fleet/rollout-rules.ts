import { ENGINES, isEngine, isRegion } from "../../../vocabulary";
import { parseOption } from "../../../upgrade-options";
import { tryParseVersion, VersionParseError } from "../../../engine-versions";
import { GLOBAL_ID } from "../options";
import { LIMITS } from "./rollout";
import {
    isEmptySelector,
    isMap,
    KNOWN_KEYS,
    listed,
    needsRegions,
    numberRule,
    RolloutRule,
    selectorCount,
    selectOf,
    show,
    STACK_NAME,
    targetEntries,
    twice,
    unknownKeys,
    waves,
    wrongTypes,
} from "./rollout-checks";

export { isMap } from "./rollout-checks";

import type { RolloutProblem } from "./rollout-checks";
export type { RolloutProblem, RolloutRuleId } from "./rollout-checks";

/** The rules of a rollout file, one table: each finds every instance of its problem. */
export const ROLLOUT_RULES: readonly RolloutRule[] = [
    {
        id: "unknown-key",
        check: (doc) => [
            ...unknownKeys(doc, "", KNOWN_KEYS.top),
            ...unknownKeys(doc.gate, "gate", KNOWN_KEYS.gate),
            ...unknownKeys(doc.pulumi, "pulumi", KNOWN_KEYS.pulumi),
            ...waves(doc).flatMap(({ wave, path }) => [
                ...unknownKeys(wave, path, KNOWN_KEYS.wave),
                ...unknownKeys(wave.select, `${path}.select`, KNOWN_KEYS.select),
            ]),
        ],
    },
    { id: "wrong-type", check: wrongTypes },
    {
        id: "target-missing",
        check: (doc) =>
            targetEntries(doc).length === 0
                ? [
                      {
                          path: "target",
                          value: show(doc.target),
                          fix: `give the version per engine, e.g. target: { aurora-postgresql: "17.5" }`,
                      },
                  ]
                : [],
    },
    {
        id: "unknown-engine",
        check: (doc) =>
            targetEntries(doc)
                .filter(([e]) => !isEngine(e))
                .map(([e]) => ({ path: `target.${e}`, value: show(e), fix: `use one of ${ENGINES.join(", ")}` })),
    },
    {
        id: "malformed-version",
        check: (doc) =>
            targetEntries(doc)
                .filter(([e]) => isEngine(e))
                .flatMap(([e, v]) => {
                    const parsed = tryParseVersion(e, typeof v === "string" ? v : String(v));
                    return typeof v !== "string" || parsed instanceof VersionParseError
                        ? [
                              {
                                  path: `target.${e}`,
                                  value: show(v),
                                  fix: `give a quoted ${e} version${parsed instanceof VersionParseError ? ` (${parsed.message})` : ""}`,
                              },
                          ]
                        : [];
                }),
    },
    {
        id: "unknown-strategy",
        check: (doc) => {
            if (typeof doc.strategy !== "string") return []; // wrong-type says what a strategy is written as
            const read = parseOption("strategy", "strategy", doc.strategy, "value");
            return read.ok ? [] : [{ path: "strategy", value: show(doc.strategy), fix: read.problem.fix }];
        },
    },
    {
        id: "regions-missing",
        check: (doc) =>
            needsRegions(doc) && (!Array.isArray(doc.regions) || doc.regions.length === 0)
                ? [
                      {
                          path: "regions",
                          value: show(doc.regions),
                          fix: "list the regions of the global clusters' writers, e.g. regions: [us-east-1, eu-west-1]",
                      },
                  ]
                : [],
    },
    {
        id: "malformed-region",
        check: (doc) =>
            (Array.isArray(doc.regions) ? doc.regions : []).flatMap((r, i) =>
                isRegion(r)
                    ? []
                    : [{ path: `regions[${i}]`, value: show(r), fix: "give a region code such as us-east-1" }],
            ),
    },
    {
        id: "region-twice",
        check: (doc) =>
            (Array.isArray(doc.regions) ? doc.regions : []).flatMap((r, i, all) =>
                all.indexOf(r) < i ? [{ path: `regions[${i}]`, value: show(r), fix: "list each region once" }] : [],
            ),
    },
    {
        id: "no-waves",
        check: (doc) =>
            !Array.isArray(doc.waves) || doc.waves.length === 0
                ? [{ path: "waves", value: show(doc.waves), fix: "give at least one wave with a name and a select" }]
                : [],
    },
    {
        id: "wave-name-missing",
        check: (doc) =>
            waves(doc)
                .filter(({ wave }) => typeof wave.name !== "string" || wave.name.trim() === "")
                .map(({ wave, path }) => ({
                    path: `${path}.name`,
                    value: show(wave.name),
                    fix: "name the wave (e.g. canary)",
                })),
    },
    {
        id: "wave-name-twice",
        check: (doc) =>
            waves(doc).flatMap(({ wave, path }, i, all) =>
                typeof wave.name === "string" && all.findIndex((o) => o.wave.name === wave.name) < i
                    ? [{ path: `${path}.name`, value: show(wave.name), fix: "give each wave its own name" }]
                    : [],
            ),
    },
    {
        id: "empty-wave",
        check: (doc) =>
            waves(doc)
                .filter(({ wave }) => !isMap(wave.select) || isEmptySelector(wave.select))
                .map(({ wave, path }) => ({
                    path: `${path}.select`,
                    value: show(wave.select),
                    fix: "select at least one database: tags: {KEY: VALUE}, globalClusters: [ID, ...] or stacks: [org/project/stack, ...]",
                })),
    },
    {
        id: "several-selectors",
        check: (doc) =>
            waves(doc).flatMap(({ wave, path }) => {
                const s = selectOf(wave);
                return s && selectorCount(s) > 1
                    ? [
                          {
                              path: `${path}.select`,
                              value: show(s),
                              fix: "give one of tags, globalClusters or stacks per wave (split it into two waves)",
                          },
                      ]
                    : [];
            }),
    },
    {
        id: "malformed-global-cluster",
        check: (doc) =>
            listed(doc, "globalClusters")
                .filter(({ id }) => !GLOBAL_ID.test(id))
                .map(({ id, path }) => ({
                    path,
                    value: show(id),
                    fix: "give a global cluster identifier (a letter, then letters, digits or hyphens)",
                })),
    },
    {
        id: "malformed-stack",
        check: (doc) =>
            listed(doc, "stacks")
                .filter(({ id }) => !STACK_NAME.test(id))
                .map(({ id, path }) => ({
                    path,
                    value: show(id),
                    fix: "give the fully qualified stack name org/project/stack",
                })),
    },
    { id: "database-in-two-waves", check: twice },
    {
        id: "bake-out-of-range",
        check: numberRule("bakeMinutes", LIMITS.bakeMinutes, "minutes", (doc) =>
            waves(doc).map(({ wave, path }) => ({ v: wave.bakeMinutes, path: `${path}.bakeMinutes` })),
        ),
    },
    {
        id: "max-parallel-out-of-range",
        check: numberRule("maxParallel", LIMITS.maxParallel, "databases", (doc) =>
            waves(doc).map(({ wave, path }) => ({ v: wave.maxParallel, path: `${path}.maxParallel` })),
        ),
    },
    {
        id: "gate-timeout-out-of-range",
        check: numberRule("gate.timeoutMinutes", LIMITS.gateTimeoutMinutes, "minutes", (doc) => [
            { v: isMap(doc.gate) ? doc.gate.timeoutMinutes : undefined, path: "gate.timeoutMinutes" },
        ]),
    },
    {
        id: "gate-command-empty",
        check: (doc) =>
            isMap(doc.gate) &&
            doc.gate.command !== undefined &&
            (typeof doc.gate.command !== "string" || doc.gate.command.trim() === "")
                ? [
                      {
                          path: "gate.command",
                          value: show(doc.gate.command),
                          fix: "give the command to run (e.g. ./smoke-test.sh), or remove gate.command",
                      },
                  ]
                : [],
    },
];

/** Every problem of `doc` (a parsed rollout file), in the table's order. */
export function rolloutProblems(doc: unknown): RolloutProblem[] {
    if (!isMap(doc))
        return [
            {
                rule: "not-a-mapping",
                path: "(file)",
                value: show(doc),
                fix: "write the rollout as a YAML mapping with target, regions and waves",
            },
        ];
    return ROLLOUT_RULES.flatMap((r) => r.check(doc).map((p) => ({ rule: r.id, ...p })));
}
