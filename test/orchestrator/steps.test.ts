import * as assert from "assert";
import { LEASE_GROUP_ENV } from "../../cli-contract/flags";
import { stepCommandArgs } from "../../cli-contract";
import { cli, engineModifies, expectStopped, mutatingCalls, MYSQL_SEED, PG_ARGS, PG_SEED, simulate } from "./harness";
import { lineNaming } from "../support/meaning";

const options = { homeRegion: "eu-west-1", globalClusterId: "shop-global", target: "8.0.mysql_aurora.3.08.2" };

describe("orchestrator: one CLI run per plan step (what the Pulumi upgrade steps execute)", () => {
    it("builds the exact argument list of each step", () => {
        assert.deepStrictEqual(
            stepCommandArgs(
                { ...options, pollSeconds: 20, timeoutMinutes: 90 },
                { action: "modify-db-cluster", cluster: "shop-use1" },
            ),
            [
                "upgrade",
                "--region",
                "eu-west-1",
                "--global-cluster",
                "shop-global",
                "--target",
                "8.0.mysql_aurora.3.08.2",
                "--strategy",
                "auto",
                "--timeout-minutes",
                "90",
                "--poll-seconds",
                "20",
                "--no-snapshot",
                "--only-member",
                "shop-use1",
            ],
        );
        assert.deepStrictEqual(
            stepCommandArgs(
                { ...options, optIn: "next-maintenance" },
                { action: "apply-pending-maintenance", cluster: "shop-euw1" },
            ),
            [
                "patch",
                "--region",
                "eu-west-1",
                "--global-cluster",
                "shop-global",
                "--opt-in",
                "next-maintenance",
                "--only-member",
                "shop-euw1",
            ],
        );
    });

    it("running the steps in graph order upgrades everything; each step makes only its own change", async () => {
        const sim = simulate(MYSQL_SEED);
        const plan = await cli(sim, [
            "plan",
            "--region",
            "eu-west-1",
            "--global-cluster",
            "shop-global",
            "--target",
            options.target,
            "--format",
            "json",
        ]);
        const steps = (
            JSON.parse(plan.stdout) as { steps: { action: "modify-db-cluster"; cluster: string; wave: number }[] }
        ).steps;
        assert.deepStrictEqual(
            steps.map((s) => `${s.wave} ${s.action} ${s.cluster}`),
            [
                "1 snapshot shop-euw1",
                "2 modify-db-cluster shop-use1",
                "2 modify-db-cluster shop-apse2",
                "3 modify-db-cluster shop-euw1",
            ],
        );
        assert.deepStrictEqual(stepCommandArgs(options, steps[0]).slice(-1), ["--only-snapshot"]);
        const snap = await cli(sim, stepCommandArgs(options, steps[0]));
        assert.strictEqual(snap.code, 0, snap.stderr);
        assert.deepStrictEqual(mutatingCalls(sim), ["eu-west-1 CreateDBClusterSnapshot shop-euw1"]);
        // The two secondaries' steps of one Pulumi update, started together: they share its lease group.
        const update = { env: { [LEASE_GROUP_ENV]: "update-1" } };
        const [a, b] = await Promise.all([
            cli(sim, stepCommandArgs(options, steps[1]), update),
            cli(sim, stepCommandArgs(options, steps[2]), update),
        ]);
        assert.deepStrictEqual([a.code, b.code], [0, 0], a.stderr + b.stderr);
        assert.deepStrictEqual(engineModifies(sim), [
            "shop-use1→8.0.mysql_aurora.3.08.2",
            "shop-apse2→8.0.mysql_aurora.3.08.2",
        ]);
        const primary = await cli(sim, stepCommandArgs(options, steps[3]));
        assert.strictEqual(primary.code, 0, primary.stderr);
        assert.strictEqual(sim.cluster("shop-euw1").engineVersion, options.target);
        const again = await cli(sim, stepCommandArgs(options, steps[1]));
        assert.strictEqual(again.code, 0);
        lineNaming(again.stdout, 'the step of cluster "shop-use1"', "nothing to do", "AWS reports it done");
    });

    it("a pending-patch round's snapshot step re-plans the patch round (patch --only-snapshot) and takes the snapshot", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        });
        const patchOptions = {
            homeRegion: "us-east-1",
            globalClusterId: "app-global",
            target: "17.4",
            optIn: "immediate" as const,
            patchRound: true,
        };
        const args = stepCommandArgs(patchOptions, { action: "snapshot", cluster: "app-use1" });
        assert.deepStrictEqual(args, [
            "patch",
            "--region",
            "us-east-1",
            "--global-cluster",
            "app-global",
            "--opt-in",
            "immediate",
            "--only-snapshot",
        ]);
        const snap = await cli(sim, args);
        assert.strictEqual(snap.code, 0, snap.stderr);
        assert.deepStrictEqual(mutatingCalls(sim), ["us-east-1 CreateDBClusterSnapshot app-use1"]);
        assert.strictEqual(
            sim.callsOf("CreateDBClusterSnapshot")[0].input.DBClusterSnapshotIdentifier,
            "app-use1-before-patch-17-4-6",
        );
        const secondary = await cli(
            sim,
            stepCommandArgs(patchOptions, { action: "apply-pending-maintenance", cluster: "app-apne1" }),
        );
        assert.strictEqual(secondary.code, 0, secondary.stderr);
        assert.deepStrictEqual(mutatingCalls(sim).slice(1), [
            "ap-northeast-1 ApplyPendingMaintenanceAction arn:aws:rds:ap-northeast-1:123456789012:cluster:app-apne1",
        ]);
        assert.strictEqual(
            sim.callsOf("CreateDBClusterSnapshot").length,
            1,
            "a member step takes no snapshot of its own",
        );
    });

    it("patch --no-snapshot applies the pending patches without a snapshot", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        });
        const r = await cli(sim, ["patch", ...PG_ARGS, "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.callsOf("CreateDBClusterSnapshot").length, 0);
        assert.strictEqual(sim.callsOf("ApplyPendingMaintenanceAction").length, 2);
    });

    it("the primary step run before the secondaries is refused and changes nothing", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, stepCommandArgs(options, { action: "modify-db-cluster", cluster: "shop-euw1" }));
        expectStopped(
            r,
            "refusing to upgrade the primary",
            'secondary cluster "shop-use1" (us-east-1)',
            'status "available" at version 8.0.mysql_aurora.3.08.0, not 8.0.mysql_aurora.3.08.2',
            "The primary was not touched",
            "it upgrades the secondaries first",
        );
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("the narrowing flags stay out of --help (the user's flags are the README's)", async () => {
        const r = await cli(simulate(MYSQL_SEED), ["upgrade", "--help"]);
        assert.strictEqual(r.code, 0);
        assert.doesNotMatch(r.stdout, /only-member|only-snapshot/);
        assert.match(r.stdout, /--no-snapshot/);
    });
});
