/** The aurora-global ComponentResources and their pure helpers. */
export { AuroraGlobalDatabase, GLOBAL_CLUSTER_IGNORE_CHANGES } from "./aurora-global-database";
export {
    AuroraRegionalMember,
    AuroraRegionalMemberArgs,
    SharedClusterSettings,
    MEMBER_CLUSTER_IGNORE_CHANGES,
    SECONDARY_CLUSTER_IGNORE_CHANGES,
    INSTANCE_IGNORE_CHANGES,
} from "./resources/regional-member";
export {
    AuroraGlobalDatabaseArgs,
    MemberArgs,
    UpgradeArgs,
    DEFAULTS,
    resolveMembers,
    resolveUpgrade,
    ResolvedMember,
    ResolvedUpgrade,
} from "./config/args";
export {
    validateArgs,
    argsErrorMessage,
    ARGS_RULES,
    ArgsRule,
    ArgsProblem,
    AuroraGlobalDatabaseArgsError,
} from "./config/validate";
export { stepGraph, StepSpec, CLI_FLAGS } from "./steps/step-graph";
export {
    stepsToDeclare,
    findUpgradeStepsRecord,
    specOf,
    StepsToDeclare,
    StepsToDeclareInput,
    DeclaredStep,
    UpgradeStepsRecord,
    UPGRADE_STEPS_OUTPUT,
} from "./steps/kept-steps";
export { readLastUpgradeSteps, selfStackName } from "./steps/last-deployment";
export { buildPlanInput, readLiveState, declaredGroupOverrides, movedWriter, LiveState } from "./resources/live-state";
export { awsFactsClients, setAwsFactsClients } from "./resources/aws-facts";
export { memberVersions, failoverReady, MemberVersion } from "./resources/member-versions";
export {
    argsFromConfig,
    ConfigSource,
    StackConfigError,
    UNSET,
    REQUIRED_CONFIG_KEYS,
    withoutUnsetDefaults,
} from "./config/stack-config";
export {
    stepIdentity,
    identityFromProvider,
    configProviderSettings,
    explicitProviderSettings,
    ProviderSettings,
    AwsIdentity,
} from "./steps/step-identity";
