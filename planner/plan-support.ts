import { EngineVersion } from "../engine-versions";
import { PlanContext } from "./context";
import { EndOfSupportFacts, endOfSupportFacts, endOfSupportWords } from "./end-of-support";

/** The end-of-support facts a plan states: the running major's, and the declared major's when it differs. */
export interface PlanSupport {
    readonly endOfSupport?: EndOfSupportFacts;
    readonly declaredEndOfSupport?: EndOfSupportFacts;
    readonly warnings: readonly string[];
}

/** End of support in the plan, from the lifecycle dates the topology reader read (none without them). */
export function planSupport(ctx: PlanContext, running: EngineVersion | undefined): PlanSupport {
    const { lifecycles, now, engine } = ctx.input;
    const target = ctx.target;
    if (!lifecycles || now === undefined || !target) return { warnings: [] };
    const instanceClasses = ctx.members.every((m) => m.state.instanceClasses !== undefined)
        ? ctx.members.flatMap((m) => m.state.instanceClasses ?? [])
        : undefined;
    const facts = (version: EngineVersion) =>
        endOfSupportFacts({ engine, version, lifecycles, now, ...(instanceClasses ? { instanceClasses } : {}) });
    const runningFacts = facts(running ?? target);
    const sameMajor = running !== undefined && running.major === target.major;
    const declared = !sameMajor ? facts(target) : undefined;
    const warnings = [runningFacts, declared]
        .filter((f): f is EndOfSupportFacts => f !== undefined && f.pastStandardSupport)
        .map((f) => `${endOfSupportWords(f)}: upgrade to a major version in standard support`);
    return {
        ...(runningFacts ? { endOfSupport: runningFacts } : {}),
        ...(declared ? { declaredEndOfSupport: declared } : {}),
        warnings,
    };
}
