import {
    ChangeKind,
    classifyChange,
    Engine,
    largerChange,
    Target,
    targetVersion,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";
import { Strategy } from "../../vocabulary";
import { mayTakeBlueGreenPath } from "../../planner";

/**
 * Which facts a topology read looks up besides the members themselves. Each costs calls in every
 * member's region at the start of a run (AWS allows a burst of about 300 per region), so only
 * what the plan can use is read:
 *
 * - pending maintenance: without a target (status, patch), or when the target changes no more
 *   than the patch level (a patch round: the planner applies what AWS has pending);
 * - user cluster parameters (rds.global_db_rpo, lower_case_table_names): a major upgrade only
 *   (the rules that read them are about major upgrades);
 * - instance parameter groups and the tagged groups of an interrupted major upgrade: a major
 *   upgrade, or every member already at the target (the resume of one), or explicit groups;
 * - the engine catalogue: a version change only;
 * - the RDS Proxies that target each member (DescribeDBProxies, DescribeDBProxyTargets): a
 *   blue/green run with a version change only (the `rds-proxy` limit, rds-proxies.ts); other
 *   strategies make no proxy call;
 * - the account's quotas in each member's region (DescribeAccountAttributes): the same blue/green
 *   runs only (the `account-quota` limit, account-quotas.ts);
 * - the writer's replication settings (its cluster parameter group's `binlog_format` or
 *   `rds.logical_replication`, its writer instance in sync): the blue-green strategy only, with a
 *   change to make (docs/aws-rules.md §8).
 *
 * When a version cannot be classified (missing, malformed, a downgrade or another engine),
 * everything is read: the planner then decides with every fact it may need.
 */
export interface FactNeeds {
    readonly pendingMaintenance: boolean;
    readonly clusterParameters: boolean;
    readonly instanceGroups: boolean;
    readonly catalogue: boolean;
    readonly rdsProxies: boolean;
    readonly accountQuotas: boolean;
    readonly blueGreenReplication: boolean;
}

/** What decides the facts to read. */
export interface FactQuery {
    readonly engine: Engine;
    /** Each member's EngineVersion as AWS reports it (undefined when it reports none). */
    readonly memberVersions: readonly (string | undefined)[];
    /** The target the command plans for (read at its entry); undefined for status and patch. */
    readonly target?: Target;
    /** Status and patch skip the catalogue. */
    readonly skipCatalogue?: boolean;
    /** Explicit target-family groups were given (hidden flags). */
    readonly groupOverrides?: boolean;
    /** The run's strategy, when it has one: only blue-green reads the RDS Proxies, quotas and the writer's replication settings. */
    readonly strategy?: Strategy;
}

/** The largest change from the members' versions to the target, or `unknown`. */
export type OverallChange = "none" | "patch" | "minor" | "major" | "unknown";

/** The largest change over the members, as the planner sees it; `unknown` when one cannot be classified. */
export function overallChange(
    engine: Engine,
    memberVersions: readonly (string | undefined)[],
    target: Target,
): OverallChange {
    const to = targetVersion(target, engine);
    if (to === undefined || memberVersions.length === 0) return "unknown";
    let overall: ChangeKind = "none";
    for (const version of memberVersions) {
        const from = version === undefined ? undefined : tryParseVersion(engine, version);
        if (from === undefined || from instanceof VersionParseError) return "unknown";
        const change = classifyChange(from, to);
        if (change === "downgrade" || change === "engine-change") return "unknown";
        overall = largerChange(overall, change);
    }
    return overall as OverallChange;
}

/** The facts a topology read needs for `q` (pure; see {@link FactNeeds}). */
export function factsNeeded(q: FactQuery): FactNeeds {
    if (q.target === undefined) {
        return {
            pendingMaintenance: true,
            clusterParameters: false,
            instanceGroups: false,
            catalogue: !q.skipCatalogue,
            rdsProxies: false,
            accountQuotas: false,
            blueGreenReplication: false,
        };
    }
    const change = overallChange(q.engine, q.memberVersions, q.target);
    const unknown = change === "unknown";
    const blueGreen = q.strategy !== undefined && mayTakeBlueGreenPath(q.strategy) && change !== "none";
    return {
        pendingMaintenance: unknown || change === "none" || change === "patch",
        clusterParameters: unknown || change === "major",
        instanceGroups: unknown || change === "major" || change === "none" || q.groupOverrides === true,
        catalogue: !q.skipCatalogue && change !== "none",
        rdsProxies: blueGreen,
        accountQuotas: blueGreen,
        blueGreenReplication: blueGreen,
    };
}
