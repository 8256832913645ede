import * as assert from "node:assert/strict";
import * as path from "node:path";
import {
    CreateDBClusterParameterGroupCommand,
    ModifyDBClusterCommand,
    ModifyDBClusterParameterGroupCommand,
} from "@aws-sdk/client-rds";
import { DEFAULTS } from "../../components";
import {
    loadProgram,
    loadProject,
    readStackFile,
    RecordedResource,
    runProgramUnderMocks,
} from "../../testbeds/offline/mock-engine";
import { refreshDifferences } from "../../testbeds/offline/mock-engine/refresh";
import { diffPreviews } from "../../testbeds/offline/run/preview";
import { createSimulatedRds, SimulatedRds } from "../../testbeds/simulator";
import { cli } from "../orchestrator/harness";
import { nonEmpty } from "../support/non-empty";

const ROOT = path.join(__dirname, "..", "..");
const STEP = "command:local:Command";
const CLUSTERS = ["aurora-global-dev-us-east-1", "aurora-global-dev-ap-northeast-1"];

/** The dev stack (Pulumi.dev.yaml, Aurora PostgreSQL 17.4) with `overrides` over its config. */
function stack(sim: SimulatedRds, overrides: Record<string, unknown>, preview: boolean, previous = {}) {
    const projectFile = loadProject(ROOT);
    return runProgramUnderMocks({
        projectFile,
        config: { ...readStackFile(ROOT, projectFile.name, "dev"), ...overrides },
        program: loadProgram(path.join(ROOT, "index.ts")),
        preview,
        aws: sim,
        controlPlane: sim,
        currentState: { previousStackOutputs: previous },
    });
}

/**
 * The user's preparation before a blue/green deployment ("Preparing for a blue/green deployment",
 * docs/aws-rules.md §8): a custom cluster parameter group with logical replication on in both
 * regions, made before the stack, which names it (so the clusters start in sync with it).
 */
const LOGICAL = "app-logical-aurora-postgresql17";
const PREPARED = {
    "aurora-global:primaryClusterParameterGroup": LOGICAL,
    "aurora-global:secondaryClusterParameterGroups": [`ap-northeast-1=${LOGICAL}`],
};

async function prepareGroups(sim: SimulatedRds): Promise<void> {
    for (const region of ["us-east-1", "ap-northeast-1"]) {
        const rds = sim.clientFor(region);
        await rds.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: LOGICAL,
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "logical replication for blue/green",
            }),
        );
        await rds.send(
            new ModifyDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: LOGICAL,
                Parameters: [
                    { ParameterName: "rds.logical_replication", ParameterValue: "1", ApplyMethod: "pending-reboot" },
                ],
            }),
        );
    }
}

/** `pulumi up`'s steps: each step's command run by the CLI against `sim`, in dependency order. */
async function runSteps(sim: SimulatedRds, resources: readonly RecordedResource[]): Promise<void> {
    const steps = resources.filter((r) => r.type === STEP);
    const done = new Set<string>();
    while (done.size < steps.length) {
        const ready = steps.filter(
            (s) => !done.has(s.urn) && s.dependencies.every((d) => done.has(d) || !steps.some((x) => x.urn === d)),
        );
        assert.ok(ready.length > 0, "the steps' dependencies form a cycle");
        for (const s of nonEmpty(ready, "scenario")) {
            const r = await cli(sim, String(s.inputs.create).slice(DEFAULTS.cli.length).trim().split(" "));
            assert.equal(r.code, 0, `${s.name}: ${r.stderr}`);
            done.add(s.urn);
        }
    }
}

describe("offline engine: no drift after a blue/green switchover (the stack created in the simulator, then upgraded)", function () {
    this.timeout(120_000);

    it("the clusters keep their identifiers; the next preview, also with refresh, shows no replacement, no drift and no step to run", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await prepareGroups(sim);
        await stack(sim, PREPARED, false); // pulumi up: the dev stack created in the simulated control plane
        const arnsBefore = CLUSTERS.map((id) => sim.cluster(id).arn);
        const change = {
            ...PREPARED,
            "aurora-global:engineVersion": "17.5",
            "aurora-global:upgradeStrategy": "blue-green",
        };

        const up = await stack(sim, change, false);
        assert.equal((up.outputs.plan as { path: string }).path, "blue-green");
        assert.deepEqual(
            up.resources.filter((r) => r.type === STEP).map((r) => r.name),
            ["aurora-upgrade-snapshot", "aurora-upgrade-blue-green"],
        );
        await runSteps(sim, up.resources);

        // Green took the names: the same identifiers (and name-based ARNs), now at 17.5; blue is -old1.
        assert.deepEqual(
            CLUSTERS.map((id) => [sim.cluster(id).arn, sim.cluster(id).engineVersion]),
            arnsBefore.map((arn) => [arn, "17.5"]),
        );
        assert.deepEqual(
            CLUSTERS.map((id) => sim.cluster(`${id}-old1`).engineVersion),
            ["17.4", "17.4"],
        );
        assert.equal(sim.globalCluster("aurora-global-dev").engineVersion, "17.5");

        const next = await stack(sim, change, true, up.outputs);
        assert.equal((next.outputs.plan as { path: string }).path, "none");
        assert.equal(next.outputs.failoverReady, true);
        // No replacement, no update: every resource's inputs as the update left them (the
        // finished steps re-declared unchanged from the update's upgradeSteps output).
        assert.deepEqual(diffPreviews(up.resources, next.resources), []);
        // --refresh: every RDS resource read back from the simulator by its identifier.
        assert.deepEqual(await refreshDifferences(sim.clientFor, next.resources), []);
        assert.equal(
            next.resources.filter((r) => r.type.startsWith("aws:rds/")).length,
            6,
            "global cluster, two clusters, three instances",
        );
    });

    it("refresh reports what AWS changed behind the stack's back: an update, and a replacement for a ForceNew attribute", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        const created = await stack(sim, {}, false);
        await sim.clientFor("us-east-1").send(
            new ModifyDBClusterCommand({
                DBClusterIdentifier: "aurora-global-dev-us-east-1",
                DeletionProtection: false,
            }),
        );
        const secondary = created.resources.find((r) => r.name === "aurora-secondary-ap-northeast-1-cluster")!;
        const otherKey = {
            ...secondary,
            inputs: { ...secondary.inputs, kmsKeyId: "arn:aws:kms:ap-northeast-1:123456789012:key/other" },
        };
        const differences = await refreshDifferences(sim.clientFor, [
            ...created.resources.filter((r) => r !== secondary),
            otherKey,
        ]);
        assert.deepEqual(
            differences.map((d) => [d.name, d.property, d.live, d.replace]),
            [
                ["aurora-primary-cluster", "deletionProtection", false, false],
                ["aurora-secondary-ap-northeast-1-cluster", "kmsKeyId", secondary.inputs.kmsKeyId, true],
            ],
        );
    });
});
