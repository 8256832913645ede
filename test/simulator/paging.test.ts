import assert from "node:assert/strict";
import { DescribeBlueGreenDeploymentsCommand, DescribeGlobalClustersCommand } from "@aws-sdk/client-rds";
import { createSimulatedRds } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { manyDeployments, manyGlobalClusters } from "./helpers";

describe("simulator: Describe answers in pages (MaxRecords default 100, 20–100, Marker)", () => {
    it("DescribeGlobalClusters: 100 per page and a Marker, the rest on the next page", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await manyGlobalClusters(sim, 130);
        const api = sim.clientFor("us-east-1");
        const first = await api.send(new DescribeGlobalClustersCommand({}));
        assert.equal(first.GlobalClusters!.length, 100);
        assert.ok(first.Marker);
        const second = await api.send(new DescribeGlobalClustersCommand({ Marker: first.Marker }));
        assert.equal(second.GlobalClusters!.length, 30);
        assert.equal(second.Marker, undefined);
        const small = await api.send(new DescribeGlobalClustersCommand({ MaxRecords: 20 }));
        assert.equal(small.GlobalClusters!.length, 20);
        await expectAwsError(
            api.send(new DescribeGlobalClustersCommand({ MaxRecords: 10 })),
            "InvalidParameterValue",
            "Invalid value 10 for MaxRecords. Valid values are 20 to 100.",
        );
    });

    it("DescribeBlueGreenDeployments: 100 per page and a Marker", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await manyDeployments(sim, 101);
        const api = sim.clientFor("us-east-1");
        const first = await api.send(new DescribeBlueGreenDeploymentsCommand({}));
        assert.equal(first.BlueGreenDeployments!.length, 100);
        const second = await api.send(new DescribeBlueGreenDeploymentsCommand({ Marker: first.Marker }));
        assert.deepEqual(
            second.BlueGreenDeployments!.map((d) => d.BlueGreenDeploymentName),
            ["bg100-to-17-5"],
        );
    });
});
