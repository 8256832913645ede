import * as assert from "assert";
import { DEFAULTS, isNotFound, pendingMaintenanceReader, sdkPendingMaintenanceReader } from "../../components";
import { existingDatabase } from "../../testbeds/offline/mock-engine";
import { named, ofType, pgArgs, PRIMARY, runDb, runningPg, SECONDARY, T } from "./fixtures";

describe("components: reading the live state", () => {
    it("treats the provider's not-found answers as a new member", () => {
        for (const text of [
            "reading RDS Cluster (app-us-east-1): couldn't find resource",
            "reading RDS Cluster (app-us-east-1): DBClusterNotFoundFault: DBCluster app-us-east-1 not found.",
            "reading RDS Global Cluster (app): empty result",
            "no RDS engine versions match the criteria",
        ]) {
            assert.strictEqual(isNotFound(new Error(text)), true, text);
        }
    });

    it("never mistakes a failure (access denied, throttling) for a missing cluster", () => {
        for (const text of [
            "reading RDS Cluster (app-us-east-1): operation error RDS: DescribeDBClusters, https response error StatusCode: 403, api error AccessDenied: User is not authorized",
            "ThrottlingException: Rate exceeded",
        ]) {
            assert.strictEqual(isNotFound(new Error(text)), false, text);
        }
    });

    it("fails the run when a member's version cannot be read, instead of planning a create", async () => {
        const state = {
            ...runningPg("17.4"),
            invokeFailures: {
                "aws:rds/getCluster:getCluster":
                    "api error AccessDenied: User is not authorized to perform rds:DescribeDBClusters",
            },
        };
        await assert.rejects(runDb(pgArgs({ engineVersion: "17.5" }), state), {
            message:
                'error serializing property "outputs": cannot read the version of cluster "app-us-east-1" (us-east-1) to plan the upgrade (api error AccessDenied: User is not authorized to perform rds:DescribeDBClusters): nothing was planned; check that the deployer may call rds:DescribeDBClusters and run again',
        });
    });

    it("warns and plans without the catalogue when DescribeDBEngineVersions is denied", async () => {
        const state = {
            ...runningPg("17.4"),
            invokeFailures: { "aws:rds/getEngineVersion:getEngineVersion": "api error AccessDenied" },
        };
        const r = await runDb(pgArgs({ engineVersion: "17.5" }), state);
        const warnings = r.logs.filter((l) => l.severity === "warn").map((l) => l.message);
        assert.deepStrictEqual(warnings, [
            "engine catalogue for aurora-postgresql 17.4 not available (api error AccessDenied): upgrade-target checks skipped",
            "engine catalogue for aurora-postgresql 17.5 not available (api error AccessDenied): upgrade-target checks skipped",
        ]);
        assert.strictEqual((r.outputs.plan as { path: string }).path, "managed");
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
                pendingActions: [{ action: "system-update", description: "patch 17.4.6" }],
            })),
        });

    it("reads pending maintenance only when the stack opts in", async () => {
        const off = await runDb(pgArgs(), withPending());
        assert.deepStrictEqual(
            off.calls.filter((c) => c.token === "rds:DescribePendingMaintenanceActions"),
            [],
        );
        assert.strictEqual((off.outputs.plan as { path: string }).path, "none");
        const on = await runDb(pgArgs({ upgrade: { applyPendingPatches: "immediate" } }), withPending());
        assert.deepStrictEqual(
            on.calls.filter((c) => c.token === "rds:DescribePendingMaintenanceActions").map((c) => c.inputs),
            [
                { clusterIdentifier: `app-${PRIMARY}`, region: PRIMARY },
                { clusterIdentifier: `app-${SECONDARY}`, region: SECONDARY },
            ],
        );
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
        await assert.rejects(runDb(pgArgs({ upgrade: { applyPendingPatches: "immediate" } }), state), {
            message:
                'error serializing property "outputs": cannot read the pending maintenance of cluster "app-us-east-1" (us-east-1) to plan the patch round (AccessDenied: not authorized): nothing was planned; check that the deployer may call rds:DescribePendingMaintenanceActions and run again',
        });
    });

    it("restores the AWS SDK reader after every run", async () => {
        await runDb(pgArgs({ upgrade: { applyPendingPatches: "immediate" } }), withPending());
        assert.strictEqual(pendingMaintenanceReader(), sdkPendingMaintenanceReader);
    });
});
