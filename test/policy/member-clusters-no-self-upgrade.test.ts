import { strict as assert } from "assert";
import { memberClustersNoSelfUpgrade } from "../../policy/policies";
import { UNKNOWN } from "../../testbeds/offline/policy-runner/local-runner";
import { TYPES } from "../../policy/lib/resource-types";
import { res, runResource } from "./support";

const member = (props: Record<string, unknown> = {}, ignoreChanges: string[] = ["engineVersion"]) =>
    res(
        TYPES.cluster,
        "app-apne1",
        {
            clusterIdentifier: "app-apne1",
            engine: "aurora-postgresql",
            engineVersion: "16.6",
            globalClusterIdentifier: "app-global",
            ...props,
        },
        { ignoreChanges },
    );

const SELF_UPGRADE =
    'cluster "app-apne1" is a member of global cluster "app-global" and declares engineVersion "16.6" without ignoreChanges: the AWS provider would upgrade it on its own, in no particular order (a primary before its secondaries is refused by AWS or leaves members at different versions). Fix: add ignoreChanges: ["engineVersion"] to the cluster\'s resource options and change the version once, on the global database (AuroraGlobalDatabase engineVersion), which upgrades the secondaries first and the primary last.';

describe("policy member-clusters-no-self-upgrade", () => {
    it("passes a member whose engineVersion is in ignoreChanges", async () => {
        assert.deepEqual(await runResource(memberClustersNoSelfUpgrade, member()), []);
    });

    it("passes a member under ignoreChanges: ['*']", async () => {
        assert.deepEqual(await runResource(memberClustersNoSelfUpgrade, member({}, ["*"])), []);
    });

    it("reports a member whose engineVersion the provider may change", async () => {
        assert.deepEqual(await runResource(memberClustersNoSelfUpgrade, member({}, [])), [SELF_UPGRADE]);
    });

    it("reports a member of a global cluster not created yet (identifier unknown during the preview)", async () => {
        assert.deepEqual(
            await runResource(memberClustersNoSelfUpgrade, member({ globalClusterIdentifier: UNKNOWN }, [])),
            [
                'cluster "app-apne1" is a member of a global cluster and declares engineVersion "16.6" without ignoreChanges: the AWS provider would upgrade it on its own, in no particular order (a primary before its secondaries is refused by AWS or leaves members at different versions). Fix: add ignoreChanges: ["engineVersion"] to the cluster\'s resource options and change the version once, on the global database (AuroraGlobalDatabase engineVersion), which upgrades the secondaries first and the primary last.',
            ],
        );
    });

    it("reports allowMajorVersionUpgrade on a member", async () => {
        assert.deepEqual(await runResource(memberClustersNoSelfUpgrade, member({ allowMajorVersionUpgrade: true })), [
            'cluster "app-apne1" is a member of global cluster "app-global" and sets allowMajorVersionUpgrade: AWS refuses a major version upgrade of a single member ("Major Version Upgrade isn\'t supported in a single member of a global cluster"). Fix: remove allowMajorVersionUpgrade from the member and opt in on the global database instead (upgrade.allowMajorVersionUpgrade on AuroraGlobalDatabase, or the tag aurora-global:allow-major-version-upgrade=true on a plain aws.rds.GlobalCluster).',
        ]);
    });

    it("leaves clusters outside a global cluster alone", async () => {
        assert.deepEqual(
            await runResource(
                memberClustersNoSelfUpgrade,
                member({ globalClusterIdentifier: undefined, allowMajorVersionUpgrade: true }, []),
            ),
            [],
        );
        assert.deepEqual(
            await runResource(memberClustersNoSelfUpgrade, member({ globalClusterIdentifier: "" }, [])),
            [],
        );
    });

    it("checks the global cluster itself only when configured to", async () => {
        const gc = res(TYPES.globalCluster, "app-global", {
            globalClusterIdentifier: "app-global",
            engine: "aurora-postgresql",
            engineVersion: "16.8",
        });
        assert.deepEqual(await runResource(memberClustersNoSelfUpgrade, gc), []);
        assert.deepEqual(await runResource(memberClustersNoSelfUpgrade, gc, { checkGlobalCluster: true }), [
            'global cluster "app-global" declares engineVersion without ignoreChanges: the AWS provider upgrades its members itself, in set order and ignoring which one is the writer. Fix: add ignoreChanges: ["engineVersion"] to its resource options and upgrade with the AuroraGlobalDatabase component or `aurora-global upgrade`.',
        ]);
        assert.deepEqual(
            await runResource(
                memberClustersNoSelfUpgrade,
                { ...gc, ignoreChanges: ["engineVersion"] },
                { checkGlobalCluster: true },
            ),
            [],
        );
    });
});
