import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import { isBlocked, Plan, renderPlan } from "../../planner";
import { LEASE_GROUP_ENV } from "../../cli-contract/flags";
import { UpgradeStepsRecord } from "./kept-steps";

/**
 * Creates the upgrade steps of a record as `local.Command`s named `<name>-upgrade-<key>`
 * running the orchestrator CLI, in the order of the step graph: each step waits for the steps it
 * names (`dependsOn`, explicit in the graph), or for the database's own resources when it names
 * none. Every step is triggered by the target version (see `stepsToDeclare`), has no secret in
 * its environment (AWS_REGION, and the update's lease group: kept-steps.ts), no `delete` and no previous output in its env. The inputs come only from the
 * record, so a record re-declared unchanged gives the very same resources.
 */
export function createUpgradeSteps(
    name: string,
    record: UpgradeStepsRecord,
    databaseResources: pulumi.Resource[],
    parent: pulumi.Resource,
): command.local.Command[] {
    const byKey = new Map<string, command.local.Command>();
    for (const spec of record.steps) {
        const dependsOn = spec.after.length > 0 ? spec.after.map((key) => byKey.get(key)!) : databaseResources;
        const step = new command.local.Command(
            `${name}-upgrade-${spec.key}`,
            {
                create: spec.command,
                triggers: [...spec.triggers],
                environment: {
                    AWS_REGION: record.homeRegion,
                    ...(record.leaseGroup ? { [LEASE_GROUP_ENV]: record.leaseGroup } : {}),
                },
                addPreviousOutputInEnv: false,
            },
            { parent, dependsOn },
        );
        byKey.set(spec.key, step);
    }
    return [...byKey.values()];
}

/**
 * Shows the plan in the preview: the markdown plan as info (what the pull-request comment shows:
 * members from → to, mermaid diagram of the order, impact); each warning as a warning; for a blocked plan every violation
 * as an error on the component, so the preview fails with or without the policy pack.
 */
export function reportPlan(plan: Plan, resource: pulumi.Resource): void {
    void pulumi.log.info(renderPlan(plan, "markdown"), resource);
    // Non-blocking warnings (an upgrade AWS applied itself, a version past its end of support).
    for (const w of plan.warnings ?? []) void pulumi.log.warn(w, resource);
    if (!isBlocked(plan)) return;
    for (const v of plan.violations) {
        void pulumi.log.error(`upgrade blocked [${v.rule}]: ${v.message}. Fix: ${v.fix}`, resource);
    }
}
