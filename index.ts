/** The aurora-global stack: config → AuroraGlobalDatabase → outputs. */
import * as pulumi from "@pulumi/pulumi";
import { argsFromConfig, AuroraGlobalDatabase, resolveMembers } from "./components";
import { iamPolicyDocument } from "./orchestrator/iam-policy";
import { DEFAULT_STRATEGY } from "./vocabulary";

const args = argsFromConfig(new pulumi.Config());
const db = new AuroraGlobalDatabase("aurora", args);

export const globalClusterIdentifier = db.globalClusterIdentifier;
/** The upgrade plan of this update (JSON: path, steps[], violations[]). */
export const plan = db.plan;
/** Every member's version, by region. */
export const memberVersions = db.memberVersions;
/** True when every member runs the same version (cross-region failover possible). */
export const failoverReady = db.failoverReady;
/**
 * The upgrade steps this update declared, with their target (secret-free). The next run reads it
 * back from this stack (a self StackReference) to keep completed steps unchanged, so the preview
 * after a successful upgrade shows no change.
 */
export const upgradeSteps = db.upgradeStepsRecord;
/**
 * Least-privilege IAM policy for whoever runs the upgrade steps (the aurora-global CLI), scoped to
 * this global cluster's ARN, its members' clusters and regions, and the blue/green statements only
 * when `upgrade.strategy` can be blue/green (docs/iam.md).
 */
export const upgradeIamPolicy = iamPolicyDocument({
    globalClusterId: db.globalClusterIdentifier,
    members: resolveMembers("aurora", args).map((m) => ({ cluster: m.clusterIdentifier, region: m.region })),
    strategy: args.upgrade?.strategy ?? DEFAULT_STRATEGY,
});
