import { strict as assert } from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseScenario, loadScenario, ScenarioError } from "../../testbeds/offline/scenario/load";
import { currentStateFrom, mutatingCalls, seedOf, simulatedAws } from "../../testbeds/offline/scenario/simulated-aws";
import { PacedClock } from "../../testbeds/offline/run/paced-clock";
import { stackConfigs } from "../../testbeds/offline/run/preview";
import { assertNames } from "../support/meaning";

/** The problems a ScenarioError lists, as [field path, the rest of its line], after checking it names `scenario`. */
function problemsOf(scenario: string, parse: () => unknown): [string, string][] {
    try {
        parse();
    } catch (e) {
        assert.ok(e instanceof ScenarioError, String(e));
        const [head, ...lines] = e.message.split("\n");
        assertNames(head, [`scenario "${scenario}"`]);
        return lines.map((line) => {
            const m = /^ {2}- (\S+) (.*)$/.exec(line);
            assert.ok(m, `not a problem line: ${line}`);
            return [m[1], m[2]];
        });
    }
    assert.fail(`scenario "${scenario}" was accepted`);
}

describe("offline scenario files", () => {
    it("the default scenario follows Pulumi.dev.yaml: the PR changes engineVersion 17.4 → 17.5 only", () => {
        const s = loadScenario("pg-managed-minor");
        const { before, after } = stackConfigs(s);
        assert.equal(before["aurora-global:engineVersion"], "17.4");
        assert.equal(after["aurora-global:engineVersion"], "17.5");
        const changed = Object.keys(after).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
        assert.deepEqual(changed, ["aurora-global:engineVersion"]);
        assert.equal(before["aurora-global:globalClusterIdentifier"], s.aws.globalCluster);
        assert.deepEqual(
            s.aws.members.map((m) => [m.role, m.region]),
            [
                ["primary", before["aurora-global:primaryRegion"]],
                ...(before["aurora-global:secondaryRegions"] as string[]).map((r) => ["secondary", r]),
            ],
        );
    });

    it("every scenario's AWS members are the members its stack declares (cluster ids as the component names them)", () => {
        for (const name of fs
            .readdirSync(path.join(__dirname, "..", "..", "testbeds", "scenarios"))
            .map((f) => f.replace(/\.yaml$/, ""))) {
            const s = loadScenario(name);
            const { before } = stackConfigs(s);
            const id = before["aurora-global:globalClusterIdentifier"];
            const regions = [
                before["aurora-global:primaryRegion"],
                ...((before["aurora-global:secondaryRegions"] as string[]) ?? []),
            ];
            assert.equal(s.aws.globalCluster, id, name);
            assert.deepEqual(
                s.aws.members.map((m) => m.cluster),
                regions.map((r) => `${id}-${r}`),
                name,
            );
        }
    });

    it("turns the AWS state into the simulator's seed (minutes → ms, pending actions, rpo)", () => {
        const seed = seedOf(loadScenario("pending-patch-round"));
        assert.equal(seed.globalClusterId, "aurora-global-dev");
        assert.equal(seed.version, "17.4.5");
        assert.deepEqual(seed.members[1], {
            id: "aurora-global-dev-ap-northeast-1",
            region: "ap-northeast-1",
            role: "secondary",
            instances: 1,
            rpo: false,
            upgradeDurationMs: 12 * 60_000,
            pendingActions: [{ action: "system-update", targetVersion: "17.4.6", durationMs: 8 * 60_000 }],
        });
    });

    it("a member's rdsProxy is an RDS Proxy of its region targeting it (the simulator's seed)", () => {
        const s = loadScenario("pg-blue-green-rds-proxy-blocked");
        assert.deepEqual(seedOf(s).proxies, [
            {
                name: "tokyo-app-proxy",
                region: "ap-northeast-1",
                targets: ["aurora-global-dev-ap-northeast-1"],
            },
        ]);
        assert.deepEqual(seedOf(loadScenario("pg-managed-minor")).proxies, []);
    });

    it("the mock engine's current state is read from the simulator: one described state", async () => {
        const sim = simulatedAws(loadScenario("pg-managed-minor"), new PacedClock());
        const state = await currentStateFrom(sim, "aurora-global-dev");
        assert.deepEqual(state.globalClusters, [
            { identifier: "aurora-global-dev", engine: "aurora-postgresql", engineVersion: "17.4" },
        ]);
        assert.deepEqual(state.clusters, [
            {
                clusterIdentifier: "aurora-global-dev-us-east-1",
                region: "us-east-1",
                engine: "aurora-postgresql",
                engineVersion: "17.4",
                globalClusterIdentifier: "aurora-global-dev",
                instanceCount: 2,
            },
            {
                clusterIdentifier: "aurora-global-dev-ap-northeast-1",
                region: "ap-northeast-1",
                engine: "aurora-postgresql",
                engineVersion: "17.4",
                globalClusterIdentifier: "aurora-global-dev",
                instanceCount: 1,
            },
        ]);
        const v174 = state.engineVersions?.find((e) => e.version === "17.4");
        assert.deepEqual(v174, {
            engine: "aurora-postgresql",
            version: "17.4",
            supportsGlobalDatabases: true,
            validUpgradeTargets: ["17.5"],
        });
        assert.equal(sim.calls.length, 0, "reading versions makes no API call");
        assert.equal(mutatingCalls(sim), 0);
    });

    it("pending maintenance comes from the simulator as DescribePendingMaintenanceActions reports it", async () => {
        const sim = simulatedAws(loadScenario("pending-patch-round"), new PacedClock());
        const state = await currentStateFrom(sim, "aurora-global-dev");
        assert.deepEqual(
            state.clusters?.map((c) => c.pendingActions),
            [
                [{ action: "system-update", description: "Upgrade to Aurora PostgreSQL 17.4.6" }],
                [{ action: "system-update", description: "Upgrade to Aurora PostgreSQL 17.4.6" }],
            ],
        );
        assert.deepEqual(
            sim.calls.map((c) => c.command),
            ["DescribePendingMaintenanceActions", "DescribePendingMaintenanceActions"],
        );
        assert.equal(mutatingCalls(sim), 0);
    });

    it("lists every problem of a malformed scenario, each with the fix", () => {
        assert.throws(
            () =>
                parseScenario("broken", {
                    description: "x",
                    pullRequest: {},
                    aws: {
                        globalCluster: "g",
                        engine: "oracle",
                        version: "1",
                        members: [{ region: "us-east-1", role: "writer", upgradeMinutes: -3 }],
                    },
                }),
            (e: unknown) => {
                assert.ok(e instanceof ScenarioError);
                // The wording of a scenario's problems, pinned once; other tests assert field paths and values.
                assert.equal(
                    e.message,
                    [
                        'scenario "broken" is not valid:',
                        '  - pullRequest is empty: give the config change of the pull request, e.g. pullRequest: { engineVersion: "17.5" }',
                        '  - aws.engine "oracle" is not supported: use aurora-postgresql or aurora-mysql',
                        '  - aws.members[0].role "writer" is not valid: use primary or secondary',
                        "  - aws.members[0].upgradeMinutes is -3: give a number >= 0",
                        "  - expect is missing: give path, blocked and finalVersion (what the test asserts)",
                    ].join("\n"),
                );
                return true;
            },
        );
    });

    it("checks a blue/green expect block: the old clusters' fate and the switchover numbers", () => {
        const doc = (blueGreen: unknown) => ({
            description: "x",
            pullRequest: { engineVersion: "17.5" },
            aws: {
                globalCluster: "g",
                engine: "aurora-postgresql",
                version: "17.4",
                members: [{ region: "us-east-1", role: "primary" }],
            },
            expect: { path: "blue-green", blocked: false, finalVersion: "17.5", blueGreen },
        });
        const problems = problemsOf("bg", () =>
            parseScenario("bg", doc({ oldClusters: "archive", switchoverTimeoutSeconds: -1 })),
        );
        assert.deepEqual(
            problems.map(([field]) => field),
            ["expect.blueGreen.oldClusters", "expect.blueGreen.switchoverTimeoutSeconds"],
        );
        assertNames(problems[0][1], ['"archive"', "keep or delete"]);
        assertNames(problems[1][1], ["-1", ">= 0"]);
        const notMapping = problemsOf("bg", () => parseScenario("bg", doc("yes")));
        assert.deepEqual(
            notMapping.map(([field]) => field),
            ["expect.blueGreen"],
        );
        assertNames(notMapping[0][1], [
            "mapping",
            "switchoverTimeoutSeconds",
            "switchoverWithinSeconds",
            "oldClusters",
        ]);
        assert.deepEqual(parseScenario("bg", doc({})).expect.blueGreen, {
            switchoverTimeoutSeconds: 300,
            switchoverWithinSeconds: 60,
            oldClusters: "keep",
        });
        assert.equal(parseScenario("bg", doc(undefined)).expect.blueGreen, undefined);
    });

    it("refuses an unknown scenario name, listing the files of the folder", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "scenarios-"));
        fs.writeFileSync(path.join(dir, "b.yaml"), "description: b\n");
        fs.writeFileSync(path.join(dir, "a.yaml"), "description: a\n");
        assert.throws(() => loadScenario("c", dir), {
            message: 'unknown scenario "c": choose one of a, b (npm run offline -- --list describes them)',
        });
    });
});
