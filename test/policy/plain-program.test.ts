import { strict as assert } from "assert";
import { existingDatabase, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { runPoliciesOnMockRun } from "../../testbeds/offline/policy-runner/local-runner";
import { plainAwsRdsProgram, PlainProgramOptions } from "./fixtures/plain-aws-rds-program";
import { assertMeanings } from "../support/assert-means";

/** orders: a global database running 16.6 in us-east-1 (primary) and eu-west-1 (secondary). */
const current = existingDatabase({
    globalClusterIdentifier: "orders",
    engine: "aurora-postgresql",
    engineVersion: "16.6",
    members: [
        { clusterIdentifier: "orders-use1", region: "us-east-1" },
        { clusterIdentifier: "orders-euw1", region: "eu-west-1" },
    ],
});

const careful: PlainProgramOptions = {
    globalVersion: "16.8",
    primaryVersion: "16.6",
    secondaryVersion: "16.6",
    ignoreMemberVersions: true,
    secondaryInstances: 1,
};

async function preview(o: PlainProgramOptions) {
    const run = await runProgramUnderMocks({ program: () => plainAwsRdsProgram(o), currentState: current });
    return runPoliciesOnMockRun(run, current);
}

describe("policy pack on a hand-written plain aws.rds program (no component)", function () {
    this.timeout(60000);

    it("passes the careful way: version changed on the global cluster only, members ignore engineVersion", async () => {
        const run = await preview(careful);
        assert.deepEqual(
            run.verdicts.map((v) => `${v.enforcementLevel} ${v.policy}`),
            ["advisory global-member-secure-defaults"],
            "only the advisory about the secondary's missing deletion protection",
        );
        assert.equal(run.failed, false);
    });

    it("catches members declared at mixed versions that would upgrade themselves", async () => {
        const run = await preview({
            ...careful,
            primaryVersion: "16.8",
            secondaryVersion: "16.6",
            ignoreMemberVersions: false,
        });
        assert.equal(run.failed, true);
        const byPolicy = (name: string) => run.verdicts.filter((v) => v.policy === name).map((v) => v.message);
        assertMeanings(byPolicy("global-members-same-version"), [
            {
                rule: "members-at-different-versions",
                about: "orders-euw1",
                says: ["eu-west-1", "16.6", "16.8"],
                fix: ["16.8"],
            },
        ]);
        assert.deepEqual(
            byPolicy("member-clusters-no-self-upgrade").map((m) => m.split(" is a member")[0]),
            ['cluster "orders-use1"', 'cluster "orders-euw1"'],
        );
        assert.deepEqual(byPolicy("no-blocked-version-change"), []);
    });

    it("catches a secondary without instances", async () => {
        const run = await preview({ ...careful, secondaryInstances: 0 });
        assertMeanings(
            run.verdicts.filter((v) => v.enforcementLevel === "mandatory").map((v) => v.message),
            [{ rule: "secondary-without-instance", about: "orders-euw1", says: ["eu-west-1"], fix: ["instanceCount"] }],
        );
    });

    it("a version below what every member runs (in state) warns, not blocks: AWS upgraded the database", async () => {
        const run = await preview({ ...careful, globalVersion: "16.2" });
        assert.deepEqual(
            run.verdicts.filter((v) => v.enforcementLevel === "mandatory"),
            [],
        );
        assertMeanings(
            run.verdicts.filter((v) => v.policy === "declared-version-behind-running").map((v) => v.message),
            [
                {
                    about: "orders",
                    says: ["upgraded this database to 16.6", "set engineVersion to 16.6", "declares 16.2"],
                },
            ],
        );
    });

    it("never shows the master password to the policies", async () => {
        const run = await runProgramUnderMocks({ program: () => plainAwsRdsProgram(careful), currentState: current });
        const { fromMockRun } = await import("../../testbeds/offline/policy-runner/local-runner");
        assert.ok(!JSON.stringify(fromMockRun(run, current)).includes("correct-horse"));
    });
});
