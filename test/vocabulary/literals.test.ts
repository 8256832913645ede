import * as assert from "node:assert/strict";
import * as flags from "../../cli-contract/flags";
import { INVOKE_TOKENS, RESOURCE_TYPES, TAG_PREFIXES, TAGS } from "../../vocabulary";
import { PRODUCT, readSource, sourceFiles } from "../support/source-files";

/** The words that have one home each: where it is, and the values it defines. */
const HOMES: readonly { readonly home: string; readonly words: readonly string[] }[] = [
    { home: "vocabulary/tags.ts", words: [...Object.values(TAGS), ...Object.values(TAG_PREFIXES)] },
    { home: "vocabulary/tokens.ts", words: [...Object.values(RESOURCE_TYPES), ...Object.values(INVOKE_TOKENS)] },
    {
        home: "cli-contract/flags.ts",
        words: Object.values(flags).flatMap((table) =>
            Object.values(table as Record<string, string>).filter((w) => w.startsWith("--")),
        ),
    },
];

const COMMENT = /^\s*(\*|\/\/|\/\*)/;
/** Another tool's command line (the AWS CLI's own `--region`, `--profile`): not our flag. */
const OTHER_TOOL = /\baws (rds|sso|configure|sts|iam)\b/;

/** `file:line: word` for every code line of `text` that spells one of `words` out. */
export function literalUses(file: string, text: string, words: readonly string[]): string[] {
    return text.split("\n").flatMap((line, i) => {
        if (COMMENT.test(line) || OTHER_TOOL.test(line)) return [];
        return words
            .filter((w) => new RegExp(`${w.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}(?![\\w-])`).test(line))
            .map((w) => `${file}:${i + 1}: ${w}`);
    });
}

const FILES = [...PRODUCT, "testbeds"].flatMap(sourceFiles);

describe("vocabulary: every tag key, type token and CLI flag is spelled out in one place", () => {
    it("finds a spelled-out word when there is one (and not in a comment or an AWS CLI command)", () => {
        const words = HOMES.flatMap((h) => h.words);
        assert.ok(words.length >= 30, `${words.length} words`);
        const text = [
            'tags: { "aurora-global:role": role },',
            "// the `aurora-global:role` tag",
            "`run again with --old-clusters delete`",
            "`aws rds delete-db-cluster --region ${r}`",
            'super("aurora-global:index:AuroraGlobalDatabase", name);',
            "`--region-name` is not ours",
        ].join("\n");
        assert.deepEqual(literalUses("x.ts", text, words), [
            "x.ts:1: aurora-global:role",
            "x.ts:3: --old-clusters",
            "x.ts:5: aurora-global:index:AuroraGlobalDatabase",
        ]);
    });

    for (const { home, words } of HOMES)
        it(`the words of ${home} appear nowhere else in the product or the test beds`, () => {
            assert.ok(words.length > 0);
            const uses = FILES.filter((f) => f !== home).flatMap((f) => literalUses(f, readSource(f), words));
            assert.deepEqual(uses, []);
        });
});
