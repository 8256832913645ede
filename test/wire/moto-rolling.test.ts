import * as assert from "assert";
import {
    CreateDBClusterCommand,
    CreateDBInstanceCommand,
    CreateGlobalClusterCommand,
    DescribeDBClustersCommand,
} from "@aws-sdk/client-rds";
import { motoWire } from "../support/moto-wire";
import { expectErrorLine } from "../support/meaning";

/**
 * Wire tier: the real SDK over HTTP against moto_server on loopback. moto enforces no version
 * rules and lacks ModifyGlobalCluster and pending maintenance, so this tier covers the rolling
 * path and status. The CLI builds its own clients; AWS_ENDPOINT_URL points them at moto.
 */
describe("wire: aurora-global against moto_server (real SDK, loopback)", function () {
    this.timeout(120_000);
    const wire = motoWire();
    const client = (region: string) => wire.client(region);
    const run = (argv: string[]) => wire.run(argv);

    before(async () => {
        await wire.start();
        const east = client("us-east-1");
        const west = client("eu-west-1");
        await east.send(
            new CreateGlobalClusterCommand({
                GlobalClusterIdentifier: "wire-global",
                Engine: "aurora-postgresql",
                EngineVersion: "16.6",
            }),
        );
        await east.send(
            new CreateDBClusterCommand({
                DBClusterIdentifier: "wire-use1",
                Engine: "aurora-postgresql",
                EngineVersion: "16.6",
                GlobalClusterIdentifier: "wire-global",
                MasterUsername: "app",
                MasterUserPassword: "not-a-real-secret-1",
            }),
        );
        await east.send(
            new CreateDBInstanceCommand({
                DBInstanceIdentifier: "wire-use1-1",
                DBClusterIdentifier: "wire-use1",
                Engine: "aurora-postgresql",
                DBInstanceClass: "db.r6g.large",
            }),
        );
        await west.send(
            new CreateDBClusterCommand({
                DBClusterIdentifier: "wire-euw1",
                Engine: "aurora-postgresql",
                EngineVersion: "16.6",
                GlobalClusterIdentifier: "wire-global",
            }),
        );
        await west.send(
            new CreateDBInstanceCommand({
                DBInstanceIdentifier: "wire-euw1-1",
                DBClusterIdentifier: "wire-euw1",
                Engine: "aurora-postgresql",
                DBInstanceClass: "db.r6g.large",
            }),
        );
    });

    after(() => wire.stop());

    it("status reads the global cluster from the home region and each member in its own region", async () => {
        const r = await run(["status", "--region", "us-east-1", "--global-cluster", "wire-global", "--format", "json"]);
        assert.strictEqual(r.code, 0, r.stderr);
        const json = JSON.parse(r.stdout) as {
            members: { cluster: string; region: string; role: string; engineVersion: string; instances: number }[];
            failoverReady: boolean;
        };
        assert.deepStrictEqual(
            json.members.map((m) => `${m.role} ${m.cluster} ${m.region} ${m.engineVersion} ${m.instances}`),
            ["primary wire-use1 us-east-1 16.6 1", "secondary wire-euw1 eu-west-1 16.6 1"],
        );
        assert.strictEqual(json.failoverReady, true);
    });

    it("moto cannot tag a global cluster: the run lease fails closed (exit 1, nothing changed) unless --no-lease", async () => {
        const r = await run([
            "upgrade",
            "--region",
            "us-east-1",
            "--global-cluster",
            "wire-global",
            "--target",
            "16.8",
            "--strategy",
            "rolling",
        ]);
        expectErrorLine(
            r,
            1,
            'global cluster "wire-global"',
            "run lease could not be taken",
            "(InvalidParameterValue: ",
            "nothing was changed",
            "--no-lease",
        );
        const out = await client("eu-west-1").send(new DescribeDBClustersCommand({ DBClusterIdentifier: "wire-euw1" }));
        assert.strictEqual(out.DBClusters?.[0]?.EngineVersion, "16.6");
    });

    it("a rolling upgrade runs secondaries first, then the primary, and leaves both at the target", async () => {
        const r = await run([
            "upgrade",
            "--region",
            "us-east-1",
            "--global-cluster",
            "wire-global",
            "--target",
            "16.8",
            "--strategy",
            "rolling",
            "--poll-seconds",
            "1",
            // moto refuses tags on a global cluster (InvalidParameterValue): the explicit opt-out.
            "--no-lease",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /run lease: off \(--no-lease\)/);
        const order = [
            ...r.stderr.matchAll(/cluster "(wire-[a-z0-9]+)" \([a-z0-9-]+\): ModifyDBCluster 16\.6 → 16\.8/g),
        ].map((m) => m[1]);
        assert.deepStrictEqual(order, ["wire-euw1", "wire-use1"]);
        assert.match(r.stderr, /CreateDBClusterSnapshot "wire-use1-before-16-8"/);
        assert.match(r.stdout, /rolling 16\.6 → 16\.8: done in /);
        assert.ok(!`${r.stdout}${r.stderr}`.includes("not-a-real-secret-1"), "no secret in the output");
        for (const [region, id] of [
            ["us-east-1", "wire-use1"],
            ["eu-west-1", "wire-euw1"],
        ]) {
            const out = await client(region).send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));
            assert.strictEqual(out.DBClusters?.[0]?.EngineVersion, "16.8", id);
        }
        const status = await run(["status", "--region", "us-east-1", "--global-cluster", "wire-global"]);
        assert.strictEqual(status.code, 0, status.stderr);
        assert.match(status.stdout, /primary {3}wire-use1 \(us-east-1\): available, 16\.8/);
        assert.match(status.stdout, /failover ready: yes/);
    });

    it("a re-run finds nothing to do", async () => {
        const r = await run([
            "upgrade",
            "--region",
            "us-east-1",
            "--global-cluster",
            "wire-global",
            "--target",
            "16.8",
            "--strategy",
            "rolling",
            "--poll-seconds",
            "1",
            "--no-lease",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /nothing to do/);
    });
});
