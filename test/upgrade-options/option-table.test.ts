import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as yaml from "js-yaml";
import * as flags from "../../cli-contract/flags";
import {
    OptionName,
    OptionSpec,
    parseOption,
    renderProblem,
    STACK_CONFIG_NAMESPACE,
    UPGRADE_OPTIONS,
} from "../../upgrade-options";
import { ROOT } from "../support/source-files";
import { nonEmpty } from "../support/non-empty";
import { assertRefusal } from "../support/refusal";

const NAMES = Object.keys(UPGRADE_OPTIONS) as OptionName[];
const spec = (name: OptionName): OptionSpec => UPGRADE_OPTIONS[name];
const PROJECT = yaml.load(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8")) as {
    name: string;
    config: Record<string, { type: string; default?: unknown }>;
};
const ALL_FLAGS = Object.values(flags).flatMap((t) =>
    typeof t === "object" && !(t instanceof RegExp) ? Object.values(t as Record<string, string>) : [],
);

/** What Pulumi.yaml's default means: 0 and "" are "unset" (components/config/stack-config.ts UNSET). */
const yamlDefault = (kind: OptionSpec["kind"], value: unknown): unknown =>
    value === 0 || value === "" ? undefined : kind === "opt-in" && value === "false" ? false : value;

describe("upgrade-options: one table for the CLI, the component, the stack config and the pack", () => {
    it("every flag is one of cli-contract/flags.ts; every arg path is upgrade.<name>", () => {
        for (const name of nonEmpty(NAMES, "option")) {
            const s = spec(name);
            if (s.flag !== undefined) assert.ok(ALL_FLAGS.includes(s.flag), `${name}: ${s.flag}`);
            if (s.argPath !== undefined) assert.equal(s.argPath, `upgrade.${name}`);
        }
    });

    it("every stack config key is in Pulumi.yaml with the type of its kind and the table's default", () => {
        assert.equal(PROJECT.name, STACK_CONFIG_NAMESPACE);
        const TYPE = { enum: "string", "opt-in": "string", "whole-number": "integer", boolean: "boolean" };
        const keyed = nonEmpty(
            NAMES.filter((n) => spec(n).configKey !== undefined),
            "option with a config key",
        );
        for (const name of keyed) {
            const s = spec(name);
            const entry = PROJECT.config[s.configKey!];
            assert.ok(entry, `${s.configKey} in Pulumi.yaml`);
            assert.equal(entry.type, TYPE[s.kind], s.configKey);
            assert.deepEqual(yamlDefault(s.kind, entry.default), s.default, `${s.configKey} default`);
        }
    });

    it("text (a flag, a config string) and typed values (component args, the pack's props) are read alike", () => {
        assert.deepEqual(parseOption("pollSeconds", "--poll-seconds", " 15 ", "text"), { ok: true, value: 15 });
        assert.deepEqual(parseOption("pollSeconds", "upgrade.pollSeconds", 15, "value"), { ok: true, value: 15 });
        assert.equal(parseOption("pollSeconds", "upgrade.pollSeconds", "15", "value").ok, false, "a string arg");
        assert.deepEqual(parseOption("applyPendingPatches", "k", "false", "text"), { ok: true, value: false });
        assert.equal(parseOption("applyPendingPatches", "k", "false", "value").ok, false, "the string in args");
        assert.deepEqual(parseOption("strategy", "s", undefined, "text"), { ok: true, value: undefined });
        for (const bad of ["1e3", "1.5", "-1", "0x10", "", "99999999999999999999"])
            assert.equal(parseOption("timeoutMinutes", "t", bad, "text").ok, false, bad);
    });

    it("a refusal carries the rule, the field as written, the value and the fix; rendered in one place", () => {
        const read = parseOption(
            "switchoverTimeoutSeconds",
            "aurora-global:upgradeSwitchoverTimeoutSeconds",
            20,
            "value",
        );
        assert.ok(!read.ok);
        assert.equal(read.problem.rule, "switchover-timeout-seconds");
        assert.equal(read.problem.value, 20);
        assertRefusal(renderProblem(read.problem), {
            field: "aurora-global:upgradeSwitchoverTimeoutSeconds",
            value: "20",
            says: ["from 30 to 3600"],
            fix: "e.g. 300",
        });
        const old = parseOption("oldClusters", "--old-clusters", "archive", "text");
        assert.ok(!old.ok);
        assert.equal(
            renderProblem(old.problem),
            '--old-clusters "archive" is not a choice for the old clusters: use "keep" or "delete" (what happens to the -old1 clusters after a blue/green switchover)',
        );
    });
});
