import { strict as assert } from "assert";
import { declaredVersionBehindRunning, noBlockedVersionChange, versionPastEndOfSupport } from "../../policy/policies";
import { UNKNOWN } from "../../testbeds/offline/policy-runner/local-runner";
import { TYPES } from "../../policy/lib/resource-types";
import { assertRefusal } from "../support/refusal";
import { drop, patch, plainGlobal, res, runStack, urn } from "./support";
import { assertMeanings, assertMeans } from "../support/assert-means";
import { TAGS } from "../../vocabulary";

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

    // The one test that pins the pack's rendering of a planner violation (prefix, "Fix:", "[rule …]");
    // the others assert rule id, member, URN and key values.
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
        assertMeans(advice[0], { says: ["upgraded", "16.6", "engineVersion", "16.2"], urn: GLOBAL });
    });

    it("blocks an engine change (the running engine is read from the running version)", async () => {
        assertMeanings(
            await runStack(
                noBlockedVersionChange,
                patch(plainGlobal(), "app-global", {
                    engine: "aurora-mysql",
                    engineVersion: "8.0.mysql_aurora.3.08.0",
                }),
            ),
            [
                {
                    rule: "engine-change",
                    about: "app-global",
                    says: ["aurora-postgresql", "aurora-mysql"],
                    fix: ["aurora-postgresql"],
                    urn: GLOBAL,
                },
            ],
        );
    });

    it("blocks an Aurora MySQL minor to a newer community MySQL (AWS refuses it in place) and names blue-green; a patch passes", async () => {
        assertMeanings(
            await runStack(
                noBlockedVersionChange,
                plainGlobal("8.0.mysql_aurora.3.10.0", "8.0.mysql_aurora.3.08.2", "aurora-mysql"),
            ),
            [
                {
                    rule: "mysql-minor-in-place-refused",
                    says: ["8.0.mysql_aurora.3.08.2", "8.0.39", "8.0.mysql_aurora.3.10.0", "8.0.42", "app-apne1"],
                    fix: ["blue-green", "--strategy"],
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
        assertMeanings(await messages(plainGlobal("17.4")), [
            {
                rule: "major-without-opt-in",
                says: ["17.4", "16.6"],
                fix: ["upgrade.allowMajorVersionUpgrade", `${TAGS.allowMajorVersionUpgrade}=true`],
            },
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
        assertMeanings(await runStack(noBlockedVersionChange, plainGlobal("16.9"), config), [
            {
                rule: "invalid-upgrade-target",
                about: "app-use1",
                says: ["16.9", "16.6"],
                fix: ["16.8", "17.4"],
                urn: PRIMARY,
            },
            {
                rule: "invalid-upgrade-target",
                about: "app-apne1",
                says: ["16.9", "16.6"],
                fix: ["16.8", "17.4"],
                urn: SECONDARY,
            },
        ]);
    });

    it("blocks a target without global database support", async () => {
        assertMeanings(
            await messages(plainGlobal("16.8"), { engineCatalogue: { supportsGlobal: { "16.8": false } } }),
            [
                {
                    rule: "target-without-global-support",
                    says: ["16.8"],
                    fix: ["SupportsGlobalDatabases", "aurora-postgresql"],
                },
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
        assertMeanings(await runStack(noBlockedVersionChange, [...upgrade, group("20")]), [
            {
                rule: "postgres-major-with-rpo",
                about: "app-use1",
                says: ["us-east-1", "rds.global_db_rpo"],
                fix: ["rds.global_db_rpo"],
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
        const fix = ["upgrade.mysqlInPlaceMajorConfirmed", `${TAGS.mysqlInPlaceMajorConfirmed}=true`];

        it("blocks it until the conditions are confirmed", async () => {
            assertMeanings(await messages(mysql({})), [
                {
                    rule: "mysql-2-to-3-in-place",
                    says: ["lower_case_table_names", "upgrade.mysqlInPlaceMajorConfirmed"],
                    fix,
                },
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
            assertMeanings(await messages(resources), [
                {
                    rule: "mysql-2-to-3-in-place",
                    about: "app-apne1",
                    says: ["ap-northeast-1", "lower_case_table_names"],
                    fix,
                },
            ]);
        });
    });

    it("blocks a secondary without instances", async () => {
        assertMeanings(await runStack(noBlockedVersionChange, drop(plainGlobal("16.8"), "app-apne1-1")), [
            {
                rule: "secondary-without-instance",
                about: "app-apne1",
                says: ["ap-northeast-1"],
                fix: ["instanceCount"],
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
        assertMeanings(await messages([...base, added, instance]), [
            { rule: "new-secondary-at-other-version", about: "app-euw1", says: ["eu-west-1", "16.8", "16.6"] },
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
        assertMeanings(await messages(plainGlobal("16")), [
            { rule: "malformed-version", about: "engineVersion", says: ["16", "aurora-postgresql"] },
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
                        message: "recorded: app-use1 runs 16.9, newer than 16.8",
                        fix: "recorded fix: 16.9",
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
                    'global database "app-global": recorded: app-use1 runs 16.9, newer than 16.8. Fix: recorded fix: 16.9. [rule downgrade]',
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
        const blocked = await messages(resources);
        assertMeanings(blocked, [
            { rule: "major-without-opt-in", says: ["17.4", "16.6"], fix: ["upgrade.allowMajorVersionUpgrade"] },
        ]);
        assert.doesNotMatch(blocked[0], new RegExp(TAGS.allowMajorVersionUpgrade), "a component is not told to tag");
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
        assertMeans(past[0], { says: ["Aurora PostgreSQL 11", "standard support", "2024-02-29"], urn: GLOBAL });
        assert.deepEqual(await runStack(versionPastEndOfSupport, plainGlobal("16.6"), config), []);
        assert.deepEqual(
            await runStack(versionPastEndOfSupport, plainGlobal("11.21", "11.21")),
            [],
            "no dates: no verdict",
        );
    });
});
