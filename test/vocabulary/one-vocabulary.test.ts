import * as assert from "assert";
import { validateArgs } from "../../components";
import { parseFlag, parseRegion } from "../../orchestrator/cli";
import { componentSettings } from "../../policy/lib/component-contract";
import { OPT_IN_TYPES, POLL_SECONDS, STRATEGIES, TIMEOUT_MINUTES } from "../../vocabulary";
import { pgArgs } from "../components/fixtures";

/** The component, the CLI and the policy pack accept exactly the words the vocabulary defines. */
describe("vocabulary: one set of words for the component, the CLI and the pack", () => {
    const componentAccepts = (upgrade: object): boolean =>
        validateArgs(pgArgs({ upgrade: upgrade as never })).length === 0;
    const cliAccepts = (parse: (raw: string, errors: string[]) => unknown, raw: string): boolean => {
        const errors: string[] = [];
        parse(raw, errors);
        return errors.length === 0;
    };
    const flag =
        (name: Parameters<typeof parseFlag>[0]) =>
        (raw: string, errors: string[]): unknown =>
            parseFlag(name, raw, errors);

    it("strategies: every one accepted everywhere, an unknown one nowhere", () => {
        for (const strategy of STRATEGIES) {
            assert.ok(componentAccepts({ strategy }), strategy);
            assert.ok(cliAccepts(flag("strategy"), strategy), strategy);
            assert.strictEqual(componentSettings({ upgrade: { strategy } }).options.strategy, strategy);
        }
        assert.ok(!componentAccepts({ strategy: "fast" }));
        assert.ok(!cliAccepts(flag("strategy"), "fast"));
        // The pack never judges a plan with another strategy than the component's: it reports the value.
        assert.deepStrictEqual(
            componentSettings({ upgrade: { strategy: "fast" } }).optionProblems.map((p) => [p.rule, p.field, p.value]),
            [["strategy", "upgrade.strategy", "fast"]],
        );
    });

    it("opt-in types: every one accepted everywhere, an unknown one nowhere", () => {
        for (const optIn of OPT_IN_TYPES) {
            assert.ok(componentAccepts({ applyPendingPatches: optIn }), optIn);
            assert.ok(cliAccepts(flag("optIn"), optIn), optIn);
            assert.strictEqual(
                componentSettings({ upgrade: { applyPendingPatches: optIn } }).options.applyPendingPatches,
                optIn,
            );
        }
        assert.ok(!componentAccepts({ applyPendingPatches: "undo-opt-in" }));
        assert.ok(!cliAccepts(flag("optIn"), "undo-opt-in"));
    });

    it("timeoutMinutes and pollSeconds: the same bounds in the component and the CLI", () => {
        for (const [field, parse, bounds] of [
            ["timeoutMinutes", flag("timeoutMinutes"), TIMEOUT_MINUTES],
            ["pollSeconds", flag("pollSeconds"), POLL_SECONDS],
        ] as const) {
            for (const n of [bounds.min - 1, bounds.min, bounds.max, bounds.max + 1]) {
                const inside = n >= bounds.min && n <= bounds.max;
                assert.strictEqual(componentAccepts({ [field]: n }), inside, `${field} ${n}`);
                assert.strictEqual(cliAccepts(parse, String(n)), inside, `${field} ${n}`);
            }
        }
    });

    it("regions: the component and the CLI agree on every sample", () => {
        const samples = [
            "us-east-1",
            "ap-northeast-1",
            "us-gov-west-1",
            "us-isob-east-1",
            "cn-north-1",
            "mars",
            "us-east",
            "us-east-one",
            "US-EAST-1",
            "us-foo-bar-east-1",
        ];
        for (const region of samples) {
            const component = validateArgs(pgArgs({ primary: { region }, secondaries: [] })).length === 0;
            const cli = cliAccepts((raw, errors) => parseRegion(raw, {}, errors), region);
            assert.strictEqual(cli, component, region);
        }
        assert.deepStrictEqual(
            samples.filter((region) => validateArgs(pgArgs({ primary: { region }, secondaries: [] })).length === 0),
            ["us-east-1", "ap-northeast-1", "us-gov-west-1", "us-isob-east-1", "cn-north-1"],
        );
    });
});
