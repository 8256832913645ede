import * as assert from "assert";
import { replicationNote, replicationWords } from "../../planner/blue-green-replication";
import { MemberState } from "../../planner";
import { replicationGap } from "../../vocabulary";

const primary: MemberState = { cluster: "app-use1", region: "us-east-1", role: "primary", instanceCount: 2 };

describe("planner: a writer prepared for blue/green replication (replicationGap, pure)", () => {
    it("finds the first gap AWS refuses: default group, then the parameter, then the writer's reboot", () => {
        const mysql = { engine: "aurora-mysql" as const, writerInstance: "w-1", writerStatus: "pending-reboot" };
        assert.deepStrictEqual(replicationGap({ ...mysql, group: "default.aurora-mysql8.0", value: undefined }), {
            kind: "default-cluster-parameter-group",
            engine: "aurora-mysql",
            group: "default.aurora-mysql8.0",
        });
        assert.deepStrictEqual(replicationGap({ ...mysql, group: "app", value: undefined }), {
            kind: "replication-off",
            engine: "aurora-mysql",
            group: "app",
            value: "OFF",
        });
        assert.deepStrictEqual(replicationGap({ ...mysql, group: "app", value: "off" })?.kind, "replication-off");
        for (const format of ["ROW", "MIXED", "STATEMENT"])
            assert.deepStrictEqual(replicationGap({ ...mysql, group: "app", value: format }), {
                kind: "writer-pending-reboot",
                engine: "aurora-mysql",
                group: "app",
                instance: "w-1",
            });
        assert.strictEqual(
            replicationGap({ ...mysql, group: "app", value: "ROW", writerStatus: "in-sync" }),
            undefined,
        );
        const pg = { engine: "aurora-postgresql" as const, group: "app" };
        assert.deepStrictEqual(replicationGap({ ...pg, value: "0" }), {
            kind: "replication-off",
            engine: "aurora-postgresql",
            group: "app",
            value: "0",
        });
        assert.strictEqual(replicationGap({ ...pg, value: "1" }), undefined, "status unknown: not a gap");
    });

    it("without the details the words stay general; the notes name the prerequisites per engine", () => {
        assert.deepStrictEqual(replicationWords("writer-pending-reboot", primary), {
            why: "its writer instance is not in sync with its cluster parameter group (pending-reboot)",
            fix: "reboot the writer instance (RebootDBInstance) so it applies its cluster parameter group, then run again",
        });
        assert.strictEqual(
            replicationWords("replication-off", {
                ...primary,
                replicationGap: { kind: "replication-off", engine: "aurora-mysql", group: "app", value: "OFF" },
            }).fix,
            "set binlog_format=ROW in app (ModifyDBClusterParameterGroup, ApplyMethod pending-reboot), reboot the writer (RebootDBInstance), then run again",
        );
        assert.strictEqual(
            replicationNote("aurora-mysql"),
            "before the deployment AWS needs the writer on a custom cluster parameter group with binary logging on (binlog_format, ROW recommended) and in sync with it (rebooted); binary logging adds write I/O (VolumeWriteIOPs)",
        );
    });
});
