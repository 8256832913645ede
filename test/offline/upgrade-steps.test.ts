import { strict as assert } from "assert";
import { diffPreviews } from "../../testbeds/offline/run/preview";
import { PacedClock } from "../../testbeds/offline/run/paced-clock";
import { cliArgs, runUpgradeSteps, stamp } from "../../testbeds/offline/run/upgrade";
import { RecordedResource } from "../../testbeds/offline/mock-engine";
import { createSimulatedRds } from "../../testbeds/simulator";

function seeded() {
    const clock = new PacedClock();
    const sim = createSimulatedRds({ clock });
    sim.seed({
        globalClusterId: "pg-global",
        engine: "aurora-postgresql",
        version: "17.4.5",
        members: [
            { id: "pg-east", region: "us-east-1", role: "primary", instances: 2, upgradeDurationMs: 13 * 60_000 },
            { id: "pg-apne1", region: "ap-northeast-1", role: "secondary", upgradeDurationMs: 12 * 60_000 },
        ],
    });
    return { clock, sim };
}

const step = (name: string, args: string, after: string[] = []) => ({
    name,
    urn: `urn:${name}`,
    command: `node bin/aurora-global.js ${args}`,
    environment: { AWS_REGION: "us-east-1" },
    after,
});

describe("offline pulumi up of the upgrade steps", function () {
    this.timeout(30_000);

    it("takes the CLI arguments after the launcher of a step's command line", () => {
        assert.deepEqual(cliArgs("node bin/aurora-global.js upgrade --global-cluster g --target 17.5"), [
            "upgrade",
            "--global-cluster",
            "g",
            "--target",
            "17.5",
        ]);
        assert.deepEqual(cliArgs("npx aurora-global patch --global-cluster g"), ["patch", "--global-cluster", "g"]);
        assert.throws(() => cliArgs("echo hello"), {
            message:
                'upgrade step command "echo hello" does not run an aurora-global subcommand (upgrade, patch, plan, status)',
        });
    });

    it("runs a step with the real CLI on the virtual clock and prints its progress with elapsed time", async () => {
        const { clock, sim } = seeded();
        const lines: string[] = [];
        const run = await runUpgradeSteps(
            [step("global", "upgrade --global-cluster pg-global --target 17.5 --strategy managed")],
            { sim, clock, globalClusterId: "pg-global", speed: "max", out: (l) => lines.push(l) },
        );
        assert.equal(run.ok, true, lines.join("\n"));
        assert.deepEqual(run.exits, { global: 0 });
        assert.equal(sim.cluster("pg-east").engineVersion, "17.5");
        assert.equal(sim.cluster("pg-apne1").engineVersion, "17.5");
        assert.equal(lines[0], `${stamp(0)}   us-east-1       primary   available  17.4.5  (pg-east)`);
        assert.ok(
            lines.includes(
                `${stamp(0)} ▶ global: aurora-global upgrade --global-cluster pg-global --target 17.5 --strategy managed`,
            ),
            lines.join("\n"),
        );
        assert.ok(
            lines.some((l) =>
                /^\[\+5m00s\] +ap-northeast-1 +secondary upgrading +17\.4\.5 → 17\.5\.4 for 2m58s {2}\(pg-apne1\)$/.test(
                    l,
                ),
            ),
            lines.join("\n"),
        );
        assert.ok(
            lines.some((l) =>
                /^\[\+\d+m\d\ds\] +global │ secondary cluster "pg-apne1" \(ap-northeast-1\): done, 17\.5 and available after 12m00s$/.test(
                    l,
                ),
            ),
            lines.join("\n"),
        );
        assert.match(lines.join("\n"), /✔ global: exit 0 after \d+m\d\ds — managed 17\.4 → 17\.5: done in/);
    });

    it("redraws one live status line every 30 virtual seconds on a terminal, and clears it", async () => {
        const { clock, sim } = seeded();
        const live: string[] = [];
        const lines: string[] = [];
        await runUpgradeSteps([step("global", "upgrade --global-cluster pg-global --target 17.5 --strategy managed")], {
            sim,
            clock,
            globalClusterId: "pg-global",
            speed: "max",
            out: (l) => lines.push(l),
            live: (t) => live.push(t),
        });
        assert.ok(
            live.includes(`${stamp(60_000)} us-east-1 available 17.4.5 │ ap-northeast-1 available 17.4.5`),
            live.join("\n"),
        );
        assert.ok(
            live.includes(`${stamp(7 * 60_000)} us-east-1 upgrading → 17.5.4 │ ap-northeast-1 upgrading → 17.5.4`),
            live.join("\n"),
        );
        assert.equal(live[live.length - 1], "");
        assert.equal(
            lines.filter((l) => l.includes("upgrading  17.4.5 → 17.5.4")).length,
            // The upgrade ends 2 s later than before the lease's settle wait applied always: one more board.
            5,
            "the permanent board stays every 5 minutes",
        );
    });

    it("does not run a step whose predecessor failed", async () => {
        const { clock, sim } = seeded();
        const lines: string[] = [];
        const run = await runUpgradeSteps(
            [
                // a major without --allow-major: blocked, exit 2
                step("first", "upgrade --global-cluster pg-global --target 18.0"),
                step("second", "upgrade --global-cluster pg-global --target 17.5", ["first"]),
            ],
            { sim, clock, globalClusterId: "pg-global", speed: "max", out: (l) => lines.push(l) },
        );
        assert.equal(run.ok, false);
        assert.deepEqual(run.exits, { first: 2 });
        assert.ok(lines.includes(`${stamp(0)} ✗ second: not run, a step it waits for failed`), lines.join("\n"));
        assert.equal(sim.calls.filter((c) => !c.command.startsWith("Describe")).length, 0);
    });
});

describe("offline next-preview drift", () => {
    const res = (
        name: string,
        inputs: Record<string, unknown>,
        over: Partial<RecordedResource> = {},
    ): RecordedResource => ({
        type: "aws:rds/cluster:Cluster",
        name,
        urn: `urn:${name}`,
        parent: "",
        custom: true,
        dependencies: [],
        propertyDependencies: {},
        ignoreChanges: ["engineVersion"],
        provider: "",
        inputs,
        protect: false,
        deleteBeforeReplace: false,
        retainOnDelete: false,
        ...over,
    });

    it("ignores ignoreChanges properties and reports creates, updates and deletes", () => {
        const before = [
            res("a", { engineVersion: "17.4", port: 5432 }),
            res("b", { port: 1 }),
            res("step", { create: "x" }, { type: "command:local:Command", ignoreChanges: [] }),
        ];
        const after = [res("a", { engineVersion: "17.5", port: 5432 }), res("b", { port: 2 }), res("c", {})];
        assert.deepEqual(diffPreviews(before, after), [
            { op: "update", name: "b", type: "aws:rds/cluster:Cluster", properties: ["port"] },
            { op: "create", name: "c", type: "aws:rds/cluster:Cluster" },
            { op: "delete", name: "step", type: "command:local:Command" },
        ]);
        assert.deepEqual(diffPreviews(before.slice(0, 1), after.slice(0, 1)), []);
    });
});
