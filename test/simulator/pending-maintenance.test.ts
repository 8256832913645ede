import assert from "node:assert/strict";
import {
    ApplyPendingMaintenanceActionCommand,
    DescribePendingMaintenanceActionsCommand,
    ResourceNotFoundFault,
} from "@aws-sdk/client-rds";
import { messages, SeedTopology } from "../../testbeds/simulator";
import { expectAwsError } from "../support/aws-error";
import { MIN, mysqlTopology, pgTopology, seeded } from "./helpers";

const EAST = "arn:aws:rds:us-east-1:123456789012:cluster:my-east";
const EU = "arn:aws:rds:eu-west-1:123456789012:cluster:my-eu";

function withPatch(topology: SeedTopology, target: string): SeedTopology {
    return {
        ...topology,
        members: topology.members.map((m) => ({
            ...m,
            pendingActions: [{ targetVersion: target, durationMs: 4 * MIN }],
        })),
    };
}

describe("simulator: pending maintenance (system-update)", () => {
    it("lists the action per cluster ARN, filtered by db-cluster-id", async () => {
        const sim = seeded(withPatch(mysqlTopology(), "8.0.mysql_aurora.3.08.1"));
        const out = await sim.clientFor("eu-west-1").send(
            new DescribePendingMaintenanceActionsCommand({
                Filters: [{ Name: "db-cluster-id", Values: ["my-eu"] }],
            }),
        );
        assert.deepEqual(out.PendingMaintenanceActions, [
            {
                ResourceIdentifier: EU,
                PendingMaintenanceActionDetails: [
                    {
                        Action: "system-update",
                        Description: "Upgrade to Aurora MySQL 3.08.1",
                        OptInStatus: undefined,
                        CurrentApplyDate: undefined,
                    },
                ],
            },
        ]);
        const other = await sim.clientFor("eu-west-1").send(
            new DescribePendingMaintenanceActionsCommand({
                Filters: [{ Name: "db-cluster-id", Values: ["my-east"] }],
            }),
        );
        assert.deepEqual(other.PendingMaintenanceActions, []);
    });

    it("immediate: upgrading for the action's duration, then at the patch and the action gone", async () => {
        const sim = seeded(withPatch(mysqlTopology(), "8.0.mysql_aurora.3.08.1"));
        const eu = sim.clientFor("eu-west-1");
        const out = await eu.send(
            new ApplyPendingMaintenanceActionCommand({
                ResourceIdentifier: EU,
                ApplyAction: "system-update",
                OptInType: "immediate",
            }),
        );
        assert.equal(
            out.ResourcePendingMaintenanceActions?.PendingMaintenanceActionDetails?.[0].OptInStatus,
            "immediate",
        );
        assert.equal(sim.cluster("my-eu").status, "upgrading");
        await sim.clock.sleep(4 * MIN);
        assert.deepEqual(
            [sim.cluster("my-eu").status, sim.cluster("my-eu").engineVersion],
            ["available", "8.0.mysql_aurora.3.08.1"],
        );
        const left = await eu.send(new DescribePendingMaintenanceActionsCommand({ ResourceIdentifier: EU }));
        assert.deepEqual(left.PendingMaintenanceActions, []);
    });

    it("Aurora MySQL: the primary's patch is refused while a secondary is lower", async () => {
        const sim = seeded(withPatch(mysqlTopology(), "8.0.mysql_aurora.3.08.1"));
        await expectAwsError(
            sim.clientFor("us-east-1").send(
                new ApplyPendingMaintenanceActionCommand({
                    ResourceIdentifier: EAST,
                    ApplyAction: "system-update",
                    OptInType: "immediate",
                }),
            ),
            "InvalidParameterValue",
            messages.replicasFirst("my-east"),
        );
    });

    it("Aurora PostgreSQL: the patch shows only in aurora_version(), EngineVersion stays 17.4", async () => {
        const sim = seeded(withPatch(pgTopology(), "17.4.6"));
        await sim.clientFor("us-east-1").send(
            new ApplyPendingMaintenanceActionCommand({
                ResourceIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:pg-east",
                ApplyAction: "system-update",
                OptInType: "immediate",
            }),
        );
        await sim.clock.sleep(4 * MIN);
        assert.deepEqual(
            [sim.cluster("pg-east").engineVersion, sim.auroraVersion("pg-east"), sim.auroraVersion("pg-west")],
            ["17.4", "17.4.6", "17.4.5"],
        );
        assert.equal(sim.eventsOf("patch-applied", "pg-east")[0].message, "member pg-east patched to 17.4.6");
    });

    it("next-maintenance records the opt-in with the next window; undo-opt-in clears it", async () => {
        const sim = seeded(withPatch(mysqlTopology(), "8.0.mysql_aurora.3.08.1"));
        const eu = sim.clientFor("eu-west-1");
        const next = await eu.send(
            new ApplyPendingMaintenanceActionCommand({
                ResourceIdentifier: EU,
                ApplyAction: "system-update",
                OptInType: "next-maintenance",
            }),
        );
        const detail = next.ResourcePendingMaintenanceActions?.PendingMaintenanceActionDetails?.[0];
        assert.equal(detail?.OptInStatus, "next-maintenance");
        assert.equal(detail?.CurrentApplyDate?.toISOString(), "2026-04-12T05:00:00.000Z");
        assert.equal(sim.cluster("my-eu").status, "available");
        const undone = await eu.send(
            new ApplyPendingMaintenanceActionCommand({
                ResourceIdentifier: EU,
                ApplyAction: "system-update",
                OptInType: "undo-opt-in",
            }),
        );
        assert.equal(
            undone.ResourcePendingMaintenanceActions?.PendingMaintenanceActionDetails?.[0].OptInStatus,
            undefined,
        );
    });

    it("refuses an unknown resource, a missing action and a bad opt-in type", async () => {
        const sim = seeded(withPatch(mysqlTopology(), "8.0.mysql_aurora.3.08.1"));
        const eu = sim.clientFor("eu-west-1");
        const err = await expectAwsError(
            eu.send(
                new ApplyPendingMaintenanceActionCommand({
                    ResourceIdentifier: EAST,
                    ApplyAction: "system-update",
                    OptInType: "immediate",
                }),
            ),
            "ResourceNotFoundFault",
            `The specified resource ${EAST} was not found.`,
        );
        assert.ok(err instanceof ResourceNotFoundFault);
        await expectAwsError(
            eu.send(
                new ApplyPendingMaintenanceActionCommand({
                    ResourceIdentifier: EU,
                    ApplyAction: "db-upgrade",
                    OptInType: "immediate",
                }),
            ),
            "InvalidParameterValue",
            `No pending maintenance action db-upgrade for resource ${EU}.`,
        );
        await expectAwsError(
            eu.send(
                new ApplyPendingMaintenanceActionCommand({
                    ResourceIdentifier: EU,
                    ApplyAction: "system-update",
                    OptInType: "now",
                }),
            ),
            "InvalidParameterValue",
            messages.invalidOptIn("now"),
        );
    });
});
