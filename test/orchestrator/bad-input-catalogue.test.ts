import * as assert from "assert";
import { SeedTopology } from "../../testbeds/simulator";
import { assertRefusal, cliRefusalLines, Refusal } from "../support/refusal";
import { cli, MYSQL_SEED, mutatingCalls, PG_ARGS, PG_MIXED_SEED, PG_SEED, simulate } from "./harness";

/**
 * The CLI's bad-input catalogue: one row per hostile or unlucky command line, run
 * in-process against the simulated control plane (seeded with PG_SEED unless the row says
 * otherwise). Every row exits 2 and makes no mutating call; its stderr names, line by line, the
 * field, the value and the fix (test/support/refusal.ts: the meaning, not the prose; the rendered
 * text is pinned once per message family at the end); a row
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
    /** Every refusal on stderr, in order: the field, the value and a key part of the fix. */
    readonly refused?: readonly Refusal[];
    /** commander's own lines (its usage errors, not aurora-global's refusals), exactly. */
    readonly commander?: readonly string[];
    /** A blocked plan: the violations stderr counts. */
    readonly blocked?: number;
    /** The planner rule the printed plan names (a blocked plan): `[rule-id]` on stdout. */
    readonly rule?: string;
}

/** A global cluster whose members were all removed: it still reports its version. */
const EMPTY_SEED: SeedTopology = { ...PG_SEED, members: [] };

const CASES: readonly Case[] = [
    {
        name: "--target that is a word",
        argv: ["plan", ...PG_ARGS, "--target", "abc"],
        refused: [{ field: "--target", value: '"abc"' }],
    },
    {
        name: "--target abc on upgrade: validated before any call",
        argv: ["upgrade", ...PG_ARGS, "--target", "abc"],
        refused: [{ field: "--target", value: '"abc"' }],
    },
    {
        name: "--target with a twenty-digit major",
        argv: ["upgrade", ...PG_ARGS, "--target", "99999999999999999999.1"],
        refused: [{ field: "--target", value: '"99999999999999999999.1"' }],
    },
    {
        name: "--target empty",
        argv: ["plan", ...PG_ARGS, "--target", ""],
        refused: [{ field: "--target" }],
    },
    {
        name: "--target blank",
        argv: ["plan", ...PG_ARGS, "--target", "   "],
        refused: [{ field: "--target" }],
    },
    {
        name: "--target major only",
        argv: ["plan", ...PG_ARGS, "--target", "17"],
        refused: [{ field: "--target", value: '"17"' }],
    },
    {
        name: "--target wildcard minor",
        argv: ["plan", ...PG_ARGS, "--target", "17.x"],
        refused: [{ field: "--target", value: '"17.x"' }],
    },
    {
        name: "--target with a v prefix",
        argv: ["plan", ...PG_ARGS, "--target", "v17.5"],
        refused: [{ field: "--target", value: '"v17.5"' }],
    },
    {
        name: "--target with four parts",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5.1.2"],
        refused: [{ field: "--target", value: '"17.5.1.2"' }],
    },
    {
        name: "--target negative",
        argv: ["upgrade", ...PG_ARGS, "--target=-17.5"],
        refused: [{ field: "--target", value: '"-17.5"' }],
    },
    {
        name: "--target with a decimal comma",
        argv: ["plan", ...PG_ARGS, "--target", "17,5"],
        refused: [{ field: "--target", value: '"17,5"' }],
    },
    {
        name: "--target in full-width digits",
        argv: ["plan", ...PG_ARGS, "--target", "１７.５"],
        refused: [{ field: "--target", value: '"１７.５"' }],
    },
    {
        name: "--target with a shell injection",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5; rm -rf /"],
        refused: [{ field: "--target", value: '"17.5; rm -rf /"' }],
    },
    {
        name: "--target latest",
        argv: ["upgrade", ...PG_ARGS, "--target", "latest"],
        refused: [{ field: "--target", value: '"latest"' }],
    },
    {
        name: "upgrade without --target",
        argv: ["upgrade", ...PG_ARGS],
        refused: [{ field: "--target" }],
    },
    {
        name: "--target Aurora MySQL 2 on MySQL 8.0",
        argv: ["upgrade", ...PG_ARGS, "--target", "8.0.mysql_aurora.2.11.0"],
        refused: [{ field: "--target", value: '"8.0.mysql_aurora.2.11.0"' }],
    },
    {
        name: "--target PostgreSQL 10 (no global databases)",
        argv: ["plan", ...PG_ARGS, "--target", "10.4"],
        refused: [{ field: "--target", value: '"10.4"' }],
    },
    {
        name: "--target with a leading zero AWS does not write",
        argv: ["upgrade", ...PG_ARGS, "--target", "16.08"],
        refused: [{ field: "--target", value: '"16.08"', fix: "--target 16.8" }],
    },
    {
        name: "--target with an Aurora MySQL minor of one digit",
        argv: ["plan", ...PG_ARGS, "--target", "8.0.mysql_aurora.3.8.0"],
        refused: [{ field: "--target", value: '"8.0.mysql_aurora.3.8.0"', fix: "--target 8.0.mysql_aurora.3.08.0" }],
    },
    {
        name: "--target with a PostgreSQL patch level on a minor upgrade (AWS sets 17.5 and chooses the patch)",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5.4"],
        readsFirst: true,
        rule: "patch-level-with-version-change",
        blocked: 1,
    },
    {
        name: "--target with a PostgreSQL patch level on a major upgrade (--allow-major)",
        argv: ["upgrade", ...PG_ARGS, "--target", "18.1.2", "--allow-major"],
        readsFirst: true,
        rule: "patch-level-with-version-change",
        blocked: 3,
    },
    {
        name: "--region a planet",
        argv: ["status", "--region", "mars", "--global-cluster", "app-global"],
        refused: [{ field: "--region", value: '"mars"', fix: "us-east-1" }],
    },
    {
        name: "--region made up",
        argv: ["upgrade", "--region", "us-fake-9", "--global-cluster", "app-global", "--target", "17.5"],
        refused: [{ field: "--region", value: '"us-fake-9"', fix: "us-east-1" }],
    },
    {
        name: "--region number that does not exist",
        argv: ["plan", "--region", "eu-west-9", "--global-cluster", "app-global", "--target", "17.5"],
        refused: [{ field: "--region", value: '"eu-west-9"', fix: "us-east-1" }],
    },
    {
        name: "--region upper case",
        argv: ["status", "--region", "US-EAST-1", "--global-cluster", "app-global"],
        refused: [{ field: "--region", value: '"US-EAST-1"', fix: "us-east-1" }],
    },
    {
        name: "--region with a trailing space",
        argv: ["status", "--region", "us-east-1 ", "--global-cluster", "app-global"],
        refused: [{ field: "--region", value: '"us-east-1 "', fix: "us-east-1" }],
    },
    {
        name: "--region empty",
        argv: ["status", "--region", "", "--global-cluster", "app-global"],
        refused: [{ field: "--region" }],
    },
    {
        name: "--region aws-global pseudo-region",
        argv: ["status", "--region", "aws-global", "--global-cluster", "app-global"],
        refused: [{ field: "--region", value: '"aws-global"', fix: "us-east-1" }],
    },
    {
        name: "--region in China that does not exist",
        argv: ["status", "--region", "cn-north-2", "--global-cluster", "app-global"],
        refused: [{ field: "--region", value: '"cn-north-2"', fix: "us-east-1" }],
    },
    {
        name: "AWS_REGION a planet",
        argv: ["status", "--global-cluster", "app-global"],
        env: { AWS_REGION: "mars" },
        refused: [{ field: "AWS_REGION", value: '"mars"', fix: "us-east-1" }],
    },
    {
        name: "AWS_REGION made up",
        argv: ["status", "--global-cluster", "app-global"],
        env: { AWS_REGION: "us-fake-1" },
        refused: [{ field: "AWS_REGION", value: '"us-fake-1"', fix: "us-east-1" }],
    },
    {
        name: "no region anywhere",
        argv: ["status", "--global-cluster", "app-global"],
        refused: [{ field: "--region" }],
    },
    {
        name: "--global-cluster with a space",
        argv: ["status", "--region", "us-east-1", "--global-cluster", "app global"],
        refused: [{ field: "--global-cluster", value: '"app global"' }],
    },
    {
        name: "--global-cluster empty",
        argv: ["status", "--region", "us-east-1", "--global-cluster", ""],
        refused: [{ field: "--global-cluster" }],
    },
    {
        name: "--global-cluster starting with a digit",
        argv: ["status", "--region", "us-east-1", "--global-cluster", "1app"],
        refused: [{ field: "--global-cluster", value: '"1app"' }],
    },
    {
        name: "--global-cluster with an underscore",
        argv: ["plan", "--region", "us-east-1", "--global-cluster", "app_global", "--target", "17.5"],
        refused: [{ field: "--global-cluster", value: '"app_global"' }],
    },
    {
        name: "--global-cluster with an accent",
        argv: ["plan", "--region", "us-east-1", "--global-cluster", "ápp", "--target", "17.5"],
        refused: [{ field: "--global-cluster", value: '"ápp"' }],
    },
    {
        name: "no --global-cluster",
        argv: ["upgrade", "--region", "us-east-1", "--target", "17.5"],
        refused: [{ field: "--global-cluster" }],
    },
    {
        name: "--strategy unknown",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "fast"],
        refused: [{ field: "--strategy", value: '"fast"', fix: '"rolling" or "blue-green"' }],
    },
    {
        name: "--strategy empty",
        argv: ["plan", ...PG_ARGS, "--target", "17.5", "--strategy", ""],
        refused: [{ field: "--strategy", value: '""', fix: '"rolling" or "blue-green"' }],
    },
    {
        name: "--strategy upper case",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "ROLLING"],
        refused: [{ field: "--strategy", value: '"ROLLING"', fix: '"rolling" or "blue-green"' }],
    },
    {
        name: "--format yaml",
        argv: ["plan", ...PG_ARGS, "--target", "17.5", "--format", "yaml"],
        refused: [{ field: "--format", value: '"yaml"', fix: '"markdown" or "json"' }],
    },
    {
        name: "--format upper case",
        argv: ["status", ...PG_ARGS, "--format", "JSON"],
        refused: [{ field: "--format", value: '"JSON"', fix: '"markdown" or "json"' }],
    },
    {
        name: "--format empty",
        argv: ["status", ...PG_ARGS, "--format", ""],
        refused: [{ field: "--format", value: '""', fix: '"markdown" or "json"' }],
    },
    {
        name: "--opt-in now",
        argv: ["patch", ...PG_ARGS, "--opt-in", "now"],
        refused: [{ field: "--opt-in", value: '"now"', fix: '"immediate" or "next-maintenance"' }],
    },
    {
        name: "--opt-in empty",
        argv: ["patch", ...PG_ARGS, "--opt-in", ""],
        refused: [{ field: "--opt-in", value: '""', fix: '"immediate" or "next-maintenance"' }],
    },
    {
        name: "--opt-in capitalised",
        argv: ["patch", ...PG_ARGS, "--opt-in", "Immediate"],
        refused: [{ field: "--opt-in", value: '"Immediate"', fix: '"immediate" or "next-maintenance"' }],
    },
    {
        name: "--timeout-minutes zero",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "0"],
        refused: [{ field: "--timeout-minutes", value: '"0"', says: ["from 1 to 10080"], fix: "e.g. 120" }],
    },
    {
        name: "--timeout-minutes negative",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes=-5"],
        refused: [{ field: "--timeout-minutes", value: '"-5"', says: ["from 1 to 10080"], fix: "e.g. 120" }],
    },
    {
        name: "--timeout-minutes over a week",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "10081"],
        refused: [{ field: "--timeout-minutes", value: '"10081"', says: ["from 1 to 10080"], fix: "e.g. 120" }],
    },
    {
        name: "--timeout-minutes fractional",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "1.5"],
        refused: [{ field: "--timeout-minutes", value: '"1.5"', says: ["from 1 to 10080"], fix: "e.g. 120" }],
    },
    {
        name: "--timeout-minutes in exponent notation",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "1e3"],
        refused: [{ field: "--timeout-minutes", value: '"1e3"', says: ["from 1 to 10080"], fix: "e.g. 120" }],
    },
    {
        name: "--timeout-minutes twenty digits",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "99999999999999999999"],
        refused: [
            { field: "--timeout-minutes", value: '"99999999999999999999"', says: ["from 1 to 10080"], fix: "e.g. 120" },
        ],
    },
    {
        name: "--timeout-minutes a word",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--timeout-minutes", "abc"],
        refused: [{ field: "--timeout-minutes", value: '"abc"', says: ["from 1 to 10080"], fix: "e.g. 120" }],
    },
    {
        name: "--poll-seconds zero",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--poll-seconds", "0"],
        refused: [{ field: "--poll-seconds", value: '"0"', says: ["from 1 to 3600"], fix: "e.g. 15" }],
    },
    {
        name: "--poll-seconds over an hour",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--poll-seconds", "3601"],
        refused: [{ field: "--poll-seconds", value: '"3601"', says: ["from 1 to 3600"], fix: "e.g. 15" }],
    },
    {
        name: "--poll-seconds a letter",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--poll-seconds", "x"],
        refused: [{ field: "--poll-seconds", value: '"x"', says: ["from 1 to 3600"], fix: "e.g. 15" }],
    },
    {
        name: "--poll-seconds negative on patch",
        argv: ["patch", ...PG_ARGS, "--poll-seconds=-1"],
        refused: [{ field: "--poll-seconds", value: '"-1"', says: ["from 1 to 3600"], fix: "e.g. 15" }],
    },
    {
        name: "--poll-seconds hexadecimal",
        argv: ["patch", ...PG_ARGS, "--poll-seconds", "0x10"],
        refused: [{ field: "--poll-seconds", value: '"0x10"', says: ["from 1 to 3600"], fix: "e.g. 15" }],
    },
    {
        name: "--start-jitter-seconds over 300",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--start-jitter-seconds", "301"],
        refused: [{ field: "--start-jitter-seconds", value: '"301"', says: ["from 0 to 300"], fix: "e.g. 10" }],
    },
    {
        name: "--start-jitter-seconds negative",
        argv: ["patch", ...PG_ARGS, "--start-jitter-seconds=-1"],
        refused: [{ field: "--start-jitter-seconds", value: '"-1"', says: ["from 0 to 300"], fix: "e.g. 10" }],
    },
    {
        name: "--cluster-parameter-group without =",
        argv: ["upgrade", ...PG_ARGS, "--target", "18.1", "--allow-major", "--cluster-parameter-group", "foo"],
        refused: [{ field: "--cluster-parameter-group", value: '"foo"' }],
    },
    {
        name: "--cluster-parameter-group without a group",
        argv: ["plan", ...PG_ARGS, "--target", "18.1", "--cluster-parameter-group", "app-use1="],
        refused: [{ field: "--cluster-parameter-group", value: '"app-use1="' }],
    },
    {
        name: "--instance-parameter-group without a cluster",
        argv: ["plan", ...PG_ARGS, "--target", "18.1", "--instance-parameter-group", "=grp"],
        refused: [{ field: "--instance-parameter-group", value: '"=grp"' }],
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
        refused: [{ field: "--cluster-parameter-group", value: '"app-use1=b"', fix: "give one group per cluster" }],
    },
    {
        name: "--cluster-parameter-group with a space",
        argv: ["plan", ...PG_ARGS, "--target", "18.1", "--cluster-parameter-group", "app use1=grp"],
        refused: [{ field: "--cluster-parameter-group", value: '"app use1=grp"' }],
    },
    {
        name: "--only-member not a member",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "nosuch"],
        readsFirst: true,
        refused: [{ field: "--only-member", value: '"nosuch"', fix: "app-use1, app-apne1" }],
    },
    {
        name: "--only-member on the managed path: one global step upgrades every member, none is done",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "app-apne1"],
        readsFirst: true,
        refused: [{ field: "--only-member", value: '"app-apne1"', fix: "or with --strategy rolling" }],
    },
    {
        name: "--only-member in upper case on the managed path (compared lowercase, as AWS does)",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "APP-APNE1"],
        readsFirst: true,
        refused: [{ field: "--only-member", value: '"app-apne1"', fix: "or with --strategy rolling" }],
    },
    {
        name: "--only-member not an identifier",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", "bad id"],
        refused: [{ field: "--only-member", value: '"bad id"' }],
    },
    {
        name: "--only-member empty",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-member", ""],
        refused: [{ field: "--only-member", value: '""' }],
    },
    {
        name: "--only-snapshot with --only-member",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-snapshot", "--only-member", "app-use1"],
        refused: [{ field: "--only-snapshot" }],
    },
    {
        name: "--only-snapshot with --no-snapshot",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--only-snapshot", "--no-snapshot"],
        refused: [{ field: "--only-snapshot" }],
    },
    {
        name: "patch --only-member not a member",
        argv: ["patch", ...PG_ARGS, "--only-member", "app-euw1"],
        readsFirst: true,
        refused: [{ field: "--only-member", value: '"app-euw1"', fix: "app-use1, app-apne1" }],
    },
    {
        name: "an unknown option",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "--force"],
        commander: ["error: unknown option '--force'", "(run with --help for usage)"],
    },
    {
        name: "--target without its value",
        argv: ["plan", ...PG_ARGS, "--target"],
        commander: ["error: option '--target <version>' argument missing", "(run with --help for usage)"],
    },
    {
        name: "an unknown command",
        argv: ["frobnicate"],
        commander: ["error: unknown command 'frobnicate'", "(run with --help for usage)"],
    },
    {
        name: "--allow-major on patch",
        argv: ["patch", ...PG_ARGS, "--allow-major"],
        commander: ["error: unknown option '--allow-major'", "(run with --help for usage)"],
    },
    {
        name: "--target on status",
        argv: ["status", ...PG_ARGS, "--target", "17.5"],
        commander: ["error: unknown option '--target'", "(run with --help for usage)"],
    },
    {
        name: "an extra argument",
        argv: ["plan", ...PG_ARGS, "--target", "17.5", "17.6"],
        refused: [{ field: "too many arguments for 'plan'", fix: "give each value right after its flag" }],
    },
    {
        name: "two extra arguments",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5", "now", "please"],
        refused: [{ field: "too many arguments for 'upgrade'", fix: "give each value right after its flag" }],
    },
    {
        name: "watch: a URL without // keeps its password out of the error",
        argv: ["watch", "--endpoint", "a=postgres:u:Secret@127.0.0.1/db", "--duration", "1"],
        refused: [
            {
                field: "--endpoint",
                value: '"a=postgres:u:***@127.0.0.1/db"',
                fix: "postgres://user:password@host:5432/postgres",
            },
        ],
    },
    {
        name: "watch: no NAME= and no // keeps the password out",
        argv: ["watch", "--endpoint", "postgres:u:Secret@127.0.0.1/db", "--duration", "1"],
        refused: [
            {
                field: "--endpoint",
                value: '"postgres:u:***@127.0.0.1/db"',
                fix: "postgres://user:password@host:5432/postgres",
            },
        ],
    },
    {
        name: "watch: user:password@host without a scheme keeps the password out",
        argv: ["watch", "--endpoint", "a=u:Secret@h", "--duration", "1"],
        refused: [{ field: "--endpoint", value: '"a=u:***@h"', fix: "postgres://user:password@host:5432/postgres" }],
    },
    {
        name: "watch: a URL without a host keeps the password out",
        argv: ["watch", "--endpoint", "a=mysql://u:Secret@", "--duration", "1"],
        refused: [
            { field: "--endpoint", value: '"a=mysql://u:***@"', fix: "postgres://user:password@host:5432/postgres" },
        ],
    },
    {
        name: "a global cluster with no member: upgrade",
        argv: ["upgrade", ...PG_ARGS, "--target", "17.5"],
        seed: EMPTY_SEED,
        readsFirst: true,
        refused: [
            {
                field: "global cluster",
                value: '"app-global"',
                fix: "create-db-cluster --global-cluster-identifier app-global",
            },
        ],
    },
    {
        name: "a global cluster with no member: plan",
        argv: ["plan", ...PG_ARGS, "--target", "17.5"],
        seed: EMPTY_SEED,
        readsFirst: true,
        refused: [
            {
                field: "global cluster",
                value: '"app-global"',
                fix: "create-db-cluster --global-cluster-identifier app-global",
            },
        ],
    },
    {
        name: "a global cluster with no member: patch",
        argv: ["patch", ...PG_ARGS],
        seed: EMPTY_SEED,
        readsFirst: true,
        refused: [
            {
                field: "global cluster",
                value: '"app-global"',
                fix: "create-db-cluster --global-cluster-identifier app-global",
            },
        ],
    },
    {
        name: "a global cluster that does not exist",
        argv: ["upgrade", "--region", "us-east-1", "--global-cluster", "nope", "--target", "17.5"],
        readsFirst: true,
        refused: [{ field: "global cluster", value: '"nope"', fix: "--global-cluster and --region" }],
    },
    {
        name: "a PostgreSQL target for an Aurora MySQL cluster",
        argv: ["upgrade", "--region", "eu-west-1", "--global-cluster", "shop-global", "--target", "17.5"],
        seed: MYSQL_SEED,
        readsFirst: true,
        blocked: 1,
    },
    {
        // Members that disagree (every member alike on a newer version is an AWS-applied upgrade, not blocked).
        name: "a downgrade",
        argv: ["upgrade", ...PG_ARGS, "--target", "16.6"],
        seed: PG_MIXED_SEED,
        readsFirst: true,
        blocked: 2,
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
        refused: [
            { field: "--region", value: '"mars"', fix: "us-east-1" },
            { field: "--global-cluster", value: '"app global"' },
            { field: "--target", value: '"abc"' },
            { field: "--strategy", value: '"fast"', fix: '"rolling" or "blue-green"' },
            { field: "--timeout-minutes", value: '"0"', says: ["from 1 to 10080"], fix: "e.g. 120" },
            { field: "--poll-seconds", value: '"x"', says: ["from 1 to 3600"], fix: "e.g. 15" },
        ],
    },
    {
        name: "a bad target, strategy and poll together",
        argv: ["upgrade", ...PG_ARGS, "--target", "abc", "--strategy", "fast", "--poll-seconds", "0"],
        refused: [
            { field: "--target", value: '"abc"' },
            { field: "--strategy", value: '"fast"', fix: '"rolling" or "blue-green"' },
            { field: "--poll-seconds", value: '"0"', says: ["from 1 to 3600"], fix: "e.g. 15" },
        ],
    },
];

/** The stderr of a row says what the row expects: its refusals, commander's lines, or a blocked plan. */
function assertStderr(c: Case, stderr: string): void {
    if (c.commander) return assert.deepStrictEqual(stderr.split("\n").slice(0, -1), c.commander);
    if (c.blocked !== undefined) {
        const m = /^aurora-global: the plan is blocked \((\d+) violations?\): \S.*\n$/.exec(stderr);
        return assert.strictEqual(Number(m?.[1]), c.blocked, stderr);
    }
    const lines = cliRefusalLines(stderr);
    assert.ok(c.refused && c.refused.length > 0, c.name);
    assert.strictEqual(lines.length, c.refused.length, stderr);
    c.refused.forEach((r, i) => assertRefusal(lines[i], r));
}

async function runCase(c: Case) {
    const sim = simulate(c.seed ?? PG_SEED);
    return { sim, r: await cli(sim, c.argv, c.env ? { env: c.env } : {}) };
}

describe(`orchestrator: CLI bad-input catalogue (${CASES.length} cases, exit 2, no mutating call)`, () => {
    CASES.forEach((c, i) => {
        it(`#${i + 1} ${c.name}${c.readsFirst ? " (after reading AWS)" : " (before any AWS call)"}`, async () => {
            const { sim, r } = await runCase(c);
            assertStderr(c, r.stderr);
            assert.doesNotMatch(r.stderr + r.stdout, /Secret/);
            assert.strictEqual(r.code, 2);
            assert.deepStrictEqual(mutatingCalls(sim), []);
            if (c.rule !== undefined) assert.ok(r.stdout.includes(`[${c.rule}]`), r.stdout);
            if (!c.readsFirst) assert.deepStrictEqual(sim.calls, []);
            else assert.ok(sim.calls.length > 0);
        });
    });
});

/**
 * The rendered text, pinned once per message family (a wording regression shows here once, not
 * in every row above): the catalogue row and its whole stderr.
 */
const RENDERED: readonly (readonly [string, string])[] = [
    [
        "--target that is a word",
        '--target "abc" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0',
    ],
    [
        "--target empty",
        "--target is required: give the engine version to upgrade to, e.g. --target 17.5 or --target 8.0.mysql_aurora.3.09.0",
    ],
    [
        "--target with a leading zero AWS does not write",
        '--target "16.08" is not how AWS writes the version: use --target 16.8',
    ],
    [
        "--target with a PostgreSQL patch level on a minor upgrade (AWS sets 17.5 and chooses the patch)",
        "the plan is blocked (1 violation): nothing was changed",
    ],
    ["--region a planet", '--region "mars" is not valid: use an AWS region code such as us-east-1'],
    [
        "--region made up",
        '--region "us-fake-9" is not a region of any AWS partition (the AWS SDK\'s partition data lists no such region): check the spelling, e.g. us-east-1, or update @aws-sdk/core if the region is new',
    ],
    [
        "no region anywhere",
        "--region is required: give the home region of the global cluster, e.g. --region us-east-1, or set AWS_REGION",
    ],
    [
        "--global-cluster with a space",
        '--global-cluster "app global" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
    ],
    [
        "--global-cluster empty",
        "--global-cluster is required: give the global cluster identifier, e.g. --global-cluster app-global",
    ],
    ["--strategy unknown", '--strategy "fast" is not a strategy: use "auto", "managed", "rolling" or "blue-green"'],
    [
        "--timeout-minutes zero",
        '--timeout-minutes "0" is not a whole number from 1 to 10080: give the minutes one upgrade step may take, e.g. 120',
    ],
    [
        "--cluster-parameter-group without =",
        '--cluster-parameter-group "foo" is not valid: give CLUSTER=GROUP, the member\'s cluster identifier and a parameter group name, e.g. --cluster-parameter-group app-use1=app-params-aurora-postgresql17',
    ],
    [
        "--cluster-parameter-group twice for one cluster",
        '--cluster-parameter-group "app-use1=b" conflicts with --cluster-parameter-group "app-use1=a": give one group per cluster',
    ],
    [
        "--only-member not a member",
        '--only-member "nosuch" is not a member of global cluster "app-global": use one of app-use1, app-apne1',
    ],
    [
        "--only-member on the managed path: one global step upgrades every member, none is done",
        '--only-member "app-apne1" selects no step of this plan: on the managed path one modify-global-cluster step upgrades every member together, and cluster "app-apne1" still runs 17.4, not 17.5; run the upgrade without --only-member (or with --strategy rolling for one step per member)',
    ],
    [
        "--only-member not an identifier",
        '--only-member "bad id" is not valid: give the identifier of one member cluster (letters, digits and hyphens, starting with a letter), e.g. --only-member app-use1',
    ],
    [
        "--only-snapshot with --only-member",
        '--only-snapshot and --only-member "app-use1" select different steps: give one of them (each Pulumi upgrade step runs one)',
    ],
    ["--only-snapshot with --no-snapshot", "--only-snapshot with --no-snapshot selects nothing: give one of them"],
    [
        "an extra argument",
        "too many arguments for 'plan': \"17.6\" follows no flag; give each value right after its flag (plan takes no other argument)",
    ],
    [
        "watch: a URL without // keeps its password out of the error",
        '--endpoint "a=postgres:u:***@127.0.0.1/db": URL has no scheme; start it with postgres://, postgresql:// or mysql://, e.g. --endpoint a=postgres://user:password@host:5432/postgres',
    ],
    [
        "watch: no NAME= and no // keeps the password out",
        '--endpoint "postgres:u:***@127.0.0.1/db": expected NAME=URL; use e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres',
    ],
    [
        "watch: a URL without a host keeps the password out",
        '--endpoint "a=mysql://u:***@": URL is not valid; fix it (percent-encode special characters in the user and password), e.g. --endpoint a=postgres://user:password@host:5432/postgres',
    ],
    [
        "a global cluster with no member: upgrade",
        'global cluster "app-global" (aurora-postgresql 17.4) has no member cluster: there is nothing to upgrade or patch; check --global-cluster, or add its primary cluster first (create-db-cluster --global-cluster-identifier app-global)',
    ],
    [
        "a global cluster that does not exist",
        'global cluster "nope" was not found from us-east-1: check --global-cluster and --region (or AWS_REGION)',
    ],
];

describe(`orchestrator: CLI refusals, the rendered text once per message family (${RENDERED.length})`, () => {
    for (const [name, text] of RENDERED)
        it(name, async () => {
            const c = CASES.find((x) => x.name === name);
            assert.ok(c, `no catalogue row "${name}"`);
            const { r } = await runCase(c);
            assert.deepStrictEqual(cliRefusalLines(r.stderr), [text]);
        });
});
