import { Engine } from "../../engine-versions";
import { Role } from "../../vocabulary";

/** The AWS account every simulated ARN carries. */
export const ACCOUNT_ID = "123456789012";

/** A parameter group to create (or reuse) for a seeded member. */
export interface SeedParameterGroup {
    readonly name: string;
    /** Defaults to the family of the member's version, e.g. `aurora-postgresql17`. */
    readonly family?: string;
    /** Parameters set by the user, e.g. `{ "rds.global_db_rpo": "20" }`. */
    readonly parameters?: Readonly<Record<string, string>>;
}

/** A pending maintenance action to seed on a member (DescribePendingMaintenanceActions). */
export interface SeedPendingAction {
    /** Default `system-update`. */
    readonly action?: string;
    /** Default "Upgrade to Aurora PostgreSQL 17.4.6" / "Upgrade to Aurora MySQL 3.08.1" from `targetVersion`. */
    readonly description?: string;
    /**
     * What applying it brings: PostgreSQL patch level (`17.4.6`, seen only through
     * `aurora_version()`), Aurora MySQL full EngineVersion (`8.0.mysql_aurora.3.08.1`).
     * Omitted: an OS update that changes no version.
     */
    readonly targetVersion?: string;
    /** How long applying it keeps the member `upgrading`. Default: the member's upgrade duration. */
    readonly durationMs?: number;
    /** An opt-in AWS has already received (e.g. an earlier `next-maintenance`), with its date (ms). */
    readonly optInStatus?: "immediate" | "next-maintenance";
    readonly currentApplyDate?: number;
}

/** One member cluster of the seeded global database. */
export interface SeedMember {
    /** DB cluster identifier. */
    readonly id: string;
    readonly region: string;
    readonly role: Role;
    /** Number of DB instances. Default 1 (0 models a headless secondary). */
    readonly instances?: number;
    /** Default `db.r6g.large`. */
    readonly instanceClass?: string;
    /** This member's own version when it differs from the topology's (a half-done upgrade). */
    readonly version?: string;
    /** Cluster parameter group: a name (existing or `default.<family>`) or one to create. */
    readonly clusterParameterGroup?: string | SeedParameterGroup;
    /** Instance parameter group of every instance, as above. */
    readonly instanceParameterGroup?: string | SeedParameterGroup;
    /** Shortcut: a custom cluster parameter group with `rds.global_db_rpo` = "20". */
    readonly rpo?: boolean;
    /** How long an engine upgrade of this member takes. Default: the simulator's default. */
    readonly upgradeDurationMs?: number;
    /** Master password managed in Secrets Manager: blue/green deployments refuse the cluster. */
    readonly managedMasterPassword?: boolean;
    readonly pendingActions?: readonly SeedPendingAction[];
    /** PreferredMaintenanceWindow, `ddd:hh24:mi-ddd:hh24:mi` UTC. Default: `DEFAULT_MAINTENANCE_WINDOW`. */
    readonly preferredMaintenanceWindow?: string;
    /** Custom endpoints of the cluster (CreateDBClusterEndpoint), by identifier: listed in blue/green SwitchoverDetails. */
    readonly customEndpoints?: readonly string[];
}

/** An RDS Proxy to seed in `region`, targeting member clusters there (its default target group). */
export interface SeedProxy {
    readonly name: string;
    readonly region: string;
    /** Cluster identifiers in `region` the proxy targets. Default none. */
    readonly targets?: readonly string[];
    /** Default the family of the topology's engine (`POSTGRESQL` / `MYSQL`). */
    readonly engineFamily?: "MYSQL" | "POSTGRESQL";
}

/** A global database to create in one call with {@link SimulatedRds.seed}. */
export interface SeedTopology {
    /** Global cluster identifier. Omit to seed standalone regional clusters (no global cluster). */
    readonly globalClusterId?: string;
    readonly engine: Engine;
    /**
     * Version of every member. PostgreSQL may carry the patch level (`17.4.5`): EngineVersion then
     * reads `17.4` and {@link SimulatedRds.auroraVersion} gives `17.4.5`. Default patch level `.0`.
     */
    readonly version: string;
    readonly members: readonly SeedMember[];
    /** RDS Proxies in the members' regions (DescribeDBProxies, DescribeDBProxyTargets). */
    readonly proxies?: readonly SeedProxy[];
    /** Tags of the global cluster (CreateGlobalCluster `Tags`; DescribeGlobalClusters `TagList`). */
    readonly tags?: Readonly<Record<string, string>>;
}

export function clusterArn(region: string, id: string): string {
    return `arn:aws:rds:${region}:${ACCOUNT_ID}:cluster:${id}`;
}

/** A custom endpoint's ARN (`cluster-endpoint`: aws-cli describe-blue-green-deployments.rst, Aurora example). */
export function clusterEndpointArn(region: string, id: string): string {
    return `arn:aws:rds:${region}:${ACCOUNT_ID}:cluster-endpoint:${id}`;
}

export function instanceArn(region: string, id: string): string {
    return `arn:aws:rds:${region}:${ACCOUNT_ID}:db:${id}`;
}

export function globalClusterArn(id: string): string {
    return `arn:aws:rds::${ACCOUNT_ID}:global-cluster:${id}`;
}

export function snapshotArn(region: string, id: string): string {
    return `arn:aws:rds:${region}:${ACCOUNT_ID}:cluster-snapshot:${id}`;
}

export function parameterGroupArn(region: string, kind: "cluster-pg" | "pg", name: string): string {
    return `arn:aws:rds:${region}:${ACCOUNT_ID}:${kind}:${name}`;
}

/** The region of an RDS ARN, or undefined when `value` is not an ARN. */
export function regionOfArn(value: string): string | undefined {
    const m = /^arn:aws:rds:([a-z0-9-]*):\d+:/.exec(value);
    return m ? m[1] : undefined;
}

/** The resource identifier at the end of an ARN, or `value` itself when it is not an ARN. */
export function idFromArnOrId(value: string): string {
    // AWS stores identifiers lowercase and matches them regardless of case (API_CreateDBCluster, API_ModifyGlobalCluster).
    return (value.startsWith("arn:") ? value.slice(value.lastIndexOf(":") + 1) : value).toLowerCase();
}

export function proxyArn(region: string, name: string): string {
    // AWS names a proxy's ARN by its resource id (`prx-` and 17 characters), not by its name.
    let h = 0;
    for (const c of `${region}/${name}`) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    return `arn:aws:rds:${region}:${ACCOUNT_ID}:db-proxy:prx-${h.toString(16).padStart(17, "0")}`;
}
