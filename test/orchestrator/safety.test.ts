import * as assert from "assert";
import { assertNames, expectBlocked, expectErrorLine, lineNaming } from "../support/meaning";
import { ExecuteHooks } from "../../orchestrator/execute/types";
import {
    cli,
    engineModifies,
    MYSQL_ARGS,
    MYSQL_SEED,
    mutatingCalls,
    PG_ARGS,
    PG_MIXED_SEED,
    PG_SEED,
    simulate,
    expectStopped,
} from "./harness";

const ROLLING_NO_SNAPSHOT = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling", "--no-snapshot"];

/** Hooks that run `inject` once, right after the first wait poll of `cluster` (a fault mid-wait). */
function onFirstPoll(cluster: string, inject: () => void): ExecuteHooks {
    let done = false;
    return {
        onPoll: (polled) => {
            if (polled !== cluster || done) return;
            done = true;
            inject();
        },
    };
}

describe("orchestrator: safety of execution", () => {
    it("a failing secondary stops the run with member, region, state and fix; the primary is never touched; a re-run retries it", async () => {
        const sim = simulate(MYSQL_SEED);
        sim.faults.failUpgrade("shop-apse2");
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2", "--no-snapshot"]);
        expectStopped(
            r,
            'secondary cluster "shop-apse2" (ap-southeast-2)',
            'status "upgrade_failed" at version 8.0.mysql_aurora.3.08.0',
            "upgrading to 8.0.mysql_aurora.3.08.2",
            "The primary was not touched",
            "aws rds describe-events --source-type db-cluster --source-identifier shop-apse2 --region ap-southeast-2",
            "run the same command again",
        );
        assert.ok(!engineModifies(sim).some((m) => m.startsWith("shop-euw1")), "no ModifyDBCluster on the primary");
        assert.strictEqual(sim.cluster("shop-euw1").engineVersion, "8.0.mysql_aurora.3.08.0");
        const again = await cli(sim, [
            "upgrade",
            ...MYSQL_ARGS,
            "--target",
            "8.0.mysql_aurora.3.08.2",
            "--no-snapshot",
        ]);
        assert.strictEqual(again.code, 0, again.stderr);
        lineNaming(
            again.stderr,
            'WARNING: secondary cluster "shop-apse2" (ap-southeast-2)',
            'status "upgrade_failed" at 8.0.mysql_aurora.3.08.0',
            "trying the upgrade again",
        );
        assert.strictEqual(sim.cluster("shop-euw1").engineVersion, "8.0.mysql_aurora.3.08.2");
    });

    it("a failed managed upgrade stops, saying AWS rolled every member back and where to look", async () => {
        const sim = simulate(PG_SEED);
        sim.faults.failUpgrade("app-apne1");
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--no-snapshot"]);
        expectStopped(
            r,
            'primary cluster "app-use1" (us-east-1)',
            "without reaching 17.5",
            'status "available" at version 17.4',
            "rolled back",
            "aws rds describe-events --source-type db-cluster --source-identifier app-use1 --region us-east-1",
            "run the same command again",
        );
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.4");
    });

    it("throttling bursts are retried with backoff on the virtual clock and the upgrade completes", async () => {
        const sim = simulate(PG_SEED);
        sim.faults.throttle({ count: 6 });
        sim.faults.throttle({ region: "ap-northeast-1", count: 3 });
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const throttled = sim.calls.filter((c) => c.error?.name === "ThrottlingException").length;
        assert.strictEqual(throttled, 9);
        assert.match(r.stdout, /\(\d+ describe calls, 9 retries\)/);
        assert.match(
            r.stderr,
            /DescribeGlobalClusters in us-east-1: ThrottlingException: Rate exceeded; retry 1 in 0\.3s/,
        );
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
    });

    it("a wait's poll still throttled after its retries is no news: the wait polls again and the upgrade completes", async () => {
        const sim = simulate(PG_SEED);
        const hooks = onFirstPoll("app-apne1", () => sim.faults.throttle({ region: "ap-northeast-1", count: 30 }));
        const r = await cli(sim, ROLLING_NO_SNAPSHOT, { hooks });
        assert.strictEqual(r.code, 0, r.stderr);
        lineNaming(
            r.stderr,
            'WARNING: secondary cluster "app-apne1" (ap-northeast-1)',
            "DescribeDBClusters still ThrottlingException",
            "(2 polls in a row)",
            "upgrading to 17.5",
            "polling again",
        );
        assert.strictEqual(sim.calls.filter((c) => c.error?.name === "ThrottlingException").length, 30);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
    });

    it("a wait's poll failing with an error that is not transient stops the run at once", async () => {
        const sim = simulate(PG_SEED);
        const hooks = onFirstPoll("app-apne1", () =>
            sim.faults.failNext("DescribeDBClusters", {
                region: "ap-northeast-1",
                code: "AccessDenied",
                message: "User is not authorized to perform: rds:DescribeDBClusters",
            }),
        );
        const r = await cli(sim, ROLLING_NO_SNAPSHOT, { hooks });
        expectStopped(
            r,
            "DescribeDBClusters while upgrading to 17.5",
            'secondary cluster "app-apne1" (ap-northeast-1)',
            "AccessDenied: User is not authorized to perform: rds:DescribeDBClusters",
            "iamPolicyDocument()",
        );
        assert.ok(r.stderr.endsWith("(orchestrator/iam-policy.ts).\n"), r.stderr);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.4", "the primary was not touched");
    });

    it("throttling that never ends stops after the bounded attempts with the advice to wait (12 for a read)", async () => {
        const sim = simulate(PG_SEED);
        sim.faults.throttle({ count: 100 });
        const r = await cli(sim, ["status", ...PG_ARGS]);
        const line = expectErrorLine(
            r,
            1,
            "ThrottlingException: Rate exceeded",
            "wait a few minutes",
            "Nothing was changed (status only reads)",
        );
        assert.ok(r.stderr.endsWith(`${line}\n`), "the last line");
        assert.strictEqual(
            sim.calls.length,
            12,
            "12 attempts in all: DescribeGlobalClusters is read-only and gets READ_ONLY_RETRY",
        );
    });

    it("a timeout stops the run with the member's state and how to resume", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, [
            "upgrade",
            ...PG_ARGS,
            "--target",
            "17.5",
            "--strategy",
            "rolling",
            "--no-snapshot",
            "--timeout-minutes",
            "5",
        ]);
        expectStopped(
            r,
            "timed out after 5 minutes (--timeout-minutes 5)",
            "upgrading to 17.5",
            'secondary cluster "app-apne1" (ap-northeast-1)',
            'status "upgrading" at version 17.4',
            "run the same command again",
            "to resume waiting",
            "raise --timeout-minutes",
        );
        assert.strictEqual(sim.clock.elapsed(), 5 * 60_000);
        const again = await cli(sim, [
            "upgrade",
            ...PG_ARGS,
            "--target",
            "17.5",
            "--strategy",
            "rolling",
            "--no-snapshot",
        ]);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.deepStrictEqual(
            engineModifies(sim),
            ["app-apne1→17.5", "app-use1→17.5"],
            "the secondary is not modified twice",
        );
    });

    it("an unexpected AWS error stops at once with its code, message and the member", async () => {
        const sim = simulate(PG_SEED);
        sim.faults.failNext("ModifyDBCluster", {
            code: "AccessDeniedException",
            message: "User is not authorized to perform rds:ModifyDBCluster",
        });
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling", "--no-snapshot"]);
        expectStopped(
            r,
            "ModifyDBCluster (upgrading to 17.5)",
            'secondary cluster "app-apne1" (ap-northeast-1)',
            "AccessDeniedException: User is not authorized to perform rds:ModifyDBCluster",
            "iamPolicyDocument()",
        );
        assert.deepStrictEqual(engineModifies(sim), []);
    });

    it("AWS refusing the managed minor upgrade (reworded text, known code) stops immediately instead of hanging", async () => {
        const sim = simulate(PG_SEED, { managedMinorUpgrades: false });
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--no-snapshot"]);
        expectErrorLine(r, 1, "AWS answered InvalidParameterValue: ", "managed minor upgrade", "--strategy rolling");
        assert.ok(sim.clock.elapsed() < 60_000, "no waiting after a refusal");
    });

    it("a member already at the target is skipped: only the remaining secondary and then the primary are upgraded", async () => {
        const sim = simulate({
            ...MYSQL_SEED,
            members: MYSQL_SEED.members.map((m) =>
                m.id === "shop-use1" ? { ...m, version: "8.0.mysql_aurora.3.08.2" } : m,
            ),
        });
        const r = await cli(sim, ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2", "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.deepStrictEqual(engineModifies(sim), [
            "shop-apse2→8.0.mysql_aurora.3.08.2",
            "shop-euw1→8.0.mysql_aurora.3.08.2",
        ]);
    });

    it("nothing to do: exit 0 and no change", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.4"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /nothing to do: global cluster "app-global" already runs 17\.4 everywhere\n$/);
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("a target below what every member runs (AWS upgraded them): exit 0, the warning with the fix, no change", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "16.6"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(
            r.stderr,
            /warning: AWS \(or someone\) upgraded this database to 17\.4; set engineVersion to 17\.4/,
        );
        assert.match(r.stdout, /already runs 17\.4 everywhere, newer than the target 16\.6/);
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("a downgrade of members that disagree is blocked ([downgrade], exit 2, no change)", async () => {
        const sim = simulate(PG_MIXED_SEED);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "16.6"]);
        assert.strictEqual(r.code, 2, r.stderr);
        assert.match(r.stdout, /\[downgrade\]/);
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    for (const [name, argv, rule] of [
        ["a major upgrade without --allow-major", ["upgrade", ...PG_ARGS, "--target", "18.0"], ""],
        [
            "managed strategy on Aurora MySQL",
            ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2", "--strategy", "managed"],
            "[managed-not-available]",
        ],
        [
            "a target that is not a valid upgrade target",
            ["upgrade", ...PG_ARGS, "--target", "17.9"],
            "[invalid-upgrade-target]",
        ],
        // A version of the other engine: only AWS's answer (the engine) tells it is malformed here.
        // A version of no engine ("seventeen") is refused before any call (bad-input-catalogue).
        [
            "a target of the other engine",
            ["plan", ...PG_ARGS, "--target", "8.0.mysql_aurora.3.08.0"],
            "[malformed-version]",
        ],
    ] as const) {
        it(`a blocked plan (${name}) exits 2 with the violations and makes no call beyond describes`, async () => {
            const sim = simulate(argv.includes("shop-global") ? MYSQL_SEED : PG_SEED);
            const r = await cli(sim, [...argv]);
            assert.strictEqual(r.code, 2, r.stderr);
            assert.deepStrictEqual(mutatingCalls(sim), []);
            assert.ok(sim.calls.every((c) => c.command.startsWith("Describe")));
            assert.match(r.stdout, /BLOCKED: \d+ violations?, nothing will be changed/);
            if (rule) assert.ok(r.stdout.includes(rule), r.stdout);
        });
    }

    it("major without opt-in names the rule and the fix", async () => {
        const sim = simulate({ ...PG_SEED, version: "16.6" });
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.4"]);
        const [v] = expectBlocked(r, "major-without-opt-in");
        assertNames(v.message, ["17.4", "16.6", "allowMajorVersionUpgrade"]);
        assertNames(v.fix, ["--allow-major"]);
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });
});
