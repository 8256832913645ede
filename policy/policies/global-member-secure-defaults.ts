import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { configWithDefaults } from "../lib/config";
import { findGlobalDatabases } from "../lib/global-topology";
import { bool } from "../lib/props";

const configSchema: PolicyConfigSchema = {
    properties: {
        requireStorageEncryption: {
            type: "boolean",
            default: true,
            description: "Global cluster and member clusters set storageEncrypted: true.",
        },
        requireDeletionProtection: {
            type: "boolean",
            default: true,
            description: "Global cluster and member clusters set deletionProtection: true.",
        },
        forbidPublicInstances: {
            type: "boolean",
            default: true,
            description: "No DB instance of a member cluster sets publiclyAccessible: true.",
        },
    },
};

interface Config {
    readonly requireStorageEncryption: boolean;
    readonly requireDeletionProtection: boolean;
    readonly forbidPublicInstances: boolean;
}

/** Secure defaults on the members of a global database: encryption, deletion protection, no public instances. */
export const globalMemberSecureDefaults: StackValidationPolicy = {
    name: "global-member-secure-defaults",
    description:
        "The global cluster and its members encrypt storage and have deletion protection, and no member instance is publicly accessible.",
    enforcementLevel: "advisory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const config = configWithDefaults<Config>(args, configSchema);
        for (const view of findGlobalDatabases(args.resources)) {
            const clusters = [
                ...(view.globalCluster ? [{ r: view.globalCluster, what: `global cluster "${view.identifier}"` }] : []),
                ...view.members.map((m) => ({
                    r: m.resource,
                    what: `${m.role} cluster "${m.identifier}" (${m.region}) of global database "${view.identifier}"`,
                })),
            ];
            for (const { r, what } of clusters) {
                if (config.requireStorageEncryption && bool(r.props, "storageEncrypted") !== true) {
                    reportViolation(
                        `${what} does not encrypt its storage. Fix: set storageEncrypted: true (with kmsKeyId in each region for secondaries); an existing cluster is encrypted by restoring an encrypted snapshot.`,
                        r.urn,
                    );
                }
                if (config.requireDeletionProtection && bool(r.props, "deletionProtection") !== true) {
                    reportViolation(`${what} has no deletion protection. Fix: set deletionProtection: true.`, r.urn);
                }
            }
            if (!config.forbidPublicInstances) continue;
            for (const m of view.members) {
                for (const i of m.instances.filter((x) => bool(x.props, "publiclyAccessible") === true)) {
                    reportViolation(
                        `DB instance "${i.name}" of ${m.role} cluster "${m.identifier}" (${m.region}) is publicly accessible. Fix: set publiclyAccessible: false and reach the database through the VPC (VPN, bastion or PrivateLink).`,
                        i.urn,
                    );
                }
            }
        }
    },
};
