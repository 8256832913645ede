import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    argsFromConfig,
    AuroraGlobalDatabase,
    AuroraGlobalDatabaseArgs,
    AuroraGlobalDatabaseArgsError,
    argsErrorMessage,
    ConfigSource,
    StackConfigError,
    validateArgs,
} from "../../components";
import { recordedBeforeFailure, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { assertRefusal, Refusal } from "../support/refusal";
import { pgArgs, PRIMARY, runDb, SECONDARY } from "./fixtures";

/**
 * The component's bad-input catalogue: one row per hostile or unlucky input. Each runs
 * the component under Pulumi's mock engine and asserts every problem's rule id and property path,
 * that its message names the field, the value and a fix (test/support/refusal.ts: the meaning,
 * not the prose; the rendered text is pinned once per message family below), and that nothing
 * was declared or read: only the stack is registered.
 */
interface Case {
    readonly name: string;
    /** The args: the seed topology (pgArgs) with these overrides. */
    readonly args: Record<string, unknown> | (() => AuroraGlobalDatabaseArgs);
    /** Every problem, in the table's order. */
    readonly problems: readonly Problem[];
}

/** One expected problem: its rule and path, and what its message names (the field defaults to the path). */
interface Problem extends Omit<Refusal, "field"> {
    readonly rule: string;
    readonly path: string;
    readonly field?: string;
}

const ELEVEN_REGIONS = [
    "us-east-2",
    "us-west-1",
    "us-west-2",
    "eu-west-1",
    "eu-west-2",
    "eu-central-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "sa-east-1",
];

const CASES: readonly Case[] = [
    // secondaries that are not members
    {
        name: "a secondary given as a region string",
        args: { secondaries: ["eu-west-1"] },
        problems: [
            { rule: "secondaries", path: "secondaries[0]", value: '"eu-west-1"', fix: '{ region: "eu-west-1" }' },
        ],
    },
    {
        name: "a secondary given as a number",
        args: { secondaries: [42] },
        problems: [{ rule: "secondaries", path: "secondaries[0]", value: "42", fix: '{ region: "eu-west-1" }' }],
    },
    {
        name: "a secondary given as an empty list",
        args: { secondaries: [[]] },
        problems: [{ rule: "secondaries", path: "secondaries[0]", value: "[]", fix: '{ region: "eu-west-1" }' }],
    },
    {
        name: "a null secondary",
        args: { secondaries: [null] },
        problems: [{ rule: "secondaries", path: "secondaries[0]", value: "null", fix: '{ region: "eu-west-1" }' }],
    },
    {
        name: "an undefined secondary",
        args: { secondaries: [undefined] },
        problems: [{ rule: "secondaries", path: "secondaries[0]", value: "undefined", fix: '{ region: "eu-west-1" }' }],
    },
    {
        name: "a boolean secondary",
        args: { secondaries: [true] },
        problems: [{ rule: "secondaries", path: "secondaries[0]", value: "true", fix: '{ region: "eu-west-1" }' }],
    },
    {
        name: "an empty-string secondary",
        args: { secondaries: [""] },
        problems: [{ rule: "secondaries", path: "secondaries[0]", value: '""', fix: '{ region: "eu-west-1" }' }],
    },
    {
        name: "the second secondary a string",
        args: { secondaries: [{ region: "eu-west-1" }, "ap-south-1"] },
        problems: [
            { rule: "secondaries", path: "secondaries[1]", value: '"ap-south-1"', fix: '{ region: "ap-south-1" }' },
        ],
    },
    {
        name: "secondaries as one string",
        args: { secondaries: "eu-west-1" },
        problems: [
            { rule: "secondaries", path: "secondaries", value: '"eu-west-1"', fix: '{ region: "ap-northeast-1" }' },
        ],
    },
    {
        name: "secondaries as one object",
        args: { secondaries: { region: "eu-west-1" } },
        problems: [
            {
                rule: "secondaries",
                path: "secondaries",
                value: '{"region":"eu-west-1"}',
                fix: '{ region: "ap-northeast-1" }',
            },
        ],
    },
    {
        name: "eleven secondaries",
        args: { secondaries: ELEVEN_REGIONS.map((region) => ({ region })) },
        problems: [{ rule: "secondaries", path: "secondaries", says: ["at most 10"] }],
    },
    {
        name: "a secondary without a region",
        args: { secondaries: [{}] },
        problems: [{ rule: "region", path: "secondaries[0].region", value: "undefined", fix: '"us-east-1"' }],
    },
    // the primary
    {
        name: "no primary",
        args: { primary: undefined },
        problems: [{ rule: "primary", path: "primary" }],
    },
    {
        name: "the primary as a region string",
        args: { primary: "us-east-1" },
        problems: [{ rule: "primary", path: "primary", value: '"us-east-1"' }],
    },
    {
        name: "a null primary",
        args: { primary: null },
        problems: [{ rule: "primary", path: "primary", value: "null" }],
    },
    {
        name: "the primary as a list",
        args: { primary: [{ region: "us-east-1" }] },
        problems: [{ rule: "primary", path: "primary", value: '[{"region":"us-east-1"}]' }],
    },
    // regions
    {
        name: "an empty region",
        args: { primary: { region: "" } },
        problems: [{ rule: "region", path: "primary.region", value: '""', fix: '"us-east-1"' }],
    },
    {
        name: "an upper-case region",
        args: { primary: { region: "US-EAST-1" } },
        problems: [{ rule: "region", path: "primary.region", value: '"US-EAST-1"', fix: '"us-east-1"' }],
    },
    {
        name: "a region with a leading space",
        args: { primary: { region: " us-east-1" } },
        problems: [{ rule: "region", path: "primary.region", value: '" us-east-1"', fix: '"us-east-1"' }],
    },
    {
        name: "a region with a trailing newline",
        args: { primary: { region: "us-east-1\n" } },
        problems: [{ rule: "region", path: "primary.region", value: '"us-east-1\\n"', fix: '"us-east-1"' }],
    },
    {
        name: "a region with underscores",
        args: { primary: { region: "us_east_1" } },
        problems: [{ rule: "region", path: "primary.region", value: '"us_east_1"', fix: '"us-east-1"' }],
    },
    {
        name: "a region with unicode hyphens",
        args: { primary: { region: "us‐east‐1" } },
        problems: [{ rule: "region", path: "primary.region", value: '"us‐east‐1"', fix: '"us-east-1"' }],
    },
    {
        name: "a region as a number",
        args: { primary: { region: 42 } },
        problems: [{ rule: "region", path: "primary.region", value: "42", fix: '"us-east-1"' }],
    },
    {
        name: "the aws-global pseudo-region",
        args: { primary: { region: "aws-global" } },
        problems: [{ rule: "region", path: "primary.region", value: '"aws-global"', fix: '"us-east-1"' }],
    },
    {
        name: "a planet",
        args: { secondaries: [{ region: "mars" }] },
        problems: [{ rule: "region", path: "secondaries[0].region", value: '"mars"', fix: '"us-east-1"' }],
    },
    {
        name: "a made-up region",
        args: { primary: { region: "us-fake-9" } },
        problems: [{ rule: "region", path: "primary.region", value: '"us-fake-9"', fix: '"us-east-1"' }],
    },
    {
        name: "a region number that does not exist",
        args: { secondaries: [{ region: "eu-west-9" }] },
        problems: [{ rule: "region", path: "secondaries[0].region", value: '"eu-west-9"', fix: '"us-east-1"' }],
    },
    {
        name: "a misspelt region",
        args: { secondaries: [{ region: "ap-northeast-01" }] },
        problems: [{ rule: "region", path: "secondaries[0].region", value: '"ap-northeast-01"', fix: '"us-east-1"' }],
    },
    {
        name: "a secondary in the primary's region",
        args: { secondaries: [{ region: "us-east-1" }] },
        problems: [
            {
                rule: "region-unique",
                path: "secondaries[0].region",
                field: "region",
                value: '"us-east-1"',
                says: ["2 times (primary, secondaries[0])"],
            },
        ],
    },
    {
        name: "three secondaries in one region",
        args: { secondaries: [{ region: "eu-west-1" }, { region: "eu-west-1" }, { region: "eu-west-1" }] },
        problems: [
            {
                rule: "region-unique",
                path: "secondaries[1].region",
                field: "region",
                value: '"eu-west-1"',
                says: ["3 times (secondaries[0], secondaries[1], secondaries[2])"],
            },
        ],
    },
    {
        name: "a secondary in China with the primary in the aws partition",
        args: { secondaries: [{ region: "cn-north-1" }] },
        problems: [
            {
                rule: "region-partition",
                path: "secondaries[0].region",
                value: '"cn-north-1"',
                says: ["aws-cn partition"],
            },
        ],
    },
    {
        name: "a GovCloud primary with a commercial secondary",
        args: { primary: { region: "us-gov-west-1" }, secondaries: [{ region: "eu-west-1" }] },
        problems: [
            { rule: "region-partition", path: "secondaries[0].region", value: '"eu-west-1"', says: ["aws partition"] },
        ],
    },
    // engineVersion
    {
        name: "a version with spaces around it",
        args: { engineVersion: " 17.4 " },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '" 17.4 "', fix: 'write "17.4"' }],
    },
    {
        name: "a version with a trailing newline",
        args: { engineVersion: "17.4\n" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"17.4\\n"', fix: 'write "17.4"' }],
    },
    {
        name: "a version as a number",
        args: { engineVersion: 17.4 },
        problems: [{ rule: "engine-version", path: "engineVersion", value: "17.4", fix: '"17.4"' }],
    },
    {
        name: "an empty version",
        args: { engineVersion: "" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '""', fix: '"17.4"' }],
    },
    {
        name: "a blank version",
        args: { engineVersion: "   " },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"   "', fix: '"17.4"' }],
    },
    {
        name: "no version",
        args: { engineVersion: undefined },
        problems: [{ rule: "engine-version", path: "engineVersion", fix: '"17.4"' }],
    },
    {
        name: "a null version",
        args: { engineVersion: null },
        problems: [{ rule: "engine-version", path: "engineVersion", fix: '"17.4"' }],
    },
    {
        name: "a major version only",
        args: { engineVersion: "17" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"17"', fix: "17.4" }],
    },
    {
        name: "a wildcard minor",
        args: { engineVersion: "17.x" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"17.x"', fix: "17.4" }],
    },
    {
        name: "a v prefix",
        args: { engineVersion: "v17.4" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"v17.4"', fix: "17.4" }],
    },
    {
        name: "four version parts",
        args: { engineVersion: "17.4.5.6" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"17.4.5.6"', fix: "17.4" }],
    },
    {
        name: "full-width digits",
        args: { engineVersion: "１７.４" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"１７.４"', fix: "17.4" }],
    },
    {
        name: "a twenty-digit major",
        args: { engineVersion: "99999999999999999999.1" },
        problems: [
            {
                rule: "engine-version",
                path: "engineVersion",
                value: '"99999999999999999999.1"',
                says: ["a version number has more than 4 digits"],
                fix: "17.4",
            },
        ],
    },
    {
        name: "a negative minor",
        args: { engineVersion: "17.-4" },
        problems: [{ rule: "engine-version", path: "engineVersion", value: '"17.-4"', fix: "17.4" }],
    },
    {
        name: "a PostgreSQL major without global databases",
        args: { engineVersion: "10.4" },
        problems: [
            {
                rule: "engine-version",
                path: "engineVersion",
                value: '"10.4"',
                says: ["major version 10 is not an Aurora PostgreSQL global database version"],
                fix: "17.4",
            },
        ],
    },
    {
        name: "an Aurora MySQL version 2 on MySQL 8.0",
        args: { engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.2.11.0" },
        problems: [
            {
                rule: "engine-version",
                path: "engineVersion",
                value: '"8.0.mysql_aurora.2.11.0"',
                says: ["MySQL 8.0 pairs with Aurora MySQL version 3"],
                fix: "8.0.mysql_aurora.3.08.0",
            },
        ],
    },
    {
        name: "an Aurora MySQL version without the MySQL line",
        args: { engine: "aurora-mysql", engineVersion: "3.08.0" },
        problems: [
            { rule: "engine-version", path: "engineVersion", value: '"3.08.0"', fix: "8.0.mysql_aurora.3.08.0" },
        ],
    },
    {
        name: "a member version with a leading space",
        args: { secondaries: [{ region: "ap-northeast-1", engineVersion: " 17.4" }] },
        problems: [
            {
                rule: "member-engine-version",
                path: "secondaries[0].engineVersion",
                value: '" 17.4"',
                fix: 'write "17.4"',
            },
        ],
    },
    {
        name: "a member version as a number",
        args: { primary: { region: "us-east-1", engineVersion: 17 } },
        problems: [{ rule: "member-engine-version", path: "primary.engineVersion", value: "17", fix: '"17.4"' }],
    },
    {
        name: "a malformed member version",
        args: { secondaries: [{ region: "ap-northeast-1", engineVersion: "latest" }] },
        problems: [
            { rule: "member-engine-version", path: "secondaries[0].engineVersion", value: '"latest"', fix: "17.4" },
        ],
    },
    // engine
    {
        name: "community PostgreSQL",
        args: { engine: "postgres" },
        problems: [
            { rule: "engine", path: "engine", value: '"postgres"', fix: '"aurora-postgresql" or "aurora-mysql"' },
        ],
    },
    {
        name: "a mixed-case engine",
        args: { engine: "Aurora-PostgreSQL" },
        problems: [
            {
                rule: "engine",
                path: "engine",
                value: '"Aurora-PostgreSQL"',
                fix: '"aurora-postgresql" or "aurora-mysql"',
            },
        ],
    },
    {
        name: "no engine",
        args: { engine: undefined },
        problems: [
            { rule: "engine", path: "engine", value: "undefined", fix: '"aurora-postgresql" or "aurora-mysql"' },
        ],
    },
    // identifiers
    {
        name: "a global identifier with an underscore",
        args: { globalClusterIdentifier: "app_global" },
        problems: [{ rule: "global-cluster-identifier", path: "globalClusterIdentifier", value: '"app_global"' }],
    },
    {
        name: "a global identifier ending in a hyphen",
        args: { globalClusterIdentifier: "app-" },
        problems: [{ rule: "global-cluster-identifier", path: "globalClusterIdentifier", value: '"app-"' }],
    },
    {
        name: "a 64-character global identifier",
        args: { globalClusterIdentifier: "a".repeat(64) },
        problems: [
            {
                rule: "global-cluster-identifier",
                path: "globalClusterIdentifier",
                value: '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"',
            },
        ],
    },
    {
        name: "an empty global identifier",
        args: { globalClusterIdentifier: "" },
        problems: [{ rule: "global-cluster-identifier", path: "globalClusterIdentifier", value: '""' }],
    },
    {
        name: "a cluster identifier starting with a digit",
        args: { primary: { region: "us-east-1", clusterIdentifier: "1app" } },
        problems: [{ rule: "cluster-identifier", path: "primary.clusterIdentifier", value: '"1app"' }],
    },
    {
        name: "a cluster identifier with two hyphens",
        args: { primary: { region: "us-east-1", clusterIdentifier: "app--x" } },
        problems: [{ rule: "cluster-identifier", path: "primary.clusterIdentifier", value: '"app--x"' }],
    },
    {
        name: "a cluster identifier with an accent",
        args: { secondaries: [{ region: "ap-northeast-1", clusterIdentifier: "ápp" }] },
        problems: [{ rule: "cluster-identifier", path: "secondaries[0].clusterIdentifier", value: '"ápp"' }],
    },
    {
        name: "two members with one cluster identifier",
        args: {
            primary: { region: "us-east-1", clusterIdentifier: "app" },
            secondaries: [{ region: "ap-northeast-1", clusterIdentifier: "app" }],
        },
        problems: [
            {
                rule: "cluster-identifier-unique",
                path: "secondaries[0].clusterIdentifier",
                field: "clusterIdentifier",
                value: '"app"',
                says: ["2 times (primary, secondaries[0])"],
            },
        ],
    },
    // instances
    {
        name: "a primary without instances",
        args: { primary: { region: "us-east-1", instanceCount: 0 } },
        problems: [{ rule: "instance-count", path: "primary.instanceCount", value: "0", says: ["from 1 to 16"] }],
    },
    {
        name: "17 instances",
        args: { secondaries: [{ region: "ap-northeast-1", instanceCount: 17 }] },
        problems: [
            { rule: "instance-count", path: "secondaries[0].instanceCount", value: "17", says: ["from 1 to 16"] },
        ],
    },
    {
        name: "a negative instance count",
        args: { secondaries: [{ region: "ap-northeast-1", instanceCount: -1 }] },
        problems: [
            { rule: "instance-count", path: "secondaries[0].instanceCount", value: "-1", says: ["from 1 to 16"] },
        ],
    },
    {
        name: "a fractional instance count",
        args: { secondaries: [{ region: "ap-northeast-1", instanceCount: 1.5 }] },
        problems: [
            { rule: "instance-count", path: "secondaries[0].instanceCount", value: "1.5", says: ["from 1 to 16"] },
        ],
    },
    {
        name: "an instance count as a string",
        args: { primary: { region: "us-east-1", instanceCount: "2" } },
        problems: [{ rule: "instance-count", path: "primary.instanceCount", value: '"2"', says: ["from 1 to 16"] }],
    },
    {
        name: "an instance count of NaN",
        args: { primary: { region: "us-east-1", instanceCount: NaN } },
        problems: [{ rule: "instance-count", path: "primary.instanceCount", value: "NaN", says: ["from 1 to 16"] }],
    },
    {
        name: "an infinite instance count",
        args: { primary: { region: "us-east-1", instanceCount: Infinity } },
        problems: [
            { rule: "instance-count", path: "primary.instanceCount", value: "Infinity", says: ["from 1 to 16"] },
        ],
    },
    {
        name: "an instance class without db.",
        args: { primary: { region: "us-east-1", instanceClass: "r6g.large" } },
        problems: [{ rule: "instance-class", path: "primary.instanceClass", value: '"r6g.large"' }],
    },
    {
        name: "an instance class without a size",
        args: { primary: { region: "us-east-1", instanceClass: "db.r6g" } },
        problems: [{ rule: "instance-class", path: "primary.instanceClass", value: '"db.r6g"' }],
    },
    {
        name: "an upper-case instance class",
        args: { secondaries: [{ region: "ap-northeast-1", instanceClass: "DB.R6G.LARGE" }] },
        problems: [{ rule: "instance-class", path: "secondaries[0].instanceClass", value: '"DB.R6G.LARGE"' }],
    },
    // upgrade options
    {
        name: "upgrade as a string",
        args: { upgrade: "fast" },
        problems: [{ rule: "upgrade", path: "upgrade", value: '"fast"' }],
    },
    {
        name: "an unknown strategy",
        args: { upgrade: { strategy: "fast" } },
        problems: [{ rule: "strategy", path: "upgrade.strategy", value: '"fast"', fix: '"rolling" or "blue-green"' }],
    },
    {
        name: "an empty strategy",
        args: { upgrade: { strategy: "" } },
        problems: [{ rule: "strategy", path: "upgrade.strategy", value: '""', fix: '"rolling" or "blue-green"' }],
    },
    {
        name: "a capitalised strategy",
        args: { upgrade: { strategy: "Rolling" } },
        problems: [
            { rule: "strategy", path: "upgrade.strategy", value: '"Rolling"', fix: '"rolling" or "blue-green"' },
        ],
    },
    {
        name: "patches opted in with true",
        args: { upgrade: { applyPendingPatches: true } },
        problems: [
            {
                rule: "apply-pending-patches",
                path: "upgrade.applyPendingPatches",
                value: "true",
                fix: 'false, "immediate" or "next-maintenance"',
            },
        ],
    },
    {
        name: "patches opted in with now",
        args: { upgrade: { applyPendingPatches: "now" } },
        problems: [
            {
                rule: "apply-pending-patches",
                path: "upgrade.applyPendingPatches",
                value: '"now"',
                fix: 'false, "immediate" or "next-maintenance"',
            },
        ],
    },
    {
        name: "a major opt-in as a string",
        args: { upgrade: { allowMajorVersionUpgrade: "true" } },
        problems: [
            { rule: "boolean", path: "upgrade.allowMajorVersionUpgrade", value: '"true"', fix: "true or false" },
        ],
    },
    {
        name: "a snapshot flag as a number",
        args: { upgrade: { snapshotBeforeUpgrade: 1 } },
        problems: [{ rule: "boolean", path: "upgrade.snapshotBeforeUpgrade", value: "1", fix: "true or false" }],
    },
    {
        name: "a MySQL confirmation as yes",
        args: { upgrade: { mysqlInPlaceMajorConfirmed: "yes" } },
        problems: [
            { rule: "boolean", path: "upgrade.mysqlInPlaceMajorConfirmed", value: '"yes"', fix: "true or false" },
        ],
    },
    {
        name: "a zero timeout",
        args: { upgrade: { timeoutMinutes: 0 } },
        problems: [{ rule: "timeout-minutes", path: "upgrade.timeoutMinutes", value: "0", says: ["from 1 to 10080"] }],
    },
    {
        name: "a timeout over a week",
        args: { upgrade: { timeoutMinutes: 10081 } },
        problems: [
            { rule: "timeout-minutes", path: "upgrade.timeoutMinutes", value: "10081", says: ["from 1 to 10080"] },
        ],
    },
    {
        name: "a negative timeout",
        args: { upgrade: { timeoutMinutes: -5 } },
        problems: [{ rule: "timeout-minutes", path: "upgrade.timeoutMinutes", value: "-5", says: ["from 1 to 10080"] }],
    },
    {
        name: "a half-second poll",
        args: { upgrade: { pollSeconds: 0.5 } },
        problems: [{ rule: "poll-seconds", path: "upgrade.pollSeconds", value: "0.5", says: ["from 1 to 3600"] }],
    },
    {
        name: "a billion-second poll",
        args: { upgrade: { pollSeconds: 1e9 } },
        problems: [
            { rule: "poll-seconds", path: "upgrade.pollSeconds", value: "1000000000", says: ["from 1 to 3600"] },
        ],
    },
    {
        name: "an empty CLI command",
        args: { upgrade: { cli: "" } },
        problems: [{ rule: "cli", path: "upgrade.cli", value: '""' }],
    },
    {
        name: "a blank CLI command",
        args: { upgrade: { cli: "   " } },
        problems: [{ rule: "cli", path: "upgrade.cli", value: '"   "' }],
    },
    {
        name: "a CLI command as a number",
        args: { upgrade: { cli: 42 } },
        problems: [{ rule: "cli", path: "upgrade.cli", value: "42" }],
    },
    {
        name: "a CLI command of two lines",
        args: { upgrade: { cli: "node bin/aurora-global.js\nrm -rf /" } },
        problems: [{ rule: "cli", path: "upgrade.cli", value: '"node bin/aurora-global.js\\nrm -rf /"' }],
    },
    // windows
    {
        name: "a backup window of whenever",
        args: { preferredBackupWindow: "whenever" },
        problems: [{ rule: "backup-window", path: "preferredBackupWindow", value: '"whenever"', fix: '"03:00-03:30"' }],
    },
    {
        name: "a 15-minute backup window",
        args: { preferredBackupWindow: "03:00-03:15" },
        problems: [
            {
                rule: "backup-window",
                path: "preferredBackupWindow",
                value: '"03:00-03:15"',
                says: ["it lasts 15 minutes; AWS needs at least 30"],
                fix: '"03:00-03:30"',
            },
        ],
    },
    {
        name: "a backup window at 24:00",
        args: { preferredBackupWindow: "24:00-00:30" },
        problems: [
            { rule: "backup-window", path: "preferredBackupWindow", value: '"24:00-00:30"', fix: '"03:00-03:30"' },
        ],
    },
    {
        name: "a backup window without leading zeros",
        args: { preferredBackupWindow: "3:00-3:30" },
        problems: [
            { rule: "backup-window", path: "preferredBackupWindow", value: '"3:00-3:30"', fix: '"03:00-03:30"' },
        ],
    },
    {
        name: "an empty backup window",
        args: { preferredBackupWindow: "03:00-03:00" },
        problems: [
            {
                rule: "backup-window",
                path: "preferredBackupWindow",
                value: '"03:00-03:00"',
                says: ["it lasts 0 minutes; AWS needs at least 30"],
                fix: '"03:00-03:30"',
            },
        ],
    },
    {
        name: "a backup window as a number",
        args: { preferredBackupWindow: 330 },
        problems: [{ rule: "backup-window", path: "preferredBackupWindow", value: "330" }],
    },
    {
        name: "a maintenance window of whenever",
        args: { preferredMaintenanceWindow: "whenever" },
        problems: [
            {
                rule: "maintenance-window",
                path: "preferredMaintenanceWindow",
                value: '"whenever"',
                fix: '"sun:05:00-sun:05:30"',
            },
        ],
    },
    {
        name: "a 10-minute maintenance window",
        args: { preferredMaintenanceWindow: "sun:05:00-sun:05:10" },
        problems: [
            {
                rule: "maintenance-window",
                path: "preferredMaintenanceWindow",
                value: '"sun:05:00-sun:05:10"',
                says: ["it lasts 10 minutes; AWS needs at least 30"],
                fix: '"sun:05:00-sun:05:30"',
            },
        ],
    },
    {
        name: "maintenance days spelt out",
        args: { preferredMaintenanceWindow: "sunday:05:00-sunday:06:00" },
        problems: [
            {
                rule: "maintenance-window",
                path: "preferredMaintenanceWindow",
                value: '"sunday:05:00-sunday:06:00"',
                fix: '"sun:05:00-sun:05:30"',
            },
        ],
    },
    {
        name: "an unknown maintenance day",
        args: { preferredMaintenanceWindow: "xyz:05:00-xyz:06:00" },
        problems: [
            {
                rule: "maintenance-window",
                path: "preferredMaintenanceWindow",
                value: '"xyz:05:00-xyz:06:00"',
                fix: '"sun:05:00-sun:05:30"',
            },
        ],
    },
    {
        name: "a maintenance window without days",
        args: { preferredMaintenanceWindow: "05:00-06:00" },
        problems: [
            {
                rule: "maintenance-window",
                path: "preferredMaintenanceWindow",
                value: '"05:00-06:00"',
                fix: '"sun:05:00-sun:05:30"',
            },
        ],
    },
    {
        name: "a backup window inside the maintenance window",
        args: { preferredBackupWindow: "05:00-05:30", preferredMaintenanceWindow: "sun:05:15-sun:06:00" },
        problems: [{ rule: "windows-overlap", path: "preferredBackupWindow", value: '"05:00-05:30"' }],
    },
    // database settings
    {
        name: "a privileged port",
        args: { port: 80 },
        problems: [{ rule: "port", path: "port", value: "80", says: ["from 1150 to 65535"] }],
    },
    {
        name: "a port as a string",
        args: { port: "5432" },
        problems: [{ rule: "port", path: "port", value: '"5432"', says: ["from 1150 to 65535"] }],
    },
    {
        name: "a port beyond 65535",
        args: { port: 70000 },
        problems: [{ rule: "port", path: "port", value: "70000", says: ["from 1150 to 65535"] }],
    },
    {
        name: "no backups kept",
        args: { backupRetentionPeriod: 0 },
        problems: [{ rule: "backup-retention", path: "backupRetentionPeriod", value: "0", says: ["from 1 to 35"] }],
    },
    {
        name: "backups kept 36 days",
        args: { backupRetentionPeriod: 36 },
        problems: [{ rule: "backup-retention", path: "backupRetentionPeriod", value: "36", says: ["from 1 to 35"] }],
    },
    {
        name: "a database name with a hyphen",
        args: { databaseName: "my-db" },
        problems: [{ rule: "database-name", path: "databaseName", value: '"my-db"' }],
    },
    {
        name: "a database name starting with a digit",
        args: { databaseName: "1db" },
        problems: [{ rule: "database-name", path: "databaseName", value: '"1db"' }],
    },
    {
        name: "a user name with a hyphen",
        args: { masterUsername: "admin-user" },
        problems: [{ rule: "master-username", path: "masterUsername", value: '"admin-user"' }],
    },
    {
        name: "a 17-character user name",
        args: { masterUsername: "a".repeat(17) },
        problems: [{ rule: "master-username", path: "masterUsername", value: '"aaaaaaaaaaaaaaaaa"' }],
    },
    {
        name: "encryption as yes",
        args: { storageEncrypted: "yes" },
        problems: [{ rule: "boolean", path: "storageEncrypted", value: '"yes"', fix: "true or false" }],
    },
    {
        name: "a null deletion protection",
        args: { deletionProtection: null },
        problems: [{ rule: "boolean", path: "deletionProtection", value: "null", fix: "true or false" }],
    },
    {
        name: "a tag value as a number",
        args: { tags: { team: 42 } },
        problems: [{ rule: "tags", path: "tags.team", value: "42" }],
    },
    {
        name: "tags as a string",
        args: { tags: "team=db" },
        problems: [{ rule: "tags", path: "tags", value: '"team=db"' }],
    },
    // several at once
    {
        name: "every problem of a careless copy-paste, together",
        args: {
            engineVersion: " 17.4 ",
            secondaries: ["eu-west-1", { region: "us-fake-9", instanceCount: 0 }],
            upgrade: { strategy: "fast", cli: "" },
            preferredMaintenanceWindow: "whenever",
        },
        problems: [
            { rule: "engine-version", path: "engineVersion", value: '" 17.4 "', fix: 'write "17.4"' },
            { rule: "secondaries", path: "secondaries[0]", value: '"eu-west-1"', fix: '{ region: "eu-west-1" }' },
            { rule: "region", path: "secondaries[1].region", value: '"us-fake-9"', fix: '"us-east-1"' },
            { rule: "instance-count", path: "secondaries[1].instanceCount", value: "0", says: ["from 1 to 16"] },
            { rule: "strategy", path: "upgrade.strategy", value: '"fast"', fix: '"rolling" or "blue-green"' },
            { rule: "cli", path: "upgrade.cli", value: '""' },
            {
                rule: "maintenance-window",
                path: "preferredMaintenanceWindow",
                value: '"whenever"',
                fix: '"sun:05:00-sun:05:30"',
            },
        ],
    },
    {
        name: "no arguments at all",
        args: () => undefined as unknown as AuroraGlobalDatabaseArgs,
        problems: [{ rule: "args", path: "", field: "arguments", value: "undefined" }],
    },
];

function argsOf(c: Case): AuroraGlobalDatabaseArgs {
    return typeof c.args === "function" ? c.args() : ({ ...pgArgs(), ...c.args } as AuroraGlobalDatabaseArgs);
}

describe(`components: bad-input catalogue (${CASES.length} cases, each refused before anything is declared)`, () => {
    CASES.forEach((c, i) => {
        it(`#${i + 1} ${c.name}: ${c.problems.map((p) => p.rule).join(", ")}`, async () => {
            let recorded: ReturnType<typeof recordedBeforeFailure>;
            await assert.rejects(runDb(argsOf(c)), (e: unknown) => {
                recorded = recordedBeforeFailure(e);
                assert.ok(e instanceof AuroraGlobalDatabaseArgsError, String(e));
                assert.ok(pulumi.InputPropertiesError.isInstance(e));
                assert.deepStrictEqual(
                    e.problems.map((p) => [p.rule, p.path]),
                    c.problems.map((p) => [p.rule, p.path]),
                );
                c.problems.forEach((p, k) => assertRefusal(e.problems[k].message, { ...p, field: p.field ?? p.path }));
                assert.ok(e.message.startsWith('AuroraGlobalDatabase "db" has invalid arguments'), e.message);
                return true;
            });
            // Nothing declared (only the stack), nothing read.
            assert.deepStrictEqual(
                recorded?.resources.map((r) => r.type),
                ["pulumi:pulumi:Stack"],
            );
            assert.deepStrictEqual(recorded?.calls, []);
        });
    });
});

/**
 * The rendered text, pinned once per message family (a wording regression shows here once, not in
 * every row above): a catalogue row and its first problem's message.
 */
const RENDERED: readonly (readonly [string, string])[] = [
    [
        "a secondary given as a number",
        'secondaries[0] 42 is not a member: declare each secondary as an object, e.g. { region: "eu-west-1" }',
    ],
    [
        "secondaries as one string",
        'secondaries "eu-west-1" is not a list: declare secondaries as a list of members, e.g. [{ region: "ap-northeast-1" }]',
    ],
    ["eleven secondaries", "secondaries has 11 members: an Aurora global database has at most 10 secondary regions"],
    ["no primary", 'primary is missing: declare the primary member, e.g. primary: { region: "us-east-1" }'],
    ["a null primary", 'primary null is not a member: declare it as an object, e.g. primary: { region: "us-east-1" }'],
    ["a planet", 'secondaries[0].region "mars" is not an AWS region: use a region code such as "us-east-1"'],
    [
        "a made-up region",
        'primary.region "us-fake-9" is not a region of any AWS partition (the AWS SDK\'s partition data lists no such region): check the spelling, e.g. "us-east-1", or update @aws-sdk/core if the region is new',
    ],
    [
        "a secondary in the primary's region",
        'region "us-east-1" is declared 2 times (primary, secondaries[0]): a global database has at most one cluster per region',
    ],
    [
        "a secondary in China with the primary in the aws partition",
        'secondaries[0].region "cn-north-1" is in the aws-cn partition, primary.region "us-east-1" in aws: the regions of one global database are all in one partition',
    ],
    [
        "a version with spaces around it",
        'engineVersion " 17.4 " has spaces around it: write "17.4" (AWS takes the version exactly as written)',
    ],
    ["a version as a number", 'engineVersion 17.4 is not a string: write the version in quotes, e.g. "17.4"'],
    ["an empty version", 'engineVersion "" is empty: give the engine version, e.g. "17.4"'],
    ["no version", 'engineVersion is missing: give the engine version, e.g. "17.4"'],
    [
        "a major version only",
        'engineVersion "17" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
    ],
    [
        "an Aurora MySQL version without the MySQL line",
        'engineVersion "3.08.0" is not a valid aurora-mysql version (expected MYSQL.mysql_aurora.AURORA.MINOR.PATCH or 8.4.MINOR): use a version such as 8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)',
    ],
    ["community PostgreSQL", 'engine "postgres" is not supported: use "aurora-postgresql" or "aurora-mysql"'],
    [
        "a global identifier with an underscore",
        'globalClusterIdentifier "app_global" is not a valid identifier: use 1–63 letters, digits or hyphens, starting with a letter, without "--" or a trailing hyphen',
    ],
    [
        "two members with one cluster identifier",
        'clusterIdentifier "app" is declared 2 times (primary, secondaries[0]): every member needs a cluster identifier of its own',
    ],
    [
        "a primary without instances",
        "primary.instanceCount 0 is not an integer from 1 to 16: every member needs at least one DB instance (a secondary without one cannot be upgraded)",
    ],
    [
        "an instance class without db.",
        'primary.instanceClass "r6g.large" is not a DB instance class: use a class such as "db.r6g.large"',
    ],
    ["upgrade as a string", 'upgrade "fast" is not an object: give the options as e.g. upgrade: { strategy: "auto" }'],
    [
        "an unknown strategy",
        'upgrade.strategy "fast" is not a strategy: use "auto", "managed", "rolling" or "blue-green"',
    ],
    [
        "patches opted in with now",
        'upgrade.applyPendingPatches "now" is not an opt-in: use false, "immediate" or "next-maintenance"',
    ],
    ["a snapshot flag as a number", "upgrade.snapshotBeforeUpgrade 1 is not a boolean: use true or false"],
    [
        "a zero timeout",
        "upgrade.timeoutMinutes 0 is not a whole number from 1 to 10080: give the minutes one upgrade step may take, e.g. 120",
    ],
    [
        "an empty CLI command",
        'upgrade.cli "" is empty: leave upgrade.cli out for the default, or give the command that starts the aurora-global CLI, e.g. "node bin/aurora-global.js"',
    ],
    [
        "a CLI command as a number",
        'upgrade.cli 42 is not a command line: leave upgrade.cli out for the default, or give the command that starts the aurora-global CLI, e.g. "node bin/aurora-global.js"',
    ],
    [
        "a CLI command of two lines",
        'upgrade.cli "node bin/aurora-global.js\\nrm -rf /" spans several lines: leave upgrade.cli out for the default, or give the command that starts the aurora-global CLI, e.g. "node bin/aurora-global.js"',
    ],
    [
        "a 15-minute backup window",
        'preferredBackupWindow "03:00-03:15" is not a valid window (it lasts 15 minutes; AWS needs at least 30): leave it out for AWS\'s choice or write e.g. "03:00-03:30"',
    ],
    [
        "a backup window as a number",
        'preferredBackupWindow 330 is not a window: write it as a string, e.g. "03:00-03:30"',
    ],
    [
        "a backup window inside the maintenance window",
        'preferredBackupWindow "05:00-05:30" overlaps preferredMaintenanceWindow "sun:05:15-sun:06:00": AWS refuses a backup window that conflicts with the maintenance window; move one of them',
    ],
    [
        "a database name with a hyphen",
        'databaseName "my-db" is not a database name: use letters, digits and underscores, starting with a letter',
    ],
    [
        "a user name with a hyphen",
        'masterUsername "admin-user" is not a user name: use 1–16 letters, digits and underscores, starting with a letter',
    ],
    ["a tag value as a number", 'tags.team 42 is not a string: tag values are strings, e.g. "42"'],
    ["tags as a string", 'tags "team=db" is not a map: give tags as { key: "value" }'],
    ["no arguments at all", "arguments undefined are missing: pass { engine, engineVersion, primary, ... }"],
];

describe(`components: bad-input messages, the rendered text once per family (${RENDERED.length})`, () => {
    for (const [name, text] of RENDERED)
        it(name, () => {
            const c = CASES.find((x) => x.name === name);
            assert.ok(c, `no catalogue row "${name}"`);
            assert.strictEqual(validateArgs(argsOf(c))[0]?.message, text);
        });

    it("the error lists every problem under the component's name, each with its rule id", () => {
        const problems = validateArgs(argsOf(CASES.find((x) => x.name === "an unknown strategy")!));
        assert.strictEqual(
            argsErrorMessage("db", problems),
            `AuroraGlobalDatabase "db" has invalid arguments (1 problem):\n  - [strategy] ${problems[0].message}`,
        );
    });
});

/**
 * The component's bad-input catalogue, round two (issue #20): what was declared wrong silently,
 * refused by AWS only at `up`, or ignored. Each row asserts the rule id, the property path and the
 * values the message must name, and that nothing was declared or read (only the stack).
 */
interface Row {
    readonly name: string;
    /** Overrides of the seed topology (pgArgs). */
    readonly args: Record<string, unknown>;
    /** The component's name (default "db"). */
    readonly component?: string;
    readonly rule: string;
    readonly path: string;
    /** Fragments the message must contain: the value and the fix. */
    readonly says: readonly string[];
}

const KEY_ARN = (region: string) => `arn:aws:kms:${region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const ROWS: readonly Row[] = [
    {
        name: "a misspelt member key (instanceCnt)",
        args: { secondaries: [{ region: SECONDARY, instanceCnt: 2 }] },
        rule: "unknown-key",
        path: "secondaries[0].instanceCnt",
        says: ["did you mean instanceCount?"],
    },
    {
        name: "a misspelt top-level key",
        args: { engineVerison: "17.5" },
        rule: "unknown-key",
        path: "engineVerison",
        says: ["did you mean engineVersion?"],
    },
    {
        name: "a misspelt upgrade option",
        args: { upgrade: { stratgy: "rolling" } },
        rule: "unknown-key",
        path: "upgrade.stratgy",
        says: ["did you mean strategy?"],
    },
    {
        name: "identity as a string",
        args: { upgrade: { identity: "admin" } },
        rule: "identity",
        path: "upgrade.identity",
        says: ['"admin"', '{ profile: "admin" }'],
    },
    {
        name: "an identity role that is no IAM role ARN",
        args: { upgrade: { identity: { roleArn: "aurora-upgrader" } } },
        rule: "identity",
        path: "upgrade.identity.roleArn",
        says: ['"aurora-upgrader"', "arn:aws:iam::ACCOUNT:role/NAME"],
    },
    {
        name: "an empty KMS key on an encrypted secondary",
        args: { secondaries: [{ region: SECONDARY, kmsKeyId: "" }] },
        rule: "kms-key-id",
        path: "secondaries[0].kmsKeyId",
        says: ['kmsKeyId "" is empty', `arn:aws:kms:${SECONDARY}:`],
    },
    {
        name: "a KMS key of another region",
        args: { secondaries: [{ region: SECONDARY, kmsKeyId: KEY_ARN(PRIMARY) }] },
        rule: "kms-key-id",
        path: "secondaries[0].kmsKeyId",
        says: [`a key of ${PRIMARY}, not of ${SECONDARY}`, `arn:aws:kms:${SECONDARY}:`],
    },
    {
        name: "a KMS key that is no key identifier",
        args: { primary: { region: PRIMARY, kmsKeyId: "my-key" } },
        rule: "kms-key-id",
        path: "primary.kmsKeyId",
        says: ['"my-key" is not a KMS key identifier', `arn:aws:kms:${PRIMARY}:`],
    },
    {
        name: "storage not encrypted with a key",
        args: { storageEncrypted: false, primary: { region: PRIMARY, kmsKeyId: KEY_ARN(PRIMARY) } },
        rule: "storage-encrypted",
        path: "storageEncrypted",
        says: ["primary.kmsKeyId is set", "storageEncrypted: true"],
    },
    {
        name: "security groups as one string",
        args: { primary: { region: PRIMARY, vpcSecurityGroupIds: "sg-1" } },
        rule: "vpc-security-group-ids",
        path: "primary.vpcSecurityGroupIds",
        says: ['"sg-1" is not a list', '["sg-1"]'],
    },
    {
        name: "the reserved master user rdsadmin",
        args: { masterUsername: "rdsadmin" },
        rule: "master-username-reserved",
        path: "masterUsername",
        says: ['"rdsadmin" is reserved', '"dbadmin"'],
    },
    {
        name: "a tag key starting aws:",
        args: { tags: { "aws:owner": "db-team" } },
        rule: "tag-key",
        path: "tags.aws:owner",
        says: ['"aws:owner"', "aws: and rds:"],
    },
    {
        name: "db.t3.micro (an RDS class, not Aurora's)",
        args: { primary: { region: PRIMARY, instanceClass: "db.t3.micro" } },
        rule: "instance-class-offered",
        path: "primary.instanceClass",
        says: ['"db.t3.micro"', "memory-optimized", '"db.r6g.large"'],
    },
    {
        name: "a made-up class db.fake.huge",
        args: { secondaries: [{ region: SECONDARY, instanceClass: "db.fake.huge" }] },
        rule: "instance-class-offered",
        path: "secondaries[0].instanceClass",
        says: ['"db.fake.huge"'],
    },
    {
        name: "a long global identifier deriving member identifiers over 63",
        args: { globalClusterIdentifier: "a".repeat(55) },
        rule: "derived-identifier",
        path: "primary.clusterIdentifier",
        says: [`"${"a".repeat(55)}-${PRIMARY}"`, "AWS allows 63"],
    },
    {
        name: "a component name with an underscore as the default identifier",
        args: { globalClusterIdentifier: undefined },
        component: "my_db",
        rule: "default-identifier",
        path: "globalClusterIdentifier",
        says: ['"my_db"', 'e.g. "my-db"'],
    },
    {
        name: "a component name in capitals as the default identifier",
        args: { globalClusterIdentifier: undefined },
        component: "OrdersDB",
        rule: "default-identifier",
        path: "globalClusterIdentifier",
        says: ['"OrdersDB"', 'e.g. "ordersdb"'],
    },
    {
        name: "an upper-case global identifier",
        args: { globalClusterIdentifier: "APP" },
        rule: "identifier-lowercase",
        path: "globalClusterIdentifier",
        says: ['"APP"', 'write "app"'],
    },
    {
        name: "an upper-case cluster identifier",
        args: { secondaries: [{ region: SECONDARY, clusterIdentifier: "App-Apne1" }] },
        rule: "identifier-lowercase",
        path: "secondaries[0].clusterIdentifier",
        says: ['"App-Apne1"', 'write "app-apne1"'],
    },
    {
        name: "a switchover timeout with strategy rolling",
        args: { upgrade: { strategy: "rolling", switchoverTimeoutSeconds: 600 } },
        rule: "blue-green-only-options",
        path: "upgrade.switchoverTimeoutSeconds",
        says: ['"rolling"', 'set upgrade.strategy to "blue-green"'],
    },
    {
        name: "old clusters with strategy auto",
        args: { upgrade: { oldClusters: "delete" } },
        rule: "blue-green-only-options",
        path: "upgrade.oldClusters",
        says: ['"auto"', "auto never chooses blue-green"],
    },
    {
        name: "a version written with a leading zero",
        args: { engineVersion: "16.08" },
        rule: "engine-version",
        path: "engineVersion",
        says: ['"16.08" is not how AWS writes the version', 'write "16.8"'],
    },
];

async function construct(component: string, args: AuroraGlobalDatabaseArgs) {
    return runProgramUnderMocks({ program: () => ({ plan: new AuroraGlobalDatabase(component, args).plan }) });
}

describe(`components: bad-input catalogue, round two (${ROWS.length} rows: rule, path, value and fix; nothing declared)`, () => {
    for (const row of ROWS)
        it(`${row.name}: [${row.rule}] ${row.path}`, async () => {
            const args = { ...pgArgs(), ...row.args } as AuroraGlobalDatabaseArgs;
            let recorded: ReturnType<typeof recordedBeforeFailure> | undefined;
            await assert.rejects(construct(row.component ?? "db", args), (e: unknown) => {
                recorded = recordedBeforeFailure(e);
                assert.ok(e instanceof AuroraGlobalDatabaseArgsError, String(e));
                const problem = e.problems.find((p) => p.rule === row.rule && p.path === row.path);
                assert.ok(problem, JSON.stringify(e.problems));
                for (const fragment of row.says) assert.ok(problem.message.includes(fragment), problem.message);
                // Nothing else is wrong with the row's input: every problem is the row's rule.
                assert.deepStrictEqual([...new Set(e.problems.map((p) => p.rule))], [row.rule]);
                return true;
            });
            assert.deepStrictEqual(
                recorded?.resources.map((r) => r.type),
                ["pulumi:pulumi:Stack"],
            );
            assert.deepStrictEqual(recorded?.calls, []);
        });

    it("a new database at a PostgreSQL patch level is blocked at preview (AWS creates 17.4 and chooses the patch)", async () => {
        const r = await runProgramUnderMocks({
            program: () => ({ plan: new AuroraGlobalDatabase("db", pgArgs({ engineVersion: "17.4.5" })).plan }),
        }).catch((e: unknown) => e);
        const text = r instanceof Error ? r.message : JSON.stringify(r);
        assert.ok(text.includes("patch-level-with-version-change"), text);
    });
});

/** A stack configuration from a plain map (what `pulumi.Config` reads). */
function source(values: Record<string, unknown>): ConfigSource {
    return {
        get: (k) => (typeof values[k] === "string" ? (values[k] as string) : undefined),
        getNumber: (k) => (typeof values[k] === "number" ? (values[k] as number) : undefined),
        getBoolean: (k) => (typeof values[k] === "boolean" ? (values[k] as boolean) : undefined),
        getObject: <T>(k: string) => values[k] as T | undefined,
    };
}

const BASE = {
    engine: "aurora-postgresql",
    engineVersion: "17.4",
    primaryRegion: PRIMARY,
    secondaryRegions: [SECONDARY],
};

const CONFIG_ROWS: readonly { name: string; config: Record<string, unknown>; path: string; says: string[] }[] = [
    {
        name: "a KMS key for a region that is no member",
        config: { kmsKeyIds: [`eu-west-1=${KEY_ARN("eu-west-1")}`] },
        path: "kmsKeyIds",
        says: ["names eu-west-1, which is no member region", "add eu-west-1 to secondaryRegions"],
    },
    {
        name: "two subnet groups for one region",
        config: { dbSubnetGroups: [`${PRIMARY}=a`, `${PRIMARY}=b`] },
        path: "dbSubnetGroups",
        says: [`"${PRIMARY}=a" and "${PRIMARY}=b" both name ${PRIMARY}`, "keep one"],
    },
    {
        name: "a secondary cluster group for the primary region",
        config: { secondaryClusterParameterGroups: [`${PRIMARY}=grp`] },
        path: "secondaryClusterParameterGroups",
        says: [`names the primary region ${PRIMARY}`, "primaryClusterParameterGroup"],
    },
    {
        name: "security groups for a region that is no member",
        config: { vpcSecurityGroupIds: ["eu-west-1=sg-1"] },
        path: "vpcSecurityGroupIds",
        says: ['"eu-west-1=sg-1"', "no member region"],
    },
];

describe("components: stack config entries that would declare another database are refused", () => {
    for (const row of CONFIG_ROWS)
        it(`${row.name}: [config-region-entry] ${row.path}`, () => {
            assert.throws(
                () => argsFromConfig(source({ ...BASE, ...row.config })),
                (e: unknown) => {
                    assert.ok(e instanceof StackConfigError, String(e));
                    const p = e.problems.find((x) => x.rule === "config-region-entry" && x.path === row.path);
                    assert.ok(p, JSON.stringify(e.problems));
                    for (const fragment of row.says) assert.ok(p.message.includes(fragment), p.message);
                    return true;
                },
            );
        });

    it("upgrade options are read by the one option parser and refused as the stack file writes them", () => {
        assert.throws(
            () =>
                argsFromConfig(
                    source({
                        ...BASE,
                        upgradeStrategy: "fast",
                        upgradePollSeconds: 99999,
                        upgradeApplyPendingPatches: "now",
                    }),
                ),
            (e: unknown) => {
                assert.ok(e instanceof StackConfigError, String(e));
                assert.deepStrictEqual(
                    e.problems.map((p) => [p.rule, p.path]),
                    [
                        ["strategy", "upgradeStrategy"],
                        ["poll-seconds", "upgradePollSeconds"],
                        ["apply-pending-patches", "upgradeApplyPendingPatches"],
                    ],
                );
                assertRefusal(e.problems[0].message, {
                    field: "aurora-global:upgradeStrategy",
                    value: '"fast"',
                    fix: '"blue-green"',
                });
                assertRefusal(e.problems[1].message, {
                    field: "aurora-global:upgradePollSeconds",
                    value: "99999",
                    says: ["from 1 to 3600"],
                });
                assertRefusal(e.problems[2].message, {
                    field: "aurora-global:upgradeApplyPendingPatches",
                    value: '"now"',
                    fix: '"next-maintenance"',
                });
                return true;
            },
        );
    });

    it("good upgrade options pass through; Pulumi.yaml's defaults of the blue/green options read as unset", () => {
        const args = argsFromConfig(
            source({
                ...BASE,
                upgradeStrategy: "rolling",
                upgradeApplyPendingPatches: "false",
                upgradePollSeconds: 30,
                upgradeSwitchoverTimeoutSeconds: 300,
                upgradeOldClusters: "keep",
            }),
        );
        assert.deepStrictEqual(args.upgrade, { strategy: "rolling", pollSeconds: 30, applyPendingPatches: false });
    });

    it("several security groups for one member region stay allowed", () => {
        const args = argsFromConfig(source({ ...BASE, vpcSecurityGroupIds: [`${PRIMARY}=sg-1`, `${PRIMARY}=sg-2`] }));
        assert.deepStrictEqual(args.primary.vpcSecurityGroupIds, ["sg-1", "sg-2"]);
    });
});
