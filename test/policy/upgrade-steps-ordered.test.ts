import { strict as assert } from "assert";
import { upgradeStepsOrdered } from "../../policy/policies";
import { AnalyzedResource } from "../../testbeds/offline/policy-runner/engine-emulation/policy-args";
import { TYPES } from "../../policy/lib/resource-types";
import { res, runStack, urn } from "./support";
import { assertMeanings } from "../support/assert-means";

interface StepDef {
    readonly name: string;
    readonly role: string;
    readonly action: string;
    readonly cluster: string;
    readonly deps: readonly string[];
}
const PREFIX = "app-upgrade-";
/** The component, with the steps it records in its `upgradeSteps` output (key = name after `app-upgrade-`). */
const component = (upgrade: Record<string, unknown> = {}, steps: readonly StepDef[] = []) =>
    res(TYPES.component, "app", {
        engine: "aurora-postgresql",
        engineVersion: "16.8",
        upgrade,
        upgradeSteps: steps.map((s) => ({
            key: s.name.slice(PREFIX.length),
            action: s.action,
            role: s.role,
            cluster: s.cluster,
        })),
    });
const command = (s: StepDef): AnalyzedResource =>
    res(
        TYPES.command,
        s.name,
        { create: "aurora-global upgrade" },
        { parent: urn(TYPES.component, "app"), dependencies: s.deps.map((d) => urn(TYPES.command, d)) },
    );

/** A rolling upgrade: snapshot, two secondaries in parallel, then the primary. */
const rolling = (
    primaryDeps = ["app-upgrade-snapshot", "app-upgrade-apne1", "app-upgrade-euw1"],
    upgrade: Record<string, unknown> = {},
) => {
    const steps: StepDef[] = [
        { name: "app-upgrade-snapshot", role: "primary", action: "snapshot", cluster: "app-use1", deps: [] },
        {
            name: "app-upgrade-apne1",
            role: "secondary",
            action: "modify-db-cluster",
            cluster: "app-apne1",
            deps: ["app-upgrade-snapshot"],
        },
        {
            name: "app-upgrade-euw1",
            role: "secondary",
            action: "modify-db-cluster",
            cluster: "app-euw1",
            deps: ["app-upgrade-snapshot"],
        },
        {
            name: "app-upgrade-use1",
            role: "primary",
            action: "modify-db-cluster",
            cluster: "app-use1",
            deps: primaryDeps,
        },
    ];
    return [component(upgrade, steps), ...steps.map(command)];
};

describe("policy upgrade-steps-ordered", () => {
    it("passes secondaries after the snapshot and the primary after every secondary", async () => {
        assert.deepEqual(await runStack(upgradeStepsOrdered, rolling()), []);
    });

    it("accepts a dependency through another step (primary → secondary → snapshot)", async () => {
        const chained = rolling(["app-upgrade-apne1", "app-upgrade-euw1"]);
        assert.deepEqual(await runStack(upgradeStepsOrdered, chained), []);
    });

    // The one test that pins this policy's wording; the others assert the steps, clusters, URN and fix's key.
    it("reports a primary step that does not wait for a secondary", async () => {
        assert.deepEqual(await runStack(upgradeStepsOrdered, rolling(["app-upgrade-snapshot", "app-upgrade-apne1"])), [
            {
                message:
                    'component "app": primary upgrade step "app-upgrade-use1" (cluster "app-use1") does not depend on secondary upgrade step "app-upgrade-euw1" (cluster "app-euw1"), so the primary could be upgraded first (AWS: "global replica(s) are running lower version. Please upgrade global replicas first"). Fix: make the primary step depend on every secondary step (dependsOn).',
                urn: urn(TYPES.command, "app-upgrade-use1"),
            },
        ]);
    });

    const SNAPSHOT: StepDef = {
        name: "app-upgrade-snapshot",
        role: "primary",
        action: "snapshot",
        cluster: "app-use1",
        deps: [],
    };
    const blueGreenStep = (deps: readonly string[]): StepDef => ({
        name: "app-upgrade-blue-green",
        role: "global",
        action: "blue-green-switchover",
        cluster: "app-global",
        deps,
    });
    /** The blue/green path: the snapshot, then one blue/green step (plus any extra steps recorded). */
    const blueGreen = (deps: readonly string[] = ["app-upgrade-snapshot"], extra: readonly StepDef[] = []) => {
        const steps = [SNAPSHOT, blueGreenStep(deps), ...extra];
        return [component({ strategy: "blue-green" }, steps), ...steps.map(command)];
    };

    it("passes the blue/green step after the snapshot", async () => {
        assert.deepEqual(await runStack(upgradeStepsOrdered, blueGreen()), []);
    });

    it("reports a blue/green step that does not wait for the snapshot", async () => {
        assertMeanings(await runStack(upgradeStepsOrdered, blueGreen([])), [
            {
                about: "app-global",
                says: ["app-upgrade-blue-green", "app-upgrade-snapshot", "app-use1"],
                fix: ["dependsOn"],
                urn: urn(TYPES.command, "app-upgrade-blue-green"),
            },
        ]);
    });

    it("reports an in-place step beside the blue/green step", async () => {
        const inPlace: StepDef = {
            name: "app-upgrade-apne1",
            role: "secondary",
            action: "modify-db-cluster",
            cluster: "app-apne1",
            deps: ["app-upgrade-snapshot"],
        };
        assertMeanings(await runStack(upgradeStepsOrdered, blueGreen(undefined, [inPlace])), [
            {
                about: "app-apne1",
                says: ["app-upgrade-apne1", "app-upgrade-blue-green", "app-global"],
                fix: ["blue-green"],
                urn: urn(TYPES.command, "app-upgrade-apne1"),
            },
        ]);
    });

    it("reports upgrade steps without a snapshot step", async () => {
        const resources = rolling().filter((r) => r.name !== "app-upgrade-snapshot");
        assertMeanings(await runStack(upgradeStepsOrdered, resources), [
            {
                about: "app",
                says: ["no pre-upgrade snapshot step", "snapshotBeforeUpgrade"],
                fix: ["upgrade.snapshotBeforeUpgrade: false"],
                urn: urn(TYPES.component, "app"),
            },
        ]);
    });

    it("reports an upgrade step that does not wait for the snapshot", async () => {
        const resources = rolling().map((r) => (r.name === "app-upgrade-euw1" ? { ...r, dependencies: [] } : r));
        assertMeanings(await runStack(upgradeStepsOrdered, resources), [
            {
                about: "app-euw1",
                says: ["app-upgrade-euw1", "app-upgrade-snapshot", "app-use1"],
                fix: ["dependsOn"],
                urn: urn(TYPES.command, "app-upgrade-euw1"),
            },
        ]);
    });

    it("accepts snapshotBeforeUpgrade: false unless the organisation requires snapshots", async () => {
        const resources = rolling(undefined, { snapshotBeforeUpgrade: false }).filter(
            (r) => r.name !== "app-upgrade-snapshot",
        );
        assert.deepEqual(await runStack(upgradeStepsOrdered, resources), []);
        assertMeanings(await runStack(upgradeStepsOrdered, resources, { allowSkippingSnapshot: false }), [
            {
                about: "app",
                says: ["upgrade.snapshotBeforeUpgrade", "requires one"],
                fix: ["snapshotBeforeUpgrade: false"],
                urn: urn(TYPES.component, "app"),
            },
        ]);
    });

    it("recognises steps by name when the component recorded none", async () => {
        const bare = (name: string, deps: string[]) =>
            res(
                TYPES.command,
                name,
                { create: "true" },
                { parent: urn(TYPES.component, "app"), dependencies: deps.map((d) => urn(TYPES.command, d)) },
            );
        const resources = [
            component(),
            bare("app-snapshot", []),
            bare("app-secondary-apne1", ["app-snapshot"]),
            bare("app-primary-use1", ["app-snapshot"]),
        ];
        assertMeanings(await runStack(upgradeStepsOrdered, resources), [
            { says: ["app-primary-use1", "app-secondary-apne1"], fix: ["dependsOn"] },
        ]);
    });

    it("has nothing to check without upgrade steps (no change, or commands outside the component)", async () => {
        const outside = res(TYPES.command, "app-primary-migrate", { create: "true" });
        assert.deepEqual(await runStack(upgradeStepsOrdered, [component(), outside]), []);
    });
});
