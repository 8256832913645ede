import { strict as assert } from "assert";
import { declaredVersionBehindRunning, noBlockedVersionChange, versionPastEndOfSupport } from "../../policy/policies";
import { UNKNOWN } from "../../testbeds/offline/policy-runner/local-runner";
import { TYPES } from "../../policy/lib/resource-types";
import { assertRefusal } from "../support/refusal";
import { drop, patch, plainGlobal, res, runStack, urn } from "./support";

const PRIMARY = urn(TYPES.cluster, "app-use1");
const SECONDARY = urn(TYPES.cluster, "app-apne1");
const GLOBAL = urn(TYPES.globalCluster, "app-global");
const optIn = (extra: Record<string, string> = {}) => ({
    tags: { "aurora-global:allow-major-version-upgrade": "true", ...extra },
});
const messages = async (resources: Parameters<typeof runStack>[1], config: Record<string, unknown> = {}) =>
    (await runStack(noBlockedVersionChange, resources, config)).map((r) => r.message);

describe("policy no-blocked-version-change (plain aws.rds, current version from the ignoreChanges substitution)", () => {
    it("passes no change and a safe minor upgrade", async () => {
        assert.deepEqual(await runStack(noBlockedVersionChange, plainGlobal()), []);
        assert.deepEqual(await runStack(noBlockedVersionChange, plainGlobal("16.8")), []);
    });

    it("blocks a downgrade on every member that runs a newer version, when the members disagree", async () => {
        const downgrade = (ref: string, running: string) =>
            `global database "app-global": ${ref} runs ${running}; 16.2 is older and Aurora cannot downgrade. Fix: set engineVersion to ${running} or newer; to go back, restore the pre-upgrade snapshot into a new cluster. [rule downgrade]`;
        assert.deepEqual(
            await runStack(noBlockedVersionChange, patch(plainGlobal("16.2"), "app-apne1", { engineVersion: "16.8" })),
            [
                { message: downgrade('primary cluster "app-use1" (us-east-1)', "16.6"), urn: PRIMARY },
                { message: downgrade('secondary cluster "app-apne1" (ap-northeast-1)', "16.8"), urn: SECONDARY },
            ],
        );
    });

    it("every member alike on a newer version (AWS upgraded it) is not blocked: declared-version-behind-running warns", async () => {
        assert.deepEqual(await runStack(noBlockedVersionChange, plainGlobal("16.2")), []);
        const advice = await runStack(declaredVersionBehindRunning, plainGlobal("16.2"));
        assert.equal(advice.length, 1);
        assert.match(
            advice[0].message,
            /upgraded this database to 16\.6; set engineVersion to 16\.6 \(it declares 16\.2\)/,
        );
        assert.equal(advice[0].urn, GLOBAL);
    });

    it("blocks an engine change (the running engine is read from the running version)", async () => {
        assert.deepEqual(
            await runStack(
                noBlockedVersionChange,
                patch(plainGlobal(), "app-global", {
                    engine: "aurora-mysql",
                    engineVersion: "8.0.mysql_aurora.3.08.0",
                }),
            ),
            [
                {
                    message:
                        'global database "app-global": global cluster "app-global" runs aurora-postgresql; changing it to aurora-mysql is not an upgrade. Fix: keep engine "aurora-postgresql", or migrate to a new global database (snapshot restore or logical replication). [rule engine-change]',
                    urn: GLOBAL,
                },
            ],
        );
    });

    it("blocks an Aurora MySQL minor to a newer community MySQL (AWS refuses it in place) and names blue-green; a patch passes", async () => {
        assert.deepEqual(
            await runStack(
                noBlockedVersionChange,
                plainGlobal("8.0.mysql_aurora.3.10.0", "8.0.mysql_aurora.3.08.2", "aurora-mysql"),
            ),
            [
                {
                    message:
                        'global database "app-global": 8.0.mysql_aurora.3.08.2 (community MySQL 8.0.39) → 8.0.mysql_aurora.3.10.0 (community MySQL 8.0.42) is a minor upgrade to a newer community MySQL: AWS refuses it in place on a global database ("In-place minor version upgrade of Aurora MySQL global database cluster \'app-apne1\' to Aurora MySQL engine version 8.0.mysql_aurora.3.10.0 isn\'t supported"). Fix: use strategy "blue-green" (upgrade.strategy: blue-green, or --strategy blue-green): a green copy of every region is upgraded while production runs, then one switchover; or remove the secondary regions, upgrade the primary and add them again (docs/upgrade-paths.md: remove, upgrade, re-add). Only a patch inside one minor rolls in place. [rule mysql-minor-in-place-refused]',
                    urn: GLOBAL,
                },
            ],
        );
        assert.deepEqual(
            await runStack(
                noBlockedVersionChange,
                plainGlobal("8.0.mysql_aurora.3.08.2", "8.0.mysql_aurora.3.08.0", "aurora-mysql"),
            ),
            [],
        );
    });

    it("blocks a major upgrade without opt-in, and passes it with the opt-in tag", async () => {
        assert.deepEqual(await messages(plainGlobal("17.4")), [
            'global database "app-global": 17.4 is a major version upgrade from 16.6 and allowMajorVersionUpgrade is false. Fix: set upgrade.allowMajorVersionUpgrade to true (the CLI: --allow-major) after testing the application on the new major version (in a plain aws.rds program, tag the global cluster aurora-global:allow-major-version-upgrade=true). [rule major-without-opt-in]',
        ]);
        assert.deepEqual(await messages(patch(plainGlobal("17.4"), "app-global", optIn())), []);
    });

    it("blocks a target that is not a valid upgrade target (engine catalogue from the pack config)", async () => {
        const config = {
            engineCatalogue: {
                upgradeTargets: {
                    "16.6": [
                        { version: "16.8", isMajorVersionUpgrade: false },
                        { version: "17.4", isMajorVersionUpgrade: true },
                    ],
                },
            },
        };
        assert.deepEqual(await messages(plainGlobal("16.8"), config), []);
        assert.deepEqual(await messages(plainGlobal("16.9"), config), [
            'global database "app-global": 16.9 is not a valid upgrade target of 16.6 for primary cluster "app-use1" (us-east-1). Fix: choose one of: 16.8, 17.4. [rule invalid-upgrade-target]',
            'global database "app-global": 16.9 is not a valid upgrade target of 16.6 for secondary cluster "app-apne1" (ap-northeast-1). Fix: choose one of: 16.8, 17.4. [rule invalid-upgrade-target]',
        ]);
    });

    it("blocks a target without global database support", async () => {
        assert.deepEqual(
            await messages(plainGlobal("16.8"), { engineCatalogue: { supportsGlobal: { "16.8": false } } }),
            [
                'global database "app-global": Aurora PostgreSQL 16.8 does not support global databases. Fix: choose a version whose SupportsGlobalDatabases is true (aws rds describe-db-engine-versions --engine aurora-postgresql --query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion"). [rule target-without-global-support]',
            ],
        );
    });

    it("blocks an Aurora PostgreSQL major upgrade while the member's cluster parameter group sets rds.global_db_rpo", async () => {
        const group = (value: string) =>
            res(TYPES.clusterParameterGroup, "app-use1-params", {
                name: "app-use1-params",
                family: "aurora-postgresql16",
                parameters: [{ name: "rds.global_db_rpo", value }],
            });
        const upgrade = patch(patch(plainGlobal("17.4"), "app-global", optIn()), "app-use1", {
            dbClusterParameterGroupName: "app-use1-params",
        });
        assert.deepEqual(await runStack(noBlockedVersionChange, [...upgrade, group("20")]), [
            {
                message:
                    'global database "app-global": primary cluster "app-use1" (us-east-1) sets rds.global_db_rpo; Aurora PostgreSQL cannot do a major upgrade while the RPO feature is on. Fix: reset rds.global_db_rpo in the cluster parameter group, apply it, then upgrade; set it again afterwards. [rule postgres-major-with-rpo]',
                urn: PRIMARY,
            },
        ]);
        assert.deepEqual(await messages([...upgrade, group("")]), []);
    });

    describe("Aurora MySQL 2 → 3 in place", () => {
        const mysql = (tags: Record<string, string>) =>
            patch(
                plainGlobal("8.0.mysql_aurora.3.08.0", "5.7.mysql_aurora.2.12.1", "aurora-mysql"),
                "app-global",
                optIn(tags),
            );
        const prefix =
            'global database "app-global": Aurora MySQL 2 → 3 in place on a global database needs lower_case_table_names at its default and a reboot: ';
        const fix =
            ". Fix: confirm the conditions with upgrade.mysqlInPlaceMajorConfirmed: true, or remove the secondaries, upgrade the primary, and add them again (or restore a snapshot at version 3) (in a plain aws.rds program, tag the global cluster aurora-global:mysql-in-place-major-confirmed=true). [rule mysql-2-to-3-in-place]";

        it("blocks it until the conditions are confirmed", async () => {
            assert.deepEqual(await messages(mysql({})), [
                `${prefix}the in-place conditions are not confirmed (upgrade.mysqlInPlaceMajorConfirmed)${fix}`,
            ]);
            assert.deepEqual(await messages(mysql({ "aurora-global:mysql-in-place-major-confirmed": "true" })), []);
        });

        it("blocks it when a member's parameter group sets lower_case_table_names, even confirmed", async () => {
            const group = res(TYPES.clusterParameterGroup, "app-apne1-params", {
                name: "app-apne1-params",
                parameters: [{ name: "lower_case_table_names", value: "1" }],
            });
            const resources = [
                ...patch(mysql({ "aurora-global:mysql-in-place-major-confirmed": "true" }), "app-apne1", {
                    dbClusterParameterGroupName: "app-apne1-params",
                }),
                group,
            ];
            assert.deepEqual(await messages(resources), [
                `${prefix}secondary cluster "app-apne1" (ap-northeast-1) sets lower_case_table_names to a non-default value${fix}`,
            ]);
        });
    });

    it("blocks a secondary without instances", async () => {
        assert.deepEqual(await runStack(noBlockedVersionChange, drop(plainGlobal("16.8"), "app-apne1-1")), [
            {
                message:
                    'global database "app-global": secondary cluster "app-apne1" (ap-northeast-1) has no DB instance; AWS refuses to upgrade it ("Cannot modify engine version without a primary instance in DB cluster"). Fix: give the secondary at least one instance (instanceCount: 1 or more) before changing the version. [rule secondary-without-instance]',
                urn: SECONDARY,
            },
        ]);
    });

    it("blocks a new secondary added at another version in the same change (new = its ARN is unknown)", async () => {
        const base = plainGlobal("16.8");
        const gcUrn = GLOBAL;
        const added = res(
            TYPES.cluster,
            "app-euw1",
            {
                clusterIdentifier: "app-euw1",
                engine: "aurora-postgresql",
                engineVersion: "16.8",
                globalClusterIdentifier: "app-global",
                region: "eu-west-1",
                arn: UNKNOWN,
            },
            {
                ignoreChanges: ["engineVersion"],
                dependencies: [gcUrn],
                propertyDependencies: { globalClusterIdentifier: [gcUrn] },
            },
        );
        const instance = res(
            TYPES.clusterInstance,
            "app-euw1-1",
            { clusterIdentifier: "app-euw1", arn: UNKNOWN },
            { propertyDependencies: { clusterIdentifier: [added.urn] } },
        );
        assert.deepEqual(await messages([...base, added, instance]), [
            'global database "app-global": secondary cluster "app-euw1" (eu-west-1) is new and would be created at 16.8 while the global cluster runs 16.6 (AWS: "Value for engineVersion should match setting for global cluster"). Fix: add the secondary and change engineVersion in separate updates: finish the upgrade first, then add the region (or add it first at the running version). [rule new-secondary-at-other-version]',
        ]);
        assert.deepEqual(
            await messages(
                [...plainGlobal(), added, instance].map((r) =>
                    r.name === "app-euw1" ? { ...r, props: { ...r.props, engineVersion: "16.6" } } : r,
                ),
            ),
            [],
        );
    });

    it("blocks a malformed version", async () => {
        assert.deepEqual(await messages(plainGlobal("16")), [
            'global database "app-global": engineVersion: engineVersion "16" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints). Fix: correct the version string. [rule malformed-version]',
        ]);
    });

    it("leaves members-at-different-versions to global-members-same-version", async () => {
        assert.deepEqual(
            await messages(patch(plainGlobal(), "app-apne1", { engineVersion: "16.8" }, { ignoreChanges: [] })),
            [],
        );
    });

    it("reports the plan our component recorded (live versions) instead of re-planning from the resources", async () => {
        const component = res(TYPES.component, "app", {
            engine: "aurora-postgresql",
            engineVersion: "16.8",
            plan: {
                violations: [
                    {
                        rule: "downgrade",
                        message:
                            'primary cluster "app-use1" (us-east-1) runs 16.9; 16.8 is older and Aurora cannot downgrade',
                        fix: "set engineVersion to 16.9 or newer",
                        cluster: "app-use1",
                    },
                ],
            },
        });
        const resources = [
            component,
            ...plainGlobal().map((r) =>
                r.type === TYPES.globalCluster ? { ...r, parent: component.urn, ignoreChanges: ["engineVersion"] } : r,
            ),
        ];
        assert.deepEqual(await runStack(noBlockedVersionChange, resources), [
            {
                message:
                    'global database "app-global": primary cluster "app-use1" (us-east-1) runs 16.9; 16.8 is older and Aurora cannot downgrade. Fix: set engineVersion to 16.9 or newer. [rule downgrade]',
                urn: PRIMARY,
            },
        ]);
    });

    it("plans from the component's target when it recorded no plan", async () => {
        const component = res(TYPES.component, "app", {
            engine: "aurora-postgresql",
            engineVersion: "17.4",
            upgrade: { allowMajorVersionUpgrade: false },
        });
        const resources = [
            component,
            ...plainGlobal().map((r) =>
                r.type === TYPES.globalCluster ? { ...r, parent: component.urn, ignoreChanges: ["engineVersion"] } : r,
            ),
        ];
        assert.deepEqual(await messages(resources), [
            'global database "app-global": 17.4 is a major version upgrade from 16.6 and allowMajorVersionUpgrade is false. Fix: set upgrade.allowMajorVersionUpgrade to true (the CLI: --allow-major) after testing the application on the new major version. [rule major-without-opt-in]',
        ]);
        const optedIn = resources.map((r) =>
            r === component ? { ...r, props: { ...r.props, upgrade: { allowMajorVersionUpgrade: true } } } : r,
        );
        assert.deepEqual(await messages(optedIn), []);
    });

    it("a component option the component refuses is reported (field, value, fix, rule), and no plan is judged with another value", async () => {
        const component = res(TYPES.component, "app", {
            engine: "aurora-postgresql",
            engineVersion: "17.4",
            upgrade: { strategy: "fast", pollSeconds: 0 },
        });
        const resources = [
            component,
            ...plainGlobal().map((r) =>
                r.type === TYPES.globalCluster ? { ...r, parent: component.urn, ignoreChanges: ["engineVersion"] } : r,
            ),
        ];
        const reported = await runStack(noBlockedVersionChange, resources);
        // Only the strategy: pollSeconds is not a plan option (the component refuses it; the pack does not read it).
        assert.deepEqual(
            reported.map((r) => r.urn),
            [component.urn],
        );
        const prefix = 'global database "app-global": ';
        assert.ok(reported[0].message.startsWith(prefix), reported[0].message);
        assertRefusal(reported[0].message.slice(prefix.length), {
            field: "upgrade.strategy",
            value: '"fast"',
            says: ["[rule strategy]"],
            fix: '"rolling" or "blue-green"',
        });
    });
});

describe("policy version-past-end-of-support (advisory)", () => {
    it("warns for a declared version past its end of standard support (configured dates); quiet before it", async () => {
        const config = { endOfStandardSupport: { "aurora-postgresql": { "11": "2024-02-29", "16": "2029-02-28" } } };
        const past = await runStack(versionPastEndOfSupport, plainGlobal("11.21", "11.21"), config);
        assert.equal(past.length, 1);
        assert.match(past[0].message, /Aurora PostgreSQL 11: past the end of standard support \(2024-02-29\)/);
        assert.equal(past[0].urn, GLOBAL);
        assert.deepEqual(await runStack(versionPastEndOfSupport, plainGlobal("16.6"), config), []);
        assert.deepEqual(
            await runStack(versionPastEndOfSupport, plainGlobal("11.21", "11.21")),
            [],
            "no dates: no verdict",
        );
    });
});
