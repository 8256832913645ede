import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { assertRefusal, cliRefusalLines } from "../support/refusal";
import {
    CreateBlueGreenDeploymentCommand,
    DescribeBlueGreenDeploymentsCommand,
    DescribeDBClusterParametersCommand,
    ListTagsForResourceCommand,
} from "@aws-sdk/client-rds";
import { DEFAULT_PLAN_OPTIONS, planUpgrade } from "../../planner";
import { RdsGateway } from "../../aws/gateway";
import { executePlan } from "../../orchestrator/execute-plan";
import { describeTopology } from "../../aws/topology/describe";
import { toPlanInput } from "../../aws/topology/plan-input";
import { blueGreenReady, messages, SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { GLOBAL_REMOVAL_LAG_MS } from "../../testbeds/simulator/global-removal";
import {
    cli,
    CliRun,
    mutatingCalls,
    MYSQL_ARGS,
    MYSQL_BG_SEED,
    MYSQL_SEED,
    PG_ARGS,
    PG_BG_SEED,
    PG_SEED,
    simulate,
    expectStopped,
} from "./harness";
import { assertNames, expectBlocked, expectErrorLine } from "../support/meaning";
import { manyDeployments, manyGlobalClusters } from "../simulator/helpers";

const PG_BG = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"];
const MYSQL_BG = ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.10.0", "--strategy", "blue-green"];

const count = (sim: SimulatedRds, command: string) => sim.callsOf(command).filter((c) => !c.error).length;

/** Runs the CLI and kills it at the first deployment poll that sees `status` (the `nth` one). */
async function killedAtStatus(sim: SimulatedRds, argv: readonly string[], status: string, nth = 1): Promise<CliRun> {
    let seen = 0;
    return cli(sim, argv, {
        hooks: {
            onPoll: (_id, s) => {
                if (s === status && ++seen === nth) throw new Error(`killed at ${status}`);
            },
        },
    });
}

async function tagsOf(sim: SimulatedRds, region: string, arn: string): Promise<Record<string, string>> {
    const out = await sim.clientFor(region).send(new ListTagsForResourceCommand({ ResourceName: arn }));
    return Object.fromEntries((out.TagList ?? []).map((t) => [t.Key!, t.Value!]));
}

/** The deployments left in the simulator (any region). */
const deployments = (sim: SimulatedRds) => sim.blueGreenDeployments();

function assertSwitchedOver(sim: SimulatedRds, members: Record<string, string>): void {
    for (const [id, version] of Object.entries(members)) {
        assert.strictEqual(sim.cluster(id).engineVersion, version, id);
    }
}

describe("orchestrator: upgrade --strategy blue-green", () => {
    it("PostgreSQL: snapshot, deployment from the writer, green in every region, switchover, old clusters kept (protected, tagged, reported with their cost), deployment deleted", async () => {
        const sim = simulate(PG_BG_SEED);
        const r = await cli(sim, PG_BG);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(
            mutatingCalls(sim).map((c) => c.replace(/ $/, "")),
            [
                "us-east-1 CreateDBClusterSnapshot app-use1",
                "us-east-1 CreateBlueGreenDeployment",
                "us-east-1 SwitchoverBlueGreenDeployment",
                "us-east-1 AddTagsToResource",
                "ap-northeast-1 AddTagsToResource",
                "us-east-1 DeleteBlueGreenDeployment",
            ],
        );
        const create = sim.callsOf("CreateBlueGreenDeployment")[0].input;
        assert.strictEqual(create.Source, "arn:aws:rds:us-east-1:123456789012:cluster:app-use1");
        assert.strictEqual(create.TargetEngineVersion, "17.5");
        assert.strictEqual(create.BlueGreenDeploymentName, "ag-app-global-to-17-5");
        assert.strictEqual(sim.callsOf("SwitchoverBlueGreenDeployment")[0].input.SwitchoverTimeout, 300);
        assertSwitchedOver(sim, {
            "app-use1": "17.5",
            "app-apne1": "17.5",
            "app-use1-old1": "17.4",
            "app-apne1-old1": "17.4",
        });
        assert.strictEqual(sim.globalCluster("app-global").engineVersion, "17.5");
        const tags = await tagsOf(sim, "ap-northeast-1", sim.cluster("app-apne1-old1").arn);
        assert.strictEqual(tags["aurora-global:retired-from"], "app-global");
        assert.match(tags["aurora-global:retired-by-blue-green"], /^bgd-/);
        // The wording of the kept-clusters note, pinned once.
        assert.match(
            r.stderr,
            /kept the old clusters \(deletion protection on, tagged aurora-global:retired-by-blue-green=bgd-[a-z0-9]+\): app-use1-old1 \(us-east-1, 17\.4, 2 × db\.r6g\.large\); app-apne1-old1 \(ap-northeast-1, 17\.4, 1 × db\.r6g\.large\)\. They keep running and costing \(2 clusters, 3 instances and their storage\) until you delete them, or run again with --old-clusters delete\./,
        );
        assert.match(
            r.stdout,
            /blue-green 17\.4 → 17\.5 \(switched over\) in 3\dm\d\ds \(deployment bgd-[a-z0-9]+\); old clusters kept: app-use1-old1/,
        );
        await sim.clock.advance(2 * 60_000);
        assert.deepStrictEqual(deployments(sim), []);
        // A re-run has nothing left to do and creates nothing.
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.match(again.stdout, /nothing to do: global cluster "app-global" already runs 17\.5 everywhere/);
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 1);
    });

    it("MySQL 3.08 → 3.10 in three regions with --old-clusters delete: the old global cluster and clusters go, a final snapshot of the old writer stays", async () => {
        const sim = simulate(MYSQL_BG_SEED);
        const r = await cli(sim, [...MYSQL_BG, "--old-clusters", "delete", "--switchover-timeout-seconds", "120"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assertSwitchedOver(sim, {
            "shop-euw1": "8.0.mysql_aurora.3.10.0",
            "shop-use1": "8.0.mysql_aurora.3.10.0",
            "shop-apse2": "8.0.mysql_aurora.3.10.0",
        });
        assert.strictEqual(sim.callsOf("SwitchoverBlueGreenDeployment")[0].input.SwitchoverTimeout, 120);
        for (const old of ["shop-euw1-old1", "shop-use1-old1", "shop-apse2-old1"])
            assert.throws(() => sim.cluster(old), /no cluster/, old);
        assert.throws(() => sim.globalCluster("shop-global-old1"), /no global cluster/);
        assert.strictEqual(
            sim.callsOf("DeleteDBCluster").filter((c) => c.input.FinalDBSnapshotIdentifier === "shop-euw1-old1-final")
                .length,
            1,
        );
        assert.match(
            r.stdout,
            /old clusters deleted: shop-use1-old1 \(us-east-1\), shop-apse2-old1 \(ap-southeast-2\), shop-euw1-old1 \(eu-west-1\)/,
        );
    });

    it("--old-clusters delete follows AWS's order and consistency: secondaries removed first, each removal waited for, the writer last, DeleteGlobalCluster once the global cluster is empty", async () => {
        const sim = simulate(MYSQL_BG_SEED);
        const r = await cli(sim, [...MYSQL_BG, "--old-clusters", "delete"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const removals = sim.callsOf("RemoveFromGlobalCluster").filter((c) => !c.error);
        assert.deepStrictEqual(
            removals.map((c) => String(c.input.DbClusterIdentifier).split(":").at(-1)),
            ["shop-use1-old1", "shop-apse2-old1", "shop-euw1-old1"],
        );
        // Each removal shows only after AWS's lag (the simulator's GLOBAL_REMOVAL_LAG_MS): the next
        // step waits for it, so DeleteGlobalCluster is never refused as "is not empty".
        const times = [...removals.map((c) => c.time), sim.callsOf("DeleteGlobalCluster")[0].time];
        for (let i = 1; i < times.length; i++) assert.ok(times[i] - times[i - 1] >= GLOBAL_REMOVAL_LAG_MS, `step ${i}`);
        assert.strictEqual(sim.callsOf("DeleteGlobalCluster").filter((c) => c.error).length, 0);
    });

    it("--old-clusters delete retries DeleteGlobalCluster while AWS still answers 'is not empty' (terraform-provider-aws global_cluster.go)", async () => {
        const sim = simulate(MYSQL_BG_SEED);
        sim.faults.failNext("DeleteGlobalCluster", {
            code: "InvalidGlobalClusterStateFault",
            message: messages.globalNotEmpty("arn:aws:rds::123456789012:global-cluster:shop-global-old1"),
        });
        const r = await cli(sim, [...MYSQL_BG, "--old-clusters", "delete"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.callsOf("DeleteGlobalCluster").length, 2);
        assert.match(r.stderr, /DeleteGlobalCluster "shop-global-old1": AWS still reports it not empty; trying again/);
        assert.throws(() => sim.globalCluster("shop-global-old1"), /no global cluster/);
    });

    it("--old-clusters delete takes the final snapshot of the old writer AWS reports (IsWriter), not of the first cluster listed", async () => {
        // The global cluster lists a secondary first (as after a managed switchover).
        const [euw1, use1, apse2] = MYSQL_SEED.members;
        const sim = simulate(blueGreenReady({ ...MYSQL_SEED, members: [use1, euw1, apse2] }));
        const r = await cli(sim, [...MYSQL_BG, "--old-clusters", "delete"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const finals = sim
            .callsOf("DeleteDBCluster")
            .filter((c) => !c.error && c.input.FinalDBSnapshotIdentifier !== undefined)
            .map((c) => c.input.FinalDBSnapshotIdentifier);
        assert.deepStrictEqual(finals, ["shop-euw1-old1-final"]);
        const deletes = sim.callsOf("DeleteDBCluster").filter((c) => !c.error);
        assert.strictEqual(deletes.at(-1)!.input.DBClusterIdentifier, "shop-euw1-old1", "the writer last");
    });

    it("--old-clusters delete finds the old global cluster on any page of DescribeGlobalClusters (100 others listed first)", async () => {
        const sim = simulate(MYSQL_BG_SEED);
        await manyGlobalClusters(sim, 100);
        const r = await cli(sim, [...MYSQL_BG, "--old-clusters", "delete"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.throws(() => sim.globalCluster("shop-global-old1"), /no global cluster/);
        assert.ok(sim.callsOf("DescribeGlobalClusters").some((c) => c.input.Marker !== undefined));
    });

    it("status and a re-run find this database's deployment on any page of DescribeBlueGreenDeployments", async () => {
        const sim = simulate(PG_BG_SEED);
        await manyDeployments(sim, 100);
        const first = await killedAtStatus(sim, PG_BG, "AVAILABLE");
        assert.strictEqual(first.code, 1);
        const status = await cli(sim, ["status", ...PG_ARGS]);
        assert.match(
            status.stdout,
            /blue\/green deployment bgd-[a-z0-9]+ \("ag-app-global-to-17-5"\) in progress: AVAILABLE/,
        );
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 101);
    });

    for (const [phase, status, nth] of [
        ["while green is provisioning", "PROVISIONING", 3],
        ["once green is AVAILABLE, before the switchover", "AVAILABLE", 1],
        ["during the switchover", "SWITCHOVER_IN_PROGRESS", 1],
        ["after the switchover, before the cleanup", "SWITCHOVER_COMPLETED", 1],
    ] as const) {
        it(`killed ${phase}: the re-run finds its deployment, creates no second one and finishes`, async () => {
            const sim = simulate(PG_BG_SEED);
            const first = await killedAtStatus(sim, PG_BG, status, nth);
            assert.strictEqual(first.code, 1);
            assert.match(first.stderr, new RegExp(`killed at ${status}`));
            const again = await cli(sim, PG_BG);
            assert.strictEqual(again.code, 0, again.stderr);
            assert.match(
                again.stderr,
                /blue\/green deployment bgd-[a-z0-9]+ \("ag-app-global-to-17-5"\) found: [A-Z_]+ .*; not created again/,
            );
            assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 1);
            assert.strictEqual(count(sim, "CreateDBClusterSnapshot"), 1);
            assert.strictEqual(count(sim, "SwitchoverBlueGreenDeployment"), 1);
            assertSwitchedOver(sim, { "app-use1": "17.5", "app-apne1": "17.5", "app-use1-old1": "17.4" });
        });
    }

    it("status and plan show a deployment in progress", async () => {
        const sim = simulate(PG_BG_SEED);
        const first = await killedAtStatus(sim, PG_BG, "PROVISIONING", 2);
        assert.strictEqual(first.code, 1);
        const status = await cli(sim, ["status", ...PG_ARGS]);
        assert.strictEqual(status.code, 0, status.stderr);
        assert.match(
            status.stdout,
            /\nblue\/green deployment bgd-[a-z0-9]+ \("ag-app-global-to-17-5"\) in progress: PROVISIONING \[us-east-1 PROVISIONING, ap-northeast-1 PROVISIONING\]; tasks: CREATING_READ_REPLICA_OF_SOURCE IN_PROGRESS/,
        );
        const json = JSON.parse((await cli(sim, ["status", ...PG_ARGS, "--format", "json"])).stdout);
        assert.strictEqual(json.blueGreenDeployments[0].status, "PROVISIONING");
        assert.strictEqual(json.blueGreenDeployments[0].regions.length, 2);
        const plan = await cli(sim, ["plan", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"]);
        assert.match(
            plan.stdout,
            /blue\/green deployment bgd-[a-z0-9]+ \("ag-app-global-to-17-5"\) in progress: PROVISIONING/,
        );
    });

    it("killed after the old clusters were kept, before the deployment was deleted: the re-run tags again and deletes it", async () => {
        const sim = simulate(PG_BG_SEED);
        sim.faults.failNext("DeleteBlueGreenDeployment", {
            code: "AccessDenied",
            message: "User is not authorized to perform: rds:DeleteBlueGreenDeployment",
        });
        const first = await cli(sim, PG_BG);
        expectErrorLine(
            first,
            1,
            "DeleteBlueGreenDeployment bgd-",
            "AccessDenied: User is not authorized to perform: rds:DeleteBlueGreenDeployment",
            "The upgrade itself is done",
        );
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(count(sim, "DeleteBlueGreenDeployment"), 1);
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 1);
    });

    it("a switchover past its timeout: AWS rolls it back, exit 1, production unchanged and said so; the re-run switches over", async () => {
        const sim = simulate(PG_BG_SEED);
        sim.faults.slowSwitchover(5 * 60_000);
        const r = await cli(sim, PG_BG);
        expectStopped(
            r,
            "switchover of blue/green deployment bgd-",
            "AWS rolled it back",
            messages.switchoverTimedOut(300),
            'writer "app-use1" (us-east-1) still runs 17.4',
            "green environment is kept",
        );
        assertSwitchedOver(sim, { "app-use1": "17.4", "app-apne1": "17.4" });
        assert.strictEqual(sim.globalCluster("app-global").engineVersion, "17.4");
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.match(again.stderr, /the last switchover failed .*; production was left unchanged; trying again/);
        assertSwitchedOver(sim, { "app-use1": "17.5", "app-apne1": "17.5" });
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 1);
    });

    it("AWS's replica-lag guardrail refuses the switchover: exit 1, nothing switched", async () => {
        const sim = simulate(MYSQL_BG_SEED);
        sim.faults.replicaLag("shop-apse2", 900);
        const r = await cli(sim, MYSQL_BG);
        expectStopped(
            r,
            "guardrail",
            "green DB cluster shop-apse2-green-",
            "(900 seconds)",
            'writer "shop-euw1" (eu-west-1) still runs 8.0.mysql_aurora.3.08.0',
        );
        assert.strictEqual(sim.cluster("shop-apse2").engineVersion, "8.0.mysql_aurora.3.08.0");
    });

    it("a green cluster not available: aurora-global does not ask for the switchover (exit 1, production unchanged)", async () => {
        const sim = simulate(PG_BG_SEED);
        let held = false;
        const r = await cli(sim, PG_BG, {
            hooks: {
                onPoll: (_id, status) => {
                    if (status !== "AVAILABLE" || held) return;
                    held = true;
                    const green = sim
                        .blueGreenDeployments()[0]
                        .SwitchoverDetails!.filter((x) => x.TargetMember!.includes(":cluster:"))[1]
                        .TargetMember!.split(":")
                        .at(-1)!;
                    sim.holdStatus(green, "modifying", 10 * 60_000);
                },
            },
        });
        assert.strictEqual(r.code, 1);
        assert.match(
            r.stderr,
            /STOPPED: not switched over: blue\/green deployment bgd-[a-z0-9]+ is not ready \(green cluster "app-apne1-green-[a-z0-9]+" \(ap-northeast-1\) is "modifying"\)\. Production is unchanged\./,
        );
        assert.strictEqual(count(sim, "SwitchoverBlueGreenDeployment"), 0);
    });

    it("a custom endpoint in SwitchoverDetails (cluster-endpoint ARN) is neither read as a cluster nor retired as one", async () => {
        const [primary, ...rest] = PG_BG_SEED.members;
        const sim = simulate({ ...PG_BG_SEED, members: [{ ...primary, customEndpoints: ["app-reporting"] }, ...rest] });
        let details: string[] = [];
        const r = await cli(sim, PG_BG, {
            hooks: {
                onPoll: (_id, status) => {
                    if (status === "AVAILABLE")
                        details = sim.blueGreenDeployments()[0].SwitchoverDetails!.map((x) => x.SourceMember!);
                },
            },
        });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.ok(
            details.includes("arn:aws:rds:us-east-1:123456789012:cluster-endpoint:app-reporting"),
            details.join(" "),
        );
        assert.ok(
            !sim.callsOf("DescribeDBClusters").some((c) => String(c.input.DBClusterIdentifier).includes("reporting")),
        );
        assert.ok(
            !sim.callsOf("AddTagsToResource").some((c) => String(c.input.ResourceName).includes("cluster-endpoint")),
        );
        assertSwitchedOver(sim, { "app-use1": "17.5", "app-use1-old1": "17.4" });
    });

    it("a green DB instance deleted before the switchover (MISSING_TARGET): no switchover, exit 1 naming it", async () => {
        const sim = simulate(PG_BG_SEED);
        assert.strictEqual((await killedAtStatus(sim, PG_BG, "AVAILABLE")).code, 1);
        const green = sim
            .blueGreenDeployments()[0]
            .SwitchoverDetails!.find((x) => x.TargetMember!.includes(":db:"))!
            .TargetMember!.split(":")
            .at(-1)!;
        await sim.dispatch("us-east-1", "DeleteDBInstance", { DBInstanceIdentifier: green });
        const r = await cli(sim, PG_BG);
        assert.strictEqual(r.code, 1);
        assert.match(
            r.stderr,
            /not switched over: blue\/green deployment bgd-[a-z0-9]+ is not ready \(green DB instance "app-use1-instance-1-green-[a-z0-9]+" was deleted \(MISSING_TARGET\)/,
        );
        assert.strictEqual(count(sim, "SwitchoverBlueGreenDeployment"), 0);
    });

    it("a deployment of the same name made by hand is resumed, not duplicated; another deployment of the writer is AWS's refusal, reported", async () => {
        const sim = simulate(PG_BG_SEED);
        await sim.clientFor("us-east-1").send(
            new CreateBlueGreenDeploymentCommand({
                BlueGreenDeploymentName: "ag-app-global-to-17-5",
                Source: "arn:aws:rds:us-east-1:123456789012:cluster:app-use1",
                TargetEngineVersion: "17.5",
            }),
        );
        const r = await cli(sim, PG_BG);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 1);

        const other = simulate(PG_BG_SEED);
        const theirs = await other.clientFor("us-east-1").send(
            new CreateBlueGreenDeploymentCommand({
                BlueGreenDeploymentName: "someone-else",
                Source: "arn:aws:rds:us-east-1:123456789012:cluster:app-use1",
                TargetEngineVersion: "17.5",
            }),
        );
        const refused = await cli(other, PG_BG);
        expectStopped(
            refused,
            'CreateBlueGreenDeployment "ag-app-global-to-17-5" from app-use1 (us-east-1)',
            `InvalidDBClusterStateFault: ${messages.blueGreenSourceBusy("app-use1", theirs.BlueGreenDeployment!.BlueGreenDeploymentIdentifier!)}`,
            "Nothing was created",
        );
        const list = await other.clientFor("us-east-1").send(new DescribeBlueGreenDeploymentsCommand({}));
        assert.strictEqual(list.BlueGreenDeployments!.length, 1);
    });

    it("rejects a switchover timeout outside AWS's 30–3600 s and an unknown --old-clusters value (exit 2, no call)", async () => {
        const sim = simulate(PG_BG_SEED);
        const r = await cli(sim, [...PG_BG, "--switchover-timeout-seconds", "20", "--old-clusters", "archive"]);
        assert.strictEqual(r.code, 2);
        const lines = cliRefusalLines(r.stderr);
        assert.strictEqual(lines.length, 2, r.stderr);
        assertRefusal(lines[0], { field: "--switchover-timeout-seconds", value: '"20"', says: ["from 30 to 3600"] });
        assertRefusal(lines[1], { field: "--old-clusters", value: '"archive"', fix: '"keep" or "delete"' });
        assert.strictEqual(sim.calls.length, 0);
    });
});

describe("orchestrator CLI: the blue/green flags belong to the run that switches over", () => {
    it("refuses them with --only-snapshot (exit 2, no call); the snapshot step alone takes the snapshot only", async () => {
        const sim = simulate(PG_BG_SEED);
        const r = await cli(sim, [
            ...PG_BG,
            "--only-snapshot",
            "--switchover-timeout-seconds",
            "600",
            "--old-clusters",
            "delete",
        ]);
        expectErrorLine(
            r,
            2,
            "--switchover-timeout-seconds 600",
            "--old-clusters delete",
            "--only-snapshot",
            "leave them off",
        );
        assert.strictEqual(sim.calls.length, 0);
        const snapshot = await cli(sim, [...PG_BG, "--only-snapshot"]);
        assert.strictEqual(snapshot.code, 0, snapshot.stderr);
        assert.strictEqual(count(sim, "CreateDBClusterSnapshot"), 1);
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 0);
    });

    it("refuses them with another strategy (exit 2, no call)", async () => {
        const sim = simulate(PG_BG_SEED);
        const r = await cli(sim, [
            "upgrade",
            ...PG_ARGS,
            "--target",
            "17.5",
            "--strategy",
            "rolling",
            "--old-clusters",
            "keep",
        ]);
        expectErrorLine(
            r,
            2,
            "--old-clusters keep",
            "--strategy blue-green only",
            "strategy is rolling",
            "add --strategy blue-green",
        );
        assert.strictEqual(sim.calls.length, 0);
    });
});

describe("orchestrator CLI: a blue/green major keeps the database's parameter settings", () => {
    const seed = (secondaryGroup = "app-aurora-postgresql16"): SeedTopology => ({
        ...PG_SEED,
        version: "16.6.2",
        members: [
            {
                id: "app-use1",
                region: "us-east-1",
                role: "primary",
                instances: 2,
                clusterParameterGroup: { name: "app-aurora-postgresql16", parameters: { "rds.force_ssl": "1" } },
            },
            {
                id: "app-apne1",
                region: "ap-northeast-1",
                role: "secondary",
                clusterParameterGroup: { name: secondaryGroup, parameters: { "rds.force_ssl": "1" } },
            },
        ],
    });
    const MAJOR = ["upgrade", ...PG_ARGS, "--target", "17.4", "--allow-major", "--strategy", "blue-green"];

    // blueGreenReady adds rds.logical_replication = 1 to the custom groups (AWS asks for it before a deployment).
    it("custom 16 groups: their 17 copies (user parameters included) are created in every region and the green clusters start on them", async () => {
        const sim = simulate(blueGreenReady(seed()));
        const r = await cli(sim, MAJOR);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(
            sim.callsOf("CreateBlueGreenDeployment").map((c) => c.input.TargetDBClusterParameterGroupName),
            ["app-aurora-postgresql17"],
        );
        for (const [id, region] of [
            ["app-use1", "us-east-1"],
            ["app-apne1", "ap-northeast-1"],
        ]) {
            assert.strictEqual(sim.cluster(id).engineVersion, "17.4");
            assert.strictEqual(sim.cluster(id).clusterParameterGroup, "app-aurora-postgresql17");
            const params = await sim.clientFor(region).send(
                new DescribeDBClusterParametersCommand({
                    DBClusterParameterGroupName: "app-aurora-postgresql17",
                    Source: "user",
                }),
            );
            assert.deepStrictEqual(
                params.Parameters?.map((p) => [p.ParameterName, p.ParameterValue]),
                [
                    ["rds.force_ssl", "1"],
                    ["rds.logical_replication", "1"],
                ],
            );
        }
    });

    it("members whose groups would get different names: the plan is blocked (blue-green-limits), no AWS change (exit 2)", async () => {
        const sim = simulate(blueGreenReady(seed("apne-aurora-postgresql16")));
        const r = await cli(sim, MAJOR);
        const [v] = expectBlocked(r, "blue-green-limits");
        assertNames(v.message, [
            '"app-aurora-postgresql17" (app-use1, us-east-1)',
            '"apne-aurora-postgresql17" (app-apne1, ap-northeast-1)',
        ]);
        assertNames(v.fix, ["targetClusterParameterGroupName", "--cluster-parameter-group CLUSTER=NAME"]);
        assert.deepStrictEqual(
            sim.calls.filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List")),
            [],
        );
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 0);
        assert.strictEqual(count(sim, "CreateDBClusterParameterGroup"), 0);
        assert.strictEqual(count(sim, "CreateDBClusterSnapshot"), 0);
    });
});

describe("orchestrator: a blue-green plan through executePlan (the plan's steps, as the component runs them)", () => {
    it("snapshot, blue-green-create, blue-green-switchover, blue-green-cleanup: one deployment, switched over, cleaned up", async () => {
        const sim = simulate(MYSQL_BG_SEED);
        const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });
        const target = readTarget("8.0.mysql_aurora.3.10.0");
        const topology = await describeTopology(api, "eu-west-1", "shop-global", { target });
        const plan = planUpgrade(toPlanInput(topology, target, { ...DEFAULT_PLAN_OPTIONS, strategy: "blue-green" }));
        assert.deepStrictEqual(plan.violations, []);
        assert.deepStrictEqual(
            plan.steps.map((s) => s.action),
            ["snapshot", "blue-green-create", "blue-green-switchover", "blue-green-cleanup"],
        );
        await executePlan(api, topology, plan);
        assertSwitchedOver(sim, { "shop-euw1": target.text, "shop-use1": target.text, "shop-apse2": target.text });
        assert.strictEqual(count(sim, "CreateBlueGreenDeployment"), 1);
        assert.strictEqual(count(sim, "DeleteBlueGreenDeployment"), 1);
        assert.strictEqual(sim.cluster("shop-euw1-old1").engineVersion, "8.0.mysql_aurora.3.08.0");
    });
});
