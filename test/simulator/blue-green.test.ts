import assert from "node:assert/strict";
import {
    CreateBlueGreenDeploymentCommand,
    DeleteBlueGreenDeploymentCommand,
    DescribeBlueGreenDeploymentsCommand,
    DescribeDBClustersCommand,
    DescribeGlobalClustersCommand,
    ModifyDBClusterCommand,
    SwitchoverBlueGreenDeploymentCommand,
} from "@aws-sdk/client-rds";
import { blueGreenReady, defaultCatalogue, messages, SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { SimulatedRdsOptions } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { nonEmpty } from "../support/non-empty";
import { MIN, mysqlTopology, pgTopology, seeded as seededAsIs } from "./helpers";

/** Every deployment here starts from clusters prepared as AWS asks (custom group, replication on, in sync). */
const seeded = (topology: SeedTopology, options: SimulatedRdsOptions) => seededAsIs(blueGreenReady(topology), options);

const WRITER = "arn:aws:rds:us-east-1:123456789012:cluster:pg-east";

async function create(
    sim: SimulatedRds,
    input: Partial<ConstructorParameters<typeof CreateBlueGreenDeploymentCommand>[0]> = {},
) {
    const out = await sim.clientFor("us-east-1").send(
        new CreateBlueGreenDeploymentCommand({
            BlueGreenDeploymentName: "pg-to-17-5",
            Source: WRITER,
            TargetEngineVersion: "17.5",
            Tags: [{ Key: "aurora-global:global-cluster", Value: "pg-global" }],
            ...input,
        }),
    );
    return out.BlueGreenDeployment!;
}

async function describe1(sim: SimulatedRds, id: string) {
    const out = await sim
        .clientFor("us-east-1")
        .send(new DescribeBlueGreenDeploymentsCommand({ BlueGreenDeploymentIdentifier: id }));
    return out.BlueGreenDeployments![0];
}

describe("simulator: blue/green deployments of a global database", () => {
    it("creates green copies in every region, upgrades them, switches all regions over and renames blue to -old1", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const bg = await create(sim);
        assert.equal(bg.Status, "PROVISIONING");
        assert.match(bg.BlueGreenDeploymentIdentifier!, /^bgd-[a-z0-9]{16}$/);
        assert.equal(bg.Source, WRITER);
        assert.deepEqual(
            bg.SwitchoverDetails!.map((d) => [d.SourceMember!.split(":").slice(3).join(":"), d.Status]),
            // Clusters and DB instances alike (aws-cli examples/rds/describe-blue-green-deployments.rst, Aurora example 2).
            [
                ["us-east-1:123456789012:cluster:pg-east", "PROVISIONING"],
                ["us-east-1:123456789012:db:pg-east-instance-1", "PROVISIONING"],
                ["us-east-1:123456789012:db:pg-east-instance-2", "PROVISIONING"],
                ["us-west-2:123456789012:cluster:pg-west", "PROVISIONING"],
                ["us-west-2:123456789012:db:pg-west-instance-1", "PROVISIONING"],
                ["ap-northeast-1:123456789012:cluster:pg-tokyo", "PROVISIONING"],
                ["ap-northeast-1:123456789012:db:pg-tokyo-instance-1", "PROVISIONING"],
            ],
        );
        const greenEast = bg.Target!.split(":").at(-1)!;
        assert.match(greenEast, /^pg-east-green-[a-z0-9]{6}$/);
        const green = sim.cluster(greenEast);
        assert.equal(green.status, "creating");
        assert.equal(green.instances, 2);

        // Clone (20 min) + the slowest member's upgrade (the primary, 10 min).
        await sim.clock.advance(29 * MIN);
        assert.equal((await describe1(sim, bg.BlueGreenDeploymentIdentifier!)).Status, "PROVISIONING");
        await sim.clock.advance(1 * MIN);
        const ready = await describe1(sim, bg.BlueGreenDeploymentIdentifier!);
        assert.equal(ready.Status, "AVAILABLE");
        assert.deepEqual(
            ready.Tasks!.map((t) => `${t.Name}:${t.Status}`),
            [
                "CREATING_READ_REPLICA_OF_SOURCE:COMPLETED",
                "DB_ENGINE_VERSION_UPGRADE:COMPLETED",
                "CONFIGURE_BACKUPS:COMPLETED",
                "CREATING_TOPOLOGY_OF_SOURCE:COMPLETED",
            ],
        );
        assert.equal(sim.cluster(greenEast).engineVersion, "17.5");
        assert.equal(sim.cluster("pg-east").engineVersion, "17.4", "production untouched");

        const sw = await sim.clientFor("us-east-1").send(
            new SwitchoverBlueGreenDeploymentCommand({
                BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
            }),
        );
        assert.equal(sw.BlueGreenDeployment!.Status, "SWITCHOVER_IN_PROGRESS");
        const endpoint = "pg-west.cluster-sim.us-west-2.rds.amazonaws.com";
        assert.deepEqual(sim.probeEndpoint(endpoint), { ok: true, version: "17.4.5" });
        await sim.clock.advance(20_000);
        assert.equal(sim.probeEndpoint(endpoint).ok, false, "writes stopped during the switchover");
        await sim.clock.advance(25_000);
        assert.deepEqual(sim.probeEndpoint(endpoint), { ok: true, version: "17.5.4" });
        const done = await describe1(sim, bg.BlueGreenDeploymentIdentifier!);
        assert.equal(done.Status, "SWITCHOVER_COMPLETED");
        assert.ok(
            nonEmpty(done.SwitchoverDetails ?? [], "switchover detail").every(
                (d) => d.Status === "SWITCHOVER_COMPLETED",
            ),
        );
        assert.equal(done.Source, "arn:aws:rds:us-east-1:123456789012:cluster:pg-east-old1");
        assert.equal(done.Target, WRITER);
        // After the switchover the blue instances carry -old1 too (aws-cli example 3).
        assert.deepEqual(
            done
                .SwitchoverDetails!.slice(0, 3)
                .map((d) => [
                    d.SourceMember!.split(":").slice(5).join(":"),
                    d.TargetMember!.split(":").slice(5).join(":"),
                ]),
            [
                ["cluster:pg-east-old1", "cluster:pg-east"],
                ["db:pg-east-instance-1-old1", "db:pg-east-instance-1"],
                ["db:pg-east-instance-2-old1", "db:pg-east-instance-2"],
            ],
        );

        for (const [id, region] of [
            ["pg-east", "us-east-1"],
            ["pg-west", "us-west-2"],
            ["pg-tokyo", "ap-northeast-1"],
        ]) {
            const c = (await sim.clientFor(region).send(new DescribeDBClustersCommand({ DBClusterIdentifier: id })))
                .DBClusters![0];
            assert.equal(c.EngineVersion, "17.5", id);
            const old = (
                await sim.clientFor(region).send(new DescribeDBClustersCommand({ DBClusterIdentifier: `${id}-old1` }))
            ).DBClusters![0];
            assert.equal(old.EngineVersion, "17.4", `${id}-old1`);
        }
        assert.deepEqual(sim.cluster("pg-east").instances, 2);
        const globals = (await sim.clientFor("us-east-1").send(new DescribeGlobalClustersCommand({}))).GlobalClusters!;
        const byId = new Map(globals.map((g) => [g.GlobalClusterIdentifier, g]));
        assert.equal(byId.get("pg-global")!.EngineVersion, "17.5");
        assert.equal(byId.get("pg-global")!.GlobalClusterMembers![0].DBClusterArn, WRITER);
        assert.equal(byId.get("pg-global-old1")!.EngineVersion, "17.4");

        await expectAwsError(
            sim.clientFor("us-east-1").send(
                new DeleteBlueGreenDeploymentCommand({
                    BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                    DeleteTarget: true,
                }),
            ),
            "InvalidParameterCombination",
            messages.deleteTargetAfterSwitchover(bg.BlueGreenDeploymentIdentifier!),
        );
        const del = await sim.clientFor("us-east-1").send(
            new DeleteBlueGreenDeploymentCommand({
                BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
            }),
        );
        assert.equal(del.BlueGreenDeployment!.Status, "DELETING");
        await sim.clock.advance(MIN);
        await expectAwsError(
            describe1(sim, bg.BlueGreenDeploymentIdentifier!),
            "BlueGreenDeploymentNotFoundFault",
            messages.blueGreenNotFound(bg.BlueGreenDeploymentIdentifier!),
        );
        assert.equal(sim.cluster("pg-east-old1").engineVersion, "17.4", "the old clusters stay");
    });

    it("a custom endpoint is its own SwitchoverDetails member (cluster-endpoint), renamed -old1 at the switchover (aws-cli example 3)", async () => {
        const topology = pgTopology();
        const [east, ...rest] = topology.members;
        const sim = seeded(
            { ...topology, members: [{ ...east, customEndpoints: ["pg-east-reporting"] }, ...rest] },
            { rateLimit: false },
        );
        const bg = await create(sim);
        const endpoint = (d: typeof bg) =>
            d
                .SwitchoverDetails!.filter((x) => x.SourceMember!.includes(":cluster-endpoint:"))
                .map((x) => [x.SourceMember!.split(":").at(-1), x.TargetMember!.split(":").at(-1)]);
        const [[source, target]] = endpoint(bg);
        assert.equal(source, "pg-east-reporting");
        assert.match(target!, /^pg-east-reporting-green-[a-z0-9]{6}$/);
        await sim.clock.advance(30 * MIN);
        await sim.clientFor("us-east-1").send(
            new SwitchoverBlueGreenDeploymentCommand({
                BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
            }),
        );
        await sim.clock.advance(MIN);
        assert.deepEqual(endpoint(await describe1(sim, bg.BlueGreenDeploymentIdentifier!)), [
            ["pg-east-reporting-old1", "pg-east-reporting"],
        ]);
    });

    it("a switchover past its timeout rolls everything back: SWITCHOVER_FAILED, production unchanged", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const bg = await create(sim);
        await sim.clock.advance(30 * MIN);
        sim.faults.slowSwitchover(60_000);
        await sim.clientFor("us-east-1").send(
            new SwitchoverBlueGreenDeploymentCommand({
                BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                SwitchoverTimeout: 60,
            }),
        );
        await sim.clock.advance(60_000);
        const failed = await describe1(sim, bg.BlueGreenDeploymentIdentifier!);
        assert.equal(failed.Status, "SWITCHOVER_FAILED");
        assert.equal(failed.StatusDetails, messages.switchoverTimedOut(60));
        assert.equal(sim.cluster("pg-east").engineVersion, "17.4");
        assert.equal(sim.globalCluster("pg-global").engineVersion, "17.4");
        assert.deepEqual(sim.probeEndpoint("pg-east.cluster-sim.us-east-1.rds.amazonaws.com"), {
            ok: true,
            version: "17.4.5",
        });
    });

    it("the replica-lag guardrail cancels the switchover before any downtime", async () => {
        const sim = seeded(mysqlTopology(), { rateLimit: false });
        const out = await sim.clientFor("us-east-1").send(
            new CreateBlueGreenDeploymentCommand({
                BlueGreenDeploymentName: "my-to-3-10",
                Source: "arn:aws:rds:us-east-1:123456789012:cluster:my-east",
                TargetEngineVersion: "8.0.mysql_aurora.3.10.0",
            }),
        );
        const id = out.BlueGreenDeployment!.BlueGreenDeploymentIdentifier!;
        await sim.clock.advance(26 * MIN);
        sim.faults.replicaLag("my-eu", 400);
        await sim
            .clientFor("us-east-1")
            .send(new SwitchoverBlueGreenDeploymentCommand({ BlueGreenDeploymentIdentifier: id }));
        await sim.clock.advance(10_000);
        const failed = (
            await sim
                .clientFor("us-east-1")
                .send(new DescribeBlueGreenDeploymentsCommand({ BlueGreenDeploymentIdentifier: id }))
        ).BlueGreenDeployments![0];
        assert.equal(failed.Status, "SWITCHOVER_FAILED");
        const greenEu = failed
            .SwitchoverDetails!.filter((x) => x.TargetMember!.includes(":cluster:"))[1]
            .TargetMember!.split(":")
            .at(-1)!;
        assert.equal(failed.StatusDetails, messages.switchoverReplicaLag(greenEu, 400, 300));
        assert.equal(sim.cluster("my-east").engineVersion, "8.0.mysql_aurora.3.08.0");
        sim.faults.clearReplication();
        await sim
            .clientFor("us-east-1")
            .send(new SwitchoverBlueGreenDeploymentCommand({ BlueGreenDeploymentIdentifier: id }));
        await sim.clock.advance(MIN);
        assert.equal(sim.cluster("my-east").engineVersion, "8.0.mysql_aurora.3.10.0");
        assert.equal(sim.cluster("my-eu-old1").engineVersion, "8.0.mysql_aurora.3.08.0");
    });

    it("refuses what AWS refuses, with its codes", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const east = sim.clientFor("us-east-1");
        await expectAwsError(
            sim.clientFor("us-west-2").send(
                new CreateBlueGreenDeploymentCommand({
                    BlueGreenDeploymentName: "from-secondary",
                    Source: "arn:aws:rds:us-west-2:123456789012:cluster:pg-west",
                    TargetEngineVersion: "17.5",
                }),
            ),
            "SourceClusterNotSupportedFault",
            messages.blueGreenSourceNotWriter(
                "arn:aws:rds:us-west-2:123456789012:cluster:pg-west",
                "pg-global",
                WRITER,
            ),
        );
        await expectAwsError(
            create(sim, { BlueGreenDeploymentName: "bad--name" }),
            "InvalidParameterValue",
            messages.blueGreenInvalidName("bad--name"),
        );
        await expectAwsError(
            create(sim, { TargetEngineVersion: "16.8" }),
            "InvalidParameterCombination",
            messages.cannotUpgrade("aurora-postgresql", "17.4", "16.8"),
        );
        await expectAwsError(
            create(sim, { TargetDBClusterParameterGroupName: "missing" }),
            "DBClusterParameterGroupNotFoundFault",
            messages.clusterParameterGroupNotFound("missing (us-east-1)"),
        );
        const bg = await create(sim);
        await expectAwsError(
            create(sim),
            "BlueGreenDeploymentAlreadyExistsFault",
            messages.blueGreenExists("pg-to-17-5"),
        );
        await expectAwsError(
            create(sim, { BlueGreenDeploymentName: "another" }),
            "InvalidDBClusterStateFault",
            messages.blueGreenSourceBusy("pg-east", bg.BlueGreenDeploymentIdentifier!),
        );
        await expectAwsError(
            east.send(
                new SwitchoverBlueGreenDeploymentCommand({
                    BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                }),
            ),
            "InvalidBlueGreenDeploymentStateFault",
            messages.blueGreenInvalidState(bg.BlueGreenDeploymentIdentifier!, "PROVISIONING", "switched over"),
        );
        await sim.clock.advance(30 * MIN);
        await expectAwsError(
            east.send(
                new SwitchoverBlueGreenDeploymentCommand({
                    BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                    SwitchoverTimeout: 29,
                }),
            ),
            "InvalidParameterValue",
            messages.switchoverTimeoutRange(29),
        );
        await expectAwsError(
            sim.clientFor("us-west-2").send(
                new DescribeBlueGreenDeploymentsCommand({
                    BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                }),
            ),
            "BlueGreenDeploymentNotFoundFault",
            messages.blueGreenNotFound(bg.BlueGreenDeploymentIdentifier!),
        );
        // Deleting before switchover with DeleteTarget removes the green copies.
        const greenEast = bg.Target!.split(":").at(-1)!;
        await east.send(
            new DeleteBlueGreenDeploymentCommand({
                BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                DeleteTarget: true,
            }),
        );
        await sim.clock.advance(MIN);
        assert.throws(() => sim.cluster(greenEast), /no cluster/);
        assert.equal(sim.cluster("pg-east").engineVersion, "17.4");
    });

    it("DeleteTarget needs the green clusters' deletion protection off (they copy blue's)", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const east = sim.clientFor("us-east-1");
        await east.send(new ModifyDBClusterCommand({ DBClusterIdentifier: "pg-east", DeletionProtection: true }));
        const bg = await create(sim);
        const greenEast = bg.Target!.split(":").at(-1)!;
        const del = () =>
            east.send(
                new DeleteBlueGreenDeploymentCommand({
                    BlueGreenDeploymentIdentifier: bg.BlueGreenDeploymentIdentifier,
                    DeleteTarget: true,
                }),
            );
        await expectAwsError(del(), "InvalidParameterCombination", messages.protectedCluster());
        assert.equal((await describe1(sim, bg.BlueGreenDeploymentIdentifier!)).Status, "PROVISIONING");
        await east.send(new ModifyDBClusterCommand({ DBClusterIdentifier: greenEast, DeletionProtection: false }));
        assert.equal((await del()).BlueGreenDeployment?.Status, "DELETING");
    });

    it("refuses a version without blue/green support and a Secrets-Manager-managed master password", async () => {
        const catalogue = [
            ...defaultCatalogue(),
            { engine: "aurora-postgresql" as const, version: "14.6", upgradeTargets: ["14.9"] },
            { engine: "aurora-postgresql" as const, version: "14.9" },
        ];
        const sim = seeded(pgTopology({ version: "14.6" }), { rateLimit: false, catalogue });
        await expectAwsError(
            create(sim, { TargetEngineVersion: "14.9" }),
            "SourceClusterNotSupportedFault",
            messages.blueGreenVersionNotSupported("aurora-postgresql", "14.6"),
        );
        const managed = seeded(
            pgTopology({
                members: [{ id: "pg-east", region: "us-east-1", role: "primary", managedMasterPassword: true }],
            }),
            { rateLimit: false },
        );
        await expectAwsError(
            create(managed),
            "SourceClusterNotSupportedFault",
            messages.blueGreenManagedPassword("pg-east"),
        );
    });
});

describe("simulator: a Secrets-Manager-managed master password (DescribeDBClusters MasterUserSecret, ModifyDBCluster)", () => {
    const managed = () =>
        seeded(
            pgTopology({
                members: [{ id: "pg-east", region: "us-east-1", role: "primary", managedMasterPassword: true }],
            }),
            { rateLimit: false },
        );
    const describeCluster = async (sim: SimulatedRds) =>
        (await sim.clientFor("us-east-1").send(new DescribeDBClustersCommand({ DBClusterIdentifier: "pg-east" })))
            .DBClusters![0];

    it("DescribeDBClusters reports MasterUserSecret only for a cluster whose password RDS manages", async () => {
        const secret = (await describeCluster(managed())).MasterUserSecret;
        assert.equal(secret?.SecretStatus, "active");
        assert.match(String(secret?.SecretArn), /^arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-/);
        assert.equal((await describeCluster(seeded(pgTopology(), { rateLimit: false }))).MasterUserSecret, undefined);
    });

    it("turning the management off needs a MasterUserPassword; after it, blue/green is possible", async () => {
        const sim = managed();
        const modify = (input: Record<string, unknown>) =>
            sim.clientFor("us-east-1").send(new ModifyDBClusterCommand({ DBClusterIdentifier: "pg-east", ...input }));
        await expectAwsError(
            modify({ ManageMasterUserPassword: false }),
            "InvalidParameterCombination",
            "MasterUserPassword is required when ManageMasterUserPassword is turned off for a DB cluster whose master user password is managed in AWS Secrets Manager.",
        );
        await expectAwsError(
            modify({ ManageMasterUserPassword: true, MasterUserPassword: "x-password-1" }),
            "InvalidParameterCombination",
            "MasterUserPassword can't be specified when ManageMasterUserPassword is turned on.",
        );
        await modify({ ManageMasterUserPassword: false, MasterUserPassword: "a-new-password-1" });
        assert.equal((await describeCluster(sim)).MasterUserSecret, undefined);
        await create(sim);
        assert.equal(sim.blueGreenDeployments().length, 1);
    });
});
