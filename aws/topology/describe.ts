import { GlobalCluster } from "@aws-sdk/client-rds";
import { awsTarget, Engine, isEngine, Target } from "../../engine-versions";
import { idFromArn, regionFromArn } from "../arn";
import { describeAwsError } from "../errors";
import { RdsGateway } from "../gateway";
import { endsTheRun, InputError } from "../run-errors";
import { BlueGreenLimit, Strategy } from "../../vocabulary";
import { blueGreenLimitsOf, withProxyLimit } from "./blue-green-limits";
import { writerInstanceOf, writerReplicationFacts } from "./blue-green-replication";
import { FactNeeds, factsNeeded } from "./fact-needs";
import {
    catalogueOf,
    instanceParameterGroupsOf,
    isDefaultGroup,
    pendingActionsOf,
    userClusterParameters,
} from "./facts";
import { GroupOverrides } from "../../cli-contract";
import { applyGroupOverrides, GroupSource } from "./group-overrides";
import { resumeTargets, TaggedGroupFinder } from "./group-tags";
import { familyOf, targetFamilyIfMajor, targetFamilyOf, targetGroupName } from "./parameter-groups";
import { proxiesTargeting } from "./rds-proxies";
import { accountQuotas, greenNeeds, shortfalls, withQuotaLimit } from "./account-quotas";
import { readLifecycles, withInstanceClasses } from "./lifecycles";
import { readCluster, readGlobalCluster } from "./reads";
import { MemberTopology, Topology } from "./types";

/** What to look up besides the members themselves. */
export interface DescribeOptions {
    /** The target, read at the process entry: which facts are read depends on the change to it (fact-needs.ts). */
    readonly target?: Target;
    /** Skip DescribeDBEngineVersions (status does not need it). */
    readonly skipCatalogue?: boolean;
    /** Read pending maintenance even when the plan cannot use it (see fact-needs.ts). */
    readonly pendingMaintenance?: boolean;
    /** Explicit target-family groups by member (hidden flags); checked, then they win. */
    readonly parameterGroups?: GroupOverrides;
    /** Who named them, for messages: the CLI's flags (default) or the component's member fields. */
    readonly parameterGroupsFrom?: GroupSource;
    /** DescribeGlobalClusters' answer when the caller read it already (see {@link describeGlobalCluster}). */
    readonly global?: GlobalCluster;
    /** The run's strategy: blue-green also reads the RDS Proxies that target each member, the quotas and the writer's replication settings (fact-needs.ts). */
    readonly strategy?: Strategy;
}

/**
 * Reads the global database: DescribeGlobalClusters from the home region, each member with a
 * client in its own region (region from its ARN, identifier rather than ARN), then only the facts
 * the command can use (fact-needs.ts): pending maintenance, parameter-group facts, the engine
 * catalogue for the versions in play.
 */
export async function describeTopology(
    api: RdsGateway,
    homeRegion: string,
    globalClusterId: string,
    options: DescribeOptions = {},
): Promise<Topology> {
    const global = options.global ?? (await readGlobalCluster(api, homeRegion, globalClusterId));
    const engine = engineOf(global, globalClusterId);
    const { ordered, writerArn } = writerFirst(global);
    const warnings: string[] = [];
    const family = options.target ? targetFamilyIfMajor(engine, global.EngineVersion, options.target) : undefined;
    const groups: GroupFacts = {
        family,
        targetFamily: targetFamilyOf(engine, options.target),
        finder: new TaggedGroupFinder(api),
    };
    const read = await Promise.all(ordered.map((m) => readMember(api, homeRegion, m, writerArn)));
    const needs = factsNeeded({
        engine,
        memberVersions: read.map((m) => m.engineVersion),
        target: options.target,
        skipCatalogue: options.skipCatalogue,
        groupOverrides: options.parameterGroups !== undefined,
        ...(options.strategy ? { strategy: options.strategy } : {}),
    });
    const wanted: FactNeeds = options.pendingMaintenance ? { ...needs, pendingMaintenance: true } : needs;
    const described = await Promise.all(
        read.map(async (m) => ({ ...m, ...(await memberFacts(api, engine, m, groups, wanted, warnings)) })),
    );
    requireWriter(described, globalClusterId);
    const members = options.parameterGroups
        ? await applyGroupOverrides(api, described, options.parameterGroups, {
              engine,
              globalClusterId,
              family,
              targetFamily: groups.targetFamily,
              ...(options.parameterGroupsFrom ? { from: options.parameterGroupsFrom } : {}),
          })
        : described;
    const catalogue = wanted.catalogue
        ? await readCatalogue(api, homeRegion, engine, members, options.target, warnings)
        : undefined;
    const lifecycles = wanted.catalogue ? await readLifecycles(api, homeRegion, engine, warnings) : undefined;
    const withClasses = await withInstanceClasses(api, engine, members, lifecycles, warnings);
    for (const w of warnings) api.log.warn(w);
    return {
        globalClusterId,
        homeRegion,
        engine,
        status: global.Status ?? "unknown",
        ...(global.EngineVersion ? { engineVersion: global.EngineVersion } : {}),
        members: withClasses,
        ...(catalogue ? { catalogue } : {}),
        ...(lifecycles ? { lifecycles } : {}),
        warnings,
    };
}

/** The global cluster's engine, refused unless it is one aurora-global handles. */
function engineOf(global: GlobalCluster, globalClusterId: string): Engine {
    const engine = global.Engine ?? "";
    if (!isEngine(engine)) {
        throw new InputError(
            `global cluster "${globalClusterId}" runs engine "${engine}": aurora-global handles "aurora-postgresql" and "aurora-mysql" global databases only`,
        );
    }
    return engine;
}

type GlobalMember = NonNullable<GlobalCluster["GlobalClusterMembers"]>[number];

/** The members with an ARN, the writer first: the writer is `IsWriter` (or, failing that, the member with readers). */
function writerFirst(global: GlobalCluster): { ordered: GlobalMember[]; writerArn?: string } {
    const raw = (global.GlobalClusterMembers ?? []).filter((m) => typeof m.DBClusterArn === "string");
    const writerArn =
        raw.find((m) => m.IsWriter === true)?.DBClusterArn ??
        raw.find((m) => (m.Readers ?? []).length > 0)?.DBClusterArn;
    const ordered = [...raw].sort(
        (a, b) => Number(b.DBClusterArn === writerArn) - Number(a.DBClusterArn === writerArn),
    );
    return { ordered, ...(writerArn ? { writerArn } : {}) };
}

/** One member as DescribeDBClusters reports it, read with a client in its own region (from its ARN). */
async function readMember(
    api: RdsGateway,
    homeRegion: string,
    m: GlobalMember,
    writerArn: string | undefined,
): Promise<MemberTopology> {
    const arn = m.DBClusterArn!;
    const region = regionFromArn(arn) ?? homeRegion;
    const cluster = idFromArn(arn);
    const c = await readCluster(api, region, cluster);
    return {
        cluster,
        arn: c.DBClusterArn ?? arn,
        region,
        role: arn === writerArn ? "primary" : "secondary",
        status: c.Status ?? "unknown",
        ...(c.EngineVersion ? { engineVersion: c.EngineVersion } : {}),
        instanceIds: (c.DBClusterMembers ?? [])
            .map((i) => i.DBInstanceIdentifier)
            .filter((x): x is string => typeof x === "string"),
        ...(c.DBClusterParameterGroup ? { clusterParameterGroup: c.DBClusterParameterGroup } : {}),
        ...(c.PreferredMaintenanceWindow ? { maintenanceWindow: c.PreferredMaintenanceWindow } : {}),
        ...withLimits(blueGreenLimitsOf(c)),
        ...withWriter(writerInstanceOf(c)),
    };
}

/** A database with members but no writer is mid-failover: nothing can be planned until it has one. */
function requireWriter(members: readonly MemberTopology[], globalClusterId: string): void {
    if (members.length > 0 && !members.some((m) => m.role === "primary")) {
        throw new InputError(
            `global cluster "${globalClusterId}" reports no writer member (failover in progress?): wait until it has a primary, then run the command again`,
        );
    }
}

/**
 * The engine catalogue for the versions in play (members' and the target's), from the home
 * region. Unavailable is a warning, not a stop: the plan is made without AWS's list of targets.
 */
async function readCatalogue(
    api: RdsGateway,
    homeRegion: string,
    engine: Engine,
    members: readonly MemberTopology[],
    target: Target | undefined,
    warnings: string[],
): Promise<Topology["catalogue"]> {
    const versions = members.map((m) => m.engineVersion).filter((v): v is string => typeof v === "string");
    const targetAws = target ? awsTarget(target, engine) : undefined;
    try {
        return await catalogueOf(api, homeRegion, engine, targetAws ? [...versions, targetAws] : versions);
    } catch (e) {
        if (endsTheRun(e)) throw e;
        warnings.push(
            `engine catalogue unavailable (DescribeDBEngineVersions: ${describeAwsError(e)}): planned without AWS's list of valid upgrade targets`,
        );
        return undefined;
    }
}

/** Parameter-group context of one topology read. */
interface GroupFacts {
    /** The target family when the global cluster goes through a major upgrade to the target. */
    readonly family?: string;
    /** The target's family (any change), when a target is given. */
    readonly targetFamily?: string;
    readonly finder: TaggedGroupFinder;
}

async function memberFacts(
    api: RdsGateway,
    engine: Engine,
    m: MemberTopology,
    groups: GroupFacts,
    needs: FactNeeds,
    warnings: string[],
): Promise<Partial<MemberTopology>> {
    const facts: { -readonly [K in keyof MemberTopology]?: MemberTopology[K] } = {};
    const { family } = groups;
    if (needs.pendingMaintenance) {
        try {
            facts.pendingActions = await pendingActionsOf(api, m.region, m.arn, engine);
        } catch (e) {
            if (endsTheRun(e)) throw e;
            warnings.push(
                `pending maintenance of cluster "${m.cluster}" (${m.region}) unavailable (DescribePendingMaintenanceActions: ${describeAwsError(e)})`,
            );
        }
    }
    let params: Map<string, string> | undefined;
    if (!isDefaultGroup(m.clusterParameterGroup)) {
        // User parameters matter to the major-upgrade rules only; a default group carries none (no call).
        if (needs.clusterParameters) {
            params = await userClusterParameters(api, m.region, m.clusterParameterGroup!);
            if (engine === "aurora-postgresql") facts.rpoEnabled = (params.get("rds.global_db_rpo") ?? "") !== "";
            else facts.lowerCaseTableNamesDefault = !["1", "2"].includes(params.get("lower_case_table_names") ?? "0");
            if (family && familyOf(engine, m.engineVersion) !== family)
                facts.targetClusterParameterGroup = targetGroupName(m.clusterParameterGroup!, family);
        }
    } else if (engine === "aurora-postgresql") {
        facts.rpoEnabled = false;
    } else {
        facts.lowerCaseTableNamesDefault = true;
    }
    if (needs.rdsProxies)
        Object.assign(facts, withProxyLimit(m, await proxiesTargeting(api, m.region, m.cluster, engine)));
    if (needs.accountQuotas)
        Object.assign(
            facts,
            withQuotaLimit(
                { blueGreenLimits: facts.blueGreenLimits ?? m.blueGreenLimits },
                shortfalls(await accountQuotas(api, m.region), greenNeeds(m)),
            ),
        );
    if (needs.blueGreenReplication)
        Object.assign(
            facts,
            await writerReplicationFacts(
                api,
                engine,
                { ...m, blueGreenLimits: facts.blueGreenLimits ?? m.blueGreenLimits },
                params,
            ),
        );
    return { ...facts, ...(needs.instanceGroups ? await instanceFacts(api, engine, m, groups, warnings) : {}) };
}

/** The instances' parameter groups, and the groups prepared for the member by an interrupted major upgrade. */
async function instanceFacts(
    api: RdsGateway,
    engine: Engine,
    m: MemberTopology,
    groups: GroupFacts,
    warnings: string[],
): Promise<Partial<MemberTopology>> {
    const facts: { -readonly [K in keyof MemberTopology]?: MemberTopology[K] } = {};
    const { family, targetFamily } = groups;
    if (targetFamily) {
        const instanceGroups = await instanceParameterGroupsOf(api, m.region, m.cluster);
        facts.instanceParameterGroups = instanceGroups;
        const custom = instanceGroups.find((n) => !isDefaultGroup(n));
        if (family && custom && familyOf(engine, m.engineVersion) !== family) {
            facts.instanceParameterGroup = custom;
            facts.targetInstanceParameterGroup = targetGroupName(custom, family, "parameter-group");
        }
        // At the target family on AWS's default groups: maybe the end of an interrupted major upgrade.
        if (familyOf(engine, m.engineVersion) === targetFamily)
            Object.assign(facts, await resumeTargets(groups.finder, m, targetFamily, instanceGroups, warnings));
    }
    return facts;
}

function withWriter(writer: MemberTopology["writerInstance"]): Pick<MemberTopology, "writerInstance"> {
    return writer ? { writerInstance: writer } : {};
}

/** `blueGreenLimits` when AWS reports any (members without a limit carry no field). */
function withLimits(limits: BlueGreenLimit[]): Pick<MemberTopology, "blueGreenLimits"> {
    return limits.length > 0 ? { blueGreenLimits: limits } : {};
}
