import { Policies } from "@pulumi/policy";
import { declaredVersionBehindRunning } from "./policies/declared-version-behind-running";
import { globalMemberSecureDefaults } from "./policies/global-member-secure-defaults";
import { globalMembersSameVersion } from "./policies/global-members-same-version";
import { memberClustersNoSelfUpgrade } from "./policies/member-clusters-no-self-upgrade";
import { noBlockedVersionChange } from "./policies/no-blocked-version-change";
import { versionPastEndOfSupport } from "./policies/version-past-end-of-support";
import { upgradeStepsOrdered } from "./policies/upgrade-steps-ordered";

/**
 * Every policy of the aurora-global pack. `index.ts` serves them as a PolicyPack; tests and the
 * offline run (`runPolicies` in local-runner.ts) call them directly.
 */
export const policies: Policies = [
    globalMembersSameVersion,
    memberClustersNoSelfUpgrade,
    upgradeStepsOrdered,
    noBlockedVersionChange,
    globalMemberSecureDefaults,
    declaredVersionBehindRunning,
    versionPastEndOfSupport,
];

export {
    declaredVersionBehindRunning,
    globalMemberSecureDefaults,
    globalMembersSameVersion,
    memberClustersNoSelfUpgrade,
    noBlockedVersionChange,
    upgradeStepsOrdered,
    versionPastEndOfSupport,
};
