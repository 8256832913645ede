import assert from "node:assert/strict";
import {
    CreateBlueGreenDeploymentCommand,
    CreateDBClusterCommand,
    CreateDBInstanceCommand,
    DescribeAccountAttributesCommand,
} from "@aws-sdk/client-rds";
import { blueGreenReady, messages, SeedTopology, SimulatedRdsOptions } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { pgTopology, seeded as seededAsIs } from "./helpers";

/** Clusters prepared for blue/green as AWS asks (custom group, replication on, in sync). */
const seeded = (topology: SeedTopology, options: SimulatedRdsOptions) => seededAsIs(blueGreenReady(topology), options);

const EAST = "us-east-1";
const TOKYO = "ap-northeast-1";
const CLUSTER_QUOTA =
    "The user attempted to create a new DB cluster and the user has already reached the maximum allowed DB cluster quota.";
const INSTANCE_QUOTA = "The request would result in the user exceeding the allowed number of DB instances.";

describe("simulator: account quotas (DescribeAccountAttributes) and the creations they refuse", () => {
    it("DescribeAccountAttributes: the region's DB clusters and instances, used of AWS's default 40", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const out = await sim.clientFor(EAST).send(new DescribeAccountAttributesCommand({}));
        assert.deepEqual(out.AccountQuotas, [
            { AccountQuotaName: "DBClusters", Used: 1, Max: 40 },
            { AccountQuotaName: "DBInstances", Used: 2, Max: 40 },
        ]);
        sim.setAccountQuota(TOKYO, "DBClusters", 3);
        const tokyo = await sim.clientFor(TOKYO).send(new DescribeAccountAttributesCommand({}));
        assert.deepEqual(tokyo.AccountQuotas?.[0], { AccountQuotaName: "DBClusters", Used: 1, Max: 3 });
        assert.throws(() => sim.setAccountQuota(TOKYO, "DBInstances", -1), {
            message: "setAccountQuota: max must be a whole number >= 0, got -1",
        });
    });

    it("CreateDBCluster and CreateDBInstance past the region's quota: AWS's faults, nothing created", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        sim.setAccountQuota(EAST, "DBClusters", 1);
        sim.setAccountQuota(EAST, "DBInstances", 2);
        await expectAwsError(
            sim.clientFor(EAST).send(
                new CreateDBClusterCommand({
                    DBClusterIdentifier: "reports",
                    Engine: "aurora-postgresql",
                    EngineVersion: "17.4",
                }),
            ),
            "DBClusterQuotaExceededFault",
            CLUSTER_QUOTA,
        );
        await expectAwsError(
            sim.clientFor(EAST).send(
                new CreateDBInstanceCommand({
                    DBInstanceIdentifier: "pg-east-3",
                    DBClusterIdentifier: "pg-east",
                    Engine: "aurora-postgresql",
                    DBInstanceClass: "db.r6g.large",
                }),
            ),
            "InstanceQuotaExceededFault",
            INSTANCE_QUOTA,
        );
        assert.equal(sim.cluster("pg-east").instances, 2);
        assert.equal(messages.clusterQuotaExceeded(), CLUSTER_QUOTA);
    });

    it("CreateBlueGreenDeployment refuses when a member's region has no room for its green copy (one cluster, its instances)", async () => {
        const sim = seeded(pgTopology(), { rateLimit: false });
        const create = () =>
            sim.clientFor(EAST).send(
                new CreateBlueGreenDeploymentCommand({
                    BlueGreenDeploymentName: "pg-to-17-5",
                    Source: "arn:aws:rds:us-east-1:123456789012:cluster:pg-east",
                    TargetEngineVersion: "17.5",
                }),
            );
        sim.setAccountQuota(TOKYO, "DBClusters", 1);
        await expectAwsError(create(), "DBClusterQuotaExceededFault", CLUSTER_QUOTA);
        sim.setAccountQuota(TOKYO, "DBClusters", 40);
        sim.setAccountQuota(EAST, "DBInstances", 3);
        await expectAwsError(create(), "InstanceQuotaExceededFault", INSTANCE_QUOTA);
        assert.deepEqual(sim.blueGreenDeployments(), []);
        sim.setAccountQuota(EAST, "DBInstances", 4);
        assert.equal((await create()).BlueGreenDeployment?.Status, "PROVISIONING");
    });
});
