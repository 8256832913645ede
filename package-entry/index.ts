/**
 * What `import … from "aurora-global"` gives (package.json `main`): the component and its helpers,
 * and the least-privilege IAM policy of the CLI its upgrade steps run (the stack output
 * `upgradeIamPolicy`; `iamPolicyDocument({ account, globalClusterId, members })` narrows it to one
 * database). It sits above both rooms: the component never imports the orchestrator.
 */
export * from "../components";
export { iamPolicyDocument, RDS_ACTIONS } from "../orchestrator/iam-policy";
export type { IamPolicyDocument, IamStatement } from "../orchestrator/iam-policy";
