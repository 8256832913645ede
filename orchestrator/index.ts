/**
 * The orchestrator: reads an Aurora global database from AWS, executes the planner's plan in the
 * order AWS allows, and the `aurora-global` CLI around both.
 */
export { systemClock } from "../aws/ports";
export type { Clock, RdsClientFactory } from "../aws/ports";
export { RDS_ACTIONS, iamPolicyDocument, iamActionOf } from "./iam-policy";
export type { IamPolicyDocument, IamStatement } from "./iam-policy";
export { InputError, UpgradeStopped } from "../aws/run-errors";
export { RdsGateway } from "../aws/gateway";
export type { GatewayDeps, CallStats } from "../aws/gateway";
export { DEFAULT_RETRY, READ_ONLY_RETRY, backoffDelay, withRetry } from "../aws/retry";
export { startJitter } from "../aws/start-jitter";
export type { RandomSource, RetryPolicy } from "../aws/retry";
export { describeTopology } from "../aws/topology/describe";
export type { DescribeOptions } from "../aws/topology/describe";
export { toPlanInput, runningVersion } from "../aws/topology/plan-input";
export type { Topology, MemberTopology } from "../aws/topology/types";
export { executePlan, groupByWave } from "./execute-plan";
export type { ExecuteOptions, ExecuteHooks, ExecuteResult } from "./execute/types";
export { nextPollDelay, EARLIEST_UPGRADE_FINISH_MS } from "./execute/poll-schedule";
export type { PollState } from "./execute/poll-schedule";
export { snapshotIdentifier } from "./execute/snapshot";
export { lineLogger, memoryLogger, silentLogger, formatDuration } from "../aws/logger";
export type { Logger } from "../aws/logger";
export { main, realClients, EXIT, renderStatus, failoverReady } from "./cli";
export type { CliDeps } from "./cli";
export { selectSteps } from "./cli/steps";
export type { StepFilter } from "./cli/steps";
export { CLI_BIN, STEP_FLAGS, stepCommandArgs } from "../cli-contract";
export type { StepCommandOptions } from "../cli-contract";
export { parseRollout, readRolloutFile, RolloutFileError } from "./cli/fleet/rollout-file";
export type { Rollout, Wave, Selection } from "./cli/fleet/rollout";
export { planFleet } from "./cli/fleet/fleet-plan";
export type { FleetPlan, FleetEntry, EndOfSupport, EndOfSupportLookup } from "./cli/fleet/fleet-plan";
export { automationStacks } from "./cli/fleet/stacks";
export type { StackDriver, StackDriverFactory } from "./cli/fleet/stacks";
