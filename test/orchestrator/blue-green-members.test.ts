import * as assert from "assert";
import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { memberKind, membersOfKind } from "../../orchestrator/blue-green/members";
import { oldClusters } from "../../orchestrator/blue-green/retire";
import { deleteWithGreenCommand, switchoverReported } from "../../orchestrator/blue-green/status-meaning";
import { deploymentState, heartbeatLine, stateChanges } from "../../orchestrator/blue-green/progress";
import { progressLine } from "../../orchestrator/blue-green/wait";

const ARN = "arn:aws:rds:us-east-1:123456789012";

/** aws-cli `awscli/examples/rds/describe-blue-green-deployments.rst`, Aurora example 2 (before the switchover). */
function example2(status = "AVAILABLE"): BlueGreenDeployment {
    const pair = (type: string, id: string, green: string) => ({
        SourceMember: `${ARN}:${type}:${id}`,
        TargetMember: `${ARN}:${type}:${id}-green-${green}`,
        Status: status,
    });
    return {
        BlueGreenDeploymentIdentifier: "bgd-wi89nwzglccsfake",
        BlueGreenDeploymentName: "my-blue-green-deployment",
        Source: `${ARN}:cluster:my-aurora-mysql-cluster`,
        Target: `${ARN}:cluster:my-aurora-mysql-cluster-green-3rnukl`,
        SwitchoverDetails: [
            pair("cluster", "my-aurora-mysql-cluster", "3rnukl"),
            pair("db", "my-aurora-mysql-cluster-1", "gpmaxf"),
            pair("db", "my-aurora-mysql-cluster-2", "j2oajq"),
            pair("cluster-endpoint", "my-reader-endpoint", "gwwzlg"),
        ],
        Status: status,
    };
}

describe("blue/green SwitchoverDetails: clusters, DB instances and custom endpoints (aws-cli example)", () => {
    it("classifies each member by its ARN's resource type", () => {
        assert.deepStrictEqual(
            example2().SwitchoverDetails!.map((x) => memberKind(x.SourceMember)),
            ["cluster", "db", "db", "cluster-endpoint"],
        );
        assert.strictEqual(memberKind("arn:aws:rds:us-east-1:1:global-cluster:g"), "other");
        assert.strictEqual(membersOfKind(example2(), "cluster").length, 1);
    });

    it("deleteWithGreenCommand turns deletion protection off on green clusters only (never modify-db-cluster on an instance or endpoint)", () => {
        const cmd = deleteWithGreenCommand(example2());
        assert.strictEqual((cmd.match(/modify-db-cluster/g) ?? []).length, 1);
        assert.match(
            cmd,
            /modify-db-cluster --db-cluster-identifier my-aurora-mysql-cluster-green-3rnukl --no-deletion-protection --region us-east-1; then aws rds delete-blue-green-deployment --blue-green-deployment-identifier bgd-wi89nwzglccsfake --delete-target/,
        );
        assert.doesNotMatch(cmd, /gpmaxf|gwwzlg/);
    });

    it("a green cluster AWS reports deleted (MISSING_TARGET) gets no command", () => {
        const d = example2();
        d.SwitchoverDetails![0].Status = "MISSING_TARGET";
        assert.doesNotMatch(deleteWithGreenCommand(d), /3rnukl --no-deletion-protection/);
    });

    it("the old clusters after a switchover are the cluster sources only, without those AWS reports deleted (MISSING_SOURCE)", () => {
        const d = example2("SWITCHOVER_COMPLETED");
        assert.deepStrictEqual(
            oldClusters(d).map((o) => o.cluster),
            ["my-aurora-mysql-cluster"],
        );
        d.SwitchoverDetails![0].Status = "MISSING_SOURCE";
        assert.deepStrictEqual(oldClusters(d), []);
    });

    it("a deployment deleted after its switchover whose old clusters are gone (MISSING_SOURCE) still reads as switched over", () => {
        const d = example2("SWITCHOVER_COMPLETED");
        d.Status = "DELETING";
        d.SwitchoverDetails![0].Status = "MISSING_SOURCE";
        assert.strictEqual(switchoverReported(d), "completed");
        d.SwitchoverDetails![1].Status = "AVAILABLE";
        assert.strictEqual(switchoverReported(d), "before");
    });

    it("the progress line names one entry per region (the clusters), not one per instance or endpoint", () => {
        assert.match(progressLine(example2()), /^AVAILABLE \[us-east-1 AVAILABLE\]$/);
    });

    it("the change lines and the heartbeat count regions from the clusters too", () => {
        assert.deepStrictEqual([...deploymentState(example2()).keys()], ["status", "us-east-1"]);
        assert.deepStrictEqual(stateChanges(deploymentState(example2("PROVISIONING")), deploymentState(example2())), [
            "status PROVISIONING → AVAILABLE",
            "us-east-1 AVAILABLE",
        ]);
        assert.strictEqual(heartbeatLine(example2()), "still AVAILABLE, 1 of 1 regions ready");
    });
});
