import * as assert from "assert";
import { SimulatedRds } from "../../testbeds/simulator";
import { cli, CliRun, engineModifies, MYSQL_ARGS, MYSQL_SEED, PG_ARGS, PG_SEED, simulate } from "./harness";
import { lineNaming } from "../support/meaning";

/** Runs the CLI and kills it (aborts) once `afterMs` of virtual time have passed. */
async function killedAt(sim: SimulatedRds, argv: readonly string[], afterMs: number): Promise<CliRun> {
    const kill = new AbortController();
    void sim.clock.sleep(afterMs).then(() => kill.abort(new Error("killed")));
    return cli(sim, argv, { signal: kill.signal });
}

const count = (sim: SimulatedRds, command: string, id?: string) =>
    sim
        .callsOf(command)
        .filter(
            (c) =>
                !c.error &&
                (id === undefined ||
                    c.input.DBClusterIdentifier === id ||
                    String(c.input.ResourceIdentifier ?? "").endsWith(`:${id}`)),
        ).length;

describe("orchestrator: resume after an interruption at every phase", () => {
    const rolling = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling"];

    it("killed while the snapshot is being created: the re-run reuses the snapshot and finishes", async () => {
        const sim = simulate(PG_SEED);
        const first = await killedAt(sim, rolling, 60_000);
        assert.strictEqual(first.code, 1);
        assert.match(first.stderr, /STOPPED: unexpected error: killed/);
        assert.deepStrictEqual(engineModifies(sim), []);
        const again = await cli(sim, rolling);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(count(sim, "CreateDBClusterSnapshot"), 1);
        assert.match(again.stderr, /snapshot "app-use1-before-17-5" exists \(creating\), not taken again/);
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
    });

    it("killed while the secondaries upgrade: the re-run waits for them without modifying them again", async () => {
        const sim = simulate(MYSQL_SEED);
        const argv = ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2"];
        const first = await killedAt(sim, argv, 7 * 60_000);
        assert.strictEqual(first.code, 1);
        assert.strictEqual(sim.cluster("shop-use1").status, "upgrading");
        const again = await cli(sim, argv);
        assert.strictEqual(again.code, 0, again.stderr);
        lineNaming(
            again.stderr,
            'secondary cluster "shop-use1" (us-east-1)',
            "already upgrading (8.0.mysql_aurora.3.08.0)",
            "to reach 8.0.mysql_aurora.3.08.2",
            "not modifying it again",
        );
        assert.deepStrictEqual(
            [
                count(sim, "ModifyDBCluster", "shop-use1"),
                count(sim, "ModifyDBCluster", "shop-apse2"),
                count(sim, "ModifyDBCluster", "shop-euw1"),
            ],
            [1, 1, 1],
        );
        assert.strictEqual(sim.cluster("shop-euw1").engineVersion, "8.0.mysql_aurora.3.08.2");
    });

    it("killed between the waves (secondaries done, primary not started): the re-run skips the secondaries", async () => {
        const sim = simulate(PG_SEED);
        const first = await cli(sim, rolling, {
            hooks: {
                onStepStart: (step) => {
                    if (step.role === "primary" && step.action === "modify-db-cluster")
                        throw new Error("killed before the primary");
                },
            },
        });
        assert.strictEqual(first.code, 1);
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.5");
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.4");
        const again = await cli(sim, rolling);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.match(again.stdout, /strategy auto|modify DB cluster primary "app-use1"/);
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
    });

    it("killed while the primary upgrades: the re-run waits for the primary, modifying nothing", async () => {
        const sim = simulate(PG_SEED);
        const first = await killedAt(sim, rolling, (2 + 10 + 4) * 60_000);
        assert.strictEqual(first.code, 1);
        assert.strictEqual(sim.cluster("app-use1").status, "upgrading");
        const again = await cli(sim, rolling);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.deepStrictEqual(engineModifies(sim), ["app-apne1→17.5", "app-use1→17.5"]);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
    });

    it("killed during the managed global upgrade: the re-run waits and sends no second ModifyGlobalCluster", async () => {
        const sim = simulate(PG_SEED);
        const argv = ["upgrade", ...PG_ARGS, "--target", "17.5", "--no-snapshot"];
        assert.strictEqual((await killedAt(sim, argv, 3 * 60_000)).code, 1);
        const again = await cli(sim, argv);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(count(sim, "ModifyGlobalCluster"), 1);
        assert.match(again.stderr, /waiting for the global managed minor upgrade to 17\.5, not modifying it again/);
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.5");
    });

    it("killed during a major upgrade: the re-run reuses the parameter groups and does not repeat ModifyGlobalCluster", async () => {
        const sim = simulate({
            ...MYSQL_SEED,
            members: MYSQL_SEED.members.map((m) => ({ ...m, clusterParameterGroup: "shop-params" })),
        });
        const argv = ["upgrade", ...MYSQL_ARGS, "--target", "8.4.7", "--allow-major", "--no-snapshot"];
        assert.strictEqual((await killedAt(sim, argv, 4 * 60_000)).code, 1);
        const again = await cli(sim, argv);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(count(sim, "ModifyGlobalCluster"), 1);
        assert.strictEqual(count(sim, "CreateDBClusterParameterGroup"), 3);
        for (const id of ["shop-euw1", "shop-use1", "shop-apse2"]) {
            assert.strictEqual(sim.cluster(id).engineVersion, "8.4.7");
            assert.strictEqual(sim.cluster(id).clusterParameterGroup, "shop-params-aurora-mysql8-4");
        }
    });

    it("killed while a secondary is being patched: the re-run does not apply it twice and patches the primary last", async () => {
        const sim = simulate({
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        });
        const argv = ["patch", ...PG_ARGS];
        assert.strictEqual((await killedAt(sim, argv, 5 * 60_000)).code, 1);
        assert.strictEqual(count(sim, "ApplyPendingMaintenanceAction"), 1);
        const again = await cli(sim, argv);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.deepStrictEqual(
            sim
                .callsOf("ApplyPendingMaintenanceAction")
                .filter((c) => !c.error)
                .map((c) => c.region),
            ["ap-northeast-1", "us-east-1"],
        );
        assert.strictEqual(sim.auroraVersion("app-use1"), "17.4.6");
    });

    it("a re-run after success has nothing to do", async () => {
        const sim = simulate(PG_SEED);
        assert.strictEqual((await cli(sim, rolling)).code, 0);
        const before = sim.calls.length;
        const again = await cli(sim, rolling);
        assert.strictEqual(again.code, 0);
        assert.match(again.stdout, /nothing to do/);
        assert.ok(sim.calls.slice(before).every((c) => c.command.startsWith("Describe")));
    });
});
