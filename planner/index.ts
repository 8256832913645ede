/** The planner: pure, no I/O. Input → ordered plan, or every violation with rule id, message and fix. */
export * from "./types";
export { planUpgrade } from "./plan";
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
