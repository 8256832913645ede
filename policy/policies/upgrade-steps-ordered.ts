import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { componentSettings } from "../lib/component-contract";
import { configWithDefaults } from "../lib/config";
import { dependsOn, isUpgradeStep, stepName, stepsByComponent } from "../lib/upgrade-steps";

const configSchema: PolicyConfigSchema = {
    properties: {
        allowSkippingSnapshot: {
            type: "boolean",
            default: true,
            description:
                "Accept upgrade.snapshotBeforeUpgrade: false on the component. Set to false to require a pre-upgrade cluster snapshot on every upgrade (minor upgrades cannot be rolled back).",
        },
    },
};

interface Config {
    readonly allowSkippingSnapshot: boolean;
}

/**
 * The upgrade steps of an AuroraGlobalDatabase run in the only order AWS allows: every primary
 * step depends on every secondary step, and every upgrade step (the blue/green step included) on
 * the pre-upgrade snapshot (unless the component disables it); a blue/green step never runs
 * beside in-place upgrade steps.
 */
export const upgradeStepsOrdered: StackValidationPolicy = {
    name: "upgrade-steps-ordered",
    description:
        "Upgrade steps of an Aurora global database are ordered: the primary's step depends on every secondary's step, and every upgrade step on the pre-upgrade snapshot unless snapshotBeforeUpgrade is false.",
    enforcementLevel: "mandatory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const config = configWithDefaults<Config>(args, configSchema);
        for (const [component, steps] of stepsByComponent(args.resources)) {
            const upgrades = steps.filter(isUpgradeStep);
            if (upgrades.length === 0) continue;
            // Blue/green replaces the in-place steps: a member modified in place while the
            // deployment runs changes blue under green's feet (and the switchover renames it).
            const blueGreen = upgrades.filter((s) => s.action === "blue-green-switchover");
            for (const inPlace of blueGreen.length > 0
                ? upgrades.filter((s) => s.action !== "blue-green-switchover")
                : [])
                reportViolation(
                    `component "${component.name}": in-place upgrade step ${stepName(inPlace)} runs beside the blue/green step ${stepName(blueGreen[0])}: one upgrade takes one path. Fix: keep only the blue/green step (strategy blue-green), or only the in-place steps.`,
                    inPlace.resource.urn,
                );
            const secondaries = upgrades.filter((s) => s.role === "secondary");
            for (const primary of upgrades.filter((s) => s.role === "primary")) {
                for (const secondary of secondaries.filter((s) => !dependsOn(primary.resource, s.resource))) {
                    reportViolation(
                        `component "${component.name}": primary upgrade step ${stepName(primary)} does not depend on secondary upgrade step ${stepName(secondary)}, so the primary could be upgraded first (AWS: "global replica(s) are running lower version. Please upgrade global replicas first"). Fix: make the primary step depend on every secondary step (dependsOn).`,
                        primary.resource.urn,
                    );
                }
            }
            const snapshotWanted = componentSettings(component.props).options.snapshotBeforeUpgrade;
            if (!snapshotWanted && !config.allowSkippingSnapshot) {
                reportViolation(
                    `component "${component.name}" upgrades without a snapshot (upgrade.snapshotBeforeUpgrade is false) and this organisation requires one: a minor upgrade cannot be rolled back. Fix: remove snapshotBeforeUpgrade: false from the component's upgrade options.`,
                    component.urn,
                );
                continue;
            }
            if (!snapshotWanted) continue;
            const snapshots = steps.filter((s) => s.action === "snapshot");
            if (snapshots.length === 0) {
                reportViolation(
                    `component "${component.name}" has upgrade steps but no pre-upgrade snapshot step, and snapshotBeforeUpgrade is not false: a minor upgrade cannot be rolled back. Fix: create the snapshot step before the upgrade steps, or set upgrade.snapshotBeforeUpgrade: false to accept the risk.`,
                    component.urn,
                );
                continue;
            }
            for (const step of upgrades.filter(
                (s) => !snapshots.some((snap) => dependsOn(s.resource, snap.resource)),
            )) {
                reportViolation(
                    `component "${component.name}": upgrade step ${stepName(step)} does not depend on the pre-upgrade snapshot step ${stepName(snapshots[0])}, so it could start before the snapshot exists. Fix: make every upgrade step depend on the snapshot step (dependsOn).`,
                    step.resource.urn,
                );
            }
        }
    },
};
