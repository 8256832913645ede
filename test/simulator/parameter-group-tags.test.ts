import assert from "node:assert/strict";
import {
    AddTagsToResourceCommand,
    CreateDBClusterParameterGroupCommand,
    CreateDBParameterGroupCommand,
    ListTagsForResourceCommand,
} from "@aws-sdk/client-rds";
import { expectAwsError } from "../support/aws-error";
import { pgTopology, seeded } from "./helpers";

describe("simulator: tags on parameter groups", () => {
    it("Tags given at creation are listed; AddTagsToResource adds and replaces", async () => {
        const sim = seeded(pgTopology());
        const west = sim.clientFor("us-west-2");
        const created = await west.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "app-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "d",
                Tags: [{ Key: "owner", Value: "a" }],
            }),
        );
        const arn = created.DBClusterParameterGroup?.DBClusterParameterGroupArn;
        assert.equal(arn, "arn:aws:rds:us-west-2:123456789012:cluster-pg:app-17");
        await west.send(
            new AddTagsToResourceCommand({
                ResourceName: arn,
                Tags: [
                    { Key: "owner", Value: "b" },
                    { Key: "team", Value: "db" },
                ],
            }),
        );
        const listed = await west.send(new ListTagsForResourceCommand({ ResourceName: arn }));
        assert.deepEqual(listed.TagList, [
            { Key: "owner", Value: "b" },
            { Key: "team", Value: "db" },
        ]);
    });

    it("instance parameter groups carry tags too; a group without tags lists none", async () => {
        const sim = seeded(pgTopology());
        const east = sim.clientFor("us-east-1");
        const created = await east.send(
            new CreateDBParameterGroupCommand({
                DBParameterGroupName: "inst-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "d",
            }),
        );
        const arn = created.DBParameterGroup?.DBParameterGroupArn;
        assert.equal(arn, "arn:aws:rds:us-east-1:123456789012:pg:inst-17");
        assert.deepEqual((await east.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList, []);
        await east.send(new AddTagsToResourceCommand({ ResourceName: arn, Tags: [{ Key: "k", Value: "v" }] }));
        assert.deepEqual((await east.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList, [
            { Key: "k", Value: "v" },
        ]);
    });

    it("an unknown group, or a group of another region, is not found", async () => {
        const sim = seeded(pgTopology());
        const east = sim.clientFor("us-east-1");
        await sim.clientFor("us-west-2").send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "w",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "d",
            }),
        );
        const westArn = "arn:aws:rds:us-west-2:123456789012:cluster-pg:w";
        await expectAwsError(
            east.send(new ListTagsForResourceCommand({ ResourceName: westArn })),
            "ResourceNotFoundFault",
            `The specified resource ${westArn} was not found.`,
        );
        const missing = "arn:aws:rds:us-east-1:123456789012:pg:missing";
        await expectAwsError(
            east.send(new AddTagsToResourceCommand({ ResourceName: missing, Tags: [] })),
            "ResourceNotFoundFault",
            `The specified resource ${missing} was not found.`,
        );
    });
});
