import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { executePlan } from "../../orchestrator/execute-plan";
import { describeTopology } from "../../aws/topology/describe";
import { Plan, PlanStep } from "../../planner";
import { cli, engineModifies, MYSQL_ARGS, MYSQL_SEED, mutatingCalls, PG_ARGS, PG_SEED, simulate } from "./harness";

describe("orchestrator: each upgrade path for each engine (simulator, virtual clock)", () => {
    it("Aurora PostgreSQL minor, auto: snapshot, then one managed ModifyGlobalCluster; every member reaches 17.5", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(mutatingCalls(sim), [
            "us-east-1 CreateDBClusterSnapshot app-use1",
            "us-east-1 ModifyGlobalCluster app-global",
        ]);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.5");
        assert.strictEqual(sim.auroraVersion("app-apne1"), "17.5.4");
        const snap = sim.callsOf("CreateDBClusterSnapshot")[0];
        assert.ok(snap.time < sim.callsOf("ModifyGlobalCluster")[0].time, "snapshot is taken before the upgrade");
        assert.match(r.stdout, /managed 17\.4 → 17\.5: done in /);
    });

    it("Aurora PostgreSQL minor, --strategy rolling: the secondary is upgraded and reports 17.5 before the primary is touched", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
        assert.strictEqual(sim.callsOf("CreateDBClusterSnapshot").length, 0, "--no-snapshot takes no snapshot");
        const primaryModify = sim.callsOf("ModifyDBCluster").find((c) => c.input.DBClusterIdentifier === "app-use1")!;
        assert.ok(sim.finishTimes()["app-apne1"] <= primaryModify.time);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
    });

    it("Aurora MySQL minor: rolling ModifyDBCluster, both secondaries in parallel, then the primary", async () => {
        const sim = simulate(MYSQL_SEED);
        const target = "8.0.mysql_aurora.3.08.2";
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", target]);
        assert.strictEqual(r.code, 0, r.stderr);
        const modifies = sim.callsOf("ModifyDBCluster");
        assert.deepStrictEqual(engineModifies(sim), [
            `shop-use1→${target}`,
            `shop-apse2→${target}`,
            `shop-euw1→${target}`,
        ]);
        assert.strictEqual(modifies[0].time, modifies[1].time, "secondaries start together");
        assert.deepStrictEqual(
            [modifies[0].region, modifies[1].region, modifies[2].region],
            ["us-east-1", "ap-southeast-2", "eu-west-1"],
        );
        assert.strictEqual(sim.callsOf("ModifyGlobalCluster").length, 0);
        for (const id of ["shop-euw1", "shop-use1", "shop-apse2"])
            assert.strictEqual(sim.cluster(id).engineVersion, target);
    });

    it("Aurora MySQL patch level in EngineVersion (3.08.0 → 3.08.1) is rolled like a minor, secondaries first", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.1", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(engineModifies(sim).pop(), "shop-euw1→8.0.mysql_aurora.3.08.1");
    });

    it("Aurora PostgreSQL major with --allow-major: parameter groups prepared per region, ModifyGlobalCluster, groups applied after", async () => {
        const sim = simulate({
            globalClusterId: "app-global",
            engine: "aurora-postgresql",
            version: "16.6",
            members: [
                {
                    id: "app-use1",
                    region: "us-east-1",
                    role: "primary",
                    clusterParameterGroup: {
                        name: "app-cluster-params",
                        parameters: { log_min_duration_statement: "500" },
                    },
                    instanceParameterGroup: "app-instance-params",
                },
                {
                    id: "app-apne1",
                    region: "ap-northeast-1",
                    role: "secondary",
                    clusterParameterGroup: { name: "app-cluster-params" },
                },
            ],
        });
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.4", "--allow-major", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const mutating = mutatingCalls(sim);
        const globalAt = mutating.indexOf("us-east-1 ModifyGlobalCluster app-global");
        assert.ok(globalAt > 0);
        assert.deepStrictEqual(
            mutating
                .slice(0, globalAt)
                .filter((c) => c.includes("Create"))
                .sort(),
            [
                "ap-northeast-1 CreateDBClusterParameterGroup app-cluster-params-aurora-postgresql17",
                "us-east-1 CreateDBClusterParameterGroup app-cluster-params-aurora-postgresql17",
                "us-east-1 CreateDBParameterGroup app-instance-params-aurora-postgresql17",
            ],
        );
        const global = sim.callsOf("ModifyGlobalCluster")[0];
        assert.strictEqual(global.input.AllowMajorVersionUpgrade, true);
        assert.strictEqual(global.input.EngineVersion, "17.4");
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.4");
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.4");
        assert.strictEqual(sim.cluster("app-use1").clusterParameterGroup, "app-cluster-params-aurora-postgresql17");
        assert.strictEqual(sim.cluster("app-apne1").clusterParameterGroup, "app-cluster-params-aurora-postgresql17");
        assert.ok(
            mutating.slice(globalAt).includes("us-east-1 ModifyDBInstance app-use1-instance-1"),
            mutating.join("\n"),
        );
    });

    it("Aurora MySQL major 3 → 8.4 with --allow-major: one ModifyGlobalCluster with AllowMajorVersionUpgrade", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", "8.4.7", "--allow-major"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(mutatingCalls(sim), [
            "eu-west-1 CreateDBClusterSnapshot shop-euw1",
            "eu-west-1 ModifyGlobalCluster shop-global",
        ]);
        for (const id of ["shop-euw1", "shop-use1", "shop-apse2"])
            assert.strictEqual(sim.cluster(id).engineVersion, "8.4.7");
    });

    it("Aurora PostgreSQL pending patch: system-update applied immediately on the secondary, then the primary", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        });
        const r = await cli(sim, ["patch", ...PG_ARGS]);
        assert.strictEqual(r.code, 0, r.stderr);
        const applies = sim.callsOf("ApplyPendingMaintenanceAction");
        assert.deepStrictEqual(
            applies.map((c) => `${c.region} ${String(c.input.OptInType)}`),
            ["ap-northeast-1 immediate", "us-east-1 immediate"],
        );
        assert.ok(
            sim.eventsOf("patch-applied", "app-apne1")[0].time <= applies[1].time,
            "the secondary is patched before the primary is touched",
        );
        assert.strictEqual(sim.auroraVersion("app-apne1"), "17.4.6");
        assert.strictEqual(sim.auroraVersion("app-use1"), "17.4.6");
        assert.strictEqual(sim.callsOf("CreateDBClusterSnapshot").length, 1);
    });

    it("Aurora MySQL pending patch (executor, plan as the planner's patch path shapes it): secondaries first, then the primary", async () => {
        const sim = simulate({
            ...MYSQL_SEED,
            members: MYSQL_SEED.members.map((m) => ({
                ...m,
                pendingActions: [{ targetVersion: "8.0.mysql_aurora.3.08.1" }],
            })),
        });
        const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });
        const topology = await describeTopology(api, "eu-west-1", "shop-global");
        const to = "8.0.mysql_aurora.3.08.1";
        const step = (wave: number, cluster: string, region: string, role: "primary" | "secondary"): PlanStep => ({
            wave,
            action: "apply-pending-maintenance",
            cluster,
            region,
            role,
            from: "8.0.mysql_aurora.3.08.0",
            to,
            impact: "",
        });
        const plan: Plan = {
            engine: "aurora-mysql",
            globalClusterId: "shop-global",
            from: "8.0.mysql_aurora.3.08.0",
            to: "8.0.mysql_aurora.3.08.0",
            change: "none",
            path: "patch",
            steps: [
                step(1, "shop-use1", "us-east-1", "secondary"),
                step(1, "shop-apse2", "ap-southeast-2", "secondary"),
                step(2, "shop-euw1", "eu-west-1", "primary"),
            ],
            violations: [],
            notes: [],
        };
        const result = await executePlan(api, topology, plan, { optIn: "immediate" });
        assert.strictEqual(result.outcome, "done");
        const applies = sim.callsOf("ApplyPendingMaintenanceAction");
        assert.deepStrictEqual(
            applies.map((c) => c.region),
            ["us-east-1", "ap-southeast-2", "eu-west-1"],
        );
        const patched = sim.eventsOf("patch-applied").filter((e) => e.subject !== "shop-euw1");
        assert.strictEqual(patched.length, 2);
        assert.ok(
            patched.every((e) => e.time <= applies[2].time),
            "both secondaries are patched before the primary is touched",
        );
        for (const id of ["shop-euw1", "shop-use1", "shop-apse2"])
            assert.strictEqual(sim.cluster(id).engineVersion, to);
    });

    it("patch --opt-in next-maintenance schedules every member (secondaries first) and does not wait", async () => {
        const sim = simulate({
            ...PG_SEED,
            // The secondary's weekly window comes first, so AWS patches it first (maintenance-windows-out-of-order).
            members: PG_SEED.members.map((m) => ({
                ...m,
                preferredMaintenanceWindow: m.role === "primary" ? "sun:05:00-sun:05:30" : "sat:22:00-sat:22:30",
                pendingActions: [{ targetVersion: "17.4.6" }],
            })),
        });
        const r = await cli(sim, ["patch", ...PG_ARGS, "--opt-in", "next-maintenance"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(
            sim.callsOf("ApplyPendingMaintenanceAction").map((c) => `${c.region} ${String(c.input.OptInType)}`),
            ["ap-northeast-1 next-maintenance", "us-east-1 next-maintenance"],
        );
        assert.match(r.stdout, /scheduled for the next maintenance window/);
        assert.strictEqual(sim.auroraVersion("app-use1"), "17.4.5");
    });

    it("patch --opt-in next-maintenance is refused (exit 2, no change) when the primary's window comes first", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        });
        const r = await cli(sim, ["patch", ...PG_ARGS, "--opt-in", "next-maintenance"]);
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stdout, /\[maintenance-windows-out-of-order\]|maintenance-windows-out-of-order/);
        assert.deepStrictEqual(sim.callsOf("ApplyPendingMaintenanceAction"), []);
    });
});
