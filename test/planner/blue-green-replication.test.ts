import * as assert from "assert";
import { replicationNote, replicationWords } from "../../planner/blue-green-replication";
import { MemberState } from "../../planner";
import { replicationGap } from "../../vocabulary";
import { assertMeans } from "../support/assert-means";

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
        const general = replicationWords("writer-pending-reboot", primary);
        assertMeans(
            { message: general.why, fix: general.fix },
            { says: ["pending-reboot"], fix: ["RebootDBInstance"] },
        );
        const detailed = replicationWords("replication-off", {
            ...primary,
            replicationGap: { kind: "replication-off", engine: "aurora-mysql", group: "app", value: "OFF" },
        });
        assertMeans(
            { message: detailed.why, fix: detailed.fix },
            {
                fix: [
                    "binlog_format=ROW",
                    "app",
                    "ModifyDBClusterParameterGroup",
                    "pending-reboot",
                    "RebootDBInstance",
                ],
            },
        );
        assertMeans(replicationNote("aurora-mysql"), { says: ["binlog_format", "ROW", "VolumeWriteIOPs"] });
    });
});
