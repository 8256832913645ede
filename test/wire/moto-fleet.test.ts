import * as assert from "assert";
import {
    CreateDBClusterCommand,
    CreateDBInstanceCommand,
    CreateGlobalClusterCommand,
    DescribeDBClustersCommand,
} from "@aws-sdk/client-rds";
import { rolloutFile } from "../fleet/fleet-seeds";
import { motoWire } from "../support/moto-wire";

const DATABASES = ["fleet-a", "fleet-b", "fleet-c"];
const ROLLOUT = `
name: wire-fleet
target: { aurora-postgresql: "16.8" }
strategy: rolling
regions: [us-east-1]
waves:
  - name: canary
    select: { globalClusters: [fleet-a] }
  - name: rest
    select: { globalClusters: [fleet-b, fleet-c] }
    maxParallel: 2
`;

/**
 * Wire tier: `fleet plan|run|status` with the real SDK over HTTP against moto_server on loopback,
 * three global databases (writer in us-east-1, a secondary in eu-west-1). moto lacks
 * ModifyGlobalCluster, so the rollout is `strategy: rolling`.
 */
describe("wire: aurora-global fleet against moto_server (real SDK, loopback)", function () {
    this.timeout(180_000);
    const wire = motoWire();
    const client = (region: string) => wire.client(region);
    const run = (argv: string[]) => wire.run(argv);

    async function createDatabase(id: string): Promise<void> {
        await client("us-east-1").send(
            new CreateGlobalClusterCommand({
                GlobalClusterIdentifier: id,
                Engine: "aurora-postgresql",
                EngineVersion: "16.6",
            }),
        );
        for (const [region, suffix] of [
            ["us-east-1", "use1"],
            ["eu-west-1", "euw1"],
        ]) {
            await client(region).send(
                new CreateDBClusterCommand({
                    DBClusterIdentifier: `${id}-${suffix}`,
                    Engine: "aurora-postgresql",
                    EngineVersion: "16.6",
                    GlobalClusterIdentifier: id,
                    ...(suffix === "use1" ? { MasterUsername: "app", MasterUserPassword: "not-a-real-secret-3" } : {}),
                }),
            );
            await client(region).send(
                new CreateDBInstanceCommand({
                    DBInstanceIdentifier: `${id}-${suffix}-1`,
                    DBClusterIdentifier: `${id}-${suffix}`,
                    Engine: "aurora-postgresql",
                    DBInstanceClass: "db.r6g.large",
                }),
            );
        }
    }

    before(async () => {
        await wire.start();
        for (const id of DATABASES) await createDatabase(id);
    });

    after(() => wire.stop());

    it("plan lists the three databases in their waves with the rolling steps; changes nothing", async () => {
        const r = await run(["fleet", "plan", "--file", rolloutFile(ROLLOUT), "--format", "json"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const plan = JSON.parse(r.stdout) as {
            waves: {
                name: string;
                databases: { id: string; path: string; steps: { action: string; cluster: string }[] }[];
            }[];
        };
        assert.deepStrictEqual(
            plan.waves.map((w) => `${w.name}: ${w.databases.map((d) => `${d.id} ${d.path}`).join(", ")}`),
            ["canary: fleet-a rolling", "rest: fleet-b rolling, fleet-c rolling"],
        );
        assert.deepStrictEqual(
            plan.waves[0].databases[0].steps.map((s) => `${s.action} ${s.cluster}`),
            ["snapshot fleet-a-use1", "modify-db-cluster fleet-a-euw1", "modify-db-cluster fleet-a-use1"],
        );
    });

    it("run upgrades every database wave by wave, secondaries first; status says every wave passed; a re-run has nothing to do", async () => {
        const file = rolloutFile(ROLLOUT);
        const r = await run(["fleet", "run", "--file", file, "--poll-seconds", "1", "--no-lease"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /rollout complete/);
        for (const id of DATABASES)
            for (const [region, suffix] of [
                ["us-east-1", "use1"],
                ["eu-west-1", "euw1"],
            ]) {
                const out = await client(region).send(
                    new DescribeDBClustersCommand({ DBClusterIdentifier: `${id}-${suffix}` }),
                );
                assert.strictEqual(out.DBClusters?.[0]?.EngineVersion, "16.8", `${id}-${suffix}`);
            }
        const order = [
            ...r.stderr.matchAll(/cluster "(fleet-[a-c]-[a-z0-9]+)" \([a-z0-9-]+\): ModifyDBCluster 16\.6 → 16\.8/g),
        ].map((m) => m[1]);
        assert.deepStrictEqual(
            order.slice(0, 2),
            ["fleet-a-euw1", "fleet-a-use1"],
            "the canary first, its secondary first",
        );
        assert.ok(order.indexOf("fleet-b-euw1") < order.indexOf("fleet-b-use1"));
        assert.ok(!`${r.stdout}${r.stderr}`.includes("not-a-real-secret-3"), "no secret in the output");
        // moto cannot tag a global cluster (AWS can): one warning, then the versions AWS reports alone.
        assert.strictEqual([...r.stderr.matchAll(/the rollout's progress tag could not be set/g)].length, 1, r.stderr);

        const status = await run(["fleet", "status", "--file", file, "--format", "json"]);
        assert.strictEqual(status.code, 0, status.stderr);
        const s = JSON.parse(status.stdout) as {
            waves: { wave: string; databases: { id: string; standing: string }[] }[];
        };
        assert.deepStrictEqual(
            s.waves.flatMap((w) => w.databases.map((d) => `${d.id} ${d.standing}`)),
            ["fleet-a done", "fleet-b done", "fleet-c done"],
        );

        const again = await run([
            "fleet",
            "run",
            "--file",
            file,
            "--poll-seconds",
            "1",
            "--no-lease",
            "--format",
            "json",
        ]);
        assert.strictEqual(again.code, 0, again.stderr);
        const result = JSON.parse(again.stdout) as { complete: boolean; databases: { id: string; state: string }[] };
        assert.strictEqual(result.complete, true);
        assert.deepStrictEqual(
            result.databases.map((d) => `${d.id} ${d.state}`),
            ["fleet-a already", "fleet-b already", "fleet-c already"],
        );
    });
});
