import { strict as assert } from "assert";
import { upgradeStepsOrdered } from "../../policy/policies";
import { AnalyzedResource } from "../../testbeds/offline/policy-runner/engine-emulation/policy-args";
import { TYPES } from "../../policy/lib/resource-types";
import { res, runStack, urn } from "./support";

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
        assert.deepEqual(await runStack(upgradeStepsOrdered, blueGreen([])), [
            {
                message:
                    'component "app": upgrade step "app-upgrade-blue-green" (cluster "app-global") does not depend on the pre-upgrade snapshot step "app-upgrade-snapshot" (cluster "app-use1"), so it could start before the snapshot exists. Fix: make every upgrade step depend on the snapshot step (dependsOn).',
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
        assert.deepEqual(await runStack(upgradeStepsOrdered, blueGreen(undefined, [inPlace])), [
            {
                message:
                    'component "app": in-place upgrade step "app-upgrade-apne1" (cluster "app-apne1") runs beside the blue/green step "app-upgrade-blue-green" (cluster "app-global"): one upgrade takes one path. Fix: keep only the blue/green step (strategy blue-green), or only the in-place steps.',
                urn: urn(TYPES.command, "app-upgrade-apne1"),
            },
        ]);
    });

    it("reports upgrade steps without a snapshot step", async () => {
        const resources = rolling().filter((r) => r.name !== "app-upgrade-snapshot");
        assert.deepEqual(await runStack(upgradeStepsOrdered, resources), [
            {
                message:
                    'component "app" has upgrade steps but no pre-upgrade snapshot step, and snapshotBeforeUpgrade is not false: a minor upgrade cannot be rolled back. Fix: create the snapshot step before the upgrade steps, or set upgrade.snapshotBeforeUpgrade: false to accept the risk.',
                urn: urn(TYPES.component, "app"),
            },
        ]);
    });

    it("reports an upgrade step that does not wait for the snapshot", async () => {
        const resources = rolling().map((r) => (r.name === "app-upgrade-euw1" ? { ...r, dependencies: [] } : r));
        assert.deepEqual(await runStack(upgradeStepsOrdered, resources), [
            {
                message:
                    'component "app": upgrade step "app-upgrade-euw1" (cluster "app-euw1") does not depend on the pre-upgrade snapshot step "app-upgrade-snapshot" (cluster "app-use1"), so it could start before the snapshot exists. Fix: make every upgrade step depend on the snapshot step (dependsOn).',
                urn: urn(TYPES.command, "app-upgrade-euw1"),
            },
        ]);
    });

    it("accepts snapshotBeforeUpgrade: false unless the organisation requires snapshots", async () => {
        const resources = rolling(undefined, { snapshotBeforeUpgrade: false }).filter(
            (r) => r.name !== "app-upgrade-snapshot",
        );
        assert.deepEqual(await runStack(upgradeStepsOrdered, resources), []);
        assert.deepEqual(await runStack(upgradeStepsOrdered, resources, { allowSkippingSnapshot: false }), [
            {
                message:
                    'component "app" upgrades without a snapshot (upgrade.snapshotBeforeUpgrade is false) and this organisation requires one: a minor upgrade cannot be rolled back. Fix: remove snapshotBeforeUpgrade: false from the component\'s upgrade options.',
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
        assert.deepEqual(
            (await runStack(upgradeStepsOrdered, resources)).map((r) => r.message),
            [
                'component "app": primary upgrade step "app-primary-use1" does not depend on secondary upgrade step "app-secondary-apne1", so the primary could be upgraded first (AWS: "global replica(s) are running lower version. Please upgrade global replicas first"). Fix: make the primary step depend on every secondary step (dependsOn).',
            ],
        );
    });

    it("has nothing to check without upgrade steps (no change, or commands outside the component)", async () => {
        const outside = res(TYPES.command, "app-primary-migrate", { create: "true" });
        assert.deepEqual(await runStack(upgradeStepsOrdered, [component(), outside]), []);
    });
});
