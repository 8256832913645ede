import { awsUpgradedOf, awsUpgradedWarning } from "./aws-upgraded";
import { blueGreenNotes, blueGreenSummary } from "./blue-green";
import { failoverReadiness } from "./failover";
import { planSupport } from "./plan-support";
import { buildContext, memberRef, overallChange, PlanContext } from "./context";
import { checkRules, runningVersion } from "./rules";
import { isParameterGroupResume, isScheduled, unappliedGroupMembers } from "./members";
import { buildSteps, choosePath } from "./steps";
import { Plan, PlanInput, PlannedMember, PlanStep } from "./types";

/**
 * Plans the change of a global database to `input.target`: pure, no I/O. The result has either
 * ordered steps (waves: secondaries in parallel, then the primary; or one global operation) or
 * every violation found, each with a stable rule id, a message and a fix — never both.
 */
export function planUpgrade(input: PlanInput): Plan {
    const ctx = buildContext(input);
    const violations = checkRules(ctx);
    const change = overallChange(ctx);
    const path = violations.length > 0 ? "none" : choosePath(ctx, change);
    const running = runningVersion(ctx);
    const steps = violations.length > 0 ? [] : buildSteps(ctx, path);
    const blueGreen = path === "blue-green" ? blueGreenSummary(ctx) : undefined;
    const awsUpgraded = violations.length > 0 ? undefined : awsUpgradedOf(ctx);
    const failover = violations.length > 0 ? undefined : failoverReadiness(ctx, steps);
    const support = ctx.parseErrors.length > 0 ? { warnings: [] } : planSupport(ctx, running);
    const warnings = [...(awsUpgraded ? [awsUpgradedWarning(awsUpgraded)] : []), ...support.warnings];
    return {
        engine: input.engine,
        globalClusterId: input.globalClusterId,
        ...(running ? { from: running.text } : {}),
        to: input.target.text,
        change: path === "create" ? "create" : awsUpgraded ? "none" : change,
        path,
        steps,
        members: plannedMembers(ctx, steps, violations.length > 0 ? undefined : path),
        violations,
        ...(blueGreen ? { blueGreen } : {}),
        ...(failover ? { failover } : {}),
        ...(awsUpgraded ? { awsUpgraded } : {}),
        ...(support.endOfSupport ? { endOfSupport: support.endOfSupport } : {}),
        ...(support.declaredEndOfSupport ? { declaredEndOfSupport: support.declaredEndOfSupport } : {}),
        ...(warnings.length > 0 ? { warnings } : {}),
        notes: [...planNotes(ctx, path), ...(blueGreen ? blueGreenNotes(blueGreen, input.engine) : [])],
    };
}

/**
 * Each member from → to: the version its own step names (rolling, patch), the target for a
 * global operation or a new member, its current version when nothing changes it.
 */
function plannedMembers(ctx: PlanContext, steps: readonly PlanStep[], path: Plan["path"] | undefined): PlannedMember[] {
    return ctx.members.map((m) => {
        const from = m.current?.text;
        const own = steps.find(
            (s) =>
                s.cluster === m.state.cluster &&
                (s.action === "modify-db-cluster" || s.action === "apply-pending-maintenance") &&
                s.to !== undefined,
        );
        const global = path === "managed" || path === "blue-green" || (path === "major" && m.change !== "none");
        const to =
            path === undefined ? undefined : (own?.to ?? (global || from === undefined ? ctx.input.target.text : from));
        return {
            cluster: m.state.cluster,
            region: m.state.region,
            role: m.state.role,
            ...(from !== undefined ? { from } : {}),
            ...(to !== undefined ? { to } : {}),
        };
    });
}

function planNotes(ctx: PlanContext, path: Plan["path"]): string[] {
    if (isParameterGroupResume(ctx, path)) {
        const left = unappliedGroupMembers(ctx).map((m) => memberRef(m.state));
        return [
            `resuming a major upgrade: every member runs ${ctx.input.target.text}, but the target-family parameter groups are not applied yet on ${left.join(", ")}`,
            "no snapshot and no ModifyGlobalCluster: only the parameter groups are applied, secondaries first, then the primary",
        ];
    }
    const notes: string[] = [];
    const skipped = ctx.members.filter((m) => m.change === "none" && path !== "none" && path !== "patch");
    for (const m of skipped)
        notes.push(`cluster "${m.state.cluster}" (${m.state.region}) already runs ${ctx.input.target.text}: skipped`);
    return [...notes, ...pathNotes(ctx, path), ...maintenanceNotes(ctx, path)];
}

/** The note of a run told to take no snapshot: whether one was taken before it is not this run's to know. */
const NO_SNAPSHOT_IN_THIS_RUN =
    "this run takes no snapshot: unless one was taken before it (the component's snapshot step, or your own), a minor upgrade cannot be rolled back";

/** What the chosen path means: failover while it runs, no snapshot, what AWS does, what the strategy changes. */
function pathNotes(ctx: PlanContext, path: Plan["path"]): string[] {
    const { options, engine } = ctx.input;
    const notes: string[] = [];
    if (path === "rolling" || path === "managed" || path === "major" || path === "patch") {
        if (!options.snapshotBeforeUpgrade)
            notes.push(
                options.snapshotDecidedElsewhere
                    ? NO_SNAPSHOT_IN_THIS_RUN
                    : "no snapshot before the upgrade (snapshotBeforeUpgrade is false): a minor upgrade cannot be rolled back",
            );
    }
    if (path === "managed")
        notes.push(
            "managed minor upgrade: AWS upgrades every region in one operation and rolls back on failure; it does not apply patch levels",
        );
    if (path === "rolling" && engine === "aurora-postgresql" && options.strategy === "auto") {
        notes.push("strategy auto chose rolling to finish an upgrade that some members already completed");
    }
    if (path === "blue-green") notes.push(...blueGreenPathNotes(ctx));
    if (path === "major") {
        notes.push(
            "major upgrade through ModifyGlobalCluster: AWS upgrades all members together; parameter groups reset to the new version's defaults",
        );
        if (options.strategy === "rolling")
            notes.push(
                'strategy "rolling" does not apply to major upgrades: AWS refuses a major upgrade of a single member',
            );
    }
    if (path === "patch" && options.applyPendingPatches === "next-maintenance") {
        notes.push(
            "pending patches are scheduled for each member's next maintenance window: secondaries first only while every secondary's window comes before the primary's (checked: maintenance-windows-out-of-order)",
        );
    }
    return notes;
}

function blueGreenPathNotes(ctx: PlanContext): string[] {
    const notes = [
        "blue/green: AWS copies the primary and every secondary region (green), upgrades the copies while production runs, then switches all regions over at once",
    ];
    if (!ctx.input.options.snapshotBeforeUpgrade)
        notes.push(
            ctx.input.options.snapshotDecidedElsewhere
                ? NO_SNAPSHOT_IN_THIS_RUN
                : "no snapshot before the upgrade (snapshotBeforeUpgrade is false)",
        );
    if (ctx.input.engine === "aurora-postgresql")
        notes.push(
            "Aurora PostgreSQL blue/green uses logical replication: unlogged tables are not copied (unless rds.logically_replicate_unlogged_tables = 1) and DDL is not replicated while the deployment runs",
        );
    return notes;
}

/** Pending maintenance: actions already scheduled for a window, and actions left alone by the options. */
function maintenanceNotes(ctx: PlanContext, path: Plan["path"]): string[] {
    const { options } = ctx.input;
    const notes: string[] = [];
    for (const m of ctx.members) {
        for (const a of (m.state.pendingActions ?? []).filter(isScheduled))
            notes.push(
                `${memberRef(m.state)}: ${a.action}${a.targetVersion ? ` to ${a.targetVersion}` : ""} is scheduled for its next maintenance window${a.currentApplyDate ? ` (${a.currentApplyDate})` : ""}${options.applyPendingPatches === "immediate" ? "; applied now instead" : ": not applied again"}`,
            );
    }
    if (
        path === "none" &&
        ctx.members.some((m) => (m.state.pendingActions ?? []).length > 0) &&
        options.applyPendingPatches === false
    ) {
        notes.push(
            "pending maintenance actions exist; set upgrade.applyPendingPatches to apply them (secondaries first)",
        );
    }
    return notes;
}
