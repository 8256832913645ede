import { strict as assert } from "assert";
import { globalMemberSecureDefaults } from "../../policy/policies";
import { TYPES } from "../../policy/lib/resource-types";
import { patch, plainGlobal, runStack, urn } from "./support";
import { assertMeanings } from "../support/assert-means";

describe("policy global-member-secure-defaults", () => {
    it("is advisory by default", () => {
        assert.equal(globalMemberSecureDefaults.enforcementLevel, "advisory");
    });

    it("passes an encrypted, deletion-protected global database without public instances", async () => {
        assert.deepEqual(await runStack(globalMemberSecureDefaults, plainGlobal()), []);
    });

    // The one pin of this policy's wording; the other tests assert the resource, the setting and its fix.
    it("reports unencrypted storage on the global cluster", async () => {
        assert.deepEqual(
            await runStack(globalMemberSecureDefaults, patch(plainGlobal(), "app-global", { storageEncrypted: false })),
            [
                {
                    message:
                        'global cluster "app-global" does not encrypt its storage. Fix: set storageEncrypted: true (with kmsKeyId in each region for secondaries); an existing cluster is encrypted by restoring an encrypted snapshot.',
                    urn: urn(TYPES.globalCluster, "app-global"),
                },
            ],
        );
    });

    it("reports a member without deletion protection", async () => {
        assertMeanings(
            await runStack(
                globalMemberSecureDefaults,
                patch(plainGlobal(), "app-apne1", { deletionProtection: undefined }),
            ),
            [
                {
                    about: "app-apne1",
                    says: ["ap-northeast-1", "app-global", "deletion protection"],
                    fix: ["deletionProtection: true"],
                    urn: urn(TYPES.cluster, "app-apne1"),
                },
            ],
        );
    });

    it("reports a publicly accessible member instance", async () => {
        assertMeanings(
            await runStack(
                globalMemberSecureDefaults,
                patch(plainGlobal(), "app-use1-1", { publiclyAccessible: true }),
            ),
            [
                {
                    about: "app-use1-1",
                    says: ["app-use1", "us-east-1", "publicly accessible"],
                    fix: ["publiclyAccessible: false", "VPC"],
                    urn: urn(TYPES.clusterInstance, "app-use1-1"),
                },
            ],
        );
    });

    it("lets each check be turned off in the pack config", async () => {
        const insecure = patch(
            patch(plainGlobal(), "app-use1", { storageEncrypted: false, deletionProtection: false }),
            "app-use1-1",
            { publiclyAccessible: true },
        );
        assert.equal((await runStack(globalMemberSecureDefaults, insecure)).length, 3);
        const off = { requireStorageEncryption: false, requireDeletionProtection: false, forbidPublicInstances: false };
        assert.deepEqual(await runStack(globalMemberSecureDefaults, insecure, off), []);
    });
});
