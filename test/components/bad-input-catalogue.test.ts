import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import {
    argsFromConfig,
    AuroraGlobalDatabase,
    AuroraGlobalDatabaseArgs,
    AuroraGlobalDatabaseArgsError,
    ConfigSource,
    StackConfigError,
} from "../../components";
import { recordedBeforeFailure, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { pgArgs, PRIMARY, runDb, SECONDARY } from "./fixtures";

/**
 * The component's bad-input catalogue: one row per hostile or unlucky input. Each runs
 * the component under Pulumi's mock engine and asserts the exact error (rule id, property path,
 * value and fix) and that nothing was declared or read: only the stack is registered.
 */
interface Case {
    readonly name: string;
    /** The args: the seed topology (pgArgs) with these overrides. */
    readonly args: Record<string, unknown> | (() => AuroraGlobalDatabaseArgs);
    /** `[rule, message]` of every problem, in the table's order. */
    readonly problems: readonly (readonly [string, string])[];
}

const notRegion = (path: string, value: string): [string, string] => [
    "region",
    `${path} ${value} is not an AWS region: use a region code such as "us-east-1"`,
];
const unknownRegion = (path: string, value: string): [string, string] => [
    "region",
    `${path} ${value} is not a region of any AWS partition (the AWS SDK's partition data lists no such region): check the spelling, e.g. "us-east-1", or update @aws-sdk/core if the region is new`,
];
const notMember = (i: number, value: string, example = '"eu-west-1"'): [string, string] => [
    "secondaries",
    `secondaries[${i}] ${value} is not a member: declare each secondary as an object, e.g. { region: ${example} }`,
];
const PG_FORMAT =
    "(expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)";
const badPgVersion = (path: string, value: string, reason = PG_FORMAT): [string, string] => [
    path.includes(".") ? "member-engine-version" : "engine-version",
    `${path} ${value} is not a valid aurora-postgresql version ${reason}`,
];
const IDENTIFIER_FIX = 'use 1–63 letters, digits or hyphens, starting with a letter, without "--" or a trailing hyphen';
const notInteger = (rule: string, path: string, value: string, range: string, fix: string): [string, string] => [
    rule,
    `${path} ${value} is not an integer from ${range}: ${fix}`,
];
const INSTANCES_FIX = "every member needs at least one DB instance (a secondary without one cannot be upgraded)";
const notBoolean = (path: string, value: string): [string, string] => [
    "boolean",
    `${path} ${value} is not a boolean: use true or false`,
];
const CLI_FIX =
    'leave upgrade.cli out for the default, or give the command that starts the aurora-global CLI, e.g. "node bin/aurora-global.js"';
const badBackupWindow = (value: string, reason: string): [string, string] => [
    "backup-window",
    `preferredBackupWindow ${value} is not a valid window (${reason}): leave it out for AWS's choice or write e.g. "03:00-03:30"`,
];
const BACKUP_FORMAT = 'expected hh24:mi-hh24:mi in UTC, e.g. "03:00-03:30"';
const badMaintenanceWindow = (value: string, reason: string): [string, string] => [
    "maintenance-window",
    `preferredMaintenanceWindow ${value} is not a valid window (${reason}): leave it out for AWS's choice or write e.g. "sun:05:00-sun:05:30"`,
];
const MAINTENANCE_FORMAT =
    'expected ddd:hh24:mi-ddd:hh24:mi in UTC with days mon, tue, wed, thu, fri, sat or sun, e.g. "sun:05:00-sun:05:30"';
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
        problems: [notMember(0, '"eu-west-1"', '"eu-west-1"')],
    },
    { name: "a secondary given as a number", args: { secondaries: [42] }, problems: [notMember(0, "42")] },
    { name: "a secondary given as an empty list", args: { secondaries: [[]] }, problems: [notMember(0, "[]")] },
    { name: "a null secondary", args: { secondaries: [null] }, problems: [notMember(0, "null")] },
    { name: "an undefined secondary", args: { secondaries: [undefined] }, problems: [notMember(0, "undefined")] },
    { name: "a boolean secondary", args: { secondaries: [true] }, problems: [notMember(0, "true")] },
    { name: "an empty-string secondary", args: { secondaries: [""] }, problems: [notMember(0, '""')] },
    {
        name: "the second secondary a string",
        args: { secondaries: [{ region: "eu-west-1" }, "ap-south-1"] },
        problems: [notMember(1, '"ap-south-1"', '"ap-south-1"')],
    },
    {
        name: "secondaries as one string",
        args: { secondaries: "eu-west-1" },
        problems: [
            [
                "secondaries",
                'secondaries "eu-west-1" is not a list: declare secondaries as a list of members, e.g. [{ region: "ap-northeast-1" }]',
            ],
        ],
    },
    {
        name: "secondaries as one object",
        args: { secondaries: { region: "eu-west-1" } },
        problems: [
            [
                "secondaries",
                'secondaries {"region":"eu-west-1"} is not a list: declare secondaries as a list of members, e.g. [{ region: "ap-northeast-1" }]',
            ],
        ],
    },
    {
        name: "eleven secondaries",
        args: { secondaries: ELEVEN_REGIONS.map((region) => ({ region })) },
        problems: [
            ["secondaries", "secondaries has 11 members: an Aurora global database has at most 10 secondary regions"],
        ],
    },
    {
        name: "a secondary without a region",
        args: { secondaries: [{}] },
        problems: [notRegion("secondaries[0].region", "undefined")],
    },
    // the primary
    {
        name: "no primary",
        args: { primary: undefined },
        problems: [
            ["primary", 'primary is missing: declare the primary member, e.g. primary: { region: "us-east-1" }'],
        ],
    },
    {
        name: "the primary as a region string",
        args: { primary: "us-east-1" },
        problems: [
            [
                "primary",
                'primary "us-east-1" is not a member: declare it as an object, e.g. primary: { region: "us-east-1" }',
            ],
        ],
    },
    {
        name: "a null primary",
        args: { primary: null },
        problems: [
            ["primary", 'primary null is not a member: declare it as an object, e.g. primary: { region: "us-east-1" }'],
        ],
    },
    {
        name: "the primary as a list",
        args: { primary: [{ region: "us-east-1" }] },
        problems: [
            [
                "primary",
                'primary [{"region":"us-east-1"}] is not a member: declare it as an object, e.g. primary: { region: "us-east-1" }',
            ],
        ],
    },
    // regions
    { name: "an empty region", args: { primary: { region: "" } }, problems: [notRegion("primary.region", '""')] },
    {
        name: "an upper-case region",
        args: { primary: { region: "US-EAST-1" } },
        problems: [notRegion("primary.region", '"US-EAST-1"')],
    },
    {
        name: "a region with a leading space",
        args: { primary: { region: " us-east-1" } },
        problems: [notRegion("primary.region", '" us-east-1"')],
    },
    {
        name: "a region with a trailing newline",
        args: { primary: { region: "us-east-1\n" } },
        problems: [notRegion("primary.region", '"us-east-1\\n"')],
    },
    {
        name: "a region with underscores",
        args: { primary: { region: "us_east_1" } },
        problems: [notRegion("primary.region", '"us_east_1"')],
    },
    {
        name: "a region with unicode hyphens",
        args: { primary: { region: "us‐east‐1" } },
        problems: [notRegion("primary.region", '"us‐east‐1"')],
    },
    { name: "a region as a number", args: { primary: { region: 42 } }, problems: [notRegion("primary.region", "42")] },
    {
        name: "the aws-global pseudo-region",
        args: { primary: { region: "aws-global" } },
        problems: [notRegion("primary.region", '"aws-global"')],
    },
    {
        name: "a planet",
        args: { secondaries: [{ region: "mars" }] },
        problems: [notRegion("secondaries[0].region", '"mars"')],
    },
    {
        name: "a made-up region",
        args: { primary: { region: "us-fake-9" } },
        problems: [unknownRegion("primary.region", '"us-fake-9"')],
    },
    {
        name: "a region number that does not exist",
        args: { secondaries: [{ region: "eu-west-9" }] },
        problems: [unknownRegion("secondaries[0].region", '"eu-west-9"')],
    },
    {
        name: "a misspelt region",
        args: { secondaries: [{ region: "ap-northeast-01" }] },
        problems: [unknownRegion("secondaries[0].region", '"ap-northeast-01"')],
    },
    {
        name: "a secondary in the primary's region",
        args: { secondaries: [{ region: "us-east-1" }] },
        problems: [
            [
                "region-unique",
                'region "us-east-1" is declared 2 times (primary, secondaries[0]): a global database has at most one cluster per region',
            ],
        ],
    },
    {
        name: "three secondaries in one region",
        args: { secondaries: [{ region: "eu-west-1" }, { region: "eu-west-1" }, { region: "eu-west-1" }] },
        problems: [
            [
                "region-unique",
                'region "eu-west-1" is declared 3 times (secondaries[0], secondaries[1], secondaries[2]): a global database has at most one cluster per region',
            ],
        ],
    },
    {
        name: "a secondary in China with the primary in the aws partition",
        args: { secondaries: [{ region: "cn-north-1" }] },
        problems: [
            [
                "region-partition",
                'secondaries[0].region "cn-north-1" is in the aws-cn partition, primary.region "us-east-1" in aws: the regions of one global database are all in one partition',
            ],
        ],
    },
    {
        name: "a GovCloud primary with a commercial secondary",
        args: { primary: { region: "us-gov-west-1" }, secondaries: [{ region: "eu-west-1" }] },
        problems: [
            [
                "region-partition",
                'secondaries[0].region "eu-west-1" is in the aws partition, primary.region "us-gov-west-1" in aws-us-gov: the regions of one global database are all in one partition',
            ],
        ],
    },
    // engineVersion
    {
        name: "a version with spaces around it",
        args: { engineVersion: " 17.4 " },
        problems: [
            [
                "engine-version",
                'engineVersion " 17.4 " has spaces around it: write "17.4" (AWS takes the version exactly as written)',
            ],
        ],
    },
    {
        name: "a version with a trailing newline",
        args: { engineVersion: "17.4\n" },
        problems: [
            [
                "engine-version",
                'engineVersion "17.4\\n" has spaces around it: write "17.4" (AWS takes the version exactly as written)',
            ],
        ],
    },
    {
        name: "a version as a number",
        args: { engineVersion: 17.4 },
        problems: [["engine-version", 'engineVersion 17.4 is not a string: write the version in quotes, e.g. "17.4"']],
    },
    {
        name: "an empty version",
        args: { engineVersion: "" },
        problems: [["engine-version", 'engineVersion "" is empty: give the engine version, e.g. "17.4"']],
    },
    {
        name: "a blank version",
        args: { engineVersion: "   " },
        problems: [["engine-version", 'engineVersion "   " is empty: give the engine version, e.g. "17.4"']],
    },
    {
        name: "no version",
        args: { engineVersion: undefined },
        problems: [["engine-version", 'engineVersion is missing: give the engine version, e.g. "17.4"']],
    },
    {
        name: "a null version",
        args: { engineVersion: null },
        problems: [["engine-version", 'engineVersion is missing: give the engine version, e.g. "17.4"']],
    },
    { name: "a major version only", args: { engineVersion: "17" }, problems: [badPgVersion("engineVersion", '"17"')] },
    { name: "a wildcard minor", args: { engineVersion: "17.x" }, problems: [badPgVersion("engineVersion", '"17.x"')] },
    { name: "a v prefix", args: { engineVersion: "v17.4" }, problems: [badPgVersion("engineVersion", '"v17.4"')] },
    {
        name: "four version parts",
        args: { engineVersion: "17.4.5.6" },
        problems: [badPgVersion("engineVersion", '"17.4.5.6"')],
    },
    {
        name: "full-width digits",
        args: { engineVersion: "１７.４" },
        problems: [badPgVersion("engineVersion", '"１７.４"')],
    },
    {
        name: "a twenty-digit major",
        args: { engineVersion: "99999999999999999999.1" },
        problems: [
            badPgVersion(
                "engineVersion",
                '"99999999999999999999.1"',
                "(a version number has more than 4 digits): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)",
            ),
        ],
    },
    {
        name: "a negative minor",
        args: { engineVersion: "17.-4" },
        problems: [badPgVersion("engineVersion", '"17.-4"')],
    },
    {
        name: "a PostgreSQL major without global databases",
        args: { engineVersion: "10.4" },
        problems: [
            badPgVersion(
                "engineVersion",
                '"10.4"',
                "(major version 10 is not an Aurora PostgreSQL global database version): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)",
            ),
        ],
    },
    {
        name: "an Aurora MySQL version 2 on MySQL 8.0",
        args: { engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.2.11.0" },
        problems: [
            [
                "engine-version",
                'engineVersion "8.0.mysql_aurora.2.11.0" is not a valid aurora-mysql version (MySQL 8.0 pairs with Aurora MySQL version 3): use a version such as 8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)',
            ],
        ],
    },
    {
        name: "an Aurora MySQL version without the MySQL line",
        args: { engine: "aurora-mysql", engineVersion: "3.08.0" },
        problems: [
            [
                "engine-version",
                'engineVersion "3.08.0" is not a valid aurora-mysql version (expected MYSQL.mysql_aurora.AURORA.MINOR.PATCH or 8.4.MINOR): use a version such as 8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)',
            ],
        ],
    },
    {
        name: "a member version with a leading space",
        args: { secondaries: [{ region: "ap-northeast-1", engineVersion: " 17.4" }] },
        problems: [
            [
                "member-engine-version",
                'secondaries[0].engineVersion " 17.4" has spaces around it: write "17.4" (AWS takes the version exactly as written)',
            ],
        ],
    },
    {
        name: "a member version as a number",
        args: { primary: { region: "us-east-1", engineVersion: 17 } },
        problems: [
            [
                "member-engine-version",
                'primary.engineVersion 17 is not a string: write the version in quotes, e.g. "17.4"',
            ],
        ],
    },
    {
        name: "a malformed member version",
        args: { secondaries: [{ region: "ap-northeast-1", engineVersion: "latest" }] },
        problems: [badPgVersion("secondaries[0].engineVersion", '"latest"')],
    },
    // engine
    {
        name: "community PostgreSQL",
        args: { engine: "postgres" },
        problems: [["engine", 'engine "postgres" is not supported: use "aurora-postgresql" or "aurora-mysql"']],
    },
    {
        name: "a mixed-case engine",
        args: { engine: "Aurora-PostgreSQL" },
        problems: [
            ["engine", 'engine "Aurora-PostgreSQL" is not supported: use "aurora-postgresql" or "aurora-mysql"'],
        ],
    },
    {
        name: "no engine",
        args: { engine: undefined },
        problems: [["engine", 'engine undefined is not supported: use "aurora-postgresql" or "aurora-mysql"']],
    },
    // identifiers
    {
        name: "a global identifier with an underscore",
        args: { globalClusterIdentifier: "app_global" },
        problems: [
            [
                "global-cluster-identifier",
                `globalClusterIdentifier "app_global" is not a valid identifier: ${IDENTIFIER_FIX}`,
            ],
        ],
    },
    {
        name: "a global identifier ending in a hyphen",
        args: { globalClusterIdentifier: "app-" },
        problems: [
            [
                "global-cluster-identifier",
                `globalClusterIdentifier "app-" is not a valid identifier: ${IDENTIFIER_FIX}`,
            ],
        ],
    },
    {
        name: "a 64-character global identifier",
        args: { globalClusterIdentifier: "a".repeat(64) },
        problems: [
            [
                "global-cluster-identifier",
                `globalClusterIdentifier "${"a".repeat(64)}" is not a valid identifier: ${IDENTIFIER_FIX}`,
            ],
        ],
    },
    {
        name: "an empty global identifier",
        args: { globalClusterIdentifier: "" },
        problems: [
            ["global-cluster-identifier", `globalClusterIdentifier "" is not a valid identifier: ${IDENTIFIER_FIX}`],
        ],
    },
    {
        name: "a cluster identifier starting with a digit",
        args: { primary: { region: "us-east-1", clusterIdentifier: "1app" } },
        problems: [
            ["cluster-identifier", `primary.clusterIdentifier "1app" is not a valid identifier: ${IDENTIFIER_FIX}`],
        ],
    },
    {
        name: "a cluster identifier with two hyphens",
        args: { primary: { region: "us-east-1", clusterIdentifier: "app--x" } },
        problems: [
            ["cluster-identifier", `primary.clusterIdentifier "app--x" is not a valid identifier: ${IDENTIFIER_FIX}`],
        ],
    },
    {
        name: "a cluster identifier with an accent",
        args: { secondaries: [{ region: "ap-northeast-1", clusterIdentifier: "ápp" }] },
        problems: [
            [
                "cluster-identifier",
                `secondaries[0].clusterIdentifier "ápp" is not a valid identifier: ${IDENTIFIER_FIX}`,
            ],
        ],
    },
    {
        name: "two members with one cluster identifier",
        args: {
            primary: { region: "us-east-1", clusterIdentifier: "app" },
            secondaries: [{ region: "ap-northeast-1", clusterIdentifier: "app" }],
        },
        problems: [
            [
                "cluster-identifier-unique",
                'clusterIdentifier "app" is declared 2 times (primary, secondaries[0]): every member needs a cluster identifier of its own',
            ],
        ],
    },
    // instances
    {
        name: "a primary without instances",
        args: { primary: { region: "us-east-1", instanceCount: 0 } },
        problems: [notInteger("instance-count", "primary.instanceCount", "0", "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "17 instances",
        args: { secondaries: [{ region: "ap-northeast-1", instanceCount: 17 }] },
        problems: [notInteger("instance-count", "secondaries[0].instanceCount", "17", "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "a negative instance count",
        args: { secondaries: [{ region: "ap-northeast-1", instanceCount: -1 }] },
        problems: [notInteger("instance-count", "secondaries[0].instanceCount", "-1", "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "a fractional instance count",
        args: { secondaries: [{ region: "ap-northeast-1", instanceCount: 1.5 }] },
        problems: [notInteger("instance-count", "secondaries[0].instanceCount", "1.5", "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "an instance count as a string",
        args: { primary: { region: "us-east-1", instanceCount: "2" } },
        problems: [notInteger("instance-count", "primary.instanceCount", '"2"', "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "an instance count of NaN",
        args: { primary: { region: "us-east-1", instanceCount: NaN } },
        problems: [notInteger("instance-count", "primary.instanceCount", "NaN", "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "an infinite instance count",
        args: { primary: { region: "us-east-1", instanceCount: Infinity } },
        problems: [notInteger("instance-count", "primary.instanceCount", "Infinity", "1 to 16", INSTANCES_FIX)],
    },
    {
        name: "an instance class without db.",
        args: { primary: { region: "us-east-1", instanceClass: "r6g.large" } },
        problems: [
            [
                "instance-class",
                'primary.instanceClass "r6g.large" is not a DB instance class: use a class such as "db.r6g.large"',
            ],
        ],
    },
    {
        name: "an instance class without a size",
        args: { primary: { region: "us-east-1", instanceClass: "db.r6g" } },
        problems: [
            [
                "instance-class",
                'primary.instanceClass "db.r6g" is not a DB instance class: use a class such as "db.r6g.large"',
            ],
        ],
    },
    {
        name: "an upper-case instance class",
        args: { secondaries: [{ region: "ap-northeast-1", instanceClass: "DB.R6G.LARGE" }] },
        problems: [
            [
                "instance-class",
                'secondaries[0].instanceClass "DB.R6G.LARGE" is not a DB instance class: use a class such as "db.r6g.large"',
            ],
        ],
    },
    // upgrade options
    {
        name: "upgrade as a string",
        args: { upgrade: "fast" },
        problems: [
            ["upgrade", 'upgrade "fast" is not an object: give the options as e.g. upgrade: { strategy: "auto" }'],
        ],
    },
    {
        name: "an unknown strategy",
        args: { upgrade: { strategy: "fast" } },
        problems: [
            ["strategy", 'upgrade.strategy "fast" is not a strategy: use "auto", "managed", "rolling" or "blue-green"'],
        ],
    },
    {
        name: "an empty strategy",
        args: { upgrade: { strategy: "" } },
        problems: [
            ["strategy", 'upgrade.strategy "" is not a strategy: use "auto", "managed", "rolling" or "blue-green"'],
        ],
    },
    {
        name: "a capitalised strategy",
        args: { upgrade: { strategy: "Rolling" } },
        problems: [
            [
                "strategy",
                'upgrade.strategy "Rolling" is not a strategy: use "auto", "managed", "rolling" or "blue-green"',
            ],
        ],
    },
    {
        name: "patches opted in with true",
        args: { upgrade: { applyPendingPatches: true } },
        problems: [
            [
                "apply-pending-patches",
                'upgrade.applyPendingPatches true is not an opt-in: use false, "immediate" or "next-maintenance"',
            ],
        ],
    },
    {
        name: "patches opted in with now",
        args: { upgrade: { applyPendingPatches: "now" } },
        problems: [
            [
                "apply-pending-patches",
                'upgrade.applyPendingPatches "now" is not an opt-in: use false, "immediate" or "next-maintenance"',
            ],
        ],
    },
    {
        name: "a major opt-in as a string",
        args: { upgrade: { allowMajorVersionUpgrade: "true" } },
        problems: [notBoolean("upgrade.allowMajorVersionUpgrade", '"true"')],
    },
    {
        name: "a snapshot flag as a number",
        args: { upgrade: { snapshotBeforeUpgrade: 1 } },
        problems: [notBoolean("upgrade.snapshotBeforeUpgrade", "1")],
    },
    {
        name: "a MySQL confirmation as yes",
        args: { upgrade: { mysqlInPlaceMajorConfirmed: "yes" } },
        problems: [notBoolean("upgrade.mysqlInPlaceMajorConfirmed", '"yes"')],
    },
    {
        name: "a zero timeout",
        args: { upgrade: { timeoutMinutes: 0 } },
        problems: [
            notInteger(
                "timeout-minutes",
                "upgrade.timeoutMinutes",
                "0",
                "1 to 10080",
                "give the minutes one upgrade step may take",
            ),
        ],
    },
    {
        name: "a timeout over a week",
        args: { upgrade: { timeoutMinutes: 10081 } },
        problems: [
            notInteger(
                "timeout-minutes",
                "upgrade.timeoutMinutes",
                "10081",
                "1 to 10080",
                "give the minutes one upgrade step may take",
            ),
        ],
    },
    {
        name: "a negative timeout",
        args: { upgrade: { timeoutMinutes: -5 } },
        problems: [
            notInteger(
                "timeout-minutes",
                "upgrade.timeoutMinutes",
                "-5",
                "1 to 10080",
                "give the minutes one upgrade step may take",
            ),
        ],
    },
    {
        name: "a half-second poll",
        args: { upgrade: { pollSeconds: 0.5 } },
        problems: [
            notInteger(
                "poll-seconds",
                "upgrade.pollSeconds",
                "0.5",
                "1 to 3600",
                "give the seconds between status polls",
            ),
        ],
    },
    {
        name: "a billion-second poll",
        args: { upgrade: { pollSeconds: 1e9 } },
        problems: [
            notInteger(
                "poll-seconds",
                "upgrade.pollSeconds",
                "1000000000",
                "1 to 3600",
                "give the seconds between status polls",
            ),
        ],
    },
    {
        name: "an empty CLI command",
        args: { upgrade: { cli: "" } },
        problems: [["cli", `upgrade.cli "" is empty: ${CLI_FIX}`]],
    },
    {
        name: "a blank CLI command",
        args: { upgrade: { cli: "   " } },
        problems: [["cli", `upgrade.cli "   " is empty: ${CLI_FIX}`]],
    },
    {
        name: "a CLI command as a number",
        args: { upgrade: { cli: 42 } },
        problems: [["cli", `upgrade.cli 42 is not a command line: ${CLI_FIX}`]],
    },
    {
        name: "a CLI command of two lines",
        args: { upgrade: { cli: "node bin/aurora-global.js\nrm -rf /" } },
        problems: [["cli", `upgrade.cli "node bin/aurora-global.js\\nrm -rf /" spans several lines: ${CLI_FIX}`]],
    },
    // windows
    {
        name: "a backup window of whenever",
        args: { preferredBackupWindow: "whenever" },
        problems: [badBackupWindow('"whenever"', BACKUP_FORMAT)],
    },
    {
        name: "a 15-minute backup window",
        args: { preferredBackupWindow: "03:00-03:15" },
        problems: [badBackupWindow('"03:00-03:15"', "it lasts 15 minutes; AWS needs at least 30")],
    },
    {
        name: "a backup window at 24:00",
        args: { preferredBackupWindow: "24:00-00:30" },
        problems: [badBackupWindow('"24:00-00:30"', BACKUP_FORMAT)],
    },
    {
        name: "a backup window without leading zeros",
        args: { preferredBackupWindow: "3:00-3:30" },
        problems: [badBackupWindow('"3:00-3:30"', BACKUP_FORMAT)],
    },
    {
        name: "an empty backup window",
        args: { preferredBackupWindow: "03:00-03:00" },
        problems: [badBackupWindow('"03:00-03:00"', "it lasts 0 minutes; AWS needs at least 30")],
    },
    {
        name: "a backup window as a number",
        args: { preferredBackupWindow: 330 },
        problems: [
            ["backup-window", 'preferredBackupWindow 330 is not a window: write it as a string, e.g. "03:00-03:30"'],
        ],
    },
    {
        name: "a maintenance window of whenever",
        args: { preferredMaintenanceWindow: "whenever" },
        problems: [badMaintenanceWindow('"whenever"', MAINTENANCE_FORMAT)],
    },
    {
        name: "a 10-minute maintenance window",
        args: { preferredMaintenanceWindow: "sun:05:00-sun:05:10" },
        problems: [badMaintenanceWindow('"sun:05:00-sun:05:10"', "it lasts 10 minutes; AWS needs at least 30")],
    },
    {
        name: "maintenance days spelt out",
        args: { preferredMaintenanceWindow: "sunday:05:00-sunday:06:00" },
        problems: [badMaintenanceWindow('"sunday:05:00-sunday:06:00"', MAINTENANCE_FORMAT)],
    },
    {
        name: "an unknown maintenance day",
        args: { preferredMaintenanceWindow: "xyz:05:00-xyz:06:00" },
        problems: [badMaintenanceWindow('"xyz:05:00-xyz:06:00"', MAINTENANCE_FORMAT)],
    },
    {
        name: "a maintenance window without days",
        args: { preferredMaintenanceWindow: "05:00-06:00" },
        problems: [badMaintenanceWindow('"05:00-06:00"', MAINTENANCE_FORMAT)],
    },
    {
        name: "a backup window inside the maintenance window",
        args: { preferredBackupWindow: "05:00-05:30", preferredMaintenanceWindow: "sun:05:15-sun:06:00" },
        problems: [
            [
                "windows-overlap",
                'preferredBackupWindow "05:00-05:30" overlaps preferredMaintenanceWindow "sun:05:15-sun:06:00": AWS refuses a backup window that conflicts with the maintenance window; move one of them',
            ],
        ],
    },
    // database settings
    {
        name: "a privileged port",
        args: { port: 80 },
        problems: [notInteger("port", "port", "80", "1150 to 65535", "use a port from 1150 to 65535")],
    },
    {
        name: "a port as a string",
        args: { port: "5432" },
        problems: [notInteger("port", "port", '"5432"', "1150 to 65535", "use a port from 1150 to 65535")],
    },
    {
        name: "a port beyond 65535",
        args: { port: 70000 },
        problems: [notInteger("port", "port", "70000", "1150 to 65535", "use a port from 1150 to 65535")],
    },
    {
        name: "no backups kept",
        args: { backupRetentionPeriod: 0 },
        problems: [
            notInteger(
                "backup-retention",
                "backupRetentionPeriod",
                "0",
                "1 to 35",
                "keep automated backups 1 to 35 days",
            ),
        ],
    },
    {
        name: "backups kept 36 days",
        args: { backupRetentionPeriod: 36 },
        problems: [
            notInteger(
                "backup-retention",
                "backupRetentionPeriod",
                "36",
                "1 to 35",
                "keep automated backups 1 to 35 days",
            ),
        ],
    },
    {
        name: "a database name with a hyphen",
        args: { databaseName: "my-db" },
        problems: [
            [
                "database-name",
                'databaseName "my-db" is not a database name: use letters, digits and underscores, starting with a letter',
            ],
        ],
    },
    {
        name: "a database name starting with a digit",
        args: { databaseName: "1db" },
        problems: [
            [
                "database-name",
                'databaseName "1db" is not a database name: use letters, digits and underscores, starting with a letter',
            ],
        ],
    },
    {
        name: "a user name with a hyphen",
        args: { masterUsername: "admin-user" },
        problems: [
            [
                "master-username",
                'masterUsername "admin-user" is not a user name: use 1–16 letters, digits and underscores, starting with a letter',
            ],
        ],
    },
    {
        name: "a 17-character user name",
        args: { masterUsername: "a".repeat(17) },
        problems: [
            [
                "master-username",
                `masterUsername "${"a".repeat(17)}" is not a user name: use 1–16 letters, digits and underscores, starting with a letter`,
            ],
        ],
    },
    {
        name: "encryption as yes",
        args: { storageEncrypted: "yes" },
        problems: [notBoolean("storageEncrypted", '"yes"')],
    },
    {
        name: "a null deletion protection",
        args: { deletionProtection: null },
        problems: [notBoolean("deletionProtection", "null")],
    },
    {
        name: "a tag value as a number",
        args: { tags: { team: 42 } },
        problems: [["tags", 'tags.team 42 is not a string: tag values are strings, e.g. "42"']],
    },
    {
        name: "tags as a string",
        args: { tags: "team=db" },
        problems: [["tags", 'tags "team=db" is not a map: give tags as { key: "value" }']],
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
            [
                "engine-version",
                'engineVersion " 17.4 " has spaces around it: write "17.4" (AWS takes the version exactly as written)',
            ],
            notMember(0, '"eu-west-1"', '"eu-west-1"'),
            unknownRegion("secondaries[1].region", '"us-fake-9"'),
            notInteger("instance-count", "secondaries[1].instanceCount", "0", "1 to 16", INSTANCES_FIX),
            ["strategy", 'upgrade.strategy "fast" is not a strategy: use "auto", "managed", "rolling" or "blue-green"'],
            ["cli", `upgrade.cli "" is empty: ${CLI_FIX}`],
            badMaintenanceWindow('"whenever"', MAINTENANCE_FORMAT),
        ],
    },
    {
        name: "no arguments at all",
        args: () => undefined as unknown as AuroraGlobalDatabaseArgs,
        problems: [["args", "arguments undefined are missing: pass { engine, engineVersion, primary, ... }"]],
    },
];

function argsOf(c: Case): AuroraGlobalDatabaseArgs {
    return typeof c.args === "function" ? c.args() : ({ ...pgArgs(), ...c.args } as AuroraGlobalDatabaseArgs);
}

describe(`components: bad-input catalogue (${CASES.length} cases, each refused before anything is declared)`, () => {
    CASES.forEach((c, i) => {
        it(`#${i + 1} ${c.name}: ${c.problems.map(([rule]) => rule).join(", ")}`, async () => {
            let recorded: ReturnType<typeof recordedBeforeFailure>;
            await assert.rejects(runDb(argsOf(c)), (e: unknown) => {
                recorded = recordedBeforeFailure(e);
                assert.ok(e instanceof AuroraGlobalDatabaseArgsError, String(e));
                assert.ok(pulumi.InputPropertiesError.isInstance(e));
                const count = `${c.problems.length} problem${c.problems.length === 1 ? "" : "s"}`;
                assert.strictEqual(
                    e.message,
                    [
                        `AuroraGlobalDatabase "db" has invalid arguments (${count}):`,
                        ...c.problems.map(([rule, message]) => `  - [${rule}] ${message}`),
                    ].join("\n"),
                );
                assert.deepStrictEqual(
                    e.problems.map((p) => p.rule),
                    c.problems.map(([rule]) => rule),
                );
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

    it("several security groups for one member region stay allowed", () => {
        const args = argsFromConfig(source({ ...BASE, vpcSecurityGroupIds: [`${PRIMARY}=sg-1`, `${PRIMARY}=sg-2`] }));
        assert.deepStrictEqual(args.primary.vpcSecurityGroupIds, ["sg-1", "sg-2"]);
    });
});
