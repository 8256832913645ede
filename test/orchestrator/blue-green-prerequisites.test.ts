import * as assert from "assert";
import { ModifyDBClusterParameterGroupCommand, RebootDBInstanceCommand } from "@aws-sdk/client-rds";
import { SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { assertNames, expectBlocked } from "../support/meaning";
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

function changes(sim: SimulatedRds): string[] {
    return sim.calls
        .filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List"))
        .map((c) => c.command);
}

describe("orchestrator CLI: a writer not prepared for blue/green replication is blocked at the plan (blue-green-limits)", () => {
    it("Aurora MySQL on AWS's default cluster parameter group: exit 2, no AWS change", async () => {
        const sim = simulate(MYSQL_SEED);
        const r = await cli(sim, MYSQL_BG);
        const [v] = expectBlocked(r, "blue-green-limits");
        assertNames(v.message, ['primary cluster "shop-euw1" (eu-west-1)', "default.aurora-mysql8.0", "binlog_format"]);
        assertNames(v.fix, ["binlog_format=ROW", "ModifyDBCluster DBClusterParameterGroupName", "RebootDBInstance"]);
        assert.deepStrictEqual(changes(sim), []);
    });

    it("Aurora MySQL with binary logging off in its custom group: the group, the parameter and its value", async () => {
        const sim = simulate(primaryOn(MYSQL_SEED, "shop-params", { binlog_format: "OFF" }));
        const r = await cli(sim, MYSQL_BG);
        const [v] = expectBlocked(r, "blue-green-limits");
        assertNames(v.message, ['primary cluster "shop-euw1" (eu-west-1)', "shop-params sets binlog_format to OFF"]);
        assertNames(v.fix, ["binlog_format=ROW in shop-params", "ApplyMethod pending-reboot", "RebootDBInstance"]);
        assert.deepStrictEqual(changes(sim), []);
    });

    it("Aurora PostgreSQL without logical replication: the fix names the sizes and synchronous_commit", async () => {
        const sim = simulate(primaryOn(PG_SEED, "app-params", { "rds.force_ssl": "1" }));
        const r = await cli(sim, PG_BG);
        const [v] = expectBlocked(r, "blue-green-limits");
        assertNames(v.message, [
            'primary cluster "app-use1" (us-east-1)',
            "app-params sets rds.logical_replication to 0",
        ]);
        assertNames(v.fix, [
            "rds.logical_replication=1",
            "max_replication_slots",
            "max_logical_replication_workers",
            "max_worker_processes",
            "synchronous_commit",
            "in app-params",
            "RebootDBInstance",
        ]);
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
        const [v] = expectBlocked(r, "blue-green-limits");
        assertNames(v.message, [
            'primary cluster "app-use1" (us-east-1)',
            "app-use1-instance-1",
            "app-params (pending-reboot)",
        ]);
        assertNames(v.fix, ["app-use1-instance-1 (RebootDBInstance)"]);
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
