import {
    awsEngineVersion,
    communityMysqlVersion,
    Engine,
    engineLabel,
    EngineVersion,
    mysqlGlobalMinorInPlaceRefused,
} from "../engine-versions";
import { memberRef, MemberContext, overallChange, PlanContext, primaryOf } from "./context";
import { BLUE_GREEN_DOWNTIME } from "./impact";
import { BlueGreenLimit, DEFAULT_OLD_CLUSTERS, DEFAULT_SWITCHOVER_TIMEOUT_SECONDS, GreenQuota } from "../vocabulary";
import { replicationNote, replicationWords } from "./blue-green-replication";
import { BlueGreenSummary, MemberState, Violation } from "./types";
import { GROUP_FLAGS, VERSION_FLAGS } from "../cli-contract/flags";

/**
 * Aurora PostgreSQL: the lowest minor of each major that runs a Blue/Green Deployment ("Supported
 * Regions and Aurora DB engines for Blue/Green Deployments"; "Using Blue/Green Deployments for
 * Amazon Aurora Global Database"; docs/aws-rules.md §7). Every Aurora MySQL version is supported.
 * A major newer than the table is taken as supported (AWS answers for itself at create time).
 */
export const POSTGRES_BLUE_GREEN_MINIMUM: Readonly<Record<number, number>> = {
    11: 21,
    12: 16,
    13: 12,
    14: 9,
    15: 4,
    16: 1,
    17: 4,
};

/** The Aurora PostgreSQL versions blue/green runs on, from the table: `11.21+, 12.16+, …`. */
export function postgresBlueGreenVersions(): string {
    return Object.entries(POSTGRES_BLUE_GREEN_MINIMUM)
        .map(([major, minor]) => `${major}.${minor}+`)
        .join(", ");
}

/** The minimum version blue/green needs for `v`'s major, or undefined when `v` qualifies. */
export function blueGreenMinimumMissed(v: EngineVersion): string | undefined {
    if (v.engine !== "aurora-postgresql") return undefined;
    const minimum = POSTGRES_BLUE_GREEN_MINIMUM[Number(v.major)];
    return minimum !== undefined && v.minor < minimum ? `${v.major}.${minimum}` : undefined;
}

const isBlueGreen = (ctx: PlanContext) => ctx.input.options.strategy === "blue-green";

/** Existing members whose in-place minor upgrade AWS refuses (a newer community MySQL). */
export function refusedInPlace(ctx: PlanContext): MemberContext[] {
    return ctx.members.filter(
        (m) => m.current && ctx.target && m.change === "minor" && mysqlGlobalMinorInPlaceRefused(m.current, ctx.target),
    );
}

const community = (v: EngineVersion | undefined): string => {
    const c = v && communityMysqlVersion(v);
    return c ? ` (community MySQL ${c})` : "";
};

/** `mysql-minor-in-place-refused`: strategies that upgrade members in place (auto, rolling). */
export function mysqlMinorInPlaceRefused(ctx: PlanContext): Violation[] {
    const strategy = ctx.input.options.strategy;
    if (strategy !== "auto" && strategy !== "rolling") return [];
    const refused = refusedInPlace(ctx);
    if (refused.length === 0 || !ctx.target) return [];
    const from = (primaryOf(ctx)?.current ?? refused[0].current)!;
    // AWS refuses the first member a rolling upgrade touches: a secondary.
    const first = refused.find((m) => m.state.role === "secondary") ?? refused[0];
    return [
        {
            rule: "mysql-minor-in-place-refused",
            message:
                `${from.text}${community(from)} → ${ctx.target.text}${community(ctx.target)} is a minor upgrade to a newer community MySQL: ` +
                `AWS refuses it in place on a global database ("In-place minor version upgrade of Aurora MySQL global database cluster ` +
                `'${first.state.cluster}' to Aurora MySQL engine version ${ctx.target.text} isn't supported")`,
            fix:
                `use strategy "blue-green" (upgrade.strategy: blue-green, or ${VERSION_FLAGS.strategy} blue-green): a green copy of every region is upgraded while production runs, then one switchover; ` +
                "or remove the secondary regions, upgrade the primary and add them again (docs/upgrade-paths.md: remove, upgrade, re-add). Only a patch inside one minor rolls in place",
        },
    ];
}

/** `blue-green-not-available`: the version or the change cannot go through a Blue/Green Deployment. */
export function blueGreenNotAvailable(ctx: PlanContext): Violation[] {
    if (!isBlueGreen(ctx)) return [];
    const change = overallChange(ctx);
    if (change === "none" || change === "downgrade" || change === "engine-change") return [];
    const label = engineLabel(ctx.input.engine);
    if (ctx.input.engine === "aurora-postgresql" && change === "patch")
        return [
            {
                rule: "blue-green-not-available",
                message: `${ctx.input.target.text} is a patch level of ${label} ${awsEngineVersion(ctx.target!)}: a Blue/Green Deployment targets an engine version, and patch levels are not engine versions`,
                fix: 'use strategy "auto" (pending maintenance system-update, secondaries first)',
            },
        ];
    const running = primaryOf(ctx)?.current ?? ctx.members.find((m) => m.current)?.current;
    const minimum = running && blueGreenMinimumMissed(running);
    if (!running || !minimum) return [];
    return [
        {
            rule: "blue-green-not-available",
            message: `${label} ${running.text} does not support Blue/Green Deployments: the ${running.major} line needs ${minimum} or newer`,
            fix: `upgrade to ${minimum} or newer first (strategy "auto"), then use blue-green; or upgrade with strategy "auto"`,
        },
    ];
}

/** Why a limit rules the member out and how to lift it; the words may name what AWS reported (the proxies). */
interface LimitWords {
    readonly why: string | ((m: MemberState) => string);
    readonly fix: string | ((m: MemberState) => string);
}

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(", ");

const LIMIT_WORDS: Record<BlueGreenLimit, LimitWords> = {
    "secrets-manager-password": {
        why: "its master user password is managed in AWS Secrets Manager, which Blue/Green Deployments do not support",
        fix: "turn off the managed master password (ModifyDBCluster ManageMasterUserPassword false with a new MasterUserPassword kept as a Pulumi secret) for the upgrade, or use another strategy",
    },
    // CreateBlueGreenDeployment refuses with DBClusterQuotaExceededFault / InstanceQuotaExceededFault
    // (docs/aws-rules.md §8).
    "account-quota": {
        why: (m) => `its green copy would pass ${quotaPhrase(m)}`,
        fix: (m) =>
            `raise the quota in ${m.region} (Service Quotas, Amazon RDS: ${[...new Set((m.quotaShortfalls ?? []).map((s) => QUOTA_NAMES[s.quota]))].join(", ") || "DB clusters, DB instances"}) or delete unused clusters and instances there, then run again; or use another strategy (auto, rolling, managed), which adds no cluster`,
    },
    // "Global Database does not support RDS Proxy with blue/green deployments" ("Using RDS Proxy
    // with Blue/Green Deployments", docs/aws-rules.md §8).
    "rds-proxy": {
        why: (m) =>
            `${proxiesPhrase(m.rdsProxies ?? [])}, and AWS does not support RDS Proxy with blue/green deployments of a global database`,
        fix: (m) => {
            const names = m.rdsProxies ?? [];
            const deregister =
                names.length > 0
                    ? names
                          .map(
                              (n) =>
                                  `aws rds deregister-db-proxy-targets --region ${m.region} --db-proxy-name ${n} --db-cluster-identifiers ${m.cluster}`,
                          )
                          .join("; ")
                    : `aws rds deregister-db-proxy-targets --region ${m.region} --db-proxy-name NAME --db-cluster-identifiers ${m.cluster}`;
            return `point the applications at the cluster endpoints and remove the cluster from the proxy for the upgrade (${deregister}), then register it again after the switchover; or use another strategy (auto, rolling, managed)`;
        },
    },
    "logical-replication": {
        why: "it is a logical replication publisher or subscriber, which the blue cluster of a Blue/Green Deployment cannot be",
        fix: "drop the publication or subscription for the upgrade, or use another strategy",
    },
    "external-binlog-replica": {
        why: "it is an external binary log replica, which the blue cluster of a Blue/Green Deployment cannot be",
        fix: "stop the external binlog replication for the upgrade, or use another strategy",
    },
    // CreateBlueGreenDeployment refuses a writer not prepared for replication (docs/aws-rules.md §8).
    "default-cluster-parameter-group": {
        why: (m) => replicationWords("default-cluster-parameter-group", m).why,
        fix: (m) => replicationWords("default-cluster-parameter-group", m).fix,
    },
    "replication-off": {
        why: (m) => replicationWords("replication-off", m).why,
        fix: (m) => replicationWords("replication-off", m).fix,
    },
    "writer-pending-reboot": {
        why: (m) => replicationWords("writer-pending-reboot", m).why,
        fix: (m) => replicationWords("writer-pending-reboot", m).fix,
    },
};

const words = (w: LimitWords["why"], m: MemberState): string => (typeof w === "string" ? w : w(m));

/** The Service Quotas names of AWS's quota names (DescribeAccountAttributes `AccountQuotaName`). */
const QUOTA_NAMES: Readonly<Record<GreenQuota, string>> = { DBClusters: "DB clusters", DBInstances: "DB instances" };

/** "the account's DB clusters quota in us-east-1 (40 used of 40; green adds 1)" and the like, every shortfall. */
function quotaPhrase(m: MemberState): string {
    const all = m.quotaShortfalls ?? [];
    if (all.length === 0) return `the account's DB cluster or DB instance quota in ${m.region}`;
    return all
        .map(
            (s) =>
                `the account's ${QUOTA_NAMES[s.quota]} quota in ${m.region} (${s.used} used of ${s.max}; green adds ${s.needed})`,
        )
        .join(" and ");
}

/** "RDS Proxy "a" targets it" / "RDS Proxies "a", "b" target it" / "an RDS Proxy targets it" (names unknown). */
function proxiesPhrase(names: readonly string[]): string {
    if (names.length === 0) return "an RDS Proxy targets it";
    return names.length === 1 ? `RDS Proxy ${quoted(names)} targets it` : `RDS Proxies ${quoted(names)} target it`;
}

/**
 * `blue-green-limits`: what AWS reports for a member that rules a Blue/Green Deployment out, and
 * target-family groups that cannot go into one deployment.
 */
export function blueGreenLimits(ctx: PlanContext): Violation[] {
    if (!isBlueGreen(ctx) || overallChange(ctx) === "none") return [];
    const limits = ctx.members.flatMap((m) =>
        [...new Set(m.state.blueGreenLimits ?? [])].map((limit) => ({
            rule: "blue-green-limits" as const,
            message: `${memberRef(m.state)} cannot be part of a Blue/Green Deployment: ${words(LIMIT_WORDS[limit].why, m.state)}`,
            fix: words(LIMIT_WORDS[limit].fix, m.state),
            cluster: m.state.cluster,
        })),
    );
    const groups = differingGreenGroups(ctx.members.map((m) => m.state)).map((d) => ({
        rule: "blue-green-limits" as const,
        message: differingGreenGroupsText(d),
        fix: `give the members' target-family ${d.kind} parameter groups one name in every region (the component's target${d.kind === "cluster" ? "Cluster" : "Instance"}ParameterGroupName, or the CLI's ${d.kind === "cluster" ? GROUP_FLAGS.cluster : GROUP_FLAGS.instance} CLUSTER=NAME)`,
    }));
    return [...limits, ...groups];
}

/** A member as the planner and the CLI's topology reader both see its target-family groups. */
export interface GreenGroupHolder {
    readonly cluster: string;
    readonly region: string;
    readonly targetClusterParameterGroup?: string;
    readonly targetInstanceParameterGroup?: string;
}

/** Target-family groups of one kind that differ between members: each named member with its group. */
export interface DifferingGreenGroups {
    readonly kind: "cluster" | "instance";
    readonly named: readonly { readonly cluster: string; readonly region: string; readonly group: string }[];
}

/**
 * CreateBlueGreenDeployment takes one `TargetDBClusterParameterGroupName` and one
 * `TargetDBParameterGroupName` for every region (API_CreateBlueGreenDeployment): the members'
 * target-family groups of each kind must share one name. The kinds whose names differ (none when
 * they agree or no member names one). The plan blocks them (`blue-green-limits`).
 */
export function differingGreenGroups(members: readonly GreenGroupHolder[]): DifferingGreenGroups[] {
    const kinds = [
        ["cluster", (m: GreenGroupHolder) => m.targetClusterParameterGroup],
        ["instance", (m: GreenGroupHolder) => m.targetInstanceParameterGroup],
    ] as const;
    return kinds.flatMap(([kind, pick]) => {
        const named = members.flatMap((m) => {
            const group = pick(m);
            return group === undefined ? [] : [{ cluster: m.cluster, region: m.region, group }];
        });
        return new Set(named.map((n) => n.group)).size > 1 ? [{ kind, named }] : [];
    });
}

/** What differs, in the words the plan and the CLI both print. */
function differingGreenGroupsText(d: DifferingGreenGroups): string {
    return `a blue/green deployment starts every region's green ${d.kind === "cluster" ? "clusters" : "instances"} on one target-family ${d.kind} parameter group (CreateBlueGreenDeployment takes one name), but the members' groups differ: ${d.named
        .map((n) => `"${n.group}" (${n.cluster}, ${n.region})`)
        .join(", ")}`;
}

/** The cost, downtime and timeout of a blue/green plan. */
export function blueGreenSummary(ctx: PlanContext): BlueGreenSummary {
    const existing = ctx.members.filter((m) => m.current !== undefined);
    const source = primaryOf(ctx) ?? existing[0];
    return {
        sourceCluster: source?.state.cluster ?? ctx.input.globalClusterId,
        sourceRegion: source?.state.region ?? "",
        greenClusters: existing.length,
        greenInstances: existing.reduce((n, m) => n + m.state.instanceCount, 0),
        switchoverTimeoutSeconds: ctx.input.options.switchoverTimeoutSeconds ?? DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
        oldClusters: ctx.input.options.oldClusters ?? DEFAULT_OLD_CLUSTERS,
        expectedDowntime: BLUE_GREEN_DOWNTIME,
    };
}

/**
 * The plan's notes on the blue/green path: cost, downtime, timeout, what to leave alone meanwhile,
 * and (given the engine) what AWS asks of the writer before it (blue-green-replication.ts).
 */
export function blueGreenNotes(s: BlueGreenSummary, engine?: Engine): string[] {
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
    return [
        `cost: a full copy of every cluster and instance (${plural(s.greenClusters, "cluster")}, ${plural(s.greenInstances, "instance")}) runs and costs until switchover and cleanup`,
        s.oldClusters === "keep"
            ? "after switchover the old clusters (renamed -old1) are kept, deletion protection on, and cost as much as the database until you delete them"
            : "after switchover the old clusters (renamed -old1) are deleted",
        `expected downtime: ${s.expectedDowntime}, all regions switch together; the clusters keep their names`,
        `switchover timeout ${s.switchoverTimeoutSeconds} s: past it AWS rolls the switchover back and production stays as it was`,
        "while the deployment exists: no stop/start of a member, no global switchover or failover (it invalidates the deployment)",
        ...(engine ? [replicationNote(engine)] : []),
    ];
}
