import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import { loadProgram, loadProject, readStackFile, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { createSimulatedRds } from "../../testbeds/simulator";

const ROOT = path.join(__dirname, "..", "..");

describe("offline engine: pulumi up creates new RDS resources in the simulated control plane (AWS's create rules)", () => {
    it("the dev stack is created as AWS would accept it: global cluster, primary with its writer, the secondary with a key of its region", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        const projectFile = loadProject(ROOT);
        await runProgramUnderMocks({
            projectFile,
            config: readStackFile(ROOT, projectFile.name, "dev"),
            program: loadProgram(path.join(ROOT, "index.ts")),
            preview: false,
            controlPlane: sim,
        });
        const g = sim.globalCluster("aurora-global-dev");
        assert.deepEqual(
            g.members.map((m) => [m.id, m.region, m.role, m.engineVersion]),
            [
                ["aurora-global-dev-us-east-1", "us-east-1", "primary", "17.4"],
                ["aurora-global-dev-ap-northeast-1", "ap-northeast-1", "secondary", "17.4"],
            ],
        );
        const created = sim.calls.filter((c) => c.command.startsWith("Create"));
        assert.ok(
            created.every((c) => !c.error),
            JSON.stringify(created.filter((c) => c.error)),
        );
        assert.equal(created.filter((c) => c.command === "CreateDBInstance").length, 3);
    });
    it("a program AWS would refuse fails the update with AWS's code and text (an instance at another version than its cluster)", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await assert.rejects(
            runProgramUnderMocks({
                preview: false,
                controlPlane: sim,
                program: () => {
                    const c = new aws.rds.Cluster("c", {
                        region: "us-east-1",
                        clusterIdentifier: "c",
                        engine: "aurora-postgresql",
                        engineVersion: "17.4",
                    });
                    new aws.rds.ClusterInstance("i", {
                        region: "us-east-1",
                        identifier: "i",
                        clusterIdentifier: c.id,
                        engine: "aurora-postgresql",
                        engineVersion: "17.5",
                        instanceClass: "db.r6g.large",
                    });
                },
            }),
            {
                message:
                    "aws:rds/clusterInstance:ClusterInstance (i): creating: InvalidParameterCombination: The engine version that you requested for your DB instance (17.5) does not match the engine version of your DB cluster (17.4).",
            },
        );
    });
});
