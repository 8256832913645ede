import { StepRole } from "./roles";
import { ComponentStepAction } from "./step-actions";

/**
 * One upgrade step of the component (a `command:local:Command`), as its `upgradeSteps` output
 * records it: the component writes it (components/steps/step-graph.ts), keeps it across runs
 * (components/steps/kept-steps.ts) and the policy pack reads it back (policy/lib/component-contract.ts).
 * docs/shapes.md explains how it relates to the planner's PlanStep.
 */
export interface ComponentStep {
    /** Stable key, also the suffix of the resource name: `snapshot`, `global`, `primary`, `secondary-<region>`. */
    readonly key: string;
    /** What the step does: the plan's action (the global step also runs the parameter-group steps). */
    readonly action: ComponentStepAction;
    readonly role: StepRole;
    /** The member cluster (or the global cluster for global steps). */
    readonly cluster: string;
    readonly region: string;
}
