/**
 * The contract between the component's upgrade steps and the `aurora-global` CLI: the flag
 * names, how a step becomes a command line, and where the CLI is. Both sides import it;
 * it imports neither.
 */
export * from "./flags";
export { AwsIdentity, identityArgs } from "./identity";
export { GroupOverrides, groupArgs } from "./parameter-groups";
export { StepCommandOptions, stepCommandArgs } from "./step-command";
export { PACKAGE_ROOT, CLI_BIN, shellWord, cliCommand } from "./location";
