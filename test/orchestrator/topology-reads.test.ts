import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { describeTopology } from "../../aws/topology/describe";
import { factsNeeded, overallChange } from "../../aws/topology/fact-needs";
import { FRESH_READ_MS, readCluster } from "../../aws/topology/reads";
import { SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { cli, MYSQL_ARGS, MYSQL_SEED, PG_ARGS, PG_SEED, simulate } from "./harness";
import { nonEmpty } from "../support/non-empty";

/** Calls the simulator received, counted by operation. */
function countByOperation(sim: SimulatedRds, from = 0): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const c of sim.calls.slice(from)) counts[c.command] = (counts[c.command] ?? 0) + 1;
    return counts;
}

const gateway = (sim: SimulatedRds) => new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });

/** Aurora MySQL 3.08.0 with a custom cluster parameter group on the primary and pending maintenance everywhere. */
const MYSQL_CUSTOM: SeedTopology = {
    ...MYSQL_SEED,
    members: MYSQL_SEED.members.map((m) => ({
        ...m,
        pendingActions: [{ targetVersion: "8.0.mysql_aurora.3.08.1" }],
        ...(m.role === "primary"
            ? { clusterParameterGroup: { name: "shop-params", parameters: { lower_case_table_names: "0" } } }
            : {}),
    })),
};

describe("orchestrator: what a topology read calls, by plan kind", () => {
    it("a minor upgrade reads the members and the catalogue only: no pending maintenance, parameters or instance groups", async () => {
        const sim = simulate(MYSQL_CUSTOM);
        const t = await describeTopology(gateway(sim), "eu-west-1", "shop-global", {
            target: readTarget("8.0.mysql_aurora.3.09.0"),
        });
        assert.deepStrictEqual(countByOperation(sim), {
            DescribeGlobalClusters: 1,
            DescribeDBClusters: 3,
            DescribeDBEngineVersions: 2,
            DescribeDBMajorEngineVersions: 1,
        });
        assert.ok(
            nonEmpty(t.members, "member").every(
                (m) => m.pendingActions === undefined && m.instanceParameterGroups === undefined,
            ),
        );
        assert.strictEqual(
            t.members.find((m) => m.role === "primary")?.lowerCaseTableNamesDefault,
            undefined,
            "the custom group's parameters are not read",
        );
        assert.deepStrictEqual(
            t.catalogue?.upgradeTargets?.["8.0.mysql_aurora.3.08.0"]?.some(
                (x) => x.version === "8.0.mysql_aurora.3.09.0",
            ),
            true,
        );
    });

    it("a major upgrade adds the custom groups' parameters and the instance groups, not pending maintenance", async () => {
        const sim = simulate({
            ...PG_SEED,
            version: "16.8",
            members: PG_SEED.members.map((m) => ({
                ...m,
                pendingActions: [{ targetVersion: "16.8.4" }],
                ...(m.role === "primary" ? { rpo: true } : {}),
            })),
        });
        const t = await describeTopology(gateway(sim), "us-east-1", "app-global", { target: readTarget("17.5") });
        assert.deepStrictEqual(countByOperation(sim), {
            DescribeGlobalClusters: 1,
            DescribeDBClusters: 2,
            DescribeDBClusterParameters: 1,
            DescribeDBInstances: 2,
            DescribeDBEngineVersions: 2,
            DescribeDBMajorEngineVersions: 1,
        });
        assert.strictEqual(t.members.find((m) => m.role === "primary")?.rpoEnabled, true);
        assert.ok(
            nonEmpty(t.members, "member").every(
                (m) => m.pendingActions === undefined && m.instanceParameterGroups !== undefined,
            ),
        );
    });

    it("a patch round (target = running version) reads pending maintenance and the resume facts, not the catalogue", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        });
        const t = await describeTopology(gateway(sim), "us-east-1", "app-global", { target: readTarget("17.4") });
        const calls = countByOperation(sim);
        assert.strictEqual(calls.DescribePendingMaintenanceActions, 2);
        assert.strictEqual(
            calls.DescribeDBInstances,
            2,
            "every member at the target: maybe an interrupted major upgrade to resume",
        );
        assert.strictEqual(calls.DescribeDBEngineVersions, undefined);
        assert.deepStrictEqual(
            t.members.map((m) => m.pendingActions?.map((a) => a.targetVersion)),
            [["17.4.6"], ["17.4.6"]],
        );
    });

    it("status reads pending maintenance (it prints it) and nothing about parameter groups or the catalogue", async () => {
        const sim = simulate({ ...PG_SEED, members: PG_SEED.members.map((m) => ({ ...m, rpo: true })) });
        const r = await cli(sim, ["status", ...PG_ARGS]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(countByOperation(sim), {
            DescribeGlobalClusters: 1,
            DescribeDBClusters: 2,
            DescribePendingMaintenanceActions: 2,
            // One look for blue/green deployments in progress, in the writer's region.
            DescribeBlueGreenDeployments: 1,
        });
    });

    it("decides the facts from the largest change over the members (pure)", () => {
        const needs = (
            versions: (string | undefined)[],
            target?: string,
            extra: { skipCatalogue?: boolean; groupOverrides?: boolean } = {},
        ) =>
            factsNeeded({
                engine: "aurora-postgresql",
                memberVersions: versions,
                ...(target !== undefined ? { target: readTarget(target) } : {}),
                ...extra,
            });
        // Which reads: [pending maintenance, cluster parameters, instance groups, the version catalogue].
        const row = (n: ReturnType<typeof factsNeeded>) => ({
            pending: n.pendingMaintenance,
            params: n.clusterParameters,
            instances: n.instanceGroups,
            catalogue: n.catalogue,
        });
        assert.deepStrictEqual(row(needs(["17.4", "17.4"], "17.5")), {
            pending: false,
            params: false,
            instances: false,
            catalogue: true,
        });
        assert.deepStrictEqual(
            row(needs(["17.5", "17.4"], "17.5")),
            { pending: false, params: false, instances: false, catalogue: true },
            "half done: still a minor upgrade",
        );
        assert.deepStrictEqual(row(needs(["16.8", "16.8"], "17.5")), {
            pending: false,
            params: true,
            instances: true,
            catalogue: true,
        });
        assert.deepStrictEqual(row(needs(["17.5", "17.5"], "17.5")), {
            pending: true,
            params: false,
            instances: true,
            catalogue: false,
        });
        assert.deepStrictEqual(row(needs(["17.4.5"], "17.4.6")), {
            pending: true,
            params: false,
            instances: false,
            catalogue: true,
        });
        assert.deepStrictEqual(
            row(needs(["17.4", undefined], "17.5")),
            { pending: true, params: true, instances: true, catalogue: true },
            "a member without a version: read everything",
        );
        assert.deepStrictEqual(
            row(needs(["17.5"], "17.4")),
            { pending: true, params: true, instances: true, catalogue: true },
            "a downgrade: the planner blocks it with every fact",
        );
        assert.deepStrictEqual(row(needs(["17.4"], "seventeen")), {
            pending: true,
            params: true,
            instances: true,
            catalogue: true,
        });
        assert.deepStrictEqual(row(needs(["17.4"], undefined, { skipCatalogue: true })), {
            pending: true,
            params: false,
            instances: false,
            catalogue: false,
        });
        assert.deepStrictEqual(row(needs(["17.4"], "17.5", { groupOverrides: true })), {
            pending: false,
            params: false,
            instances: true,
            catalogue: true,
        });
        assert.strictEqual(
            overallChange(
                "aurora-mysql",
                ["8.0.mysql_aurora.3.08.0", "8.0.mysql_aurora.3.09.0"],
                readTarget("8.0.mysql_aurora.3.09.0"),
            ),
            "minor",
        );
        assert.strictEqual(overallChange("aurora-mysql", [], readTarget("8.0.mysql_aurora.3.09.0")), "unknown");
    });
});

describe("orchestrator: reads reused instead of repeated", () => {
    it("a read at most FRESH_READ_MS old stands for a new one; an older one, or a read without reuse, calls AWS", async () => {
        const sim = simulate(PG_SEED);
        const api = gateway(sim);
        const fresh = { reuseWithinMs: FRESH_READ_MS };
        await readCluster(api, "us-east-1", "app-use1");
        await readCluster(api, "us-east-1", "app-use1", fresh);
        assert.strictEqual(sim.callsOf("DescribeDBClusters").length, 1);
        await sim.clock.sleep(FRESH_READ_MS + 1);
        await readCluster(api, "us-east-1", "app-use1", fresh);
        await readCluster(api, "us-east-1", "app-use1");
        assert.strictEqual(sim.callsOf("DescribeDBClusters").length, 3);
        await readCluster(api, "ap-northeast-1", "app-apne1", fresh);
        assert.strictEqual(
            sim.callsOf("DescribeDBClusters").length,
            4,
            "another member is never answered from this one's read",
        );
    });

    it("rolling: each secondary is read once (the topology read) before its ModifyDBCluster", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        for (const id of ["shop-use1", "shop-apse2"]) {
            const modifiedAt = sim.callsOf("ModifyDBCluster").find((c) => c.input.DBClusterIdentifier === id)!.time;
            const before = sim
                .callsOf("DescribeDBClusters")
                .filter((c) => c.input.DBClusterIdentifier === id && c.time <= modifiedAt);
            assert.strictEqual(before.length, 1, id);
        }
    });

    it("managed: the global step reuses the topology's DescribeGlobalClusters and member reads", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.callsOf("DescribeGlobalClusters").length, 1);
        const modifiedAt = sim.callsOf("ModifyGlobalCluster")[0].time;
        assert.deepStrictEqual(
            sim
                .callsOf("DescribeDBClusters")
                .filter((c) => c.time <= modifiedAt)
                .map((c) => String(c.input.DBClusterIdentifier)),
            ["app-use1", "app-apne1"],
        );
    });
});
