import { strict as assert } from "assert";
import { memberClustersNoSelfUpgrade } from "../../policy/policies";
import { UNKNOWN } from "../../testbeds/offline/policy-runner/local-runner";
import { TYPES } from "../../policy/lib/resource-types";
import { res, runResource } from "./support";
import { assertMeanings } from "../support/assert-means";
import { TAGS } from "../../vocabulary";

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

/** The one pin of this policy's wording; the other tests assert the member, the setting and the fix's key. */
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
        assertMeanings(
            await runResource(memberClustersNoSelfUpgrade, member({ globalClusterIdentifier: UNKNOWN }, [])),
            [
                {
                    about: "app-apne1",
                    says: ["a global cluster", "engineVersion", "16.6"],
                    fix: ['ignoreChanges: ["engineVersion"]'],
                },
            ],
        );
    });

    it("reports allowMajorVersionUpgrade on a member", async () => {
        assertMeanings(await runResource(memberClustersNoSelfUpgrade, member({ allowMajorVersionUpgrade: true })), [
            {
                about: "app-apne1",
                says: ["app-global", "allowMajorVersionUpgrade"],
                fix: ["upgrade.allowMajorVersionUpgrade", `${TAGS.allowMajorVersionUpgrade}=true`],
            },
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
        assertMeanings(await runResource(memberClustersNoSelfUpgrade, gc, { checkGlobalCluster: true }), [
            {
                about: "app-global",
                says: ["engineVersion", "ignoreChanges"],
                fix: ['ignoreChanges: ["engineVersion"]', "AuroraGlobalDatabase", "aurora-global upgrade"],
            },
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
