import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { ARGS_RULES, AuroraGlobalDatabaseArgs, AuroraGlobalDatabaseArgsError, validateArgs } from "../../components";
import { recordedBeforeFailure } from "../../testbeds/offline/mock-engine";
import { named, pgArgs, runDb, T } from "./fixtures";
import { nonEmpty } from "../support/non-empty";

/** The messages of validateArgs, in order. */
const messages = (args: AuroraGlobalDatabaseArgs): string[] => validateArgs(args).map((p) => p.message);

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
        assert.deepStrictEqual(messages(pgArgs({ engineVersion: "17" })), [
            'engineVersion "17" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
        ]);
    });

    it("reports an unsupported engine once (no version message on top)", () => {
        assert.deepStrictEqual(messages(pgArgs({ engine: "postgres" as never })), [
            'engine "postgres" is not supported: use "aurora-postgresql" or "aurora-mysql"',
        ]);
    });

    it("reports a missing primary", () => {
        assert.deepStrictEqual(messages(pgArgs({ primary: undefined as never })), [
            'primary is missing: declare the primary member, e.g. primary: { region: "us-east-1" }',
        ]);
    });

    it("reports a region declared twice, naming both places", () => {
        assert.deepStrictEqual(
            messages(pgArgs({ secondaries: [{ region: "ap-northeast-1" }, { region: "ap-northeast-1" }] })),
            [
                'region "ap-northeast-1" is declared 2 times (secondaries[0], secondaries[1]): a global database has at most one cluster per region',
            ],
        );
    });

    it("reports a secondary without instances", () => {
        assert.deepStrictEqual(messages(pgArgs({ secondaries: [{ region: "ap-northeast-1", instanceCount: 0 }] })), [
            "secondaries[0].instanceCount 0 is not an integer from 1 to 16: every member needs at least one DB instance (a secondary without one cannot be upgraded)",
        ]);
    });

    it("reports a bad strategy and a bad pending-patch opt-in", () => {
        assert.deepStrictEqual(
            messages(pgArgs({ upgrade: { strategy: "fast" as never, applyPendingPatches: "now" as never } })),
            [
                'upgrade.strategy "fast" is not a strategy: use "auto", "managed", "rolling" or "blue-green"',
                'upgrade.applyPendingPatches "now" is not an opt-in: use false, "immediate" or "next-maintenance"',
            ],
        );
    });

    it("reports bad identifiers, regions, instance classes and numbers", () => {
        assert.deepStrictEqual(
            messages(
                pgArgs({
                    globalClusterIdentifier: "9app",
                    primary: { region: "us-east", instanceClass: "r6g.large", clusterIdentifier: "app--1" },
                    upgrade: { timeoutMinutes: 0, pollSeconds: 2.5 },
                    backupRetentionPeriod: 40,
                }),
            ),
            [
                'globalClusterIdentifier "9app" is not a valid identifier: use 1–63 letters, digits or hyphens, starting with a letter, without "--" or a trailing hyphen',
                'primary.region "us-east" is not an AWS region: use a region code such as "us-east-1"',
                'primary.instanceClass "r6g.large" is not a DB instance class: use a class such as "db.r6g.large"',
                'primary.clusterIdentifier "app--1" is not a valid identifier: use 1–63 letters, digits or hyphens, starting with a letter, without "--" or a trailing hyphen',
                "upgrade.timeoutMinutes 0 is not an integer from 1 to 10080: give the minutes one upgrade step may take",
                "upgrade.pollSeconds 2.5 is not an integer from 1 to 3600: give the seconds between status polls",
                "backupRetentionPeriod 40 is not an integer from 1 to 35: keep automated backups 1 to 35 days",
            ],
        );
    });

    it("reports a malformed member version and duplicate cluster identifiers", () => {
        assert.deepStrictEqual(
            messages(
                pgArgs({
                    primary: { region: "us-east-1", clusterIdentifier: "same" },
                    secondaries: [{ region: "ap-northeast-1", clusterIdentifier: "same", engineVersion: "17.x" }],
                }),
            ),
            [
                'clusterIdentifier "same" is declared 2 times (primary, secondaries[0]): every member needs a cluster identifier of its own',
                'secondaries[0].engineVersion "17.x" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
            ],
        );
    });

    it("reports every problem together, in the table's order", () => {
        const problems = messages(
            pgArgs({
                engineVersion: "seventeen",
                secondaries: [{ region: "us-east-1", instanceCount: 0 }],
                upgrade: { strategy: "x" as never },
            }),
        );
        assert.deepStrictEqual(problems, [
            'engineVersion "seventeen" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
            'region "us-east-1" is declared 2 times (primary, secondaries[0]): a global database has at most one cluster per region',
            "secondaries[0].instanceCount 0 is not an integer from 1 to 16: every member needs at least one DB instance (a secondary without one cannot be upgraded)",
            'upgrade.strategy "x" is not a strategy: use "auto", "managed", "rolling" or "blue-green"',
        ]);
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
                assert.strictEqual(
                    e.message,
                    [
                        'AuroraGlobalDatabase "db" has invalid arguments (3 problems):',
                        '  - [engine-version] engineVersion "17.x" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
                        '  - [region-unique] region "us-east-1" is declared 2 times (primary, secondaries[0]): a global database has at most one cluster per region',
                        "  - [instance-count] secondaries[0].instanceCount 0 is not an integer from 1 to 16: every member needs at least one DB instance (a secondary without one cannot be upgraded)",
                    ].join("\n"),
                );
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
        assert.deepStrictEqual(e.errors, [
            {
                propertyPath: "secondaries[0]",
                reason: '[secondaries] secondaries[0] "eu-west-1" is not a member: declare each secondary as an object, e.g. { region: "eu-west-1" }',
            },
        ]);
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
