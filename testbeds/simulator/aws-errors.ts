import * as rds from "@aws-sdk/client-rds";
import { RDSServiceException } from "@aws-sdk/client-rds";
import { IdentifierKind } from "../../aws/identifiers";
import { AWS_IDENTIFIER_LIMITS, awsTakesIdentifier } from "./aws-facts";

type ExceptionClass = new (opts: {
    message: string;
    $metadata: rds.ServiceOutputTypes["$metadata"];
}) => RDSServiceException;

/** The modeled exception class of `code` in @aws-sdk/client-rds, when there is one. */
function modeledClass(code: string): ExceptionClass | undefined {
    const candidate = (rds as unknown as Record<string, unknown>)[code];
    if (typeof candidate === "function" && candidate.prototype instanceof RDSServiceException)
        return candidate as ExceptionClass;
    return undefined;
}

let requestCounter = 0;

/** Response metadata like the SDK's, with a deterministic request id. */
export function responseMetadata(httpStatusCode: number): rds.ServiceOutputTypes["$metadata"] {
    requestCounter += 1;
    return {
        httpStatusCode,
        requestId: `sim-${String(requestCounter).padStart(8, "0")}`,
        attempts: 1,
        totalRetryDelay: 0,
    };
}

/**
 * An RDS service error as the SDK would raise it: the modeled class when the code has one
 * (e.g. `InvalidDBClusterStateFault`), otherwise an {@link RDSServiceException} whose `name` is the
 * AWS error code (`InvalidParameterValue`, `ThrottlingException`, …).
 */
export function rdsError(code: string, message: string, httpStatusCode = 400): RDSServiceException {
    const $metadata = responseMetadata(httpStatusCode);
    const Modeled = modeledClass(code);
    if (Modeled) return new Modeled({ message, $metadata });
    return new RDSServiceException({
        name: code,
        message,
        $fault: httpStatusCode >= 500 ? "server" : "client",
        $metadata,
    });
}

/** Thrown by the simulator's handlers; the SDK bridge turns it into an {@link rdsError}. */
export class SimulatedFault extends Error {
    constructor(
        readonly code: string,
        message: string,
        readonly httpStatusCode = 400,
    ) {
        super(message);
        this.name = code;
    }
}

/** Raises a {@link SimulatedFault}. */
export function fault(code: string, message: string, httpStatusCode = 400): never {
    throw new SimulatedFault(code, message, httpStatusCode);
}

/** Refuses an identifier AWS refuses for its kind (InvalidParameterValue; the simulator's own table in aws-facts.ts). */
export function assertIdentifier(kind: IdentifierKind, value: string): void {
    if (!awsTakesIdentifier(kind, value))
        fault(
            "InvalidParameterValue",
            messages.invalidIdentifier(AWS_IDENTIFIER_LIMITS[kind].parameter, AWS_IDENTIFIER_LIMITS[kind].max),
        );
}

/**
 * The texts the simulator answers with. Those AWS is known to send (docs/aws-rules.md §4) contain the
 * documented fragment verbatim; match codes first, fragments second.
 */
export const messages = {
    throttled: () => "Rate exceeded",
    replicasFirst: (cluster: string) =>
        `Unable to upgrade DB cluster ${cluster} because the global replica(s) are running lower version. Please upgrade global replicas first before upgrading the primary member.`,
    mysqlMinorThroughGlobal: () =>
        "ModifyGlobalCluster only supports Major Version Upgrades. To patch the members of your global cluster to a newer minor version you need to call ModifyDbCluster in each one of them.",
    postgresMinorThroughGlobalUnsupported: () =>
        "This global cluster doesn't support minor version upgrades: you can't perform minor version upgrades through ModifyGlobalCluster. Call ModifyDBCluster on each member, secondaries first.",
    majorOnSingleMember: () =>
        "Major Version Upgrade isn't supported in a single member of a global cluster. Use ModifyGlobalCluster instead.",
    majorWithoutFlag: () => "The AllowMajorVersionUpgrade flag must be present when upgrading to a new major version.",
    noInstance: (cluster: string) =>
        `Cannot modify engine version without a primary instance in DB cluster ${cluster}.`,
    globalBusy: (global: string) => `Global cluster ${global} is upgrading. Wait until the current operation finishes.`,
    clusterNotAvailable: (cluster: string, status: string) =>
        `DB cluster ${cluster} is not in available state (current state: ${status}).`,
    cannotUpgrade: (engine: string, from: string, to: string) => `Cannot upgrade ${engine} from ${from} to ${to}`,
    targetWithoutGlobal: (engine: string, to: string) =>
        `The target engine version ${to} of ${engine} doesn't support global databases.`,
    rpoOnMajor: (cluster: string) =>
        `Major version upgrade isn't supported while the RPO feature is turned on: DB cluster ${cluster} sets rds.global_db_rpo in its DB cluster parameter group. Reset rds.global_db_rpo first.`,
    customInstanceParameterGroup: (group: string) =>
        `The current DB instance parameter group ${group} is custom. You must explicitly specify a new DB instance parameter group, either default or custom, for the engine version upgrade.`,
    parameterGroupFamilyMismatch: (group: string, family: string, expected: string) =>
        `The parameter group ${group} with DBParameterGroupFamily ${family} can't be used for this instance. Use a parameter group with DBParameterGroupFamily ${expected}.`,
    clusterNotFound: (cluster: string) => `DBCluster ${cluster} not found.`,
    // The RDS API reference's descriptions of the faults (live wording not found).
    clusterQuotaExceeded: () =>
        "The user attempted to create a new DB cluster and the user has already reached the maximum allowed DB cluster quota.",
    instanceQuotaExceeded: () => "The request would result in the user exceeding the allowed number of DB instances.",
    instanceNotFound: (instance: string) => `DBInstance ${instance} not found.`,
    globalNotFound: (global: string) => `Global cluster ${global} not found.`,
    clusterParameterGroupNotFound: (group: string) => `DBClusterParameterGroup not found: ${group}`,
    parameterGroupNotFound: (group: string) => `DBParameterGroup not found: ${group}`,
    parameterGroupExists: (group: string) => `Parameter group ${group} already exists`,
    defaultGroupReadOnly: (group: string) => `Default parameter group ${group} cannot be modified.`,
    snapshotExists: (id: string) =>
        `Cannot create the cluster snapshot because one with the identifier ${id} already exists.`,
    snapshotNotFound: (id: string) => `DBClusterSnapshot ${id} not found.`,
    resourceNotFound: (arn: string) => `The specified resource ${arn} was not found.`,
    noPendingAction: (action: string, arn: string) => `No pending maintenance action ${action} for resource ${arn}.`,
    invalidOptIn: (value: string) =>
        `Invalid value ${value} for OptInType. Valid values are: immediate, next-maintenance, undo-opt-in.`,
    mysqlGlobalMinorInPlace: (cluster: string, version: string) =>
        `In-place minor version upgrade of Aurora MySQL global database cluster '${cluster}' to Aurora MySQL engine version ${version} isn't supported. The selected target version ${version} supports a higher version of community MySQL that introduces changes incompatible with previous minor versions of Aurora MySQL. See the Aurora documentation for how to perform a minor version upgrade on global database clusters.`,
    invalidTag: (part: "key" | "value", text: string) =>
        `Invalid tag ${part} "${text}": tag ${part}s can't start with "aws:" or "rds:" and may contain only Unicode letters, digits, white space, and _ . : / = + - @ (keys 1-128, values up to 256 characters).`,
    // AWS's text for ApplyMethod immediate on a static parameter (seen in provider issue trackers).
    immediateStaticParameter: () => "cannot use immediate apply method for static parameter",
    missingParameter: (name: string) => `The parameter ${name} must be provided and must not be blank.`,
    unsupportedCommand: (command: string) =>
        `The action ${command} is not valid for this web service (the simulated RDS control plane does not implement it).`,
    injectedUpgradeFailure: (cluster: string) => `Database engine upgrade of DB cluster ${cluster} failed.`,
    // Deleting clusters (texts as AWS sends them, seen in provider issue trackers).
    protectedCluster: () => "Cannot delete protected Cluster, please disable deletion protection and try again.",
    protectedGlobalCluster: () =>
        "Cannot delete protected Global Cluster, please disable deletion protection and try again.",
    clusterHasInstances: () => "Cluster cannot be deleted, it still contains DB instances in non-deleting state.",
    clusterInGlobal: () => "This cluster is a part of a global cluster, please remove it from globalcluster first",
    /** AWS's text as terraform-provider-aws quotes it (internal/service/rds/global_cluster.go, resourceGlobalClusterDelete). */
    globalNotEmpty: (globalArn: string) => `Global Cluster ${globalArn} is not empty`,
    notAGlobalMember: (cluster: string, global: string) =>
        `The DB cluster ${cluster} is not a member of global cluster ${global}.`,
    finalSnapshotRequired: () => "FinalDBSnapshotIdentifier is required unless SkipFinalSnapshot is specified.",
    // Blue/green deployments. The fault descriptions are the API reference's (CreateBlueGreenDeployment,
    // SwitchoverBlueGreenDeployment, DeleteBlueGreenDeployment "Errors"); the per-case texts are the
    // simulator's own wording around them (match codes first).
    blueGreenExists: (name: string) =>
        `A blue/green deployment with the specified name already exists: ${name} (names are unique per account and Region).`,
    blueGreenNotFound: (id: string) =>
        `BlueGreenDeploymentIdentifier ${id} doesn't refer to an existing blue/green deployment.`,
    blueGreenInvalidState: (id: string, status: string, action: string) =>
        `The blue/green deployment ${id} can't be ${action} while its status is ${status}.`,
    blueGreenSourceNotWriter: (arn: string, global: string, writerArn: string) =>
        `The source DB cluster ${arn} isn't supported for a blue/green deployment: it is a secondary cluster of global database ${global}. Create the blue/green deployment from the writer DB cluster ${writerArn}.`,
    blueGreenVersionNotSupported: (engine: string, version: string) =>
        `The source DB cluster isn't supported for a blue/green deployment: ${engine} ${version} doesn't support Blue/Green Deployments.`,
    blueGreenManagedPassword: (cluster: string) =>
        `The source DB cluster ${cluster} isn't supported for a blue/green deployment: its master user password is managed in AWS Secrets Manager.`,
    // "Preparing for a blue/green deployment" (docs/aws-rules.md §8). The PostgreSQL text is AWS's for
    // an RDS DB instance (AWS re:Post, "rds-postgresql-blue-green-deployment-error"), said of the
    // cluster; the default-group, binlog and in-sync texts are the simulator's own (AWS's not found).
    blueGreenDefaultGroup: (cluster: string, group: string) =>
        `The source DB cluster ${cluster} isn't supported for a blue/green deployment: it uses the default DB cluster parameter group ${group}. Before you create a Blue/Green Deployment for a DB cluster, associate the DB cluster with a custom DB cluster parameter group that enables replication.`,
    blueGreenBinlogOff: (cluster: string, group: string, value: string) =>
        `Blue/Green Deployments require a DB cluster with binary logging enabled. The DB cluster parameter group ${group} of DB cluster ${cluster} sets binlog_format to ${value}. Before you create a Blue/Green Deployment for a DB cluster, associate the DB cluster with a custom DB cluster parameter group that enables binary logging.`,
    blueGreenLogicalReplicationOff: () =>
        "Blue/Green Deployments require a DB cluster with logical replication enabled. Before you create a Blue/Green Deployment for a DB cluster, associate the DB cluster with a custom DB cluster parameter group that enables logical replication.",
    blueGreenWriterNotInSync: (cluster: string, instance: string, group: string) =>
        `The source DB cluster ${cluster} isn't supported for a blue/green deployment: its writer instance ${instance} isn't in sync with the DB cluster parameter group ${group} (pending-reboot). Reboot the writer instance, then create the blue/green deployment.`,
    blueGreenSourceBusy: (cluster: string, id: string) =>
        `DB cluster ${cluster} is already the source of blue/green deployment ${id}.`,
    /**
     * An identifier AWS refuses (its rule: aws/identifiers.ts, from the SDK model's constraints).
     * AWS's wording for a bad identifier ("The parameter X is not a valid identifier. Identifiers
     * must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not
     * end with a hyphen or contain two consecutive hyphens."), with the length limit added.
     */
    invalidIdentifier: (parameter: string, max: number) =>
        `The parameter ${parameter} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens; at most ${max} characters.`,
    blueGreenInvalidName: (name: string) =>
        `The parameter BlueGreenDeploymentName is not a valid identifier: ${name}. Use 1 to 60 letters, digits or hyphens, starting with a letter, without two consecutive hyphens or a trailing hyphen.`,
    blueGreenSourceNotArn: (source: string) =>
        `The parameter Source must be the Amazon Resource Name (ARN) of a DB cluster, got ${source}.`,
    switchoverTimeoutRange: (value: number) =>
        `Invalid value ${value} for SwitchoverTimeout. Valid values are 30 to 3600 seconds.`,
    deleteTargetAfterSwitchover: (id: string) =>
        `You can't specify DeleteTarget for blue/green deployment ${id}: its status is SWITCHOVER_COMPLETED.`,
    switchoverTimedOut: (seconds: number) =>
        `Switchover exceeded the switchover timeout of ${seconds} seconds. All changes were rolled back and no changes were made to either environment.`,
    switchoverReplicaLag: (green: string, lag: number, seconds: number) =>
        `Switchover was canceled by a guardrail: the replica lag of green DB cluster ${green} (${lag} seconds) isn't within the limit allowed by the switchover timeout of ${seconds} seconds. No changes were made.`,
    switchoverReplicationUnhealthy: (green: string) =>
        `Switchover was canceled by a guardrail: replication to green DB cluster ${green} isn't healthy. No changes were made.`,
    // RDS Proxy. AWS's texts for these faults were not found; the descriptions are the API reference's
    // (DescribeDBProxies / DescribeDBProxyTargets "Errors"), the per-case wording is the simulator's
    // own (match codes first).
    proxyNotFound: (name: string) =>
        `DBProxy ${name} not found: the specified proxy name doesn't correspond to a proxy owned by your AWS account in the specified AWS Region.`,
    proxyTargetGroupNotFound: (proxy: string, group: string) =>
        `DBProxyTargetGroup ${group} not found for DBProxy ${proxy}: the specified target group isn't available for a proxy owned by your AWS account in the specified AWS Region.`,
    maxRecordsRange: (value: number) => `Invalid value ${value} for MaxRecords. Valid values are 20 to 100.`,
    invalidMarker: (marker: string) => `The marker ${marker} is not valid.`,
    // "Global Database does not support RDS Proxy with blue/green deployments" (docs/aws-rules.md §8).
    // AWS's code and text for this refusal were not found: SourceClusterNotSupportedFault (the API
    // reference's fault for a source blue/green does not support) with the simulator's own text.
    blueGreenGlobalProxyTarget: (cluster: string, proxy: string) =>
        `The source DB cluster isn't supported for a blue/green deployment: DB cluster ${cluster} of a global database is a target of RDS Proxy ${proxy}, and Global Database does not support RDS Proxy with blue/green deployments.`,
} as const;
