import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { DEFAULTS, resolveUpgrade, stepGraph } from "../../components";
import { DEFAULT_PLAN_OPTIONS, PlanJson, planUpgrade } from "../../planner";
import {
    componentOutputs,
    named,
    ofType,
    pgArgs,
    PRIMARY,
    runDb,
    runningPg,
    SECONDARY,
    SECONDARY_2,
    T,
} from "./fixtures";
import { nonEmpty } from "../support/non-empty";

const CLI = DEFAULTS.cli;
const THREE_REGIONS = [PRIMARY, SECONDARY, SECONDARY_2];
const rolling = (extra: object = {}) =>
    pgArgs({
        engineVersion: "17.5",
        secondaries: [{ region: SECONDARY }, { region: SECONDARY_2 }],
        upgrade: { strategy: "rolling", ...extra },
    });

describe("components: upgrade steps (rolling)", () => {
    it("creates snapshot → one step per secondary → primary, parented to the component", async () => {
        const r = await runDb(rolling(), runningPg("17.4", THREE_REGIONS));
        const steps = ofType(r, T.command);
        assert.deepStrictEqual(
            steps.map((s) => s.name),
            [
                "db-upgrade-snapshot",
                `db-upgrade-secondary-${SECONDARY}`,
                `db-upgrade-secondary-${SECONDARY_2}`,
                "db-upgrade-primary",
            ],
        );
        for (const s of nonEmpty(steps, "upgrade step")) assert.strictEqual(s.parent, named(r, "db").urn, s.name);
    });

    it("runs the snapshot first: it waits for the database's resources, every secondary step waits for it", async () => {
        const r = await runDb(rolling(), runningPg("17.4", THREE_REGIONS));
        const snapshot = named(r, "db-upgrade-snapshot");
        for (const name of [
            "db-global",
            "db-primary-cluster",
            `db-secondary-${SECONDARY}-cluster`,
            `db-secondary-${SECONDARY_2}-instance-1`,
        ]) {
            assert.ok(snapshot.dependencies.includes(named(r, name).urn), `snapshot waits for ${name}`);
        }
        for (const region of [SECONDARY, SECONDARY_2])
            assert.deepStrictEqual(named(r, `db-upgrade-secondary-${region}`).dependencies, [snapshot.urn]);
    });

    it("makes the primary step depend explicitly on every secondary step", async () => {
        const r = await runDb(rolling(), runningPg("17.4", THREE_REGIONS));
        assert.deepStrictEqual(
            [...named(r, "db-upgrade-primary").dependencies].sort(),
            [
                named(r, `db-upgrade-secondary-${SECONDARY}`).urn,
                named(r, `db-upgrade-secondary-${SECONDARY_2}`).urn,
            ].sort(),
        );
    });

    it("runs the orchestrator CLI, one member per step", async () => {
        const r = await runDb(rolling({ timeoutMinutes: 60, pollSeconds: 10 }), runningPg("17.4", THREE_REGIONS));
        const common = `${CLI} upgrade --region ${PRIMARY} --global-cluster app --target 17.5 --strategy rolling --timeout-minutes 60 --poll-seconds 10`;
        assert.strictEqual(named(r, "db-upgrade-snapshot").inputs.create, `${common} --only-snapshot`);
        assert.strictEqual(
            named(r, `db-upgrade-secondary-${SECONDARY}`).inputs.create,
            `${common} --no-snapshot --only-member app-${SECONDARY}`,
        );
        assert.strictEqual(
            named(r, "db-upgrade-primary").inputs.create,
            `${common} --no-snapshot --only-member app-${PRIMARY}`,
        );
    });

    it("the steps of one update share one lease group (AURORA_GLOBAL_LEASE_GROUP); another update's steps get another", async () => {
        const groups = async () =>
            new Set(
                ofType(await runDb(rolling(), runningPg("17.4", THREE_REGIONS)), T.command).map(
                    (s) => (s.inputs.environment as Record<string, string>).AURORA_GLOBAL_LEASE_GROUP,
                ),
            );
        const first = await groups();
        const second = await groups();
        assert.strictEqual(first.size, 1);
        assert.strictEqual(second.size, 1);
        assert.notDeepStrictEqual([...first], [...second]);
        assert.match([...first][0], /^[A-Za-z0-9_.:/=+@-]{1,40}$/);
    });

    it("triggers every step on the target version, with no secret in its environment and no delete", async () => {
        const r = await runDb(rolling(), runningPg("17.4", THREE_REGIONS));
        for (const s of nonEmpty(ofType(r, T.command), "upgrade step")) {
            assert.deepStrictEqual(s.inputs.triggers, ["17.5"], s.name);
            // AWS_REGION and the update's lease group (the steps of one update share the run lease), nothing else.
            const env = s.inputs.environment as Record<string, string>;
            assert.deepStrictEqual(Object.keys(env).sort(), ["AURORA_GLOBAL_LEASE_GROUP", "AWS_REGION"], s.name);
            assert.strictEqual(env.AWS_REGION, PRIMARY, s.name);
            assert.strictEqual(s.inputs.delete, undefined, s.name);
            assert.strictEqual(s.inputs.update, undefined, s.name);
            assert.strictEqual(s.inputs.addPreviousOutputInEnv, false, s.name);
            assert.ok(!JSON.stringify(s.inputs).includes("password"), s.name);
        }
    });

    it("skips members already at the target (an interrupted upgrade is finished, not restarted)", async () => {
        const r = await runDb(rolling(), runningPg("17.4", THREE_REGIONS, { [SECONDARY]: "17.5" }));
        assert.deepStrictEqual(
            ofType(r, T.command).map((s) => s.name),
            ["db-upgrade-snapshot", `db-upgrade-secondary-${SECONDARY_2}`, "db-upgrade-primary"],
        );
        assert.deepStrictEqual(named(r, "db-upgrade-primary").dependencies, [
            named(r, `db-upgrade-secondary-${SECONDARY_2}`).urn,
        ]);
    });

    it("without a snapshot, the secondary steps wait for the database's resources instead", async () => {
        const r = await runDb(rolling({ snapshotBeforeUpgrade: false }), runningPg("17.4", THREE_REGIONS));
        assert.deepStrictEqual(
            ofType(r, T.command).map((s) => s.name),
            [`db-upgrade-secondary-${SECONDARY}`, `db-upgrade-secondary-${SECONDARY_2}`, "db-upgrade-primary"],
        );
        assert.ok(
            named(r, `db-upgrade-secondary-${SECONDARY}`).dependencies.includes(named(r, "db-primary-cluster").urn),
        );
    });

    it("creates no step at preview of an up-to-date database, nor at up", async () => {
        for (const preview of [true, false]) {
            const r = await runDb(rolling(), runningPg("17.5", THREE_REGIONS), preview);
            assert.deepStrictEqual(ofType(r, T.command), [], `preview=${preview}`);
        }
    });
});

describe("components: upgrade steps (one global operation)", () => {
    it("managed minor (Aurora PostgreSQL, auto): snapshot then one global step", async () => {
        const r = await runDb(pgArgs({ engineVersion: "17.5" }), runningPg("17.4"));
        const steps = ofType(r, T.command);
        assert.deepStrictEqual(
            steps.map((s) => s.name),
            ["db-upgrade-snapshot", "db-upgrade-global"],
        );
        assert.strictEqual(
            named(r, "db-upgrade-global").inputs.create,
            `${CLI} upgrade --region ${PRIMARY} --global-cluster app --target 17.5 --strategy managed --no-snapshot`,
        );
        assert.deepStrictEqual(named(r, "db-upgrade-global").dependencies, [named(r, "db-upgrade-snapshot").urn]);
    });

    it("major with opt-in: one global step with --allow-major", async () => {
        const r = await runDb(
            pgArgs({ engineVersion: "18.1", upgrade: { allowMajorVersionUpgrade: true } }),
            runningPg("17.4"),
        );
        assert.deepStrictEqual(
            ofType(r, T.command).map((s) => s.name),
            ["db-upgrade-snapshot", "db-upgrade-global"],
        );
        assert.strictEqual(
            named(r, "db-upgrade-global").inputs.create,
            `${CLI} upgrade --region ${PRIMARY} --global-cluster app --target 18.1 --allow-major --strategy auto --no-snapshot`,
        );
        assert.strictEqual(
            named(r, "db-upgrade-snapshot").inputs.create,
            `${CLI} upgrade --region ${PRIMARY} --global-cluster app --target 18.1 --allow-major --strategy auto --only-snapshot`,
        );
        assert.deepStrictEqual(named(r, "db-upgrade-global").inputs.triggers, ["18.1"]);
    });

    it("Aurora MySQL patch inside one minor goes rolling even with strategy auto", async () => {
        const state = {
            clusters: [PRIMARY, SECONDARY].map((region) => ({
                clusterIdentifier: `shop-${region}`,
                region,
                engine: "aurora-mysql",
                engineVersion: "8.0.mysql_aurora.3.08.0",
                globalClusterIdentifier: "shop",
            })),
            globalClusters: [{ identifier: "shop", engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.3.08.0" }],
        };
        const r = await runDb(
            {
                engine: "aurora-mysql",
                engineVersion: "8.0.mysql_aurora.3.08.2",
                globalClusterIdentifier: "shop",
                primary: { region: PRIMARY },
                secondaries: [{ region: SECONDARY }],
            },
            state,
        );
        assert.deepStrictEqual(
            ofType(r, T.command).map((s) => s.name),
            ["db-upgrade-snapshot", `db-upgrade-secondary-${SECONDARY}`, "db-upgrade-primary"],
        );
    });

    const mysql3082 = {
        clusters: [PRIMARY, SECONDARY].map((region) => ({
            clusterIdentifier: `shop-${region}`,
            region,
            engine: "aurora-mysql",
            engineVersion: "8.0.mysql_aurora.3.08.2",
            globalClusterIdentifier: "shop",
            // Binary logging on, as AWS asks before a blue/green deployment (docs/aws-rules.md §8).
            clusterParameterGroup: { name: "shop-binlog", parameters: { binlog_format: "ROW" } },
        })),
        globalClusters: [{ identifier: "shop", engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.3.08.2" }],
    };
    const mysqlTo310 = (upgrade: object) => ({
        engine: "aurora-mysql" as const,
        engineVersion: "8.0.mysql_aurora.3.10.0",
        globalClusterIdentifier: "shop",
        primary: { region: PRIMARY },
        secondaries: [{ region: SECONDARY }],
        upgrade,
    });

    it("Aurora MySQL 3.08.2 → 3.10.0 under auto: no step (AWS refuses it in place), the plan names blue-green", async () => {
        const r = await runDb(mysqlTo310({}), mysql3082);
        assert.deepStrictEqual(ofType(r, T.command), []);
        const plan = componentOutputs(r).plan as PlanJson;
        assert.deepStrictEqual(
            plan.violations.map((v) => v.rule),
            ["mysql-minor-in-place-refused"],
        );
        assert.match(plan.violations[0].fix, /^use strategy "blue-green"/);
        assert.ok(
            r.logs.some(
                (l) => l.severity === "error" && l.message.startsWith("upgrade blocked [mysql-minor-in-place-refused]"),
            ),
        );
    });

    it("Aurora MySQL 3.08.2 → 3.10.0 with strategy blue-green: snapshot, then one blue/green step with the switchover flags", async () => {
        const r = await runDb(
            mysqlTo310({ strategy: "blue-green", switchoverTimeoutSeconds: 600, oldClusters: "delete" }),
            mysql3082,
        );
        assert.deepStrictEqual(
            ofType(r, T.command).map((s) => s.name),
            ["db-upgrade-snapshot", "db-upgrade-blue-green"],
        );
        const bg = named(r, "db-upgrade-blue-green");
        assert.strictEqual(
            bg.inputs.create,
            `${CLI} upgrade --region ${PRIMARY} --global-cluster shop --target 8.0.mysql_aurora.3.10.0 --strategy blue-green --switchover-timeout-seconds 600 --old-clusters delete --no-snapshot`,
        );
        assert.ok(bg.dependencies.includes(named(r, "db-upgrade-snapshot").urn), "blue/green waits for the snapshot");
        // The snapshot step gets only what it needs: no switchover flags (the CLI refuses them with --only-snapshot).
        assert.strictEqual(
            named(r, "db-upgrade-snapshot").inputs.create,
            `${CLI} upgrade --region ${PRIMARY} --global-cluster shop --target 8.0.mysql_aurora.3.10.0 --strategy blue-green --only-snapshot`,
        );
        assert.deepStrictEqual(bg.inputs.triggers, ["8.0.mysql_aurora.3.10.0"]);
    });

    it("blue-green defaults: 300 s switchover timeout, old clusters kept", async () => {
        const r = await runDb(mysqlTo310({ strategy: "blue-green" }), mysql3082);
        assert.match(
            named(r, "db-upgrade-blue-green").inputs.create as string,
            / --strategy blue-green --switchover-timeout-seconds 300 --old-clusters keep --no-snapshot$/,
        );
    });
});

describe("components: stepGraph (pure)", () => {
    const members = [
        {
            cluster: "app-use1",
            region: PRIMARY,
            role: "primary" as const,
            instanceCount: 1,
            currentVersion: "17.4",
            pendingActions: [{ action: "system-update" }],
        },
        {
            cluster: "app-apne1",
            region: SECONDARY,
            role: "secondary" as const,
            instanceCount: 1,
            currentVersion: "17.4",
            pendingActions: [{ action: "system-update" }],
        },
    ];

    it("pending patches: patch steps per member, secondaries before the primary", () => {
        const plan = planUpgrade({
            engine: "aurora-postgresql",
            globalClusterId: "app",
            target: readTarget("17.4"),
            members,
            options: { ...DEFAULT_PLAN_OPTIONS, applyPendingPatches: "next-maintenance" },
        });
        const specs = stepGraph(
            plan,
            resolveUpgrade({ applyPendingPatches: "next-maintenance", pollSeconds: 20 }),
            PRIMARY,
        );
        assert.deepStrictEqual(
            specs.map((s) => [s.key, s.action, s.after, s.command]),
            [
                [
                    "snapshot",
                    "snapshot",
                    [],
                    `${CLI} patch --region ${PRIMARY} --global-cluster app --opt-in next-maintenance --poll-seconds 20 --only-snapshot`,
                ],
                [
                    "secondary-ap-northeast-1",
                    "apply-pending-maintenance",
                    ["snapshot"],
                    `${CLI} patch --region ${PRIMARY} --global-cluster app --opt-in next-maintenance --poll-seconds 20 --only-member app-apne1`,
                ],
                [
                    "primary",
                    "apply-pending-maintenance",
                    ["secondary-ap-northeast-1"],
                    `${CLI} patch --region ${PRIMARY} --global-cluster app --opt-in next-maintenance --poll-seconds 20 --only-member app-use1`,
                ],
            ],
        );
    });

    it("no steps for a blocked plan or a plan without work", () => {
        const blocked = planUpgrade({
            engine: "aurora-postgresql",
            globalClusterId: "app",
            target: readTarget("18.1"), // a major without the opt-in
            members,
            options: DEFAULT_PLAN_OPTIONS,
        });
        assert.ok(blocked.violations.length > 0);
        assert.deepStrictEqual(stepGraph(blocked, resolveUpgrade(undefined), PRIMARY), []);
        const none = planUpgrade({
            engine: "aurora-postgresql",
            globalClusterId: "app",
            target: readTarget("17.4"),
            members,
            options: DEFAULT_PLAN_OPTIONS,
        });
        assert.strictEqual(none.path, "none");
        assert.deepStrictEqual(stepGraph(none, resolveUpgrade(undefined), PRIMARY), []);
    });

    it("uses the configured CLI command line", () => {
        const plan = planUpgrade({
            engine: "aurora-postgresql",
            globalClusterId: "app",
            target: readTarget("17.5"),
            members,
            options: { ...DEFAULT_PLAN_OPTIONS, snapshotBeforeUpgrade: false },
        });
        const specs = stepGraph(
            plan,
            resolveUpgrade({ cli: "npx aurora-global", snapshotBeforeUpgrade: false }),
            PRIMARY,
        );
        assert.deepStrictEqual(
            specs.map((s) => s.command),
            [
                `npx aurora-global upgrade --region ${PRIMARY} --global-cluster app --target 17.5 --strategy managed --no-snapshot`,
            ],
        );
    });
});
