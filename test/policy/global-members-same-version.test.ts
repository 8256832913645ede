import { strict as assert } from "assert";
import { globalMembersSameVersion } from "../../policy/policies";
import { TYPES } from "../../policy/lib/resource-types";
import { patch, plainGlobal, res, runStack, urn } from "./support";
import { assertMeanings } from "../support/assert-means";

describe("policy global-members-same-version", () => {
    it("passes a global database whose members and global cluster declare one engine and version", async () => {
        assert.deepEqual(await runStack(globalMembersSameVersion, plainGlobal()), []);
    });

    it("passes a safe upgrade declared once, on the global cluster (members ignore engineVersion)", async () => {
        assert.deepEqual(await runStack(globalMembersSameVersion, plainGlobal("16.8")), []);
    });

    it("reports a member that declares its own version, on that member", async () => {
        const resources = patch(plainGlobal(), "app-apne1", { engineVersion: "16.8" }, { ignoreChanges: [] });
        assertMeanings(await runStack(globalMembersSameVersion, resources), [
            {
                rule: "members-at-different-versions",
                about: "app-apne1",
                says: ["ap-northeast-1", "16.8", "16.6"],
                fix: ["16.6"],
                urn: urn(TYPES.cluster, "app-apne1"),
            },
        ]);
    });

    it("reports a change that would end without failover (no-failover-after-plan: AWS's table, not the version string)", async () => {
        // PostgreSQL members split across the listed patch release 16.1.6 (versions in state), nothing planned to join them.
        const split = patch(plainGlobal("16.1", "16.1"), "app-apne1", { engineVersion: "16.1.6" });
        const resources = patch(split, "app-use1", { engineVersion: "16.1.5" });
        const reported = await runStack(globalMembersSameVersion, resources);
        assert.deepEqual(
            reported.map((r) => /\[rule ([^\]]+)\]$/.exec(r.message)?.[1]),
            ["no-failover-after-plan"],
        );
        assert.match(reported[0].message, /declare engineVersion 16\.1\.6/);
        // Different patch levels of one 17 minor are fine for AWS: nothing reported.
        const tolerant = patch(
            patch(plainGlobal("17.4", "17.4"), "app-apne1", { engineVersion: "17.4.6" }),
            "app-use1",
            {
                engineVersion: "17.4.5",
            },
        );
        assert.deepEqual(await runStack(globalMembersSameVersion, tolerant), []);
    });

    it("reports a member that declares another engine", async () => {
        const resources = patch(plainGlobal(), "app-use1", { engine: "aurora-mysql" });
        assertMeanings(await runStack(globalMembersSameVersion, resources), [
            {
                about: "app-use1",
                says: ["us-east-1", "aurora-mysql", "aurora-postgresql"],
                fix: ['engine "aurora-postgresql"', "app-use1"],
                urn: urn(TYPES.cluster, "app-use1"),
            },
        ]);
    });

    it("ignores clusters that are not members of a global cluster", async () => {
        const standalone = res(TYPES.cluster, "solo", {
            clusterIdentifier: "solo",
            engine: "aurora-mysql",
            engineVersion: "8.0.mysql_aurora.3.08.0",
        });
        assert.deepEqual(await runStack(globalMembersSameVersion, [...plainGlobal(), standalone]), []);
    });
});
