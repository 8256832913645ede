import type { EngineEvent } from "@pulumi/pulumi/automation";
import { MARKDOWN_BLOCKED_MARK } from "../planner";
import { AURORA_GLOBAL_DATABASE_TYPE } from "../provider/aurora-global-database";
import { plainText } from "./markdown";

/** The plan one AuroraGlobalDatabase logged in the preview (components/steps/upgrade-steps.ts `reportPlan`). */
export interface ComponentPlan {
    /** The component's name (the last part of its URN). */
    readonly component: string;
    readonly markdown: string;
    readonly blocked: boolean;
}

/** A policy pack's verdict on one resource (or the stack). */
export interface PolicyViolation {
    readonly pack: string;
    readonly policy: string;
    /** "mandatory" fails the preview; "advisory" (Pulumi's "warning") does not. */
    readonly level: "mandatory" | "advisory";
    readonly resource: string;
    readonly message: string;
}

/** `urn:pulumi:STACK::PROJECT::PARENT$TYPE::NAME` → its type and name. */
export function urnParts(urn: string | undefined): { type: string; name: string } {
    const parts = (urn ?? "").split("::");
    if (parts.length < 4) return { type: "", name: "" };
    const qualified = parts[2].split("$");
    return { type: qualified[qualified.length - 1], name: parts.slice(3).join("::") };
}

/** Every plan the component logged: the info diagnostic on its URN that is the markdown plan. */
export function componentPlans(events: readonly EngineEvent[]): ComponentPlan[] {
    const plans = new Map<string, ComponentPlan>();
    for (const e of events) {
        const d = e.diagnosticEvent;
        if (!d || d.severity !== "info") continue;
        const { type, name } = urnParts(d.urn);
        const markdown = plainText(d.message).trim();
        if (type !== AURORA_GLOBAL_DATABASE_TYPE || !markdown.startsWith("### ")) continue;
        const blocked = markdown.startsWith(`### ${MARKDOWN_BLOCKED_MARK}`);
        plans.set(name, { component: name, markdown: `${markdown}\n`, blocked });
    }
    return [...plans.values()];
}

/** Every policy violation the preview reported, mandatory ones first, each once. */
export function policyViolations(events: readonly EngineEvent[]): PolicyViolation[] {
    const seen = new Map<string, PolicyViolation>();
    for (const e of events) {
        const p = e.policyEvent;
        if (!p) continue;
        const { type, name } = urnParts(p.resourceUrn);
        const v: PolicyViolation = {
            pack: p.policyPackName,
            policy: p.policyName,
            level: p.enforcementLevel === "mandatory" ? "mandatory" : "advisory",
            resource: name ? `${name} (${type})` : "the stack",
            message: plainText(p.message).trim(),
        };
        seen.set(JSON.stringify(v), v);
    }
    const all = [...seen.values()];
    return [...all.filter((v) => v.level === "mandatory"), ...all.filter((v) => v.level === "advisory")];
}

/** The errors Pulumi reported: error diagnostics, then `error:` lines of the log that add to them. */
export function reportedErrors(events: readonly EngineEvent[], log: string): string[] {
    const errors = events
        .map((e) => e.diagnosticEvent)
        .filter((d) => d !== undefined && d.severity === "error")
        .map((d) => plainText(d!.message).trim());
    const logLines = plainText(log)
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line.startsWith("error: "))
        .map((line) => line.slice("error: ".length).trim());
    const unique: string[] = [];
    for (const message of [...errors, ...logLines])
        if (message && !unique.some((u) => u === message || u.includes(message))) unique.push(message);
    return unique;
}
