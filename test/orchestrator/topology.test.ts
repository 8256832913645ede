import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { blueGreenLimitsOf } from "../../aws/topology/blue-green-limits";
import { describeTopology } from "../../aws/topology/describe";
import { pendingTargetVersion } from "../../aws/topology/facts";
import { targetGroupName } from "../../aws/topology/parameter-groups";
import { toPlanInput } from "../../aws/topology/plan-input";
import { DEFAULT_PLAN_OPTIONS } from "../../planner";
import { cli, PG_ARGS, PG_SEED, simulate } from "./harness";
import { expectErrorLine } from "../support/meaning";

describe("orchestrator: describing the global database", () => {
    const sim = simulate({
        globalClusterId: "app-global",
        engine: "aurora-postgresql",
        version: "17.4.5",
        members: [
            {
                id: "app-apne1",
                region: "ap-northeast-1",
                role: "secondary",
                pendingActions: [{ targetVersion: "17.4.6" }],
            },
            { id: "app-use1", region: "us-east-1", role: "primary", instances: 2, rpo: true },
            { id: "app-euw1", region: "eu-west-1", role: "secondary", instances: 0 },
        ],
    });
    const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });

    it("roles from IsWriter, regions from ARNs, each member described by identifier in its own region, as planner input", async () => {
        const t = await describeTopology(api, "us-east-1", "app-global", { target: readTarget("17.5") });
        assert.deepStrictEqual(
            t.members.map((m) => `${m.role} ${m.cluster} ${m.region} ${m.engineVersion} ${m.instanceIds.length}`),
            [
                "primary app-use1 us-east-1 17.4 2",
                "secondary app-apne1 ap-northeast-1 17.4 1",
                "secondary app-euw1 eu-west-1 17.4 0",
            ],
        );
        const describes = sim
            .callsOf("DescribeDBClusters")
            .map((c) => `${c.region} ${String(c.input.DBClusterIdentifier)}`)
            .sort();
        assert.deepStrictEqual(describes, ["ap-northeast-1 app-apne1", "eu-west-1 app-euw1", "us-east-1 app-use1"]);
        assert.deepStrictEqual(
            sim.callsOf("DescribeGlobalClusters").map((c) => c.region),
            ["us-east-1"],
        );
        const input = toPlanInput(t, readTarget("17.5"), DEFAULT_PLAN_OPTIONS);
        assert.strictEqual(input.engine, "aurora-postgresql");
        assert.strictEqual(input.globalCurrentVersion, "17.4");
        // A minor upgrade cannot use pending maintenance nor the custom group's parameters: not read.
        assert.strictEqual(input.members.find((m) => m.cluster === "app-apne1")?.pendingActions, undefined);
        assert.strictEqual(input.members.find((m) => m.cluster === "app-use1")?.rpoEnabled, undefined);
        assert.strictEqual(
            input.members.find((m) => m.cluster === "app-apne1")?.rpoEnabled,
            false,
            "a default group carries no user parameter (no call needed)",
        );
        assert.deepStrictEqual(
            input.catalogue?.upgradeTargets?.["17.4"]?.map((x) => x.version),
            ["17.5"],
        );
        assert.strictEqual(input.catalogue?.supportsGlobal?.["17.5"], true);
        // A patch round (target = running version) reads what AWS has pending.
        const patchRound = toPlanInput(
            await describeTopology(api, "us-east-1", "app-global", { target: readTarget("17.4") }),
            readTarget("17.4"),
            DEFAULT_PLAN_OPTIONS,
        );
        assert.deepStrictEqual(patchRound.members.find((m) => m.cluster === "app-apne1")?.pendingActions, [
            { action: "system-update", description: "Upgrade to Aurora PostgreSQL 17.4.6", targetVersion: "17.4.6" },
        ]);
    });

    it("an unknown global cluster is bad input (exit 2) naming the flag to check", async () => {
        const r = await cli(simulate(PG_SEED), ["status", "--region", "us-east-1", "--global-cluster", "nope"]);
        // Its wording: bad-input-catalogue.test.ts.
        expectErrorLine(
            r,
            2,
            'global cluster "nope"',
            "not found from us-east-1",
            "--global-cluster",
            "--region",
            "AWS_REGION",
        );
    });

    it("status prints every member's version and whether failover is ready (json)", async () => {
        const s = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => (m.role === "secondary" ? { ...m, version: "17.5" } : m)),
        });
        const r = await cli(s, ["status", ...PG_ARGS, "--format", "json"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const json = JSON.parse(r.stdout) as {
            failoverReady: boolean;
            members: { cluster: string; engineVersion: string; role: string }[];
        };
        assert.strictEqual(json.failoverReady, false);
        assert.deepStrictEqual(
            json.members.map((m) => `${m.role} ${m.cluster} ${m.engineVersion}`),
            ["primary app-use1 17.4", "secondary app-apne1 17.5"],
        );
        assert.ok(s.calls.every((c) => c.command.startsWith("Describe")));
    });

    it("the home region may be a secondary's: members are still described, and the global operation sent, in their own regions", async () => {
        const s = simulate(PG_SEED);
        const r = await cli(s, [
            "upgrade",
            "--region",
            "ap-northeast-1",
            "--global-cluster",
            "app-global",
            "--target",
            "17.5",
            "--no-snapshot",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(s.callsOf("DescribeGlobalClusters").map((c) => c.region)[0], "ap-northeast-1");
        assert.deepStrictEqual(
            s.callsOf("ModifyGlobalCluster").map((c) => c.region),
            ["us-east-1"],
        );
        assert.ok(
            s
                .callsOf("DescribeDBClusters")
                .every(
                    (c) => c.region === (c.input.DBClusterIdentifier === "app-use1" ? "us-east-1" : "ap-northeast-1"),
                ),
        );
    });

    it("reads the version a pending action brings from its description", () => {
        assert.strictEqual(pendingTargetVersion("aurora-postgresql", "Upgrade to Aurora PostgreSQL 17.4.6"), "17.4.6");
        assert.strictEqual(
            pendingTargetVersion("aurora-mysql", "Upgrade to Aurora MySQL 3.08.1"),
            "8.0.mysql_aurora.3.08.1",
        );
        assert.strictEqual(pendingTargetVersion("aurora-mysql", "New Operating System update is available"), undefined);
    });

    it("names target-family parameter groups deterministically", () => {
        assert.strictEqual(
            targetGroupName("app-aurora-postgresql16", "aurora-postgresql17"),
            "app-aurora-postgresql17",
        );
        assert.strictEqual(targetGroupName("shop-params", "aurora-mysql8.4"), "shop-params-aurora-mysql8-4");
    });
});

describe("orchestrator: blue/green limits read from DescribeDBClusters", () => {
    it("blueGreenLimitsOf: a MasterUserSecret is the Secrets-Manager limit; none, no limit", () => {
        assert.deepStrictEqual(
            blueGreenLimitsOf({ MasterUserSecret: { SecretArn: "arn:aws:secretsmanager:us-east-1:1:secret:rds!x" } }),
            ["secrets-manager-password"],
        );
        assert.deepStrictEqual(blueGreenLimitsOf({}), []);
    });

    it("the member AWS reports it on carries the limit into the planner's input, the others carry none", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => (m.role === "secondary" ? { ...m, managedMasterPassword: true } : m)),
        });
        const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });
        const t = await describeTopology(api, "us-east-1", "app-global", { target: readTarget("17.5") });
        const input = toPlanInput(t, readTarget("17.5"), { ...DEFAULT_PLAN_OPTIONS, strategy: "blue-green" });
        assert.deepStrictEqual(
            input.members.map((m) => [m.cluster, m.blueGreenLimits]),
            [
                ["app-use1", undefined],
                ["app-apne1", ["secrets-manager-password"]],
            ],
        );
    });
});
