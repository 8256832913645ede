import * as assert from "assert";
import { awsFactsClients, DEFAULTS, setAwsFactsClients } from "../../components";
import { existingDatabase } from "../../testbeds/offline/mock-engine";
import { named, ofType, pgArgs, PRIMARY, runDb, runningPg, SECONDARY, T } from "./fixtures";
import { assertMeanings, assertMeans, assertSomeMeans } from "../support/assert-means";

describe("components: reading AWS's facts with the CLI's reader", () => {
    it("a database that does not exist yet costs DescribeGlobalClusters and the catalogue of each region, and plans its creation", async () => {
        const r = await runDb(pgArgs(), {});
        assert.deepStrictEqual(
            r.awsCalls.map((c) => `${c.command} ${c.region}`),
            [
                `DescribeGlobalClusters ${PRIMARY}`,
                `DescribeDBEngineVersions ${PRIMARY}`,
                `DescribeDBEngineVersions ${SECONDARY}`,
            ],
        );
        assert.strictEqual((r.outputs.plan as { path: string }).path, "create");
    });

    it("reads the global cluster, then each member in its own region", async () => {
        const r = await runDb(pgArgs({ engineVersion: "17.5" }), runningPg("17.4"));
        const reads = r.awsCalls.map((c) => `${c.command} ${c.region}`);
        assert.deepStrictEqual(reads.slice(0, 3), [
            `DescribeGlobalClusters ${PRIMARY}`,
            `DescribeDBClusters ${PRIMARY}`,
            `DescribeDBClusters ${SECONDARY}`,
        ]);
        assert.strictEqual(
            r.awsCalls.every((c) => c.command.startsWith("Describe") || c.command.startsWith("List")),
            true,
        );
    });

    it("fails the run when a member cannot be read, instead of planning a create", async () => {
        const state = {
            ...runningPg("17.4"),
            invokeFailures: {
                "aws:rds/getCluster:getCluster": "User is not authorized to perform rds:DescribeDBClusters",
            },
        };
        await assert.rejects(runDb(pgArgs({ engineVersion: "17.5" }), state), (e: Error) => {
            assertMeans(e.message, {
                about: "app",
                says: [
                    "DescribeDBClusters",
                    "us-east-1",
                    "AccessDenied",
                    "nothing was planned",
                    "rds:DescribeDBClusters",
                ],
            });
            return true;
        });
    });

    it("warns and plans without the catalogue when DescribeDBEngineVersions is denied", async () => {
        const state = {
            ...runningPg("17.4"),
            invokeFailures: { "aws:rds/getEngineVersion:getEngineVersion": "not authorized" },
        };
        const r = await runDb(pgArgs({ engineVersion: "17.5" }), state);
        const warnings = r.logs.filter((l) => l.severity === "warn").map((l) => l.message);
        assertMeanings(warnings, [
            { says: ["engine catalogue unavailable", "DescribeDBEngineVersions", "AccessDenied"] },
        ]);
        assert.strictEqual((r.outputs.plan as { path: string }).path, "managed");
    });

    it("points the reader back at real AWS clients after every run", async () => {
        await runDb(pgArgs(), runningPg("17.4"));
        assert.strictEqual(setAwsFactsClients(undefined), undefined);
        assert.strictEqual(typeof awsFactsClients(), "function");
    });
});

describe("components: pending patches (opt-in)", () => {
    const withPending = () =>
        existingDatabase({
            globalClusterIdentifier: "app",
            engine: "aurora-postgresql",
            engineVersion: "17.4",
            members: [PRIMARY, SECONDARY].map((region) => ({
                clusterIdentifier: `app-${region}`,
                region,
                pendingActions: [
                    {
                        action: "system-update",
                        description: "Upgrade to Aurora PostgreSQL 17.4.6",
                        targetVersion: "17.4.6",
                    },
                ],
            })),
        });

    it("without the opt-in, plans nothing and says that pending actions exist", async () => {
        const off = await runDb(pgArgs(), withPending());
        const plan = off.outputs.plan as { path: string; notes: string[] };
        assert.strictEqual(plan.path, "none");
        assertSomeMeans(plan.notes, {
            says: ["pending maintenance", "upgrade.applyPendingPatches", "secondaries first"],
        });
    });

    it("plans the patch round: snapshot, the secondary's patch step, then the primary's", async () => {
        const r = await runDb(pgArgs({ upgrade: { applyPendingPatches: "immediate" } }), withPending());
        assert.strictEqual((r.outputs.plan as { path: string }).path, "patch");
        assert.deepStrictEqual(
            ofType(r, T.command).map((c) => c.name),
            ["db-upgrade-snapshot", `db-upgrade-secondary-${SECONDARY}`, "db-upgrade-primary"],
        );
        assert.strictEqual(
            named(r, "db-upgrade-primary").inputs.create,
            `${DEFAULTS.cli} patch --region ${PRIMARY} --global-cluster app --opt-in immediate --only-member app-${PRIMARY}`,
        );
        assert.deepStrictEqual(named(r, "db-upgrade-primary").dependencies, [
            named(r, `db-upgrade-secondary-${SECONDARY}`).urn,
        ]);
    });

    it("fails with a clear message when pending maintenance cannot be read", async () => {
        const state = {
            ...withPending(),
            invokeFailures: { "rds:DescribePendingMaintenanceActions": "AccessDenied: not authorized" },
        };
        await assert.rejects(runDb(pgArgs({ upgrade: { applyPendingPatches: "immediate" } }), state), (e: Error) => {
            assertMeans(e.message, {
                about: "app-us-east-1",
                says: [
                    "us-east-1",
                    "pending maintenance",
                    "nothing was planned",
                    "rds:DescribePendingMaintenanceActions",
                ],
            });
            return true;
        });
    });
});
