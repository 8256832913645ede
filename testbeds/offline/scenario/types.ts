import { Engine } from "../../../engine-versions";
import { OldClusters, Role } from "../../../vocabulary";

/** One pending maintenance action AWS reports for a member (DescribePendingMaintenanceActions). */
export interface ScenarioPendingAction {
    /** Default `system-update`. */
    readonly action: string;
    /** The version it brings (PostgreSQL patch level such as `17.4.6`, Aurora MySQL full version). */
    readonly targetVersion?: string;
    /** How long applying it keeps the member `upgrading`; default: the member's upgrade duration. */
    readonly minutes?: number;
}

/** One member cluster of the global database as it runs in AWS now. */
export interface ScenarioMember {
    /** DB cluster identifier. Default `<globalCluster>-<region>`, the component's naming. */
    readonly cluster: string;
    readonly region: string;
    readonly role: Role;
    /** Number of DB instances (0: a headless secondary). */
    readonly instances: number;
    /** This member's own version when it differs from the database's (a half-done upgrade). */
    readonly version?: string;
    /** How long an engine upgrade of this member takes, in (virtual) minutes. */
    readonly upgradeMinutes: number;
    /** True when the member's cluster parameter group sets `rds.global_db_rpo` (PostgreSQL). */
    readonly rpo: boolean;
    readonly pendingActions: readonly ScenarioPendingAction[];
    /** Fault: the member's next engine upgrade ends in `upgrade_failed`. */
    readonly failUpgrade: boolean;
    /** A custom cluster parameter group (of the running version's family) and its user-set parameters. */
    readonly clusterParameterGroup?: { readonly name: string; readonly parameters: Readonly<Record<string, string>> };
    /**
     * An RDS Proxy of this name (in the member's region, made outside the stack) targets the
     * cluster: DescribeDBProxies / DescribeDBProxyTargets list it (a blue/green limit, docs/aws-rules.md §8).
     */
    readonly rdsProxy?: string;
}

/** What runs in AWS before the pull request is merged. */
export interface ScenarioAws {
    readonly globalCluster: string;
    readonly engine: Engine;
    /** Version of every member; PostgreSQL may carry the patch level `aurora_version()` prints (`17.4.5`). */
    readonly version: string;
    readonly members: readonly ScenarioMember[];
    /**
     * AWS (or someone at the console) upgraded every member past the stack's `engineVersion` on
     * main: creating the stack cannot reach that, so the state is seeded from this block.
     */
    readonly upgradedByAws?: boolean;
}

/** What a blue/green scenario asserts about the switchover and the old (blue) clusters. */
export interface ScenarioBlueGreenExpect {
    /** The `SwitchoverTimeout` the run sent with SwitchoverBlueGreenDeployment. @default 300 */
    readonly switchoverTimeoutSeconds: number;
    /** The switchover of every region (virtual time, SWITCHOVER_IN_PROGRESS → COMPLETED) took at most this. @default 60 */
    readonly switchoverWithinSeconds: number;
    /**
     * `keep`: every old `<cluster>-old1` exists, deletion protection on, tagged with the deployment;
     * `delete`: none is left. @default keep
     */
    readonly oldClusters: OldClusters;
}

/** What the scenario's test asserts. */
export interface ScenarioExpect {
    /** The planner's path: none, managed, rolling, patch, major (or create). */
    readonly path: string;
    /** True when the change is blocked (exit 2, no AWS change). */
    readonly blocked: boolean;
    /** Every member's EngineVersion at the end (the starting one when blocked). */
    readonly finalVersion: string;
    /** Members that end elsewhere (a failed run), by cluster identifier. */
    readonly finalVersions?: Readonly<Record<string, string>>;
    /** Exit code of the run. Default 2 when blocked, else 0. */
    readonly exitCode: number;
    /** Rule ids of the violations, when blocked. */
    readonly rules?: readonly string[];
    /** Clusters in the order ModifyDBCluster changed their engine version (a rolling upgrade's order). */
    readonly upgradeOrder?: readonly string[];
    /** The cluster the pre-upgrade snapshot was taken of. */
    readonly snapshotOf?: string;
    /** Every member's cluster parameter group at the end (a major's target-family group). */
    readonly finalClusterParameterGroup?: string;
    /** Blue/green runs: one deployment, switched over, deleted; the old clusters as asked. */
    readonly blueGreen?: ScenarioBlueGreenExpect;
    /** Fragments the run's output contains (a plan's failover statement, a warning, a policy's name). */
    readonly outputIncludes?: readonly string[];
}

/** A scenario file of `testbeds/scenarios/`, validated. */
export interface Scenario {
    /** The file name without `.yaml`. */
    readonly name: string;
    readonly description: string;
    /** Stack to start from: `Pulumi.<stack>.yaml` (default `dev`). */
    readonly stack: string;
    /** The stack's config as it is on main, over `Pulumi.<stack>.yaml` (keys without the project prefix). */
    readonly stackConfig: Readonly<Record<string, unknown>>;
    /** The pull request: the config keys it changes, with their new values. */
    readonly pullRequest: Readonly<Record<string, unknown>>;
    readonly aws: ScenarioAws;
    readonly expect: ScenarioExpect;
}
