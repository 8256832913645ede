import * as pulumi from "@pulumi/pulumi";
import { Engine, Target } from "../../engine-versions";
import { describeAwsError, errorCode } from "../../aws/errors";
import { RdsGateway, SdkCommand } from "../../aws/gateway";
import { RetryPolicy } from "../../aws/retry";
import { InputError } from "../../aws/run-errors";
import { describeTopology } from "../../aws/topology/describe";
import { AwsIdentity, GroupOverrides } from "../../cli-contract";
import { targetFamilyIfMajor } from "../../aws/topology/parameter-groups";
import { toPlanInput } from "../../aws/topology/plan-input";
import { describeGlobalCluster } from "../../aws/topology/reads";
import { Topology } from "../../aws/topology/types";
import { MemberState, PlanInput, PlanOptions } from "../../planner";
import { ResolvedMember, ResolvedUpgrade } from "../config/args";
import { awsFactsClients, awsFactsClock } from "./aws-facts";
import { checkNewDatabaseVersion } from "../config/new-database-version";

/**
 * What AWS reports for the database, read with the CLI's own reader
 * (`aws/topology/describeTopology`): roles from `IsWriter`, versions, pending
 * maintenance, parameter-group facts and the engine catalogue. No topology: the global cluster
 * does not exist yet (a new database).
 */
export interface LiveState {
    readonly topology?: Topology;
    /** When it was read (ms since the epoch): members' next maintenance windows count from it. */
    readonly readAt?: number;
}

/** A gateway that remembers which call failed first, for the message. */
class FactsGateway extends RdsGateway {
    lastFailure?: { readonly operation: string; readonly region: string };

    override async send<O>(region: string, command: SdkCommand, retry?: RetryPolicy): Promise<O> {
        try {
            return await super.send<O>(region, command, retry);
        } catch (e) {
            this.lastFailure ??= { operation: command.constructor.name.replace(/Command$/, ""), region };
            throw e;
        }
    }
}

/** The target-family groups the members declare, as the CLI's `--cluster-parameter-group` / `--instance-parameter-group`. */
export function declaredGroupOverrides(members: readonly ResolvedMember[]): GroupOverrides | undefined {
    const pick = (f: (m: ResolvedMember) => string | undefined) =>
        Object.fromEntries(members.flatMap((m) => (f(m) ? [[m.clusterIdentifier, f(m)!]] : [])));
    const cluster = pick((m) => m.targetClusterParameterGroupName);
    const instance = pick((m) => m.targetInstanceParameterGroupName);
    if (Object.keys(cluster).length === 0 && Object.keys(instance).length === 0) return undefined;
    return {
        ...(Object.keys(cluster).length > 0 ? { cluster } : {}),
        ...(Object.keys(instance).length > 0 ? { instance } : {}),
    };
}

/**
 * Reads the database as the CLI does, from the configured primary region: DescribeGlobalClusters,
 * then (when it exists) `describeTopology` with the target, pending maintenance when the stack
 * opts in to applying it, and the declared target-family groups when the change is a major
 * upgrade (exactly the flags the upgrade step passes). A missing global cluster is a new
 * database: AWS must offer `target` with global database support in every member region (the
 * engine catalogue), else the preview stops naming the version, the region and the versions
 * offered. Any failed read stops the preview with the operation, the region and the fix.
 */
export async function readLiveState(
    parent: pulumi.Resource,
    name: string,
    engine: Engine,
    globalClusterIdentifier: string,
    members: readonly ResolvedMember[],
    target: Target,
    upgrade: ResolvedUpgrade,
    reads: FactsReads = {},
): Promise<LiveState> {
    const identity = reads.identity ?? {};
    const api = new FactsGateway({
        clients: awsFactsClients(identity),
        clock: awsFactsClock(),
        log: { info: () => undefined, warn: (m) => void pulumi.log.warn(m, parent) },
    });
    const home = members[0].region;
    try {
        const global = await describeGlobalCluster(api, home, globalClusterIdentifier).catch((e) => {
            // Only AWS's own fault means "not created yet" (a stranger's 404 is not: aws/gateway.ts).
            if (errorCode(e) === "GlobalClusterNotFoundFault") return undefined;
            throw e;
        });
        if (!global) {
            if (reads.existed) throw missingDatabase(parent, globalClusterIdentifier, home, identity);
            const regions = members.map((m) => m.region);
            await checkNewDatabaseVersion(api, name, engine, target, regions, parent);
            return {};
        }
        const major = targetFamilyIfMajor(engine, global.EngineVersion, target) !== undefined;
        const groups = major ? declaredGroupOverrides(members) : undefined;
        const topology = await describeTopology(api, home, globalClusterIdentifier, {
            target,
            global,
            strategy: upgrade.strategy,
            ...(upgrade.applyPendingPatches !== false ? { pendingMaintenance: true } : {}),
            ...(groups ? { parameterGroups: groups, parameterGroupsFrom: "component" as const } : {}),
        });
        const unread =
            upgrade.applyPendingPatches !== false ? topology.members.find((m) => !m.pendingActions) : undefined;
        if (unread)
            throw new pulumi.ResourceError(
                `cannot read the pending maintenance of cluster "${unread.cluster}" (${unread.region}) to plan the patch round: nothing was planned; check that the deployer may call rds:DescribePendingMaintenanceActions and run again`,
                parent,
                true,
            );
        return { topology, readAt: api.clock.now() };
    } catch (e) {
        if (e instanceof pulumi.ResourceError) throw e;
        if (e instanceof InputError)
            throw new pulumi.ResourceError(`cannot plan the upgrade: ${e.message}`, parent, true);
        const failed = api.lastFailure;
        const where = failed ? `${failed.operation} in ${failed.region}` : "AWS";
        throw new pulumi.ResourceError(
            `cannot read global cluster "${globalClusterIdentifier}" to plan the upgrade (${where}: ${describeAwsError(e)}): nothing was planned; check that the deployer may call rds:${failed?.operation ?? "Describe*"} and run again`,
            parent,
            true,
        );
    }
}

/** Who the preview reads as, and what the stack's state says. */
export interface FactsReads {
    /** The identity of the upgrade steps (`stepIdentity`): the preview reads as it. */
    readonly identity?: AwsIdentity;
    /** The stack's last update recorded this database (its `upgradeSteps` output names it). */
    readonly existed?: boolean;
}

/**
 * The global cluster the stack's state says exists is not found: the read went to another account,
 * region or endpoint than the stack's resources (or the database was deleted outside Pulumi).
 * Never planned as a new database: that would declare nothing to upgrade while the database runs.
 */
function missingDatabase(
    parent: pulumi.Resource,
    id: string,
    region: string,
    identity: AwsIdentity,
): pulumi.ResourceError {
    const as = describeIdentity(identity);
    return new pulumi.ResourceError(
        `global cluster "${id}" is not found in ${region} reading as ${as}, but this stack's last update recorded it: the preview would read another account, region or endpoint than the stack's resources. Nothing was planned. Fix: make aws:profile, aws:assumeRoles and aws:endpoints (or upgrade.identity) name the account that holds the database; if the database was deleted outside Pulumi on purpose, run one update with upgrade.keepCompletedSteps false (it reads no last state)`,
        parent,
        true,
    );
}

/** "profile prod, role arn:…, endpoint …", or "the default credential chain". */
function describeIdentity(identity: AwsIdentity): string {
    const parts = [
        identity.profile ? `profile ${identity.profile}` : "",
        identity.roleArn ? `role ${identity.roleArn}` : "",
        identity.endpointUrl ? `endpoint ${identity.endpointUrl}` : "",
    ].filter((p) => p);
    return parts.length > 0 ? parts.join(", ") : "the default credential chain";
}

/**
 * The planner's input: what AWS reports (the CLI's `toPlanInput`, roles from the live writer)
 * with the declared engine as the target engine, every declared member AWS does not list yet as
 * a new secondary, and each member's own pinned version. Without a global cluster, the declared
 * members with their configured roles and no versions (a new database).
 */
export function buildPlanInput(
    engine: Engine,
    globalClusterIdentifier: string,
    target: Target,
    members: readonly ResolvedMember[],
    upgrade: ResolvedUpgrade,
    live: LiveState,
): PlanInput {
    const options: PlanOptions = {
        strategy: upgrade.strategy,
        allowMajorVersionUpgrade: upgrade.allowMajorVersionUpgrade,
        snapshotBeforeUpgrade: upgrade.snapshotBeforeUpgrade,
        applyPendingPatches: upgrade.applyPendingPatches,
        mysqlInPlaceMajorConfirmed: upgrade.mysqlInPlaceMajorConfirmed,
        switchoverTimeoutSeconds: upgrade.switchoverTimeoutSeconds,
        oldClusters: upgrade.oldClusters,
    };
    const declared = (m: ResolvedMember, role: MemberState["role"]): MemberState => ({
        cluster: m.clusterIdentifier,
        region: m.region,
        role,
        instanceCount: m.instanceCount,
        ...(m.engineVersion !== undefined ? { declaredVersion: m.engineVersion } : {}),
    });
    if (!live.topology)
        return {
            engine,
            globalClusterId: globalClusterIdentifier,
            target,
            members: members.map((m) => declared(m, m.role)),
            options,
        };
    const base = toPlanInput(live.topology, target, options, live.readAt);
    const pinned = new Map(members.map((m) => [m.clusterIdentifier, m.engineVersion]));
    const listed = new Set(base.members.map((s) => s.cluster));
    return {
        ...base,
        engine,
        globalCurrentEngine: live.topology.engine,
        members: [
            ...base.members.map((s) => {
                const version = pinned.get(s.cluster);
                return version !== undefined ? { ...s, declaredVersion: version } : s;
            }),
            ...members.filter((m) => !listed.has(m.clusterIdentifier)).map((m) => declared(m, "secondary")),
        ],
    };
}

/** The configured primary when AWS reports another member as the writer (after a switchover or failover). */
export function movedWriter(
    members: readonly ResolvedMember[],
    live: LiveState,
): { readonly configured: ResolvedMember; readonly writer: { cluster: string; region: string } } | undefined {
    const writer = live.topology?.members.find((m) => m.role === "primary");
    const configured = members[0];
    if (!writer || writer.cluster === configured.clusterIdentifier) return undefined;
    return { configured, writer: { cluster: writer.cluster, region: writer.region } };
}

/**
 * What the component plans from, in one call: the live state read as the CLI reads it
 * ({@link readLiveState}) and the planner's input built from it ({@link buildPlanInput}).
 */
export async function readPlanInput(
    ...read: Parameters<typeof readLiveState>
): Promise<{ readonly live: LiveState; readonly input: PlanInput }> {
    const [, , engine, globalClusterIdentifier, members, target, upgrade] = read;
    const live = await readLiveState(...read);
    return { live, input: buildPlanInput(engine, globalClusterIdentifier, target, members, upgrade, live) };
}
