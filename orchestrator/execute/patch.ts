import { ApplyPendingMaintenanceActionCommand } from "@aws-sdk/client-rds";
import { PlanStep } from "../../planner";
import { UpgradeStopped } from "../../aws/run-errors";
import { FRESH_READ_MS, readCluster } from "../../aws/topology/reads";
import { pendingActionsOf } from "../../aws/topology/facts";
import { MemberTopology } from "../../aws/topology/types";
import { ref, RunContext } from "./context";
import { stopOnError } from "./stop-on-error";
import { waitForMember } from "./wait-member";

const SYSTEM_UPDATE = "system-update";

async function hasPendingUpdate(ctx: RunContext, m: MemberTopology): Promise<boolean> {
    return (await pendingActionsOf(ctx.api, m.region, m.arn, ctx.engine)).some((a) => a.action === SYSTEM_UPDATE);
}

/**
 * ApplyPendingMaintenanceAction `system-update` on one member with the chosen opt-in. With
 * `immediate` it waits until the member is `available` with no system-update pending; with
 * `next-maintenance` it only schedules. Before the primary (immediate), every secondary must
 * report no pending system-update.
 */
export async function patchMember(ctx: RunContext, step: PlanStep): Promise<void> {
    const member = ctx.member(step.cluster);
    const optIn = ctx.options.optIn ?? "immediate";
    const doing = `applying the pending system-update${step.to ? ` (${step.to})` : ""}`;
    if (member.role === "primary" && optIn === "immediate") await requireSecondariesPatched(ctx);
    const c = await readCluster(ctx.api, member.region, member.cluster, { reuseWithinMs: FRESH_READ_MS });
    const pending = await hasPendingUpdate(ctx, member);
    const since = ctx.now();
    const untouched = member.role === "secondary" ? "The primary was not touched." : undefined;
    const alsoDone = async () => !(await hasPendingUpdate(ctx, member));
    if (!pending) {
        if (c.Status === "available") {
            ctx.skipped.push(member.cluster);
            ctx.log.info(`${ref(member)}: no system-update pending, skipped`);
            return;
        }
        ctx.log.info(`${ref(member)}: ${c.Status}, no system-update pending any more; waiting for it to finish`);
        await waitForMember(ctx, { member, since, doing, untouched });
        return;
    }
    if (c.Status === "upgrading" && optIn === "immediate") {
        ctx.log.info(`${ref(member)}: already upgrading; waiting for it, not applying again`);
    } else {
        ctx.log.info(`${ref(member)}: ApplyPendingMaintenanceAction system-update (${optIn})`);
        try {
            await ctx.api.send(
                member.region,
                new ApplyPendingMaintenanceActionCommand({
                    ResourceIdentifier: member.arn,
                    ApplyAction: SYSTEM_UPDATE,
                    OptInType: optIn,
                }),
            );
        } catch (e) {
            throw stopOnError(e, member, `ApplyPendingMaintenanceAction (${doing})`);
        }
    }
    if (optIn === "next-maintenance") {
        ctx.scheduled = true;
        ctx.log.info(`${ref(member)}: system-update scheduled for its next maintenance window`);
        return;
    }
    await waitForMember(ctx, { member, since, doing, alsoDone, untouched });
}

async function requireSecondariesPatched(ctx: RunContext): Promise<void> {
    for (const s of ctx.secondaries()) {
        const c = await readCluster(ctx.api, s.region, s.cluster, { reuseWithinMs: FRESH_READ_MS });
        if (c.Status !== "available" || (await hasPendingUpdate(ctx, s))) {
            throw new UpgradeStopped(
                `refusing to patch the primary: ${ref(s)} reports status "${c.Status ?? "unknown"}" with a system-update still pending or running. The primary was not touched. Run the same command again: it patches the secondaries first.`,
                s.cluster,
                s.region,
            );
        }
    }
}
