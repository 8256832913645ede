import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ARGS_RULES, AuroraGlobalDatabaseArgs, AuroraGlobalDatabaseArgsError, validateArgs } from "../../components";
import { recordedBeforeFailure } from "../../testbeds/offline/mock-engine";
import { named, pgArgs, runDb, T } from "./fixtures";
import { nonEmpty } from "../support/non-empty";
import { assertRefusal } from "../support/refusal";

/** The messages of validateArgs, in order. */
const messages = (args: AuroraGlobalDatabaseArgs): string[] => validateArgs(args).map((p) => p.message);

/**
 * One expected problem: its rule id, its field path, and the key values its message must name
 * (the bad value, and what to use instead), not the whole sentence.
 */
type Expected = readonly [rule: string, path: string, ...names: string[]];

/** Asserts validateArgs reports exactly these problems, in order, each message naming its key values. */
function expectProblems(args: AuroraGlobalDatabaseArgs, expected: readonly Expected[]): void {
    const problems = validateArgs(args);
    assert.deepStrictEqual(
        problems.map((p) => [p.rule, p.path]),
        expected.map(([rule, path]) => [rule, path]),
    );
    problems.forEach((p, i) => {
        for (const name of expected[i].slice(2))
            assert.ok(p.message.includes(name), `${p.rule}: "${name}" in ${p.message}`);
    });
}

describe("components: validateArgs", () => {
    it("accepts the seed topology", () => {
        assert.deepStrictEqual(messages(pgArgs()), []);
    });

    it("accepts an Aurora MySQL database with every option set", () => {
        const args: AuroraGlobalDatabaseArgs = {
            engine: "aurora-mysql",
            engineVersion: "8.0.mysql_aurora.3.08.0",
            primary: {
                region: "us-east-1",
                instanceCount: 3,
                instanceClass: "db.r7g.xlarge",
                clusterIdentifier: "shop-use1",
            },
            secondaries: [{ region: "eu-west-1", engineVersion: "8.0.mysql_aurora.3.08.0" }],
            upgrade: {
                strategy: "rolling",
                allowMajorVersionUpgrade: true,
                snapshotBeforeUpgrade: false,
                timeoutMinutes: 90,
                pollSeconds: 15,
                applyPendingPatches: "next-maintenance",
            },
            databaseName: "shop",
            masterUsername: "admin_user",
            port: 3306,
            backupRetentionPeriod: 14,
        };
        assert.deepStrictEqual(messages(args), []);
    });

    it("reports a malformed version with the version model's message", () => {
        expectProblems(pgArgs({ engineVersion: "17" }), [
            ["engine-version", "engineVersion", '"17"', "aurora-postgresql", "MAJOR.MINOR", "17.4"],
        ]);
    });

    it("reports an unsupported engine once (no version message on top)", () => {
        expectProblems(pgArgs({ engine: "postgres" as never }), [
            ["engine", "engine", '"postgres"', '"aurora-postgresql"', '"aurora-mysql"'],
        ]);
    });

    it("reports a missing primary", () => {
        expectProblems(pgArgs({ primary: undefined as never }), [
            ["primary", "primary", "missing", 'primary: { region: "us-east-1" }'],
        ]);
    });

    it("reports a region declared twice, naming both places", () => {
        expectProblems(pgArgs({ secondaries: [{ region: "ap-northeast-1" }, { region: "ap-northeast-1" }] }), [
            ["region-unique", "secondaries[1].region", '"ap-northeast-1"', "2 times", "secondaries[0], secondaries[1]"],
        ]);
    });

    it("reports a secondary without instances", () => {
        expectProblems(pgArgs({ secondaries: [{ region: "ap-northeast-1", instanceCount: 0 }] }), [
            ["instance-count", "secondaries[0].instanceCount", "instanceCount 0", "from 1 to 16"],
        ]);
    });

    it("reports a bad strategy and a bad pending-patch opt-in", () => {
        expectProblems(pgArgs({ upgrade: { strategy: "fast" as never, applyPendingPatches: "now" as never } }), [
            ["strategy", "upgrade.strategy", '"fast"', '"auto", "managed", "rolling" or "blue-green"'],
            [
                "apply-pending-patches",
                "upgrade.applyPendingPatches",
                '"now"',
                'false, "immediate" or "next-maintenance"',
            ],
        ]);
    });

    it("reports bad identifiers, regions, instance classes and numbers", () => {
        expectProblems(
            pgArgs({
                globalClusterIdentifier: "9app",
                primary: { region: "us-east", instanceClass: "r6g.large", clusterIdentifier: "app--1" },
                upgrade: { timeoutMinutes: 0, pollSeconds: 2.5 },
                backupRetentionPeriod: 40,
            }),
            [
                ["global-cluster-identifier", "globalClusterIdentifier", '"9app"', "1–63 letters, digits or hyphens"],
                ["region", "primary.region", '"us-east"', '"us-east-1"'],
                ["instance-class", "primary.instanceClass", '"r6g.large"', '"db.r6g.large"'],
                ["cluster-identifier", "primary.clusterIdentifier", '"app--1"', "1–63 letters, digits or hyphens"],
                ["timeout-minutes", "upgrade.timeoutMinutes", "timeoutMinutes 0", "from 1 to 10080"],
                ["poll-seconds", "upgrade.pollSeconds", "pollSeconds 2.5", "from 1 to 3600"],
                ["backup-retention", "backupRetentionPeriod", "backupRetentionPeriod 40", "from 1 to 35"],
            ],
        );
    });

    it("reports a malformed member version and duplicate cluster identifiers", () => {
        expectProblems(
            pgArgs({
                primary: { region: "us-east-1", clusterIdentifier: "same" },
                secondaries: [{ region: "ap-northeast-1", clusterIdentifier: "same", engineVersion: "17.x" }],
            }),
            [
                ["cluster-identifier-unique", "secondaries[0].clusterIdentifier", '"same"', "primary, secondaries[0]"],
                ["member-engine-version", "secondaries[0].engineVersion", '"17.x"', "17.4"],
            ],
        );
    });

    it("reports every problem together, in the table's order", () => {
        expectProblems(
            pgArgs({
                engineVersion: "seventeen",
                secondaries: [{ region: "us-east-1", instanceCount: 0 }],
                upgrade: { strategy: "x" as never },
            }),
            [
                ["engine-version", "engineVersion", '"seventeen"'],
                ["region-unique", "secondaries[0].region", '"us-east-1"', "primary, secondaries[0]"],
                ["instance-count", "secondaries[0].instanceCount", "instanceCount 0"],
                ["strategy", "upgrade.strategy", '"x"'],
            ],
        );
    });
});

describe("components: malformed input fails fast", () => {
    it("throws ONE error listing every problem with its rule id, and declares nothing, not even itself", async () => {
        let types: string[] | undefined;
        await assert.rejects(
            runDb(pgArgs({ engineVersion: "17.x", secondaries: [{ region: "us-east-1", instanceCount: 0 }] })),
            (e: unknown) => {
                types = recordedBeforeFailure(e)?.resources.map((r) => r.type);
                assert.ok(e instanceof pulumi.ResourceError);
                assert.ok(e instanceof AuroraGlobalDatabaseArgsError);
                assert.deepStrictEqual(
                    e.problems.map((p) => [p.rule, p.path]),
                    [
                        ["engine-version", "engineVersion"],
                        ["region-unique", "secondaries[0].region"],
                        ["instance-count", "secondaries[0].instanceCount"],
                    ],
                );
                assertRefusal(e.problems[0].message, { field: "engineVersion", value: '"17.x"', fix: "17.4" });
                assertRefusal(e.problems[1].message, { field: "region", value: '"us-east-1"', says: ["2 times"] });
                assertRefusal(e.problems[2].message, {
                    field: "secondaries[0].instanceCount",
                    value: "0",
                    says: ["from 1 to 16"],
                });
                // One error: a header with the count, then one line per problem with its rule id.
                assert.deepStrictEqual(e.message.split("\n"), [
                    'AuroraGlobalDatabase "db" has invalid arguments (3 problems):',
                    ...e.problems.map((p) => `  - [${p.rule}] ${p.message}`),
                ]);
                return true;
            },
        );
        // Only the stack was registered: no component, no cluster, no password, no step.
        assert.deepStrictEqual(types, ["pulumi:pulumi:Stack"]);
    });

    it("is a pulumi.InputPropertiesError too: one property path and reason per problem (what a component provider reports)", () => {
        const e = new AuroraGlobalDatabaseArgsError(
            "db",
            validateArgs(pgArgs({ secondaries: ["eu-west-1" as never] })),
        );
        assert.ok(pulumi.InputPropertiesError.isInstance(e));
        assert.ok(pulumi.ResourceError.isInstance(e));
        assert.strictEqual(e.hideStack, true);
        assert.deepStrictEqual(
            e.errors.map((x) => x.propertyPath),
            ["secondaries[0]"],
        );
        assert.ok(e.errors[0].reason.startsWith("[secondaries] "), e.errors[0].reason);
        assertRefusal(e.errors[0].reason.slice("[secondaries] ".length), {
            field: "secondaries[0]",
            value: '"eu-west-1"',
            fix: '{ region: "eu-west-1" }',
        });
    });

    it("every rule id is unique and kebab-case", () => {
        const ids = ARGS_RULES.map((r) => r.id);
        assert.deepStrictEqual([...new Set(ids)], ids);
        for (const id of nonEmpty(ids, "rule id")) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
    });

    it("a later run in the same process is unaffected by the failed one", async () => {
        await assert.rejects(runDb(pgArgs({ engineVersion: "bad" })));
        const ok = await runDb(pgArgs());
        assert.strictEqual(named(ok, "db").type, T.db);
        assert.deepStrictEqual(
            ok.logs.filter((l) => l.severity === "error"),
            [],
        );
    });
});
