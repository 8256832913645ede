import * as assert from "node:assert/strict";
import { PRODUCT, readSource, sourceFiles } from "../support/source-files";

/**
 * Issue #26 item 4: the target is read once where it enters the process (engine-versions
 * readTarget: the CLI's `--target`, the component's `engineVersion`, the pack's read of the
 * component, a rollout file) and carried as `target`; nothing below parses it again. Versions AWS
 * reports (members' current versions, pending patch levels) are parsed where they are read.
 */

/** Every `parseVersion(…)` / `tryParseVersion(…)` call in the product, as `file: call`. */
function parseCalls(): string[] {
    return PRODUCT.flatMap((dir) => sourceFiles(dir))
        .filter((file) => file !== "engine-versions/parse.ts")
        .flatMap((file) =>
            [...readSource(file).matchAll(/\b(?:tryParseVersion|parseVersion)\(([^()]*(?:\([^()]*\)[^()]*)*)\)/g)].map(
                (m) => `${file}: ${m[0].replace(/\s+/g, " ")}`,
            ),
        );
}

/** A call whose version argument is the target (by any of its former names) or a step's `to`. */
const NAMES_THE_TARGET =
    /,\s*[^,]*\b(?:target|targetVersion|args\.engineVersion|shared\.engineVersion|step\.to|s\.to|to)\b/;

/**
 * The parses of a target-like argument that stay, each with why it is not a second parse of the
 * target: the one read, and the fallbacks for a version that is not the run's target.
 */
const ALLOWED: Readonly<Record<string, string>> = {
    "engine-versions/target.ts: tryParseVersion(engine, text)": "readTarget: the one read",
    'orchestrator/execute/context.ts: parseVersion(this.engine, to ?? "")':
        "stepVersion: a step's own `to` that is not the run's target (a plan built by hand)",
    "orchestrator/execute/context.ts: tryParseVersion(this.engine, target)":
        "atVersion: a version that is not the run's target or its AWS form (those are looked up)",
    "planner/failover.ts: parseVersion(ctx.input.engine, s.to!)":
        "a member step's pending patch level (a step to the target takes ctx.target)",
};

describe("structure: the target is parsed once, at the process entry", () => {
    it("finds the parse calls it checks (the scan works)", () => {
        const calls = parseCalls();
        assert.ok(calls.length >= 10, `only ${calls.length} parse calls found`);
        assert.ok(calls.some((c) => c.startsWith("engine-versions/target.ts: tryParseVersion(engine, text)")));
    });

    it("no module below the entries parses the target again (only the listed, explained calls)", () => {
        const offending = parseCalls()
            .filter((c) => NAMES_THE_TARGET.test(c.slice(c.indexOf(": ") + 2)))
            .filter((c) => ALLOWED[c] === undefined);
        assert.deepEqual(offending, []);
    });

    it("the modules that re-parsed the target before carry it parsed now (no parse call at all)", () => {
        const formerReparses = [
            "aws/topology/describe.ts",
            "orchestrator/execute/global-upgrade.ts",
            "orchestrator/execute/modify-member.ts",
            "orchestrator/execute/parameter-groups.ts",
            "orchestrator/cli/options.ts",
            "planner/plan-support.ts",
        ];
        const calls = parseCalls();
        assert.deepEqual(
            calls.filter((c) => formerReparses.some((f) => c.startsWith(`${f}: `))),
            [],
        );
    });

    it("the CLI chooses the blue/green run from the plan's path, never from the strategy flag", () => {
        for (const file of ["orchestrator/cli/commands.ts", "orchestrator/cli/blue-green-command.ts"]) {
            const source = readSource(file);
            assert.doesNotMatch(source, /strategy\s*[!=]==?\s*"blue-green"/, file);
            assert.doesNotMatch(source, /"blue-green"\s*[!=]==?\s*\w*\.?strategy/, file);
        }
        assert.match(readSource("orchestrator/cli/commands.ts"), /plan\.path === "blue-green"/);
    });
});
