/** The planner: pure, no I/O. Input → ordered plan, or every violation with rule id, message and fix. */
export * from "./types";
export { planUpgrade } from "./plan";
export { failoverNow, FailoverNow, MemberNow } from "./failover-now";
export { awsUpgradedWarning } from "./aws-upgraded";
export { RULES, checkRules, Rule } from "./rules";
export {
    renderPlan,
    renderText,
    renderMarkdown,
    renderJson,
    toPlanJson,
    fromPlanJson,
    PlanJson,
    PlanFormat,
    PLAN_FORMATS,
} from "./render";
