import { PolicyResource } from "@pulumi/policy";
import { AwsUpgraded, EngineCatalogue, PlanInput, planUpgrade, RuleId, Violation } from "aurora-global/planner";
import { OptionProblem, renderProblem } from "aurora-global/upgrade-options";
import { componentSettings } from "./component-contract";
import { findGlobalDatabases, GlobalDatabaseView } from "./global-topology";
import { planInputFor } from "./plan-input";
import { TAGS } from "./resource-types";

/** What the planner says about one global database of the stack. */
export interface Assessment {
    readonly view: GlobalDatabaseView;
    /** The planner input built from the stack, when one could be built. */
    readonly input?: PlanInput;
    readonly violations: readonly Violation[];
    /** Every member runs one version newer than the declared one (AWS upgraded it): warn, never block. */
    readonly awsUpgraded?: AwsUpgraded;
    /**
     * `component-plan`: the plan our component recorded at preview; `planner`: planned from the
     * stack's resources; `refused-options`: the component's upgrade options are malformed (no plan
     * is judged with values the component would not use).
     */
    readonly source: "component-plan" | "planner" | "refused-options";
    /** Upgrade options of the component it refuses itself: reported by no-blocked-version-change. */
    readonly optionProblems?: readonly OptionProblem[];
}

/**
 * Asks the planner about every global database of the stack. A database managed by our component
 * that recorded its plan (computed from live versions) is judged by that plan; any other is
 * planned here from the resources, with the versions the engine substitutes for `ignoreChanges`.
 */
export function assessStack(resources: readonly PolicyResource[], catalogue?: EngineCatalogue): Assessment[] {
    return findGlobalDatabases(resources).map((view): Assessment => {
        const settings = view.component ? componentSettings(view.component.props) : undefined;
        const recorded = settings?.recordedViolations;
        if (settings && settings.optionProblems.length > 0)
            return { view, violations: [], optionProblems: settings.optionProblems, source: "refused-options" };
        const input = planInputFor(view, catalogue);
        if (recorded) {
            const upgraded = settings?.recordedAwsUpgraded;
            return {
                view,
                ...(input ? { input } : {}),
                violations: recorded,
                ...(upgraded ? { awsUpgraded: upgraded } : {}),
                source: "component-plan",
            };
        }
        const plan = input ? planUpgrade(input) : undefined;
        return {
            view,
            ...(input ? { input } : {}),
            violations: plan?.violations ?? [],
            ...(plan?.awsUpgraded ? { awsUpgraded: plan.awsUpgraded } : {}),
            source: "planner",
        };
    });
}

/** A component option the component refuses, as a policy message: the field, the value, the fix and the rule id. */
export function optionProblemMessage(view: GlobalDatabaseView, p: OptionProblem): string {
    return `global database "${view.identifier}": ${renderProblem(p)} (the component refuses it at preview; no plan is judged with another value). [rule ${p.rule}]`;
}

/** The resource a violation is about: its member cluster, else the component, else the global cluster. */
export function urnFor(view: GlobalDatabaseView, v: Violation): string | undefined {
    const member = v.cluster === undefined ? undefined : view.members.find((m) => m.identifier === v.cluster);
    return (member?.resource ?? view.component ?? view.globalCluster ?? view.members[0]?.resource)?.urn;
}

/** How a plain `aws.rds` program (no component options) expresses the planner's opt-ins. */
const PLAIN_OPT_IN: Partial<Record<RuleId, string>> = {
    "major-without-opt-in": `in a plain aws.rds program, tag the global cluster ${TAGS.allowMajorVersionUpgrade}=true`,
    "mysql-2-to-3-in-place": `in a plain aws.rds program, tag the global cluster ${TAGS.mysqlInPlaceMajorConfirmed}=true`,
};

/** A planner violation as a policy message: what is wrong, how to fix it, and the rule id. */
export function violationMessage(view: GlobalDatabaseView, v: Violation): string {
    const plain = view.component ? undefined : PLAIN_OPT_IN[v.rule];
    return `global database "${view.identifier}": ${v.message}. Fix: ${v.fix}${plain ? ` (${plain})` : ""}. [rule ${v.rule}]`;
}
