import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { CLI_FLAGS, DEFAULTS, resolveUpgrade, stepGraph, UpgradeArgs } from "../../components";
import { resolveDeps } from "../../orchestrator/cli/deps";
import { buildProgram } from "../../orchestrator/cli/program";
import { DEFAULT_PLAN_OPTIONS, MemberState, planUpgrade, PlanOptions } from "../../planner";
import { nonEmpty } from "../support/non-empty";

function cliFlags(): Map<string, Set<string>> {
    const program = buildProgram(
        resolveDeps({ stdout: () => undefined, stderr: () => undefined, env: {} }),
        () => undefined,
    );
    return new Map(program.commands.map((c) => [c.name(), new Set(c.options.map((o) => o.long ?? ""))]));
}

const members = (version: string): MemberState[] => [
    {
        cluster: "app-use1",
        region: "us-east-1",
        role: "primary",
        instanceCount: 1,
        currentVersion: version,
        pendingActions: [{ action: "system-update" }],
    },
    {
        cluster: "app-apne1",
        region: "ap-northeast-1",
        role: "secondary",
        instanceCount: 1,
        currentVersion: version,
        pendingActions: [{ action: "system-update" }],
    },
];

function commands(target: string, options: Partial<PlanOptions>, upgrade: UpgradeArgs): string[] {
    const plan = planUpgrade({
        engine: "aurora-postgresql",
        globalClusterId: "app",
        target: readTarget(target),
        members: members("17.4"),
        options: { ...DEFAULT_PLAN_OPTIONS, ...options },
    });
    return stepGraph(plan, resolveUpgrade(upgrade), "us-east-1").map((s) => s.command);
}

describe("components: step command lines and the orchestrator CLI", () => {
    const all = [
        ...commands("17.5", { strategy: "rolling" }, { strategy: "rolling", timeoutMinutes: 30, pollSeconds: 10 }),
        ...commands("17.5", {}, {}),
        ...commands("18.1", { allowMajorVersionUpgrade: true }, { allowMajorVersionUpgrade: true }),
        ...commands("17.4", { applyPendingPatches: "immediate" }, { applyPendingPatches: "immediate", pollSeconds: 5 }),
    ];

    it("covers every kind of step", () => {
        assert.deepStrictEqual([...new Set(all.map((c) => c.split(" ").slice(2, 3)[0]))].sort(), ["patch", "upgrade"]);
        assert.ok(all.every((c) => c.startsWith(`${DEFAULTS.cli} `)));
        assert.ok(
            all.some((c) => c.includes(` ${CLI_FLAGS.onlyMember} `)) &&
                all.some((c) => c.endsWith(` ${CLI_FLAGS.onlySnapshot}`)),
        );
        assert.strictEqual(all.length, 3 + 2 + 2 + 3);
    });

    it("uses only subcommands and flags the CLI defines, --only-member and --only-snapshot included", () => {
        const known = cliFlags();
        for (const line of nonEmpty(all, "line")) {
            const [, , sub, ...rest] = line.split(" ");
            assert.ok(known.has(sub), `unknown subcommand in: ${line}`);
            for (const flag of rest.filter((t) => t.startsWith("--"))) {
                assert.ok(known.get(sub)!.has(flag), `"${flag}" is not a flag of "aurora-global ${sub}" (${line})`);
            }
        }
    });
});
