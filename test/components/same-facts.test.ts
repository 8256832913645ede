import { CreateDBClusterParameterGroupCommand, ModifyDBClusterCommand } from "@aws-sdk/client-rds";
import * as assert from "assert";
import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs, DEFAULTS } from "../../components";
import { PlanJson } from "../../planner";
import { RecordedResource, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { blueGreenReady, SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { cli, engineModifies, mutatingCalls, simulate } from "../orchestrator/harness";
import { nonEmpty } from "../support/non-empty";
import { assertMeanings, assertMeans, assertSomeMeans } from "../support/assert-means";

const USE1 = "us-east-1";
const APNE1 = "ap-northeast-1";

/** The seed 001 database; `writer` is where AWS reports the writer (a switchover moves it). */
function seed(writer: string = USE1, rpo = false, version = "17.4.5"): SeedTopology {
    return {
        globalClusterId: "app",
        engine: "aurora-postgresql",
        version,
        members: [
            { id: `app-${USE1}`, region: USE1, role: writer === USE1 ? "primary" : "secondary", instances: 2, rpo },
            { id: `app-${APNE1}`, region: APNE1, role: writer === APNE1 ? "primary" : "secondary" },
        ],
    };
}

/** The stack configures us-east-1 as the primary, whatever AWS reports. */
const args = (engineVersion: string, upgrade: AuroraGlobalDatabaseArgs["upgrade"] = {}): AuroraGlobalDatabaseArgs => ({
    engine: "aurora-postgresql",
    engineVersion,
    globalClusterIdentifier: "app",
    primary: { region: USE1, instanceCount: 2 },
    secondaries: [{ region: APNE1 }],
    upgrade,
});

/** A preview of the component whose AWS reads go to `sim`. */
async function preview(sim: SimulatedRds, a: AuroraGlobalDatabaseArgs) {
    const run = await runProgramUnderMocks({
        program: () => {
            const db = new AuroraGlobalDatabase("db", a);
            return { plan: db.plan, failoverReady: db.failoverReady };
        },
        aws: sim,
    });
    return { run, plan: run.outputs.plan as PlanJson };
}

/** `aurora-global plan --format json` against the same simulated AWS. */
async function cliPlan(sim: SimulatedRds, target: string, extra: string[] = []): Promise<PlanJson> {
    const r = await cli(sim, [
        "plan",
        "--region",
        USE1,
        "--global-cluster",
        "app",
        "--target",
        target,
        "--format",
        "json",
        ...extra,
    ]);
    return JSON.parse(r.stdout) as PlanJson;
}

/** Runs the component's step commands with the CLI, in dependency order (what `pulumi up` does). */
async function runSteps(sim: SimulatedRds, resources: readonly RecordedResource[]): Promise<string[]> {
    const steps = resources.filter((r) => r.type === "command:local:Command");
    const done = new Set<string>();
    const order: string[] = [];
    while (done.size < steps.length) {
        const ready = steps.filter(
            (s) => !done.has(s.urn) && s.dependencies.every((d) => done.has(d) || !steps.some((x) => x.urn === d)),
        );
        assert.ok(ready.length > 0, "the steps' dependencies form a cycle");
        const results = await Promise.all(
            ready.map((s) => cli(sim, String(s.inputs.create).slice(DEFAULTS.cli.length).trim().split(" "))),
        );
        results.forEach((r, i) => assert.strictEqual(r.code, 0, `${ready[i].name}: ${r.stderr}`));
        for (const s of nonEmpty(ready, "scenario")) {
            done.add(s.urn);
            order.push(s.name);
        }
    }
    return order;
}

describe("components: the preview and the CLI plan from the same AWS facts", function () {
    this.timeout(120_000);

    it("a managed minor upgrade: the same plan", async () => {
        const sim = simulate(seed());
        const { plan } = await preview(sim, args("17.5"));
        assert.strictEqual(plan.path, "managed");
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.5"));
    });

    it("rds.global_db_rpo set in AWS blocks a major upgrade in both, with no user-declared flag", async () => {
        const sim = simulate(seed(USE1, true, "16.6.2"));
        const { plan } = await preview(sim, args("17.4", { allowMajorVersionUpgrade: true }));
        assert.deepStrictEqual(
            plan.violations.map((v) => v.rule),
            ["postgres-major-with-rpo"],
        );
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.4", ["--allow-major"]));
    });

    it("after a switchover: plans from the live writer, warns with the fix, the same plan as the CLI", async () => {
        const sim = simulate(seed(APNE1));
        const { run, plan } = await preview(sim, args("17.5", { strategy: "rolling" }));
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.5", ["--strategy", "rolling"]));
        assert.deepStrictEqual(
            plan.steps.map((s) => `${s.wave} ${s.action} ${s.cluster} ${s.role}`),
            [
                `1 snapshot app-${APNE1} primary`,
                `2 modify-db-cluster app-${USE1} secondary`,
                `3 modify-db-cluster app-${APNE1} primary`,
            ],
        );
        assertMeanings(
            run.logs.filter((l) => l.severity === "warn").map((l) => l.message),
            [
                {
                    says: [`app-${USE1}`, USE1, `app-${APNE1}`, APNE1],
                    fix: ["switchover-global-cluster", "--global-cluster-identifier", "app", `app-${USE1}`],
                },
            ],
        );
    });

    it("after a switchover: the steps upgrade the configured primary first and the real writer last", async () => {
        const sim = simulate(seed(APNE1));
        const { run } = await preview(sim, args("17.5", { strategy: "rolling" }));
        const order = await runSteps(sim, run.resources);
        assert.deepStrictEqual(order, ["db-upgrade-snapshot", `db-upgrade-secondary-${USE1}`, "db-upgrade-primary"]);
        assert.deepStrictEqual(engineModifies(sim), [`app-${USE1}→17.5`, `app-${APNE1}→17.5`]);
        assert.deepStrictEqual(
            sim.callsOf("CreateDBClusterSnapshot").map((c) => `${c.region} ${String(c.input.DBClusterIdentifier)}`),
            [`${APNE1} app-${APNE1}`],
        );
        const next = await preview(sim, args("17.5", { strategy: "rolling" }));
        assert.strictEqual(next.plan.path, "none");
        assert.strictEqual(next.run.outputs.failoverReady, true);
    });
});

describe("components: blue/green limits come from what AWS reports (DescribeDBClusters MasterUserSecret)", function () {
    this.timeout(120_000);

    const managedSeed = (): SeedTopology =>
        blueGreenReady({
            ...seed(),
            members: seed().members.map((m) => (m.role === "primary" ? { ...m, managedMasterPassword: true } : m)),
        });
    const limit = {
        rule: "blue-green-limits",
        about: `app-${USE1}`,
        says: [USE1, "Secrets Manager"],
        fix: ["ManageMasterUserPassword", "MasterUserPassword"],
    };

    it("a Secrets-Manager-managed master password blocks blue-green in the preview and the CLI alike; no step, no AWS change", async () => {
        const sim = simulate(managedSeed());
        const { run, plan } = await preview(sim, args("17.5", { strategy: "blue-green" }));
        assertMeanings(plan.violations, [limit]);
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.5", ["--strategy", "blue-green"]));
        assert.deepStrictEqual(
            run.resources.filter((r) => r.type === "command:local:Command"),
            [],
        );
        const up = await cli(sim, [
            "upgrade",
            "--region",
            USE1,
            "--global-cluster",
            "app",
            "--target",
            "17.5",
            "--strategy",
            "blue-green",
        ]);
        assert.strictEqual(up.code, 2);
        assert.match(up.stderr, /blocked \(1 violation\).*nothing was changed\n$/);
        assert.ok(up.stdout.includes(plan.violations[0].message), up.stdout);
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("the same database under strategy auto is not limited (the limit is blue/green's); once the password is unmanaged, blue-green plans", async () => {
        const sim = simulate(managedSeed());
        assert.deepStrictEqual((await preview(sim, args("17.5"))).plan.violations, []);
        await sim.clientFor(USE1).send(
            new ModifyDBClusterCommand({
                DBClusterIdentifier: `app-${USE1}`,
                ManageMasterUserPassword: false,
                MasterUserPassword: "a-new-password-1",
            }),
        );
        const { plan } = await preview(sim, args("17.5", { strategy: "blue-green" }));
        assert.strictEqual(plan.path, "blue-green");
        assert.deepStrictEqual(plan.violations, []);
    });
});

describe("components: an RDS Proxy on a member blocks blue-green (DescribeDBProxies, DescribeDBProxyTargets)", function () {
    this.timeout(120_000);

    // The preview reads it with the CLI's reader (components/resources/aws-facts.ts: SDK clients, not invokes;
    // the provider's aws.rds.getProxy takes one proxy name and lists no targets).
    const proxied = (): SeedTopology =>
        blueGreenReady({
            ...seed(),
            proxies: [{ name: "tokyo-proxy", region: APNE1, targets: [`app-${APNE1}`] }],
        });
    const limit = {
        rule: "blue-green-limits",
        about: `app-${APNE1}`,
        says: [APNE1, "tokyo-proxy"],
        fix: ["deregister-db-proxy-targets", APNE1, "tokyo-proxy", `app-${APNE1}`],
    };

    it("the preview blocks with the proxy's name, as the CLI's plan does; no step", async () => {
        const sim = simulate(proxied());
        const { run, plan } = await preview(sim, args("17.5", { strategy: "blue-green" }));
        assertMeanings(plan.violations, [limit]);
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.5", ["--strategy", "blue-green"]));
        assert.deepStrictEqual(
            run.resources.filter((r) => r.type === "command:local:Command"),
            [],
        );
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("DescribeDBProxies denied: the preview stops and asks for the permission instead of assuming no proxy", async () => {
        const sim = simulate(proxied());
        const denied = "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: rds:DescribeDBProxies";
        sim.faults.failAlways("DescribeDBProxies", { code: "AccessDenied", message: denied });
        await assert.rejects(preview(sim, args("17.5", { strategy: "blue-green" })), (e: Error) => {
            assertMeans(e.message, {
                about: `app-${USE1}`,
                says: [USE1, "DescribeDBProxies", "AccessDenied", denied],
                fix: ["rds:DescribeDBProxies", "rds:DescribeDBProxyTargets", "upgradeIamPolicy"],
            });
            return true;
        });
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("under strategy auto the preview plans the upgrade and reads no proxy", async () => {
        const sim = simulate(proxied());
        const { plan } = await preview(sim, args("17.5"));
        assert.deepStrictEqual(plan.violations, []);
        assert.strictEqual(sim.callsOf("DescribeDBProxies").length, 0);
    });
});

describe("components: a region without room for a green copy blocks blue-green (DescribeAccountAttributes)", function () {
    this.timeout(120_000);

    it("the preview blocks with the quota and its use, as the CLI's plan does; under auto it reads no quota", async () => {
        const sim = simulate(blueGreenReady(seed()));
        sim.setAccountQuota(APNE1, "DBClusters", 1);
        const { run, plan } = await preview(sim, args("17.5", { strategy: "blue-green" }));
        assertMeanings(plan.violations, [
            {
                rule: "blue-green-limits",
                about: `app-${APNE1}`,
                says: [APNE1, "DB clusters", "1 used of 1", "green adds 1"],
                fix: [APNE1, "Service Quotas"],
            },
        ]);
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.5", ["--strategy", "blue-green"]));
        assert.deepStrictEqual(
            run.resources.filter((r) => r.type === "command:local:Command"),
            [],
        );
        assert.deepStrictEqual(mutatingCalls(sim), []);
        const auto = simulate(seed());
        auto.setAccountQuota(APNE1, "DBClusters", 1);
        assert.deepStrictEqual((await preview(auto, args("17.5"))).plan.violations, []);
        assert.strictEqual(auto.callsOf("DescribeAccountAttributes").length, 0);
    });
});

/** A PostgreSQL 16 database on the program's own cluster parameter group app-pg16 in both regions. */
const majorSeed = (): SeedTopology => ({
    globalClusterId: "app",
    engine: "aurora-postgresql",
    version: "16.6.2",
    members: [
        { id: `app-${USE1}`, region: USE1, role: "primary", instances: 2, clusterParameterGroup: "app-pg16" },
        { id: `app-${APNE1}`, region: APNE1, role: "secondary", clusterParameterGroup: "app-pg16" },
    ],
});

/** The major upgrade to 17.4 of {@link majorSeed}, with the target-family group app-pg17 in both regions. */
const majorArgs = (upgrade: AuroraGlobalDatabaseArgs["upgrade"] = {}): AuroraGlobalDatabaseArgs => ({
    ...args("17.4", { allowMajorVersionUpgrade: true, ...upgrade }),
    primary: {
        region: USE1,
        instanceCount: 2,
        clusterParameterGroupName: "app-pg16",
        targetClusterParameterGroupName: "app-pg17",
    },
    secondaries: [
        { region: APNE1, clusterParameterGroupName: "app-pg16", targetClusterParameterGroupName: "app-pg17" },
    ],
});

describe("components: a major upgrade with the program's own target-family parameter groups", function () {
    this.timeout(120_000);

    const flags = [
        "--cluster-parameter-group",
        `app-${USE1}=app-pg17`,
        "--cluster-parameter-group",
        `app-${APNE1}=app-pg17`,
    ];

    it("the groups reach the step's command line, and the preview's plan is the CLI's with those flags", async () => {
        const sim = simulate(majorSeed());
        const { run, plan } = await preview(sim, majorArgs());
        assert.strictEqual(plan.path, "major");
        assert.deepStrictEqual(plan, await cliPlan(sim, "17.4", ["--allow-major", ...flags]));
        const global = run.resources.find((r) => r.name === "db-upgrade-global");
        assert.strictEqual(
            global?.inputs.create,
            `${DEFAULTS.cli} upgrade --region ${USE1} --global-cluster app --target 17.4 --allow-major --strategy auto ${flags.join(" ")} --no-snapshot`,
        );
    });

    it("a target group that does not exist is named by the component field, not the CLI flag", async () => {
        const seed = majorSeed();
        const sim = simulate({
            ...seed,
            members: seed.members.map((m) => ({ ...m, clusterParameterGroup: undefined })),
        });
        const a = majorArgs();
        const bad = {
            ...a,
            primary: {
                ...a.primary,
                clusterParameterGroupName: undefined,
                targetClusterParameterGroupName: "nosuch-pg17",
            },
        };
        await assert.rejects(preview(sim, bad), (e: unknown) => {
            const message = String((e as Error).message);
            assert.ok(
                message.includes(`targetClusterParameterGroupName "nosuch-pg17" of member "app-${USE1}"`),
                message,
            );
            assert.doesNotMatch(message, /--cluster-parameter-group/);
            return true;
        });
    });

    it("after the steps, the next preview plans nothing, reports no error and ignores the old-family group names", async () => {
        const sim = simulate(majorSeed());
        const first = await preview(sim, majorArgs());
        await runSteps(sim, first.run.resources);
        for (const id of [`app-${USE1}`, `app-${APNE1}`]) {
            const after = sim.cluster(id);
            assert.strictEqual(after.engineVersion, "17.4");
            assert.strictEqual(after.clusterParameterGroup, "app-pg17");
        }
        const next = await preview(sim, majorArgs());
        assert.strictEqual(next.plan.path, "none");
        assert.deepStrictEqual(next.plan.steps, []);
        assert.deepStrictEqual(
            next.run.logs.filter((l) => l.severity !== "info"),
            [],
        );
        const clusters = next.run.resources.filter((r) => r.type === "aws:rds/cluster:Cluster");
        for (const c of nonEmpty(clusters, "cluster")) {
            assert.strictEqual(c.inputs.dbClusterParameterGroupName, "app-pg16");
            assert.ok(c.ignoreChanges.includes("dbClusterParameterGroupName"), c.name);
        }
    });
});

describe("components: a blue/green major upgrade with the program's own target-family parameter groups", function () {
    this.timeout(120_000);

    // app-pg16 has logical replication on, as AWS asks before a blue/green deployment (docs/aws-rules.md §8).
    const bgMajorSeed = (): SeedTopology => blueGreenReady(majorSeed());
    const bgMajorArgs = (): AuroraGlobalDatabaseArgs => majorArgs({ strategy: "blue-green" });

    it("the groups reach the blue/green step; the green clusters of every region start on them; the next preview plans nothing", async () => {
        const sim = simulate(bgMajorSeed());
        for (const region of [USE1, APNE1])
            await sim.clientFor(region).send(
                new CreateDBClusterParameterGroupCommand({
                    DBClusterParameterGroupName: "app-pg17",
                    DBParameterGroupFamily: "aurora-postgresql17",
                    Description: "the program's target-family group",
                }),
            );
        const first = await preview(sim, bgMajorArgs());
        assert.strictEqual(first.plan.path, "blue-green");
        const step = first.run.resources.find((r) => r.name === "db-upgrade-blue-green");
        assert.strictEqual(
            step?.inputs.create,
            `${DEFAULTS.cli} upgrade --region ${USE1} --global-cluster app --target 17.4 --allow-major --strategy blue-green --switchover-timeout-seconds 300 --old-clusters keep --cluster-parameter-group app-${USE1}=app-pg17 --cluster-parameter-group app-${APNE1}=app-pg17 --no-snapshot`,
        );
        await runSteps(sim, first.run.resources);
        assert.deepStrictEqual(
            sim.callsOf("CreateBlueGreenDeployment").map((c) => c.input.TargetDBClusterParameterGroupName),
            ["app-pg17"],
        );
        for (const id of [`app-${USE1}`, `app-${APNE1}`]) {
            assert.strictEqual(sim.cluster(id).engineVersion, "17.4");
            assert.strictEqual(sim.cluster(id).clusterParameterGroup, "app-pg17");
            assert.strictEqual(sim.cluster(`${id}-old1`).clusterParameterGroup, "app-pg16");
        }
        const next = await preview(sim, bgMajorArgs());
        assert.strictEqual(next.plan.path, "none");
        assert.deepStrictEqual(
            next.run.logs.filter((l) => l.severity !== "info"),
            [],
        );
    });
});

describe("components: pending patches opted in for the next maintenance window settle", function () {
    this.timeout(120_000);

    const patchSeed = (secondaryWindow: string): SeedTopology => ({
        globalClusterId: "app",
        engine: "aurora-postgresql",
        version: "17.4.5",
        members: [
            {
                id: `app-${USE1}`,
                region: USE1,
                role: "primary",
                instances: 2,
                preferredMaintenanceWindow: "sun:05:00-sun:05:30",
                pendingActions: [{ targetVersion: "17.4.6" }],
            },
            {
                id: `app-${APNE1}`,
                region: APNE1,
                role: "secondary",
                preferredMaintenanceWindow: secondaryWindow,
                pendingActions: [{ targetVersion: "17.4.6" }],
            },
        ],
    });
    const nextWindow = () => args("17.4", { applyPendingPatches: "next-maintenance", snapshotBeforeUpgrade: false });

    it("opts in once: AWS records OptInStatus and CurrentApplyDate, and the next preview has nothing to do", async () => {
        const sim = simulate(patchSeed("sat:22:00-sat:22:30"));
        const first = await preview(sim, nextWindow());
        assert.strictEqual(first.plan.path, "patch");
        await runSteps(sim, first.run.resources);
        const out = await sim.dispatch(APNE1, "DescribePendingMaintenanceActions", {});
        assert.deepStrictEqual(
            JSON.parse(JSON.stringify(out)).PendingMaintenanceActions[0].PendingMaintenanceActionDetails[0],
            {
                Action: "system-update",
                Description: "Upgrade to Aurora PostgreSQL 17.4.6",
                OptInStatus: "next-maintenance",
                CurrentApplyDate: "2026-04-11T22:00:00.000Z",
            },
        );
        const next = await preview(sim, nextWindow());
        assert.strictEqual(next.plan.path, "none");
        assert.deepStrictEqual(
            next.run.resources.filter((r) => r.type === "command:local:Command"),
            [],
        );
        assertSomeMeans(next.plan.notes, {
            about: `app-${APNE1}`,
            says: [APNE1, "system-update", "17.4.6", "2026-04-11T22:00:00.000Z", "not applied again"],
        });
    });

    it("a primary whose window comes first blocks the round in the preview and in the CLI alike", async () => {
        const sim = simulate(patchSeed("mon:05:00-mon:05:30"));
        const { plan } = await preview(sim, nextWindow());
        assert.deepStrictEqual(
            plan.violations.map((v) => `${v.rule} ${v.cluster}`),
            [`maintenance-windows-out-of-order app-${APNE1}`],
        );
        const r = await cli(sim, [
            "patch",
            "--region",
            USE1,
            "--global-cluster",
            "app",
            "--opt-in",
            "next-maintenance",
        ]);
        assert.strictEqual(r.code, 2, r.stdout + r.stderr);
        assert.deepStrictEqual(
            sim.calls.filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List")),
            [],
        );
    });
});

describe("components: memberVersions and failoverReady tell the truth about an upgrading update", function () {
    this.timeout(120_000);

    it("an upgrading update says what its steps change and is not failover-ready; the next one reads the result", async () => {
        const sim = simulate(seed());
        const up = await preview(sim, args("17.5", { strategy: "rolling" }));
        assert.deepStrictEqual(up.run.outputs.failoverReady, false);
        const versions = (await runProgramUnderMocks({
            program: () => ({
                v: new AuroraGlobalDatabase("db", args("17.5", { strategy: "rolling" })).memberVersions,
            }),
            aws: sim,
        }).then((r) => r.outputs.v)) as Record<string, { version: string; upgradingTo?: string }>;
        assert.deepStrictEqual(
            Object.entries(versions).map(([region, v]) => `${region} ${v.version} → ${v.upgradingTo}`),
            [`${USE1} 17.4 → 17.5`, `${APNE1} 17.4 → 17.5`],
        );
        await runSteps(sim, up.run.resources);
        const next = await runProgramUnderMocks({
            program: () => {
                const db = new AuroraGlobalDatabase("db", args("17.5", { strategy: "rolling" }));
                return { v: db.memberVersions, ready: db.failoverReady };
            },
            aws: sim,
        });
        assert.deepStrictEqual(next.outputs.v, {
            [USE1]: { clusterIdentifier: `app-${USE1}`, role: "primary", version: "17.5", new: false },
            [APNE1]: { clusterIdentifier: `app-${APNE1}`, role: "secondary", version: "17.5", new: false },
        });
        assert.strictEqual(next.outputs.ready, true);
    });

    it("a rolling upgrade that fails on the primary: the update's outputs already said not ready, and so does the next", async () => {
        const sim = simulate(seed());
        sim.faults.failUpgrade(`app-${USE1}`);
        const up = await preview(sim, args("17.5", { strategy: "rolling" }));
        assert.strictEqual(up.run.outputs.failoverReady, false);
        const steps = up.run.resources.filter((r) => r.type === "command:local:Command");
        const codes: string[] = [];
        for (const s of nonEmpty(steps, "upgrade step")) {
            const r = await cli(sim, String(s.inputs.create).slice(DEFAULTS.cli.length).trim().split(" "));
            codes.push(`${s.name} ${r.code}`);
            if (r.code !== 0) break;
        }
        assert.deepStrictEqual(codes, [
            "db-upgrade-snapshot 0",
            `db-upgrade-secondary-${APNE1} 0`,
            "db-upgrade-primary 1",
        ]);
        const next = await preview(sim, args("17.5", { strategy: "rolling" }));
        assert.strictEqual(next.run.outputs.failoverReady, false);
    });
});
