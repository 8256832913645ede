import { OptInType, Strategy } from "../../planner";
import { OldClusters } from "../../vocabulary";
import { UPGRADE_OPTIONS } from "../../upgrade-options";
import { DEFAULTS } from "./defaults";
import { AwsIdentity } from "../../cli-contract";

/** How an engine-version change is carried out. */
export interface UpgradeArgs {
    /**
     * `auto` uses AWS's managed global operation where it exists (Aurora PostgreSQL minor),
     * rolling otherwise; `managed` insists on it; `rolling` upgrades each secondary, then the primary;
     * `blue-green` upgrades a green copy of every region (Blue/Green Deployment) and switches all
     * regions over at once (never chosen by `auto`: it doubles the clusters while it runs).
     * @default "auto"
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/aurora-global-database-upgrade.html
     */
    readonly strategy?: Strategy;
    /**
     * Opt-in to a major version upgrade (ModifyGlobalCluster with AllowMajorVersionUpgrade).
     * @default false
     */
    readonly allowMajorVersionUpgrade?: boolean;
    /**
     * Take a cluster snapshot of the primary before upgrading (minor upgrades cannot be rolled back).
     * @default true
     */
    readonly snapshotBeforeUpgrade?: boolean;
    /**
     * How long one upgrade step may take before it stops with an error; integer 1–10080.
     * @default the CLI's (`--timeout-minutes` not passed: 180)
     */
    readonly timeoutMinutes?: number;
    /**
     * Fixed seconds between status polls while waiting; integer 1–3600.
     * @default the CLI's adaptive polling (`--poll-seconds` not passed)
     */
    readonly pollSeconds?: number;
    /**
     * Apply pending `system-update` maintenance actions (patch levels), secondaries first:
     * `immediate`, at the `next-maintenance` window, or `false` to leave them alone.
     * @default false
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ApplyPendingMaintenanceAction.html
     */
    readonly applyPendingPatches?: false | OptInType;
    /**
     * Aurora MySQL 2 → 3 in place: confirms `lower_case_table_names` is at its default and the
     * reboot is accepted.
     * @default false
     */
    readonly mysqlInPlaceMajorConfirmed?: boolean;
    /**
     * Blue/green (`strategy: "blue-green"`): seconds AWS may take to switch every region over
     * (SwitchoverBlueGreenDeployment `SwitchoverTimeout`, 30–3600); past it AWS rolls back.
     * @default 300
     * @see https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_SwitchoverBlueGreenDeployment.html
     */
    readonly switchoverTimeoutSeconds?: number;
    /**
     * Blue/green: the old clusters (renamed `-old1` by the switchover) are `keep`-t (deletion
     * protection on, tagged, costing until you delete them) or `delete`-d after switchover.
     * @default "keep"
     */
    readonly oldClusters?: OldClusters;
    /**
     * Keep the steps of the last upgrade declared, unchanged, while `engineVersion` stays the
     * version they upgraded to, so the preview after a successful upgrade shows no change (they
     * do not run again). They go when the version changes (the new plan's steps replace them) or
     * the plan is blocked. The component reads them from the stack's own last `upgradeSteps`
     * output (a self `StackReference`), which the stack program must export
     * (`export const upgradeSteps = db.upgradeStepsRecord`). `false`: no reference is read and the
     * steps are deleted by the next update after they ran.
     * @default true
     */
    readonly keepCompletedSteps?: boolean;
    /**
     * The command line that starts the orchestrator CLI in the upgrade steps.
     * @default `node /abs/path/node_modules/aurora-global/bin/aurora-global.js`: the CLI of the
     * installed package by its absolute path (`require.resolve`), so the steps run from any
     * project directory and from an Automation API inline program
     */
    readonly cli?: string;
    /**
     * Whom the upgrade steps act as: a profile, a role to assume (with session name and external
     * id) and an RDS endpoint, passed to the CLI as flags (names and ARNs only, never keys).
     * @default the identity of the AWS provider the members use: the provider passed to the
     * component (`provider`/`providers`: its `profile`, `assumeRoles`, `endpoints`), else stack
     * config `aws:profile`, `aws:assumeRoles`, `aws:endpoints`; nothing set: the default chain
     */
    readonly identity?: AwsIdentity;
}

/** Upgrade options with defaults resolved. */
export interface ResolvedUpgrade {
    readonly strategy: Strategy;
    readonly allowMajorVersionUpgrade: boolean;
    readonly snapshotBeforeUpgrade: boolean;
    readonly timeoutMinutes?: number;
    readonly pollSeconds?: number;
    readonly applyPendingPatches: false | OptInType;
    readonly mysqlInPlaceMajorConfirmed: boolean;
    readonly switchoverTimeoutSeconds: number;
    readonly oldClusters: OldClusters;
    readonly keepCompletedSteps: boolean;
    readonly cli: string;
    readonly identity?: AwsIdentity;
}

/** The defaults of the option table (upgrade-options/), one place. */
const DEFAULT = {
    strategy: UPGRADE_OPTIONS.strategy.default,
    allowMajorVersionUpgrade: UPGRADE_OPTIONS.allowMajorVersionUpgrade.default,
    snapshotBeforeUpgrade: UPGRADE_OPTIONS.snapshotBeforeUpgrade.default,
    applyPendingPatches: UPGRADE_OPTIONS.applyPendingPatches.default,
    mysqlInPlaceMajorConfirmed: UPGRADE_OPTIONS.mysqlInPlaceMajorConfirmed.default,
    switchoverTimeoutSeconds: UPGRADE_OPTIONS.switchoverTimeoutSeconds.default,
    oldClusters: UPGRADE_OPTIONS.oldClusters.default,
    keepCompletedSteps: UPGRADE_OPTIONS.keepCompletedSteps.default,
} as const;

export function resolveUpgrade(u: UpgradeArgs | undefined): ResolvedUpgrade {
    return {
        strategy: u?.strategy ?? DEFAULT.strategy,
        allowMajorVersionUpgrade: u?.allowMajorVersionUpgrade ?? DEFAULT.allowMajorVersionUpgrade,
        snapshotBeforeUpgrade: u?.snapshotBeforeUpgrade ?? DEFAULT.snapshotBeforeUpgrade,
        ...(u?.timeoutMinutes !== undefined ? { timeoutMinutes: u.timeoutMinutes } : {}),
        ...(u?.pollSeconds !== undefined ? { pollSeconds: u.pollSeconds } : {}),
        applyPendingPatches: u?.applyPendingPatches ?? DEFAULT.applyPendingPatches,
        mysqlInPlaceMajorConfirmed: u?.mysqlInPlaceMajorConfirmed ?? DEFAULT.mysqlInPlaceMajorConfirmed,
        switchoverTimeoutSeconds: u?.switchoverTimeoutSeconds ?? DEFAULT.switchoverTimeoutSeconds,
        oldClusters: u?.oldClusters ?? DEFAULT.oldClusters,
        keepCompletedSteps: u?.keepCompletedSteps ?? DEFAULT.keepCompletedSteps,
        cli: u?.cli ?? DEFAULTS.cli,
        ...(u?.identity !== undefined ? { identity: u.identity } : {}),
    };
}
