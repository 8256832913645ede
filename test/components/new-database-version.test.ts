import * as assert from "node:assert/strict";
import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs } from "../../components";
import { nearestVersions, newDatabaseVersionProblem } from "../../components/config/new-database-version";
import { runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { createSimulatedRds, SimulatedRds } from "../../testbeds/simulator";
import { pgArgs, PRIMARY, SECONDARY } from "./fixtures";
import { assertMeanings, assertMeans } from "../support/assert-means";

/** A preview of one new AuroraGlobalDatabase "db" with the simulated control plane behind it. */
async function previewNew(args: AuroraGlobalDatabaseArgs, sim: SimulatedRds) {
    return runProgramUnderMocks({
        program: () => {
            const db = new AuroraGlobalDatabase("db", args);
            return { plan: db.plan };
        },
        aws: sim,
        controlPlane: sim,
        preview: true,
    });
}

const offered = (sim: SimulatedRds) => sim.calls.map((c) => `${c.command} ${c.region}`);

describe("components: a new global database at a version AWS does not offer is blocked at preview", () => {
    // The one test that pins the wording of this refusal; the others assert rule, field and values.
    it("an unknown version (Aurora PostgreSQL 17.3): the exact message, and no Create* call reaches AWS", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await assert.rejects(previewNew(pgArgs({ engineVersion: "17.3" }), sim), {
            message:
                'error serializing property "outputs": AuroraGlobalDatabase "db" has invalid arguments (2 problems):\n' +
                `  - [engine-version-not-offered] engineVersion "17.3" is not an engine version AWS offers for aurora-postgresql in ${PRIMARY} (DescribeDBEngineVersions lists no such version); AWS would refuse CreateGlobalCluster at up: use a version AWS offers there with global database support, e.g. "16.8", "17.4", "17.5"\n` +
                `  - [engine-version-not-offered] engineVersion "17.3" is not an engine version AWS offers for aurora-postgresql in ${SECONDARY} (DescribeDBEngineVersions lists no such version); AWS would refuse CreateGlobalCluster at up: use a version AWS offers there with global database support, e.g. "16.8", "17.4", "17.5"`,
        });
        assert.deepEqual(offered(sim), [
            `DescribeGlobalClusters ${PRIMARY}`,
            `DescribeDBEngineVersions ${PRIMARY}`,
            `DescribeDBEngineVersions ${SECONDARY}`,
            `DescribeDBEngineVersions ${PRIMARY}`,
            `DescribeDBEngineVersions ${SECONDARY}`,
        ]);
        assert.equal(sim.calls.filter((c) => !c.command.startsWith("Describe")).length, 0);
    });

    it("a version without global database support (16.1) is blocked with the rule AWS's catalogue gives", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        await assert.rejects(previewNew(pgArgs({ engineVersion: "16.1", secondaries: [] }), sim), (e: Error) => {
            const [head, ...problems] = e.message.split("\n");
            assert.match(head, /"db" has invalid arguments \(1 problem\):$/);
            assertMeanings(problems, [
                {
                    rule: "target-without-global-support",
                    about: "engineVersion",
                    says: ['"16.1"', PRIMARY, "SupportsGlobalDatabases false", '"15.10"', '"16.6"', '"16.8"'],
                },
            ]);
            return true;
        });
        assert.equal(sim.calls.filter((c) => c.command.startsWith("Create")).length, 0);
    });

    it("a version AWS offers with global support previews the creation (Aurora MySQL in AWS's form)", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        const r = await previewNew(
            {
                ...pgArgs({ engine: "aurora-mysql", engineVersion: "8.0.mysql_aurora.3.08.0" }),
            },
            sim,
        );
        assert.equal((r.outputs.plan as { path: string }).path, "create");
        assert.deepEqual(offered(sim), [
            `DescribeGlobalClusters ${PRIMARY}`,
            `DescribeDBEngineVersions ${PRIMARY}`,
            `DescribeDBEngineVersions ${SECONDARY}`,
        ]);
    });

    it("the simulator refuses CreateGlobalCluster at that version with AWS's code and text", async () => {
        const sim = createSimulatedRds({ rateLimit: false });
        const { CreateGlobalClusterCommand } = await import("@aws-sdk/client-rds");
        for (const version of ["17.3", "16.1"])
            await assert.rejects(
                sim.clientFor(PRIMARY).send(
                    new CreateGlobalClusterCommand({
                        GlobalClusterIdentifier: `g-${version.replace(".", "-")}`,
                        Engine: "aurora-postgresql",
                        EngineVersion: version,
                    }),
                ),
                {
                    name: "InvalidParameterValue",
                    message: "The requested engine version was not found or does not support global functionality",
                },
            );
    });
});

describe("components: the versions the fix names", () => {
    it("the nearest few, newer first on a tie, oldest first in the list", () => {
        const pg = ["15.6", "15.10", "16.6", "16.8", "17.4", "17.5"];
        assert.deepEqual(nearestVersions("aurora-postgresql", "17.3", pg), ["16.8", "17.4", "17.5"]);
        assert.deepEqual(nearestVersions("aurora-postgresql", "18.0", pg), ["16.8", "17.4", "17.5"]);
        assert.deepEqual(nearestVersions("aurora-postgresql", "13.1", pg), ["15.6", "15.10", "16.6"]);
        assert.deepEqual(nearestVersions("aurora-postgresql", "17.3", []), []);
    });

    it("a region that offers none says so", () => {
        const problem = newDatabaseVersionProblem("aurora-mysql", "8.0.mysql_aurora.3.11.0", {
            region: "mx-central-1",
            listed: false,
            offeredWithGlobal: [],
        });
        assert.deepEqual(Object.keys(problem ?? {}).sort(), ["message", "path", "rule"]);
        assertMeans(problem!, {
            rule: "engine-version-not-offered",
            about: "engineVersion",
            says: ['"8.0.mysql_aurora.3.11.0"', "aurora-mysql", "mx-central-1", "choose another region"],
        });
        assert.equal(
            newDatabaseVersionProblem("aurora-postgresql", "17.4", {
                region: PRIMARY,
                listed: true,
                supportsGlobal: true,
            }),
            undefined,
        );
    });
});
