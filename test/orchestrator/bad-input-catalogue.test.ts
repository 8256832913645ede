import * as assert from "assert";
import { SeedTopology } from "../../testbeds/simulator";
import { cli, MYSQL_SEED, mutatingCalls, PG_ARGS, PG_MIXED_SEED, PG_SEED, simulate } from "./harness";

/**
 * The CLI's bad-input catalogue: one row per hostile or unlucky command line, run
 * in-process against the simulated control plane (seeded with PG_SEED unless the row says
 * otherwise). Every row exits 2 with exactly the stderr given and makes no mutating call; a row
 * without `readsFirst` is refused before any AWS call at all (its flags alone are wrong). Rows
 * with `readsFirst` need AWS's answer (the members of the global cluster, its engine) and stop
 * after reading.
 */
interface Case {
    readonly name: string;
    readonly argv: readonly string[];
    readonly seed?: SeedTopology;
    readonly env?: Readonly<Record<string, string>>;
    /** The refusal needs what AWS reports (reads only). */
    readonly readsFirst?: boolean;
    /** Every line written to stderr. */
    readonly stderr: readonly string[];
    /** The planner rule the printed plan names (a blocked plan): `[rule-id]` on stdout. */
    readonly rule?: string;
}

/** A global cluster whose members were all removed: it still reports its version. */
const EMPTY_SEED: SeedTopology = { ...PG_SEED, members: [] };

const CASES: readonly Case[] = [
    {
        name: "--target that is a word",
        argv: ["plan", ...PG_ARGS, "--target", "abc"],
        stderr: [
            'aurora-global: --target "abc" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target abc on upgrade: validated before any call",
        argv: ["upgrade", ...PG_ARGS, "--target", "abc"],
        stderr: [
            'aurora-global: --target "abc" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target with a twenty-digit major",
        argv: ["upgrade", ...PG_ARGS, "--target", "99999999999999999999.1"],
        stderr: [
            'aurora-global: --target "99999999999999999999.1" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target empty",
        argv: ["plan", ...PG_ARGS, "--target", ""],
        stderr: [
            "aurora-global: --target is required: give the engine version to upgrade to, e.g. --target 17.5 or --target 8.0.mysql_aurora.3.09.0",
        ],
    },
    {
        name: "--target blank",
        argv: ["plan", ...PG_ARGS, "--target", "   "],
        stderr: [
            "aurora-global: --target is required: give the engine version to upgrade to, e.g. --target 17.5 or --target 8.0.mysql_aurora.3.09.0",
        ],
    },
    {
        name: "--target major only",
        argv: ["plan", ...PG_ARGS, "--target", "17"],
        stderr: [
            'aurora-global: --target "17" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target wildcard minor",
        argv: ["plan", ...PG_ARGS, "--target", "17.x"],
        stderr: [
            'aurora-global: --target "17.x" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target with a v prefix",
        argv: ["plan", ...PG_ARGS, "--target", "v17.5"],
        stderr: [
            'aurora-global: --target "v17.5" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target with four parts",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5.1.2"],
        stderr: [
            'aurora-global: --target "17.5.1.2" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target negative",
        argv: ["upgrade", ...PG_ARGS, "--target=-17.5"],
        stderr: [
            'aurora-global: --target "-17.5" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target with a decimal comma",
        argv: ["plan", ...PG_ARGS, "--target", "17,5"],
        stderr: [
            'aurora-global: --target "17,5" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target in full-width digits",
        argv: ["plan", ...PG_ARGS, "--target", "１７.５"],
        stderr: [
            'aurora-global: --target "１７.５" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target with a shell injection",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5; rm -rf /"],
        stderr: [
            'aurora-global: --target "17.5; rm -rf /" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target latest",
        argv: ["upgrade", ...PG_ARGS, "--target", "latest"],
        stderr: [
            'aurora-global: --target "latest" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "upgrade without --target",
        argv: ["upgrade", ...PG_ARGS],
        stderr: [
            "aurora-global: --target is required: give the engine version to upgrade to, e.g. --target 17.5 or --target 8.0.mysql_aurora.3.09.0",
        ],
    },
    {
        name: "--target Aurora MySQL 2 on MySQL 8.0",
        argv: ["upgrade", ...PG_ARGS, "--target", "8.0.mysql_aurora.2.11.0"],
        stderr: [
            'aurora-global: --target "8.0.mysql_aurora.2.11.0" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target PostgreSQL 10 (no global databases)",
        argv: ["plan", ...PG_ARGS, "--target", "10.4"],
        stderr: [
            'aurora-global: --target "10.4" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
        ],
    },
    {
        name: "--target with a leading zero AWS does not write",
        argv: ["upgrade", ...PG_ARGS, "--target", "16.08"],
        stderr: ['aurora-global: --target "16.08" is not how AWS writes the version: use --target 16.8'],
    },
    {
        name: "--target with an Aurora MySQL minor of one digit",
        argv: ["plan", ...PG_ARGS, "--target", "8.0.mysql_aurora.3.8.0"],
        stderr: [
            'aurora-global: --target "8.0.mysql_aurora.3.8.0" is not how AWS writes the version: use --target 8.0.mysql_aurora.3.08.0',
        ],
    },
    {
        name: "--target with a PostgreSQL patch level on a minor upgrade (AWS sets 17.5 and chooses the patch)",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5.4"],
        readsFirst: true,
        rule: "patch-level-with-version-change",
        stderr: ["aurora-global: the plan is blocked (1 violation): nothing was changed"],
    },
    {
        name: "--target with a PostgreSQL patch level on a major upgrade (--allow-major)",
        argv: ["upgrade", ...PG_ARGS, "--target", "18.1.2", "--allow-major"],
        readsFirst: true,
        rule: "patch-level-with-version-change",
        stderr: ["aurora-global: the plan is blocked (3 violations): nothing was changed"],
    },
    {
        name: "--region a planet",
        argv: ["status", "--region", "mars", "--global-cluster", "app-global"],
        stderr: ['aurora-global: --region "mars" is not valid: use an AWS region code such as us-east-1'],
    },
    {
        name: "--region made up",
        argv: ["upgrade", "--region", "us-fake-9", "--global-cluster", "app-global", "--target", "17.5"],
        stderr: [
            'aurora-global: --region "us-fake-9" is not a region of any AWS partition (the AWS SDK\'s partition data lists no such region): check the spelling, e.g. us-east-1, or update @aws-sdk/core if the region is new',
        ],
    },
    {
        name: "--region number that does not exist",
        argv: ["plan", "--region", "eu-west-9", "--global-cluster", "app-global", "--target", "17.5"],
        stderr: [
            'aurora-global: --region "eu-west-9" is not a region of any AWS partition (the AWS SDK\'s partition data lists no such region): check the spelling, e.g. us-east-1, or update @aws-sdk/core if the region is new',
        ],
    },
    {
        name: "--region upper case",
        argv: ["status", "--region", "US-EAST-1", "--global-cluster", "app-global"],
        stderr: ['aurora-global: --region "US-EAST-1" is not valid: use an AWS region code such as us-east-1'],
    },
    {
        name: "--region with a trailing space",
        argv: ["status", "--region", "us-east-1 ", "--global-cluster", "app-global"],
        stderr: ['aurora-global: --region "us-east-1 " is not valid: use an AWS region code such as us-east-1'],
    },
    {
        name: "--region empty",
        argv: ["status", "--region", "", "--global-cluster", "app-global"],
        stderr: [
            "aurora-global: --region is required: give the home region of the global cluster, e.g. --region us-east-1, or set AWS_REGION",
        ],
    },
    {
        name: "--region aws-global pseudo-region",
        argv: ["status", "--region", "aws-global", "--global-cluster", "app-global"],
        stderr: ['aurora-global: --region "aws-global" is not valid: use an AWS region code such as us-east-1'],
    },
    {
        name: "--region in China that does not exist",
        argv: ["status", "--region", "cn-north-2", "--global-cluster", "app-global"],
        stderr: [
            'aurora-global: --region "cn-north-2" is not a region of any AWS partition (the AWS SDK\'s partition data lists no such region): check the spelling, e.g. us-east-1, or update @aws-sdk/core if the region is new',
        ],
    },
    {
        name: "AWS_REGION a planet",
        argv: ["status", "--global-cluster", "app-global"],
        env: { AWS_REGION: "mars" },
        stderr: ['aurora-global: AWS_REGION "mars" is not valid: use an AWS region code such as us-east-1'],
    },
    {
        name: "AWS_REGION made up",
        argv: ["status", "--global-cluster", "app-global"],
        env: { AWS_REGION: "us-fake-1" },
        stderr: [
            'aurora-global: AWS_REGION "us-fake-1" is not a region of any AWS partition (the AWS SDK\'s partition data lists no such region): check the spelling, e.g. us-east-1, or update @aws-sdk/core if the region is new',
        ],
    },
    {
        name: "no region anywhere",
        argv: ["status", "--global-cluster", "app-global"],
        stderr: [
            "aurora-global: --region is required: give the home region of the global cluster, e.g. --region us-east-1, or set AWS_REGION",
        ],
    },
    {
        name: "--global-cluster with a space",
        argv: ["status", "--region", "us-east-1", "--global-cluster", "app global"],
        stderr: [
            'aurora-global: --global-cluster "app global" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
        ],
    },
    {
        name: "--global-cluster empty",
        argv: ["status", "--region", "us-east-1", "--global-cluster", ""],
        stderr: [
            "aurora-global: --global-cluster is required: give the global cluster identifier, e.g. --global-cluster app-global",
        ],
    },
    {
        name: "--global-cluster starting with a digit",
        argv: ["status", "--region", "us-east-1", "--global-cluster", "1app"],
        stderr: [
            'aurora-global: --global-cluster "1app" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
        ],
    },
    {
        name: "--global-cluster with an underscore",
        argv: ["plan", "--region", "us-east-1", "--global-cluster", "app_global", "--target", "17.5"],
        stderr: [
            'aurora-global: --global-cluster "app_global" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
        ],
    },
    {
        name: "--global-cluster with an accent",
        argv: ["plan", "--region", "us-east-1", "--global-cluster", "ápp", "--target", "17.5"],
        stderr: [
            'aurora-global: --global-cluster "ápp" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
        ],
    },
    {
        name: "no --global-cluster",
        argv: ["upgrade", "--region", "us-east-1", "--target", "17.5"],
        stderr: [
            "aurora-global: --global-cluster is required: give the global cluster identifier, e.g. --global-cluster app-global",
        ],
    },
    {
        name: "--strategy unknown",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "fast"],
        stderr: ['aurora-global: --strategy "fast" is not valid: use one of auto, managed, rolling, blue-green'],
    },
    {
        name: "--strategy empty",
        argv: ["plan", ...PG_ARGS, "--target", "17.5", "--strategy", ""],
        stderr: ['aurora-global: --strategy "" is not valid: use one of auto, managed, rolling, blue-green'],
    },
    {
        name: "--strategy upper case",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "ROLLING"],
        stderr: ['aurora-global: --strategy "ROLLING" is not valid: use one of auto, managed, rolling, blue-green'],
    },
    {
        name: "--format yaml",
        argv: ["plan", ...PG_ARGS, "--target", "17.5", "--format", "yaml"],
        stderr: ['aurora-global: --format "yaml" is not valid: use one of text, markdown, json'],
    },
    {
        name: "--format upper case",
        argv: ["status", ...PG_ARGS, "--format", "JSON"],
        stderr: ['aurora-global: --format "JSON" is not valid: use one of text, markdown, json'],
    },
    {
        name: "--format empty",
        argv: ["status", ...PG_ARGS, "--format", ""],
        stderr: ['aurora-global: --format "" is not valid: use one of text, markdown, json'],
    },
    {
        name: "--opt-in now",
        argv: ["patch", ...PG_ARGS, "--opt-in", "now"],
        stderr: ['aurora-global: --opt-in "now" is not valid: use one of immediate, next-maintenance'],
    },
    {
        name: "--opt-in empty",
        argv: ["patch", ...PG_ARGS, "--opt-in", ""],
        stderr: ['aurora-global: --opt-in "" is not valid: use one of immediate, next-maintenance'],
    },
    {
        name: "--opt-in capitalised",
        argv: ["patch", ...PG_ARGS, "--opt-in", "Immediate"],
        stderr: ['aurora-global: --opt-in "Immediate" is not valid: use one of immediate, next-maintenance'],
    },
    {
        name: "--timeout-minutes zero",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "0"],
        stderr: [
            'aurora-global: --timeout-minutes "0" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--timeout-minutes negative",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes=-5"],
        stderr: [
            'aurora-global: --timeout-minutes "-5" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--timeout-minutes over a week",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "10081"],
        stderr: [
            'aurora-global: --timeout-minutes "10081" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--timeout-minutes fractional",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "1.5"],
        stderr: [
            'aurora-global: --timeout-minutes "1.5" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--timeout-minutes in exponent notation",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "1e3"],
        stderr: [
            'aurora-global: --timeout-minutes "1e3" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--timeout-minutes twenty digits",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "99999999999999999999"],
        stderr: [
            'aurora-global: --timeout-minutes "99999999999999999999" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--timeout-minutes a word",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "abc"],
        stderr: [
            'aurora-global: --timeout-minutes "abc" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ],
    },
    {
        name: "--poll-seconds zero",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--poll-seconds", "0"],
        stderr: [
            'aurora-global: --poll-seconds "0" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
    {
        name: "--poll-seconds over an hour",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--poll-seconds", "3601"],
        stderr: [
            'aurora-global: --poll-seconds "3601" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
    {
        name: "--poll-seconds a letter",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--poll-seconds", "x"],
        stderr: [
            'aurora-global: --poll-seconds "x" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
    {
        name: "--poll-seconds negative on patch",
        argv: ["patch", ...PG_ARGS, "--poll-seconds=-1"],
        stderr: [
            'aurora-global: --poll-seconds "-1" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
    {
        name: "--poll-seconds hexadecimal",
        argv: ["patch", ...PG_ARGS, "--poll-seconds", "0x10"],
        stderr: [
            'aurora-global: --poll-seconds "0x10" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
    {
        name: "--start-jitter-seconds over 300",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--start-jitter-seconds", "301"],
        stderr: [
            'aurora-global: --start-jitter-seconds "301" is not valid: give a whole number of seconds from 0 to 300, e.g. --start-jitter-seconds 10',
        ],
    },
    {
        name: "--start-jitter-seconds negative",
        argv: ["patch", ...PG_ARGS, "--start-jitter-seconds=-1"],
        stderr: [
            'aurora-global: --start-jitter-seconds "-1" is not valid: give a whole number of seconds from 0 to 300, e.g. --start-jitter-seconds 10',
        ],
    },
    {
        name: "--cluster-parameter-group without =",
        argv: ["upgrade", ...PG_ARGS, "--target", "18.1", "--allow-major", "--cluster-parameter-group", "foo"],
        stderr: [
            'aurora-global: --cluster-parameter-group "foo" is not valid: give CLUSTER=GROUP, the member\'s cluster identifier and a parameter group name, e.g. --cluster-parameter-group app-use1=app-params-aurora-postgresql17',
        ],
    },
    {
        name: "--cluster-parameter-group without a group",
        argv: ["plan", ...PG_ARGS, "--target", "18.1", "--cluster-parameter-group", "app-use1="],
        stderr: [
            'aurora-global: --cluster-parameter-group "app-use1=" is not valid: give CLUSTER=GROUP, the member\'s cluster identifier and a parameter group name, e.g. --cluster-parameter-group app-use1=app-params-aurora-postgresql17',
        ],
    },
    {
        name: "--instance-parameter-group without a cluster",
        argv: ["plan", ...PG_ARGS, "--target", "18.1", "--instance-parameter-group", "=grp"],
        stderr: [
            'aurora-global: --instance-parameter-group "=grp" is not valid: give CLUSTER=GROUP, the member\'s cluster identifier and a parameter group name, e.g. --instance-parameter-group app-use1=app-params-aurora-postgresql17',
        ],
    },
    {
        name: "--cluster-parameter-group twice for one cluster",
        argv: [
            "upgrade",
            ...PG_ARGS,
            "--target",
            "18.1",
            "--cluster-parameter-group",
            "app-use1=a",
            "--cluster-parameter-group",
            "app-use1=b",
        ],
        stderr: [
            'aurora-global: --cluster-parameter-group "app-use1=b" conflicts with --cluster-parameter-group "app-use1=a": give one group per cluster',
        ],
    },
    {
        name: "--cluster-parameter-group with a space",
        argv: ["plan", ...PG_ARGS, "--target", "18.1", "--cluster-parameter-group", "app use1=grp"],
        stderr: [
            'aurora-global: --cluster-parameter-group "app use1=grp" is not valid: give CLUSTER=GROUP, the member\'s cluster identifier and a parameter group name, e.g. --cluster-parameter-group app-use1=app-params-aurora-postgresql17',
        ],
    },
    {
        name: "--only-member not a member",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "nosuch"],
        readsFirst: true,
        stderr: [
            'aurora-global: --only-member "nosuch" is not a member of global cluster "app-global": use one of app-use1, app-apne1',
        ],
    },
    {
        name: "--only-member on the managed path: one global step upgrades every member, none is done",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "app-apne1"],
        readsFirst: true,
        stderr: [
            'aurora-global: --only-member "app-apne1" selects no step of this plan: on the managed path one modify-global-cluster step upgrades every member together, and cluster "app-apne1" still runs 17.4, not 17.5; run the upgrade without --only-member (or with --strategy rolling for one step per member)',
        ],
    },
    {
        name: "--only-member in upper case on the managed path (compared lowercase, as AWS does)",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "APP-APNE1"],
        readsFirst: true,
        stderr: [
            'aurora-global: --only-member "app-apne1" selects no step of this plan: on the managed path one modify-global-cluster step upgrades every member together, and cluster "app-apne1" still runs 17.4, not 17.5; run the upgrade without --only-member (or with --strategy rolling for one step per member)',
        ],
    },
    {
        name: "--only-member not an identifier",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "bad id"],
        stderr: [
            'aurora-global: --only-member "bad id" is not valid: give the identifier of one member cluster (letters, digits and hyphens, starting with a letter), e.g. --only-member app-use1',
        ],
    },
    {
        name: "--only-member empty",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", ""],
        stderr: [
            'aurora-global: --only-member "" is not valid: give the identifier of one member cluster (letters, digits and hyphens, starting with a letter), e.g. --only-member app-use1',
        ],
    },
    {
        name: "--only-snapshot with --only-member",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-snapshot", "--only-member", "app-use1"],
        stderr: [
            'aurora-global: --only-snapshot and --only-member "app-use1" select different steps: give one of them (each Pulumi upgrade step runs one)',
        ],
    },
    {
        name: "--only-snapshot with --no-snapshot",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-snapshot", "--no-snapshot"],
        stderr: ["aurora-global: --only-snapshot with --no-snapshot selects nothing: give one of them"],
    },
    {
        name: "patch --only-member not a member",
        argv: ["patch", ...PG_ARGS, "--only-member", "app-euw1"],
        readsFirst: true,
        stderr: [
            'aurora-global: --only-member "app-euw1" is not a member of global cluster "app-global": use one of app-use1, app-apne1',
        ],
    },
    {
        name: "an unknown option",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--force"],
        stderr: ["error: unknown option '--force'", "(run with --help for usage)"],
    },
    {
        name: "--target without its value",
        argv: ["plan", ...PG_ARGS, "--target"],
        stderr: ["error: option '--target <version>' argument missing", "(run with --help for usage)"],
    },
    {
        name: "an unknown command",
        argv: ["frobnicate"],
        stderr: ["error: unknown command 'frobnicate'", "(run with --help for usage)"],
    },
    {
        name: "--allow-major on patch",
        argv: ["patch", ...PG_ARGS, "--allow-major"],
        stderr: ["error: unknown option '--allow-major'", "(run with --help for usage)"],
    },
    {
        name: "--target on status",
        argv: ["status", ...PG_ARGS, "--target", "17.5"],
        stderr: ["error: unknown option '--target'", "(run with --help for usage)"],
    },
    {
        name: "an extra argument",
        argv: ["plan", ...PG_ARGS, "--target", "17.5", "17.6"],
        stderr: [
            "aurora-global: too many arguments for 'plan': \"17.6\" follows no flag; give each value right after its flag (plan takes no other argument)",
        ],
    },
    {
        name: "two extra arguments",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "now", "please"],
        stderr: [
            'aurora-global: too many arguments for \'upgrade\': "now", "please" follow no flag; give each value right after its flag (upgrade takes no other argument)',
        ],
    },
    {
        name: "watch: a URL without // keeps its password out of the error",
        argv: ["watch", "--endpoint", "a=postgres:u:Secret@127.0.0.1/db", "--duration", "1"],
        stderr: [
            'error: --endpoint "a=postgres:u:***@127.0.0.1/db": URL has no scheme; start it with postgres://, postgresql:// or mysql://, e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        ],
    },
    {
        name: "watch: no NAME= and no // keeps the password out",
        argv: ["watch", "--endpoint", "postgres:u:Secret@127.0.0.1/db", "--duration", "1"],
        stderr: [
            'error: --endpoint "postgres:u:***@127.0.0.1/db": expected NAME=URL; use e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres',
        ],
    },
    {
        name: "watch: user:password@host without a scheme keeps the password out",
        argv: ["watch", "--endpoint", "a=u:Secret@h", "--duration", "1"],
        stderr: [
            'error: --endpoint "a=u:***@h": URL has no scheme; start it with postgres://, postgresql:// or mysql://, e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        ],
    },
    {
        name: "watch: a URL without a host keeps the password out",
        argv: ["watch", "--endpoint", "a=mysql://u:Secret@", "--duration", "1"],
        stderr: [
            'error: --endpoint "a=mysql://u:***@": URL is not valid; fix it (percent-encode special characters in the user and password), e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        ],
    },
    {
        name: "a global cluster with no member: upgrade",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5"],
        seed: EMPTY_SEED,
        readsFirst: true,
        stderr: [
            'aurora-global: global cluster "app-global" (aurora-postgresql 17.4) has no member cluster: there is nothing to upgrade or patch; check --global-cluster, or add its primary cluster first (create-db-cluster --global-cluster-identifier app-global)',
        ],
    },
    {
        name: "a global cluster with no member: plan",
        argv: ["plan", ...PG_ARGS, "--target", "17.5"],
        seed: EMPTY_SEED,
        readsFirst: true,
        stderr: [
            'aurora-global: global cluster "app-global" (aurora-postgresql 17.4) has no member cluster: there is nothing to upgrade or patch; check --global-cluster, or add its primary cluster first (create-db-cluster --global-cluster-identifier app-global)',
        ],
    },
    {
        name: "a global cluster with no member: patch",
        argv: ["patch", ...PG_ARGS],
        seed: EMPTY_SEED,
        readsFirst: true,
        stderr: [
            'aurora-global: global cluster "app-global" (aurora-postgresql 17.4) has no member cluster: there is nothing to upgrade or patch; check --global-cluster, or add its primary cluster first (create-db-cluster --global-cluster-identifier app-global)',
        ],
    },
    {
        name: "a global cluster that does not exist",
        argv: ["upgrade", "--region", "us-east-1", "--global-cluster", "nope", "--target", "17.5"],
        readsFirst: true,
        stderr: [
            'aurora-global: global cluster "nope" was not found from us-east-1: check --global-cluster and --region (or AWS_REGION)',
        ],
    },
    {
        name: "a PostgreSQL target for an Aurora MySQL cluster",
        argv: ["upgrade", "--region", "eu-west-1", "--global-cluster", "shop-global", "--target", "17.5"],
        seed: MYSQL_SEED,
        readsFirst: true,
        stderr: ["aurora-global: the plan is blocked (1 violation): nothing was changed"],
    },
    {
        // Members that disagree (every member alike on a newer version is an AWS-applied upgrade, not blocked).
        name: "a downgrade",
        argv: ["upgrade", ...PG_ARGS, "--target", "16.6"],
        seed: PG_MIXED_SEED,
        readsFirst: true,
        stderr: ["aurora-global: the plan is blocked (2 violations): nothing was changed"],
    },
    {
        name: "every bad flag at once",
        argv: [
            "upgrade",
            "--region",
            "mars",
            "--global-cluster",
            "app global",
            "--target",
            "abc",
            "--strategy",
            "fast",
            "--timeout-minutes",
            "0",
            "--poll-seconds",
            "x",
        ],
        stderr: [
            'aurora-global: --region "mars" is not valid: use an AWS region code such as us-east-1',
            'aurora-global: --global-cluster "app global" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
            'aurora-global: --target "abc" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
            'aurora-global: --strategy "fast" is not valid: use one of auto, managed, rolling, blue-green',
            'aurora-global: --timeout-minutes "0" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
            'aurora-global: --poll-seconds "x" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
    {
        name: "a bad target, strategy and poll together",
        argv: ["upgrade", ...PG_ARGS, "--target", "abc", "--strategy", "fast", "--poll-seconds", "0"],
        stderr: [
            'aurora-global: --target "abc" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
            'aurora-global: --strategy "fast" is not valid: use one of auto, managed, rolling, blue-green',
            'aurora-global: --poll-seconds "0" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
        ],
    },
];

describe(`orchestrator: CLI bad-input catalogue (${CASES.length} cases, exit 2, no mutating call)`, () => {
    CASES.forEach((c, i) => {
        it(`#${i + 1} ${c.name}${c.readsFirst ? " (after reading AWS)" : " (before any AWS call)"}`, async () => {
            const sim = simulate(c.seed ?? PG_SEED);
            const r = await cli(sim, c.argv, c.env ? { env: c.env } : {});
            assert.strictEqual(r.stderr, c.stderr.map((l) => `${l}\n`).join(""));
            assert.doesNotMatch(r.stderr + r.stdout, /Secret/);
            assert.strictEqual(r.code, 2);
            assert.deepStrictEqual(mutatingCalls(sim), []);
            if (c.rule !== undefined) assert.ok(r.stdout.includes(`[${c.rule}]`), r.stdout);
            if (!c.readsFirst) assert.deepStrictEqual(sim.calls, []);
            else assert.ok(sim.calls.length > 0);
        });
    });
});
