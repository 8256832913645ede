/** The aurora-global ComponentResources and their pure helpers. */
export { AuroraGlobalDatabase, GLOBAL_CLUSTER_IGNORE_CHANGES } from "./aurora-global-database";
export {
    AuroraRegionalMember,
    AuroraRegionalMemberArgs,
    SharedClusterSettings,
    MEMBER_CLUSTER_IGNORE_CHANGES,
    SECONDARY_CLUSTER_IGNORE_CHANGES,
    INSTANCE_IGNORE_CHANGES,
} from "./regional-member";
export {
    AuroraGlobalDatabaseArgs,
    MemberArgs,
    UpgradeArgs,
    DEFAULTS,
    resolveMembers,
    resolveUpgrade,
    ResolvedMember,
    ResolvedUpgrade,
} from "./args";
export {
    validateArgs,
    argsErrorMessage,
    ARGS_RULES,
    ArgsRule,
    ArgsProblem,
    AuroraGlobalDatabaseArgsError,
} from "./validate";
export { stepGraph, StepSpec, CLI_FLAGS } from "./step-graph";
export {
    stepsToDeclare,
    findUpgradeStepsRecord,
    specOf,
    StepsToDeclare,
    StepsToDeclareInput,
    DeclaredStep,
    UpgradeStepsRecord,
    UPGRADE_STEPS_OUTPUT,
} from "./kept-steps";
export { readLastUpgradeSteps, selfStackName } from "./last-deployment";
export { buildPlanInput, readLiveState, declaredGroupOverrides, movedWriter, LiveState } from "./live-state";
export { awsFactsClients, setAwsFactsClients } from "./aws-facts";
export { memberVersions, failoverReady, MemberVersion } from "./member-versions";
export { argsFromConfig, ConfigSource, UNSET, REQUIRED_CONFIG_KEYS, withoutUnsetDefaults } from "./stack-config";
export {
    stepIdentity,
    identityFromProvider,
    configProviderSettings,
    explicitProviderSettings,
    ProviderSettings,
    AwsIdentity,
} from "./step-identity";
