/**
 * The mock-engine harness: runs a Pulumi program in-process under Pulumi's mocks against a
 * described current state, records every registration, renders the graph.
 */
export {
    runProgramUnderMocks,
    recordedBeforeFailure,
    loadProgram,
    configMap,
    RunOptions,
    RunResult,
    LogEntry,
} from "./run";
export { recordRegistrations, isSecretValue, RecordedResource, RecordedRead, RecordedOutputs } from "./recorder";
export {
    CurrentState,
    DescribedCluster,
    DescribedGlobalCluster,
    DescribedEngineVersion,
    existingDatabase,
    answerCall,
    answerNewResource,
    PENDING_ACTIONS_TOKEN,
    STACK_REFERENCE_TYPE,
} from "./current-state";
export { simulatorFor, READ_OPERATIONS } from "./simulated-state";
export { renderResourceTree, shortType } from "./tree";
export { loadStackConfig } from "./stack-config-file";
export {
    applyProjectConfig,
    loadProject,
    parseProject,
    parseStackFile,
    readStackFile,
    validateConfigValue,
    PulumiConfigError,
    ProjectFile,
    ProjectConfigType,
} from "./project-config";
