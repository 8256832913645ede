import { PolicyConfigSchema, ResourceValidationPolicy } from "@pulumi/policy";
import { configWithDefaults } from "../lib/config";
import { bool, isIgnored, isUnknown, str } from "../lib/props";
import { TAGS, TYPES } from "../lib/resource-types";

const configSchema: PolicyConfigSchema = {
    properties: {
        checkGlobalCluster: {
            type: "boolean",
            default: false,
            description:
                "Also require ignoreChanges on the aws.rds.GlobalCluster's engineVersion, for organisations that upgrade only through the AuroraGlobalDatabase component or the aurora-global CLI (the AWS provider's own global upgrade modifies members in arbitrary order).",
        },
    },
};

interface Config {
    readonly checkGlobalCluster: boolean;
}

const ORDER_WORDS =
    "the AWS provider would upgrade it on its own, in no particular order (a primary before its secondaries is refused by AWS or leaves members at different versions)";

/**
 * Member clusters of a global cluster must not upgrade themselves: an `engineVersion` the
 * provider may change (not in `ignoreChanges`) or `allowMajorVersionUpgrade` on a member.
 */
export const memberClustersNoSelfUpgrade: ResourceValidationPolicy = {
    name: "member-clusters-no-self-upgrade",
    description:
        "Member clusters of an Aurora global database do not upgrade themselves: engineVersion is in ignoreChanges and allowMajorVersionUpgrade is not set, so upgrades run through the global database in the order AWS allows.",
    enforcementLevel: "mandatory",
    configSchema,
    validateResource: (args, reportViolation) => {
        const config = configWithDefaults<Config>(args, configSchema);
        if (args.type === TYPES.globalCluster) {
            if (config.checkGlobalCluster && "engineVersion" in args.props && !isIgnored(args.opts, "engineVersion")) {
                reportViolation(
                    `global cluster "${args.name}" declares engineVersion without ignoreChanges: the AWS provider upgrades its members itself, in set order and ignoring which one is the writer. Fix: add ignoreChanges: ["engineVersion"] to its resource options and upgrade with the AuroraGlobalDatabase component or \`aurora-global upgrade\`.`,
                );
            }
            return;
        }
        if (args.type !== TYPES.cluster) return;
        const memberOf = isUnknown(args.props, "globalClusterIdentifier")
            ? "a global cluster"
            : str(args.props, "globalClusterIdentifier");
        if (memberOf === undefined) return;
        const where = memberOf === "a global cluster" ? memberOf : `global cluster "${memberOf}"`;
        if ("engineVersion" in args.props && !isIgnored(args.opts, "engineVersion")) {
            const version = str(args.props, "engineVersion");
            reportViolation(
                `cluster "${args.name}" is a member of ${where} and declares engineVersion${version ? ` "${version}"` : ""} without ignoreChanges: ${ORDER_WORDS}. Fix: add ignoreChanges: ["engineVersion"] to the cluster's resource options and change the version once, on the global database (AuroraGlobalDatabase engineVersion), which upgrades the secondaries first and the primary last.`,
            );
        }
        if (
            bool(args.props, "allowMajorVersionUpgrade") === true &&
            !isIgnored(args.opts, "allowMajorVersionUpgrade")
        ) {
            reportViolation(
                `cluster "${args.name}" is a member of ${where} and sets allowMajorVersionUpgrade: AWS refuses a major version upgrade of a single member ("Major Version Upgrade isn't supported in a single member of a global cluster"). Fix: remove allowMajorVersionUpgrade from the member and opt in on the global database instead (upgrade.allowMajorVersionUpgrade on AuroraGlobalDatabase, or the tag ${TAGS.allowMajorVersionUpgrade}=true on a plain aws.rds.GlobalCluster).`,
            );
        }
    },
};
