/** The planner: pure, no I/O. Input → ordered plan, or every violation with rule id, message and fix. */
export * from "./types";
export { planUpgrade } from "./plan";
export { mayTakeBlueGreenPath } from "./steps";
export { failoverNow, FailoverNow, MemberNow } from "./failover-now";
export { awsUpgradedWarning } from "./aws-upgraded";
export {
    endOfSupportFacts,
    endOfSupportWords,
    EndOfSupportFacts,
    EndOfSupportInput,
    ExtendedSupportCharge,
    MajorLifecycle,
    EXTENDED_SUPPORT_USD_PER_VCPU_HOUR,
    HOURS_PER_MONTH,
} from "./end-of-support";
export { vcpusOf, VCPUS_BY_SIZE } from "./instance-vcpus";
export { RULES, checkRules, Rule } from "./rules";
export {
    renderPlan,
    renderText,
    renderMarkdown,
    MARKDOWN_BLOCKED_MARK,
    renderJson,
    toPlanJson,
    fromPlanJson,
    PlanJson,
    PlanFormat,
    PLAN_FORMATS,
} from "./render";
