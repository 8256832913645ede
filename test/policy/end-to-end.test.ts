import { strict as assert } from "assert";
import { AuroraGlobalDatabase } from "../../components";
import { CurrentState, existingDatabase, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import {
    fromMockRun,
    PolicyRun,
    runPolicies,
    runPoliciesOnMockRun,
} from "../../testbeds/offline/policy-runner/local-runner";
import { TYPES } from "../../policy/lib/resource-types";
import { findGlobalDatabases } from "../../policy/lib/global-topology";
import { StackValidationPolicy } from "@pulumi/policy";
import { DEV_ID, DEV_PRIMARY, DEV_SECONDARY, runDevStack, runningDevStack } from "../support/dev-stack";
import { assertMeanings, assertMeans } from "../support/assert-means";

const ID = DEV_ID;
const PRIMARY = DEV_PRIMARY;
const SECONDARY = DEV_SECONDARY;
const running = runningDevStack;
const runStack = (current: CurrentState, config: Record<string, unknown>) => runDevStack(current, config);

/** Previews the stack program (index.ts, Pulumi.dev.yaml + `config`) under the mock engine and runs the whole pack. */
async function previewStack(current: CurrentState, config: Record<string, unknown>): Promise<PolicyRun> {
    return runPoliciesOnMockRun(await runStack(current, config), current);
}

/** The mandatory verdicts as `policy: [rule]` plus the resource name, for compact assertions. */
const mandatory = (run: PolicyRun) =>
    run.verdicts
        .filter((v) => v.enforcementLevel === "mandatory")
        .map((v) => `${v.policy} ${/\[rule ([^\]]+)\]$/.exec(v.message)?.[1] ?? ""} @${v.urn?.split("::").pop()}`);

describe("policy pack end to end: the stack program under the mock engine", function () {
    this.timeout(60000);

    it("a safe minor upgrade (17.4 → 17.5) has no violation at all", async () => {
        const run = await previewStack(running("aurora-postgresql", "17.4"), { engineVersion: "17.5" });
        assert.deepEqual(run.verdicts, []);
        assert.equal(run.failed, false);
    });

    it("no change has no violation", async () => {
        assert.deepEqual((await previewStack(running("aurora-postgresql", "17.4"), {})).verdicts, []);
    });

    it("an upgrade AWS applied itself (17.5 running, 17.4 declared) warns with the fix instead of failing", async () => {
        const run = await previewStack(running("aurora-postgresql", "17.5"), { engineVersion: "17.4" });
        assert.equal(run.failed, false);
        assert.deepEqual(mandatory(run), []);
        assert.deepEqual(
            run.verdicts.map((v) => `${v.policy} ${v.enforcementLevel}`),
            ["declared-version-behind-running advisory"],
        );
        assertMeans(run.verdicts[0].message, { says: ["upgraded", "17.5", "engineVersion", "17.4"] });
    });

    it("blocks an engine change", async () => {
        const run = await previewStack(running("aurora-postgresql", "17.4"), {
            engine: "aurora-mysql",
            engineVersion: "8.0.mysql_aurora.3.08.0",
        });
        assert.equal(run.failed, true);
        assert.deepEqual(mandatory(run), ["no-blocked-version-change engine-change @aurora"]);
    });

    it("blocks a major upgrade without opt-in", async () => {
        const run = await previewStack(running("aurora-postgresql", "16.6"), { engineVersion: "17.4" });
        assert.deepEqual(mandatory(run), ["no-blocked-version-change major-without-opt-in @aurora"]);
    });

    it("blocks a target that is not a valid upgrade target (catalogue read live)", async () => {
        const engineVersions = [
            {
                engine: "aurora-postgresql",
                version: "17.4",
                supportsGlobalDatabases: true,
                validUpgradeTargets: ["17.5"],
            },
        ];
        const run = await previewStack(running("aurora-postgresql", "17.4", { engineVersions }), {
            engineVersion: "17.6",
        });
        assert.deepEqual(mandatory(run), [
            "no-blocked-version-change invalid-upgrade-target @aurora-primary-cluster",
            "no-blocked-version-change invalid-upgrade-target @aurora-secondary-ap-northeast-1-cluster",
        ]);
    });

    it("blocks a target without global database support", async () => {
        const engineVersions = [
            {
                engine: "aurora-postgresql",
                version: "17.4",
                supportsGlobalDatabases: true,
                validUpgradeTargets: ["17.5"],
            },
            { engine: "aurora-postgresql", version: "17.5", supportsGlobalDatabases: false, validUpgradeTargets: [] },
        ];
        const run = await previewStack(running("aurora-postgresql", "17.4", { engineVersions }), {
            engineVersion: "17.5",
        });
        assert.deepEqual(mandatory(run), ["no-blocked-version-change target-without-global-support @aurora"]);
    });

    it("blocks Aurora MySQL 2 → 3 in place until the conditions are confirmed", async () => {
        const current = running("aurora-mysql", "5.7.mysql_aurora.2.12.1");
        const config = {
            engine: "aurora-mysql",
            engineVersion: "8.0.mysql_aurora.3.08.0",
            upgradeAllowMajorVersionUpgrade: true,
        };
        assert.deepEqual(mandatory(await previewStack(current, config)), [
            "no-blocked-version-change mysql-2-to-3-in-place @aurora",
        ]);
        assert.deepEqual(
            mandatory(await previewStack(current, { ...config, upgradeMysqlInPlaceMajorConfirmed: true })),
            [],
        );
    });

    it("blocks a new secondary added in the same change as an upgrade", async () => {
        const run = await previewStack(running("aurora-postgresql", "17.4"), {
            engineVersion: "17.5",
            secondaryRegions: ["ap-northeast-1", "eu-west-1"],
        });
        assert.deepEqual(mandatory(run), [
            "no-blocked-version-change new-secondary-at-other-version @aurora-secondary-eu-west-1-cluster",
        ]);
    });

    it("blocks an Aurora PostgreSQL major upgrade while a member's group in AWS sets rds.global_db_rpo", async () => {
        const current = existingDatabase({
            globalClusterIdentifier: ID,
            engine: "aurora-postgresql",
            engineVersion: "16.6",
            members: [
                {
                    clusterIdentifier: PRIMARY,
                    region: "us-east-1",
                    instanceCount: 2,
                    clusterParameterGroup: { name: "app-rpo", parameters: { "rds.global_db_rpo": "20" } },
                },
                { clusterIdentifier: SECONDARY, region: "ap-northeast-1" },
            ],
        });
        const program = () => {
            new AuroraGlobalDatabase("aurora", {
                engine: "aurora-postgresql",
                engineVersion: "17.4",
                globalClusterIdentifier: ID,
                primary: { region: "us-east-1", instanceCount: 2 },
                secondaries: [{ region: "ap-northeast-1" }],
                upgrade: { allowMajorVersionUpgrade: true },
            });
        };
        const run = await runPoliciesOnMockRun(await runProgramUnderMocks({ program, currentState: current }), current);
        assert.deepEqual(mandatory(run), ["no-blocked-version-change postgres-major-with-rpo @aurora-primary-cluster"]);
    });

    it("blocks members declared at different versions (global-members-same-version)", async () => {
        const current = running("aurora-postgresql", "17.4");
        const program = () => {
            new AuroraGlobalDatabase("aurora", {
                engine: "aurora-postgresql",
                engineVersion: "17.5",
                globalClusterIdentifier: ID,
                primary: { region: "us-east-1", instanceCount: 2 },
                secondaries: [{ region: "ap-northeast-1", engineVersion: "17.4" }],
            });
        };
        const run = await runPoliciesOnMockRun(await runProgramUnderMocks({ program, currentState: current }), current);
        assert.deepEqual(mandatory(run), [
            "global-members-same-version members-at-different-versions @aurora-secondary-ap-northeast-1-cluster",
        ]);
    });

    it("after a switchover the pack takes the roles AWS reports from the component's recorded plan", async () => {
        const current = existingDatabase({
            globalClusterIdentifier: ID,
            engine: "aurora-postgresql",
            engineVersion: "17.4",
            members: [
                { clusterIdentifier: PRIMARY, region: "us-east-1", instanceCount: 2 },
                { clusterIdentifier: SECONDARY, region: "ap-northeast-1", writer: true },
            ],
        });
        const mock = await runStack(current, { engineVersion: "17.5", upgradeStrategy: "rolling" });
        let roles: string[] = [];
        const probe: StackValidationPolicy = {
            name: "roles-probe",
            description: "records the roles the pack sees",
            enforcementLevel: "advisory",
            validateStack: (args) => {
                roles = findGlobalDatabases(args.resources).flatMap((v) =>
                    v.members.map((m) => `${m.identifier} ${m.role}`),
                );
            },
        };
        await runPolicies(fromMockRun(mock, current), { policies: [probe] });
        assert.deepEqual(roles, [`${PRIMARY} secondary`, `${SECONDARY} primary`]);
        assert.deepEqual(mandatory(await runPoliciesOnMockRun(mock, current)), []);
    });

    it("a brand-new database (nothing exists yet, ARNs unknown) has no violation", async () => {
        assert.deepEqual((await previewStack({}, {})).verdicts, []);
    });

    it("a rolling upgrade creates steps in the order the pack requires (snapshot, secondaries, primary)", async () => {
        const run = await runStack(running("aurora-postgresql", "17.4"), {
            engineVersion: "17.5",
            upgradeStrategy: "rolling",
        });
        const steps = run.resources.filter((r) => r.type === TYPES.command).map((r) => r.name);
        assert.deepEqual(steps, [
            "aurora-upgrade-snapshot",
            "aurora-upgrade-secondary-ap-northeast-1",
            "aurora-upgrade-primary",
        ]);
        assert.deepEqual((await runPoliciesOnMockRun(run, running("aurora-postgresql", "17.4"))).verdicts, []);
    });

    it("catches a primary step that does not wait for the secondary (dependency removed from the recorded graph)", async () => {
        const current = running("aurora-postgresql", "17.4");
        const resources = fromMockRun(
            await runStack(current, { engineVersion: "17.5", upgradeStrategy: "rolling" }),
            current,
        );
        const secondaryStep = resources.find((r) => r.name === "aurora-upgrade-secondary-ap-northeast-1")!.urn!;
        const broken = resources.map((r) =>
            r.name === "aurora-upgrade-primary"
                ? { ...r, dependencies: (r.dependencies ?? []).filter((d) => d !== secondaryStep) }
                : r,
        );
        // The primary step now reaches neither the secondary step nor (through it) the snapshot.
        const verdicts = (await runPolicies(broken)).verdicts;
        assert.deepEqual(
            verdicts.map((v) => v.policy),
            ["upgrade-steps-ordered", "upgrade-steps-ordered"],
        );
        assertMeanings(
            verdicts.map((v) => v.message),
            [
                {
                    says: [
                        "aurora-upgrade-primary",
                        "aurora-global-dev-us-east-1",
                        "aurora-upgrade-secondary-ap-northeast-1",
                        "aurora-global-dev-ap-northeast-1",
                    ],
                },
                { says: ["aurora-upgrade-primary", "aurora-upgrade-snapshot", "pre-upgrade snapshot step"] },
            ],
        );
    });

    describe("without the component's recorded plan, from the ignoreChanges substitution alone", () => {
        /** The registrations with the component's `plan` output removed: the pack must plan from the resources. */
        async function withoutRecordedPlan(current: CurrentState, config: Record<string, unknown>) {
            const resources = fromMockRun(await runStack(current, config), current).map((r) => {
                if (r.type !== TYPES.component || !r.outputs) return r;
                return {
                    ...r,
                    outputs: Object.fromEntries(Object.entries(r.outputs).filter(([key]) => key !== "plan")),
                };
            });
            return runPolicies(resources);
        }

        it("passes the safe minor upgrade", async () => {
            assert.deepEqual(
                (await withoutRecordedPlan(running("aurora-postgresql", "17.4"), { engineVersion: "17.5" })).verdicts,
                [],
            );
        });

        it("reaches the same verdict on an AWS-applied upgrade as the component's plan", async () => {
            const config = { engineVersion: "17.4" };
            const fromPlan = await previewStack(running("aurora-postgresql", "17.5"), config);
            const fromResources = await withoutRecordedPlan(running("aurora-postgresql", "17.5"), config);
            assert.deepEqual(fromResources.verdicts, fromPlan.verdicts);
        });

        it("blocks a major upgrade without opt-in (target read from the component, current versions from state)", async () => {
            const run = await withoutRecordedPlan(running("aurora-postgresql", "16.6"), { engineVersion: "17.4" });
            assert.deepEqual(mandatory(run), ["no-blocked-version-change major-without-opt-in @aurora"]);
        });
    });
});
