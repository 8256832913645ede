import { StackValidationPolicy } from "@pulumi/policy";
import { assessStack, urnFor, violationMessage } from "../lib/assess";
import { componentSettings } from "../lib/component-contract";
import { str } from "../lib/props";

/** The planner rule on declared versions this policy reports. */
export const SAME_VERSION_RULE = "members-at-different-versions";

/**
 * The planner rules this policy reports (every other rule is reported by no-blocked-version-change):
 * the declared versions, and the failover rule (AWS's compatibility table, not "the same version
 * string": Aurora PostgreSQL members may differ in patch level, except across the listed releases).
 */
export const FAILOVER_RULES: readonly string[] = [SAME_VERSION_RULE, "no-failover-after-plan"];

/**
 * Every member of a global cluster and the global cluster itself declare the same engine and the
 * same engine version, and the plan ends with members AWS can switch over and fail over between.
 */
export const globalMembersSameVersion: StackValidationPolicy = {
    name: "global-members-same-version",
    description:
        "All members of an Aurora global database and the global cluster itself declare the same engine and engine version, and the change ends with every member on versions AWS can switch over and fail over between (same major and minor; Aurora MySQL the same patch level; Aurora PostgreSQL on the same side of AWS's listed patch releases).",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const a of assessStack(args.resources)) {
            const { view } = a;
            const settings = view.component ? componentSettings(view.component.props) : undefined;
            const engine = settings?.engine ?? str(view.globalCluster?.props, "engine");
            const owner = view.component ? `component "${view.component.name}"` : `global cluster "${view.identifier}"`;
            for (const m of view.members) {
                const memberEngine = str(m.resource.props, "engine");
                if (engine && memberEngine && memberEngine !== engine) {
                    reportViolation(
                        `global database "${view.identifier}": ${m.role} cluster "${m.identifier}" (${m.region}) declares engine ${memberEngine} but ${owner} declares ${engine}; every member of a global database runs the global cluster's engine. Fix: set engine "${engine}" on cluster "${m.identifier}".`,
                        m.resource.urn,
                    );
                }
            }
            for (const v of a.violations.filter((x) => FAILOVER_RULES.includes(x.rule)))
                reportViolation(violationMessage(view, v), urnFor(view, v));
        }
    },
};
