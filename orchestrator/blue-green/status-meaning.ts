import { BlueGreenDeployment } from "@aws-sdk/client-rds";
import { regionFromArn } from "../../aws/arn";
import { deploymentName, TAG } from "./deployment";
import { progressLine } from "./wait";
import { BLUE_GREEN_FLAGS, DATABASE_FLAGS, VERSION_FLAGS } from "../../cli-contract";
import { MISSING_SOURCE, MISSING_TARGET, membersOfKind, targetMissing } from "./members";

/**
 * What a blue/green deployment's Status means for the upgrade and what to do about it, in one
 * place: the runner (run.ts) stops with these texts, `status` and `plan` print them. AWS's seven
 * statuses and what DeleteBlueGreenDeployment allows: docs/aws-rules.md §10.
 */

/**
 * The AWS CLI commands that delete a deployment with its green resources (only before a
 * switchover). AWS deletes the green clusters only with deletion protection off ("Deleting a
 * blue/green deployment in Amazon Aurora", docs/aws-rules.md §10), and they copy blue's, which
 * aurora-global turns on: the commands turn it off on each green *cluster* first. Deletion
 * protection is a cluster setting (an Aurora DB instance has none of its own, a custom endpoint
 * neither): DB instance and endpoint members of `SwitchoverDetails` (members.ts) need no command,
 * and a green cluster AWS reports deleted (MISSING_TARGET) neither.
 */
export function deleteWithGreenCommand(d: BlueGreenDeployment): string {
    const id = d.BlueGreenDeploymentIdentifier ?? "?";
    const region = regionFromArn(d.Source ?? d.Target ?? "") ?? "REGION";
    const greens = membersOfKind(d, "cluster")
        .filter((m) => !targetMissing(m))
        .map(
            (m) =>
                `aws rds modify-db-cluster --db-cluster-identifier ${m.target!.id} --no-deletion-protection --region ${m.target!.region}`,
        );
    const unprotect =
        greens.length > 0
            ? greens.join("; ")
            : "aws rds modify-db-cluster --db-cluster-identifier GREEN --no-deletion-protection for each green cluster";
    return `${unprotect}; then aws rds delete-blue-green-deployment --blue-green-deployment-identifier ${id} --delete-target --region ${region}`;
}

/** INVALID_CONFIGURATION and what to do; `rerun` is what resumes the upgrade ("the same command"). */
export function invalidConfiguration(d: BlueGreenDeployment, rerun: string): string {
    return `INVALID_CONFIGURATION (${d.StatusDetails ?? "no details"}): it cannot be switched over. Production is unchanged. Delete it with its green clusters (${deleteWithGreenCommand(d)}), fix the cause, then run ${rerun} again.`;
}

/** What to do after a failed switchover (AWS rolled it back; the green environment is kept). */
export function afterFailedSwitchover(d: BlueGreenDeployment, rerun: string, timeoutSeconds?: number): string {
    const above = timeoutSeconds === undefined ? "" : ` above ${timeoutSeconds}`;
    return `Fix the cause (replica lag: wait for a quieter moment, or raise ${BLUE_GREEN_FLAGS.switchoverTimeoutSeconds}${above}), then run ${rerun} again to switch over; or give up and delete it with its green clusters: ${deleteWithGreenCommand(d)}.`;
}

/**
 * Whether AWS reports the deployment switched over: its status, or every member's
 * `SwitchoverDetails` status SWITCHOVER_COMPLETED ("the resource has been switched over", the
 * `SwitchoverDetail` data type). `before` when a member reports a status from before a switchover
 * (PROVISIONING, AVAILABLE, SWITCHOVER_FAILED); `unknown` when AWS reports no member detail.
 * A DELETING deployment is deleted after its switchover (aurora-global's cleanup) or before one
 * (given up on): only this tells them apart.
 */
export function switchoverReported(d: BlueGreenDeployment): "completed" | "before" | "unknown" {
    if (d.Status === "SWITCHOVER_COMPLETED") return "completed";
    // A side deleted since (MISSING_SOURCE: the -old1 cluster removed by --old-clusters delete) says nothing either way.
    const details = (d.SwitchoverDetails ?? []).filter(
        (x) => x.Status !== MISSING_SOURCE && x.Status !== MISSING_TARGET,
    );
    if (details.length > 0 && details.every((x) => x.Status === "SWITCHOVER_COMPLETED")) return "completed";
    const before = ["PROVISIONING", "AVAILABLE", "SWITCHOVER_FAILED"];
    return details.some((x) => before.includes(x.Status ?? "")) ? "before" : "unknown";
}

/** A deployment being deleted before any switchover, and what to do (`rerun`: "the same command", …). */
export function deletedBeforeSwitchover(rerun: string): string {
    return `is being deleted before a switchover: production is unchanged. Once AWS no longer lists it (DescribeBlueGreenDeployments), run ${rerun} again to start over.`;
}

/** A status AWS does not document (docs/aws-rules.md §10 lists the seven it does). */
export function unknownStatus(status: string | undefined): string {
    return `reports an unknown status "${status}"`;
}

/**
 * The command that resumes this deployment: aurora-global finds its own deployments by name (the
 * global cluster and the target, both tagged at creation). Undefined for a deployment it did not create.
 */
export function resumeCommand(d: BlueGreenDeployment): string | undefined {
    const tag = (key: string) => (d.TagList ?? []).find((t) => t.Key === key)?.Value;
    const globalCluster = tag(TAG.globalCluster);
    const target = tag(TAG.targetVersion);
    if (!globalCluster || !target || d.BlueGreenDeploymentName !== deploymentName(globalCluster, target))
        return undefined;
    return `aurora-global upgrade ${DATABASE_FLAGS.globalCluster} ${globalCluster} ${VERSION_FLAGS.target} ${target} ${VERSION_FLAGS.strategy} blue-green`;
}

/** One line saying where a deployment stands and what to do, for `status` and `plan`. */
export function deploymentLine(d: BlueGreenDeployment): string {
    const id = d.BlueGreenDeploymentIdentifier ?? "?";
    const head = `blue/green deployment ${id} ("${d.BlueGreenDeploymentName ?? "?"}")`;
    const region = regionFromArn(d.Source ?? d.Target ?? "") ?? "REGION";
    const command = resumeCommand(d);
    // A deployment aurora-global did not create is not resumed by an upgrade run: AWS's own commands.
    const rerun = command ? `the upgrade (${command})` : "whatever created it";
    switch (d.Status) {
        case "PROVISIONING":
        case "AVAILABLE":
        case "SWITCHOVER_IN_PROGRESS":
            return `${head} in progress: ${progressLine(d)}`;
        case "SWITCHOVER_COMPLETED":
            return command
                ? `${head} switched over; cleanup (the -old1 clusters kept with deletion protection on and tagged, or deleted with ${BLUE_GREEN_FLAGS.oldClusters} delete; then DeleteBlueGreenDeployment) remains: run ${command} again to finish it`
                : `${head} switched over; aurora-global did not create it, so its cleanup is yours: delete the deployment (aws rds delete-blue-green-deployment --blue-green-deployment-identifier ${id} --region ${region}), and the -old1 clusters once no longer needed`;
        case "DELETING":
            switch (switchoverReported(d)) {
                case "completed":
                    return `${head} being deleted (the upgrade ended; nothing to do)`;
                case "before":
                    return `${head} ${deletedBeforeSwitchover(rerun)}`;
                default:
                    return `${head} being deleted (AWS reports no switchover detail: the members' versions say whether the upgrade happened)`;
            }
        case "INVALID_CONFIGURATION":
            return `${head} failed: ${invalidConfiguration(d, rerun)}`;
        case "SWITCHOVER_FAILED": {
            const failed = `${head} failed to switch over: SWITCHOVER_FAILED (${d.StatusDetails ?? "no details"}); AWS rolled it back: production is unchanged and the green environment is kept.`;
            return command
                ? `${failed} ${afterFailedSwitchover(d, rerun)}`
                : `${failed} Fix the cause, then switch over again (aws rds switchover-blue-green-deployment --blue-green-deployment-identifier ${id} --region ${region}), or delete it with its green clusters: ${deleteWithGreenCommand(d)}.`;
        }
        default:
            return `${head} ${unknownStatus(d.Status)} (${progressLine(d)}): ${command ? "an upgrade run stops at it; " : ""}check it in the RDS console`;
    }
}
