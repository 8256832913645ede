import { Plan } from "../types";
import { renderJson } from "./json";
import { MARKDOWN_BLOCKED_MARK, renderMarkdown } from "./markdown";
import { renderText } from "./text";

export type PlanFormat = "text" | "markdown" | "json";
export const PLAN_FORMATS: readonly PlanFormat[] = ["text", "markdown", "json"];

/** Renders a plan as text (terminals), markdown (preview logs, PR comments) or JSON (tools). */
export function renderPlan(plan: Plan, format: PlanFormat): string {
    switch (format) {
        case "text":
            return renderText(plan);
        case "markdown":
            return renderMarkdown(plan);
        case "json":
            return renderJson(plan);
    }
}

export { renderJson, renderMarkdown, renderText, MARKDOWN_BLOCKED_MARK };
export { toPlanJson, fromPlanJson, PlanJson } from "./json";
