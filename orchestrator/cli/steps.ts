import { PlanStep } from "../../planner";
import { isMemberStepAction } from "../../vocabulary";

/**
 * Which steps of a plan one run executes: the hidden flags `--only-snapshot` / `--only-member
 * CLUSTER` (cli-contract/flags.ts) the component's upgrade steps pass.
 */
export interface StepFilter {
    readonly onlySnapshot?: boolean;
    readonly onlyMember?: string;
}

/** The steps of `steps` selected by `filter` (all when it selects nothing in particular). */
export function selectSteps(steps: readonly PlanStep[], filter: StepFilter): PlanStep[] {
    if (filter.onlySnapshot) return steps.filter((s) => s.action === "snapshot");
    if (filter.onlyMember !== undefined)
        return steps.filter((s) => s.cluster === filter.onlyMember && isMemberStepAction(s.action));
    return [...steps];
}

/** `--only-member X` / `--only-snapshot` in words, for messages. */
export function describeFilter(filter: StepFilter): string | undefined {
    if (filter.onlySnapshot) return "the snapshot step";
    if (filter.onlyMember !== undefined) return `the step of cluster "${filter.onlyMember}"`;
    return undefined;
}
