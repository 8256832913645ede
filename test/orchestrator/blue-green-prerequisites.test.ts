import * as assert from "assert";
import { ModifyDBClusterParameterGroupCommand, RebootDBInstanceCommand } from "@aws-sdk/client-rds";
import { SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { cli, MYSQL_ARGS, MYSQL_SEED, PG_ARGS, PG_SEED, simulate } from "./harness";

/** The seed with the primary on a custom cluster parameter group holding `parameters`. */
function primaryOn(seed: SeedTopology, name: string, parameters: Record<string, string>): SeedTopology {
    return {
        ...seed,
        members: seed.members.map((m) =>
            m.role === "primary" ? { ...m, clusterParameterGroup: { name, parameters } } : m,
        ),
    };
}

const MYSQL_BG = ["upgrade", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.10.0", "--strategy", "blue-green"];
const PG_BG = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"];
const BLOCKED = "aurora-global: the plan is blocked (1 violation): nothing was changed\n";

function changes(sim: SimulatedRds): string[] {
    return sim.calls
        .filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List"))
        .map((c) => c.command);
}

describe("orchestrator CLI: a writer not prepared for blue/green replication is blocked at the plan (blue-green-limits)", () => {
    it("Aurora MySQL on AWS's default cluster parameter group: exit 2, no AWS change", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, MYSQL_BG);
        assert.strictEqual(r.code, 2);
        assert.ok(
            r.stdout.includes(
                `  [blue-green-limits] primary cluster "shop-euw1" (eu-west-1) cannot be part of a Blue/Green Deployment: its writer runs AWS's default cluster parameter group default.aurora-mysql8.0, which cannot turn on binary logging (binlog_format); AWS refuses CreateBlueGreenDeployment from a cluster without a custom cluster parameter group that does\n      fix: create a custom cluster parameter group with binlog_format=ROW, attach it (ModifyDBCluster DBClusterParameterGroupName, or the member's clusterParameterGroupName), reboot the writer (RebootDBInstance), then run again\n`,
            ),
            r.stdout,
        );
        assert.strictEqual(r.stderr, BLOCKED);
        assert.deepStrictEqual(changes(sim), []);
    });

    it("Aurora MySQL with binary logging off in its custom group: the group, the parameter and its value", async () => {
        const sim = simulate(primaryOn(MYSQL_SEED, "shop-params", { binlog_format: "OFF" }));
        const r = await cli(sim, MYSQL_BG);
        assert.strictEqual(r.code, 2);
        assert.ok(
            r.stdout.includes(
                `  [blue-green-limits] primary cluster "shop-euw1" (eu-west-1) cannot be part of a Blue/Green Deployment: its cluster parameter group shop-params sets binlog_format to OFF: green is fed by binary logging, which must be on before CreateBlueGreenDeployment\n      fix: set binlog_format=ROW in shop-params (ModifyDBClusterParameterGroup, ApplyMethod pending-reboot), reboot the writer (RebootDBInstance), then run again\n`,
            ),
            r.stdout,
        );
        assert.strictEqual(r.stderr, BLOCKED);
        assert.deepStrictEqual(changes(sim), []);
    });

    it("Aurora PostgreSQL without logical replication: the fix names the sizes and synchronous_commit", async () => {
        const sim = simulate(primaryOn(PG_SEED, "app-params", { "rds.force_ssl": "1" }));
        const r = await cli(sim, PG_BG);
        assert.strictEqual(r.code, 2);
        assert.ok(
            r.stdout.includes(
                `  [blue-green-limits] primary cluster "app-use1" (us-east-1) cannot be part of a Blue/Green Deployment: its cluster parameter group app-params sets rds.logical_replication to 0: green is fed by logical replication, which must be on before CreateBlueGreenDeployment\n      fix: set rds.logical_replication=1 (with max_replication_slots, max_logical_replication_workers and max_worker_processes sized for it, and synchronous_commit on) in app-params (ModifyDBClusterParameterGroup, ApplyMethod pending-reboot), reboot the writer (RebootDBInstance), then run again\n`,
            ),
            r.stdout,
        );
        assert.strictEqual(r.stderr, BLOCKED);
        assert.deepStrictEqual(changes(sim), []);
    });

    it("the writer pending a reboot: the plan names the instance to reboot; after RebootDBInstance the run goes through", async () => {
        const sim = simulate(primaryOn(PG_SEED, "app-params", {}));
        await sim.clientFor("us-east-1").send(
            new ModifyDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "app-params",
                Parameters: [
                    { ParameterName: "rds.logical_replication", ParameterValue: "1", ApplyMethod: "pending-reboot" },
                ],
            }),
        );
        const before = sim.calls.length;
        const r = await cli(sim, PG_BG);
        assert.strictEqual(r.code, 2);
        assert.ok(
            r.stdout.includes(
                `  [blue-green-limits] primary cluster "app-use1" (us-east-1) cannot be part of a Blue/Green Deployment: its writer instance app-use1-instance-1 is not in sync with its cluster parameter group app-params (pending-reboot): AWS refuses CreateBlueGreenDeployment until it is\n      fix: reboot the writer instance app-use1-instance-1 (RebootDBInstance) so it applies its cluster parameter group, then run again\n`,
            ),
            r.stdout,
        );
        assert.strictEqual(r.stderr, BLOCKED);
        assert.deepStrictEqual(changes(sim).slice(before), []);

        await sim
            .clientFor("us-east-1")
            .send(new RebootDBInstanceCommand({ DBInstanceIdentifier: "app-use1-instance-1" }));
        await sim.clock.advance(10 * 60_000);
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.5");
    });

    it("only a blue-green run reads the writer's parameters: the same database plans a rolling upgrade without the call", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, ["plan", ...MYSQL_ARGS, "--target", "8.0.mysql_aurora.3.08.2"]);
        assert.strictEqual(r.code, 0, r.stdout);
        assert.deepStrictEqual(sim.callsOf("DescribeDBClusterParameters"), []);
        const custom = simulate(primaryOn(MYSQL_SEED, "shop-params", { binlog_format: "ROW" }));
        const bg = await cli(custom, [
            "plan",
            ...MYSQL_ARGS,
            "--target",
            "8.0.mysql_aurora.3.10.0",
            "--strategy",
            "blue-green",
        ]);
        assert.strictEqual(bg.code, 0, bg.stdout);
        assert.deepStrictEqual(
            custom.callsOf("DescribeDBClusterParameters").map((c) => [c.region, c.input.DBClusterParameterGroupName]),
            [["eu-west-1", "shop-params"]],
        );
    });
});
