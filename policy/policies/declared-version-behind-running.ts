import { StackValidationPolicy } from "@pulumi/policy";
import { awsUpgradedWarning } from "aurora-global/planner";
import { assessStack } from "../lib/assess";

/**
 * AWS upgrades members itself (end of a version's support) and a person may use the console: then
 * every member runs one version newer than the stack declares. The planner plans nothing (a lower
 * version never produces an AWS call) and this policy warns, with the fix, instead of failing the
 * preview as a downgrade. Members that disagree with each other are still blocked
 * (no-blocked-version-change, rule `downgrade`).
 */
export const declaredVersionBehindRunning: StackValidationPolicy = {
    name: "declared-version-behind-running",
    description:
        "Warns when every member of an Aurora global database runs one version newer than the stack declares (AWS, or someone, upgraded it): set engineVersion to the running version.",
    enforcementLevel: "advisory",
    validateStack: (args, reportViolation) => {
        for (const a of assessStack(args.resources)) {
            if (!a.awsUpgraded) continue;
            const urn = (a.view.component ?? a.view.globalCluster ?? a.view.members[0]?.resource)?.urn;
            reportViolation(`global database "${a.view.identifier}": ${awsUpgradedWarning(a.awsUpgraded)}`, urn);
        }
    },
};
