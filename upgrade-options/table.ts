import { BLUE_GREEN_FLAGS, RUN_FLAGS, VERSION_FLAGS } from "../cli-contract/flags";
import {
    Bounds,
    DEFAULT_OLD_CLUSTERS,
    DEFAULT_OPT_IN,
    DEFAULT_STRATEGY,
    DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
    OLD_CLUSTERS,
    OPT_IN_TYPES,
    POLL_SECONDS,
    START_JITTER_SECONDS,
    STRATEGIES,
    SWITCHOVER_TIMEOUT_SECONDS,
    TIMEOUT_MINUTES,
} from "../vocabulary";

/** Where an option is written: the CLI flag, the component's arg path, the stack config key (each when the caller has one). */
interface Written {
    /** The rule id the component's validation reports it under (components/config/validate.ts). */
    readonly rule: string;
    /** The CLI flag (cli-contract/flags.ts); a switch (`--allow-major`, `--no-snapshot`) takes no value to parse. */
    readonly flag?: string;
    /** The component's argument path. */
    readonly argPath?: string;
    /** The stack config key (Pulumi.yaml), without the project's namespace. */
    readonly configKey?: string;
}

/** One value of a closed list. */
export interface EnumOption extends Written {
    readonly kind: "enum";
    readonly values: readonly string[];
    /** What a value is, for the message: `a strategy`. */
    readonly noun: string;
    /** Said after the allowed values, when the name alone does not tell what the choice is. */
    readonly hint?: string;
    readonly default: string;
}

/** A whole number within bounds. */
export interface WholeNumberOption extends Written {
    readonly kind: "whole-number";
    readonly bounds: Bounds;
    /** What the number counts, for the fix: `the seconds between status polls`. */
    readonly meaning: string;
    readonly example: number;
    /** Undefined: the run chooses (the CLI's default timeout, adaptive polling). */
    readonly default?: number;
}

export interface BooleanOption extends Written {
    readonly kind: "boolean";
    readonly default: boolean;
}

/** `false` or an opt-in type (when pending maintenance is applied). */
export interface OptInOption extends Written {
    readonly kind: "opt-in";
    readonly default: false;
}

export type OptionSpec = EnumOption | WholeNumberOption | BooleanOption | OptInOption;

/**
 * The upgrade options, one table for the CLI (orchestrator/cli/), the component's validation and
 * stack config (components/config/) and the policy pack (policy/lib/component-contract.ts): the
 * kind, the allowed values or bounds (from vocabulary/), the default, and where each caller's user
 * writes it. parse.ts reads a value against a row; nobody else checks these values.
 */
export const UPGRADE_OPTIONS = {
    strategy: {
        kind: "enum",
        rule: "strategy",
        values: STRATEGIES,
        noun: "a strategy",
        default: DEFAULT_STRATEGY,
        flag: VERSION_FLAGS.strategy,
        argPath: "upgrade.strategy",
        configKey: "upgradeStrategy",
    },
    optIn: {
        kind: "enum",
        rule: "opt-in",
        values: OPT_IN_TYPES,
        noun: "an opt-in",
        default: DEFAULT_OPT_IN,
        flag: RUN_FLAGS.optIn,
    },
    applyPendingPatches: {
        kind: "opt-in",
        rule: "apply-pending-patches",
        default: false,
        argPath: "upgrade.applyPendingPatches",
        configKey: "upgradeApplyPendingPatches",
    },
    oldClusters: {
        kind: "enum",
        rule: "old-clusters",
        values: OLD_CLUSTERS,
        noun: "a choice for the old clusters",
        hint: "what happens to the -old1 clusters after a blue/green switchover",
        default: DEFAULT_OLD_CLUSTERS,
        flag: BLUE_GREEN_FLAGS.oldClusters,
        argPath: "upgrade.oldClusters",
        configKey: "upgradeOldClusters",
    },
    timeoutMinutes: {
        kind: "whole-number",
        rule: "timeout-minutes",
        bounds: TIMEOUT_MINUTES,
        meaning: "minutes one upgrade step may take",
        example: 120,
        flag: RUN_FLAGS.timeoutMinutes,
        argPath: "upgrade.timeoutMinutes",
        configKey: "upgradeTimeoutMinutes",
    },
    pollSeconds: {
        kind: "whole-number",
        rule: "poll-seconds",
        bounds: POLL_SECONDS,
        meaning: "seconds between status polls",
        example: 15,
        flag: RUN_FLAGS.pollSeconds,
        argPath: "upgrade.pollSeconds",
        configKey: "upgradePollSeconds",
    },
    switchoverTimeoutSeconds: {
        kind: "whole-number",
        rule: "switchover-timeout-seconds",
        bounds: SWITCHOVER_TIMEOUT_SECONDS,
        meaning: "seconds AWS may take to switch a blue/green deployment over",
        example: DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
        default: DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
        flag: BLUE_GREEN_FLAGS.switchoverTimeoutSeconds,
        argPath: "upgrade.switchoverTimeoutSeconds",
        configKey: "upgradeSwitchoverTimeoutSeconds",
    },
    leaseWaitSeconds: {
        kind: "whole-number",
        rule: "lease-wait-seconds",
        bounds: { min: 0, max: 3600 },
        meaning: "seconds to wait for another run's lease",
        example: 600,
        default: 0,
        flag: RUN_FLAGS.leaseWaitSeconds,
    },
    startJitterSeconds: {
        kind: "whole-number",
        rule: "start-jitter-seconds",
        bounds: START_JITTER_SECONDS,
        meaning: "seconds of random delay before the first call",
        example: 10,
        default: 0,
        flag: RUN_FLAGS.startJitterSeconds,
    },
    allowMajorVersionUpgrade: {
        kind: "boolean",
        rule: "boolean",
        default: false,
        flag: VERSION_FLAGS.allowMajor,
        argPath: "upgrade.allowMajorVersionUpgrade",
        configKey: "upgradeAllowMajorVersionUpgrade",
    },
    snapshotBeforeUpgrade: {
        kind: "boolean",
        rule: "boolean",
        default: true,
        flag: RUN_FLAGS.noSnapshot,
        argPath: "upgrade.snapshotBeforeUpgrade",
        configKey: "upgradeSnapshotBeforeUpgrade",
    },
    mysqlInPlaceMajorConfirmed: {
        kind: "boolean",
        rule: "boolean",
        default: false,
        argPath: "upgrade.mysqlInPlaceMajorConfirmed",
        configKey: "upgradeMysqlInPlaceMajorConfirmed",
    },
    keepCompletedSteps: {
        kind: "boolean",
        rule: "boolean",
        default: true,
        argPath: "upgrade.keepCompletedSteps",
        configKey: "upgradeKeepCompletedSteps",
    },
} as const satisfies Record<string, OptionSpec>;

export type OptionName = keyof typeof UPGRADE_OPTIONS;

/** The stack config's namespace (Pulumi.yaml `name`): what a stack file writes before each key. */
export const STACK_CONFIG_NAMESPACE = "aurora-global";

/** The options the component takes (`upgrade.*`), in the order its validation reports them. */
export const COMPONENT_OPTIONS = (Object.keys(UPGRADE_OPTIONS) as OptionName[]).filter(
    (name) => "argPath" in UPGRADE_OPTIONS[name],
);
