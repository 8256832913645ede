import * as assert from "node:assert/strict";
import * as path from "node:path";
import * as aws from "@pulumi/aws";
import { loadProgram, loadProject, readStackFile, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { createSimulatedRds } from "../../testbeds/simulator";
import { assertNames } from "../support/meaning";

const ROOT = path.join(__dirname, "..", "..");

/** What a bad program gets wrong, on top of a global database AWS would accept. */
interface Mistake {
    readonly globalVersion?: string;
    /** The secondary waits for the primary cluster only, not for its writer instance. */
    readonly secondaryBeforeWriter?: boolean;
    readonly secondaryWithoutKey?: boolean;
}

/** A plain aws.rds global database (global cluster, primary with its writer, encrypted secondary), with one mistake. */
function globalDatabase(m: Mistake): () => void {
    return () => {
        const pg = { engine: "aurora-postgresql" as aws.rds.EngineType, engineVersion: "17.4" };
        const g = new aws.rds.GlobalCluster("g", {
            globalClusterIdentifier: "g",
            engine: pg.engine,
            engineVersion: m.globalVersion ?? pg.engineVersion,
            storageEncrypted: true,
        });
        const primary = new aws.rds.Cluster("primary", {
            ...pg,
            region: "us-east-1",
            clusterIdentifier: "g-us-east-1",
            globalClusterIdentifier: g.id,
            storageEncrypted: true,
        });
        const writer = new aws.rds.ClusterInstance("writer", {
            region: "us-east-1",
            identifier: "g-us-east-1-1",
            clusterIdentifier: primary.id,
            engine: pg.engine,
            instanceClass: "db.r6g.large",
        });
        new aws.rds.Cluster(
            "secondary",
            {
                ...pg,
                region: "ap-northeast-1",
                clusterIdentifier: "g-ap-northeast-1",
                globalClusterIdentifier: g.id,
                storageEncrypted: true,
                ...(m.secondaryWithoutKey ? {} : { kmsKeyId: "arn:aws:kms:ap-northeast-1:123456789012:key/k" }),
            },
            { dependsOn: m.secondaryBeforeWriter ? [primary] : [writer] },
        );
    };
}

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
            // How a refusal reads in a Pulumi error (resource, operation, AWS code and text), pinned once.
            {
                message:
                    "aws:rds/clusterInstance:ClusterInstance (i): creating: InvalidParameterCombination: The engine version that you requested for your DB instance (17.5) does not match the engine version of your DB cluster (17.4).",
            },
        );
    });
    it("a plain aws.rds global database in the right order is created as AWS accepts it", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await runProgramUnderMocks({ preview: false, controlPlane: sim, program: globalDatabase({}) });
        assert.deepEqual(
            sim.globalCluster("g").members.map((m) => [m.id, m.role, m.instances]),
            [
                ["g-us-east-1", "primary", 1],
                ["g-ap-northeast-1", "secondary", 0],
            ],
        );
    });
    // What each refusal names: the resource, the AWS code and the key of AWS's text (the texts: test/simulator/create-rules.test.ts).
    const refusals: readonly (readonly [string, Mistake, readonly string[]])[] = [
        [
            "an encrypted cross-region replica without a KMS key of its region",
            { secondaryWithoutKey: true },
            ["aws:rds/cluster:Cluster (secondary): creating", "InvalidParameterCombination", "kmsKeyId"],
        ],
        [
            "an engine version AWS does not have (17.4.5)",
            { globalVersion: "17.4.5" },
            ["aws:rds/globalCluster:GlobalCluster (g): creating", "InvalidParameterValue", "engine version", "global"],
        ],
        [
            "a secondary created before the primary has a writer",
            { secondaryBeforeWriter: true },
            [
                "aws:rds/cluster:Cluster (secondary): creating",
                "InvalidDBClusterStateFault",
                "arn:aws:rds:us-east-1:123456789012:cluster:g-us-east-1",
                "physical replication",
            ],
        ],
    ];
    for (const [what, mistake, names] of refusals)
        it(`refuses ${what} with AWS's code and text`, async () => {
            const sim = createSimulatedRds({ rateLimit: false });
            await assert.rejects(
                runProgramUnderMocks({ preview: false, controlPlane: sim, program: globalDatabase(mistake) }),
                (e: unknown) => {
                    assertNames(e instanceof Error ? e.message : undefined, names);
                    return true;
                },
            );
        });
});
