import { Engine } from "../engine-versions";
import { MinuteRange, Role, StepAction } from "./types";

/**
 * Expected impact of a step on a member, from AWS's documentation and the measurement in
 * seed 001 (managed minor upgrade 17.4.5 → 17.5.4: secondary ~11 s unreachable, primary
 * ~1.5 s with zero-downtime patching, whole operation ~3 minutes).
 */
export function stepImpact(engine: Engine, action: StepAction, role: Role | "global"): string {
    switch (action) {
        case "snapshot":
            return "no downtime: cluster snapshot of the primary, the way back if the upgrade must be undone (minor upgrades cannot be rolled back)";
        case "prepare-parameter-groups":
            return "no downtime: target-family parameter groups created in the region";
        case "apply-parameter-groups":
            return "custom parameter groups re-applied after the major upgrade reset them to defaults; instances reboot to take static parameters";
        case "apply-pending-maintenance":
            return role === "primary"
                ? "system-update on the writer: instances restart (seconds to a minute of downtime)"
                : "system-update on secondary readers: instances restart; the primary is unaffected";
        case "modify-global-cluster":
            return globalImpact(engine, "managed");
        case "modify-db-cluster":
            return memberMinorImpact(engine, role);
        case "blue-green-create":
            return "no downtime: a green copy of every cluster and instance in every region (cloned storage), upgraded while production runs; it costs as much as the database until cleanup";
        case "blue-green-switchover":
            return `all regions switch together after AWS's guardrails (replica lag, health): writes unavailable ${BLUE_GREEN_DOWNTIME}; green takes the original names, blue is renamed -old1`;
        case "blue-green-cleanup":
            return "no downtime: the blue/green deployment is deleted; the old -old1 clusters are kept (deletion protection on) or deleted as asked";
    }
}

/** AWS: "switchover typically takes under a minute" (Overview of Amazon Aurora Blue/Green Deployments). */
export const BLUE_GREEN_DOWNTIME = "typically under one minute";

/** Impact of a minor (or MySQL patch) upgrade of one member. */
export function memberMinorImpact(engine: Engine, role: Role | "global"): string {
    if (engine === "aurora-mysql") {
        return role === "primary"
            ? "writer restarts: writes unavailable for the restart (zero-downtime patching is not supported for Aurora MySQL global databases)"
            : "secondary readers restart (about a minute of reads unavailable in this region); the primary is unaffected";
    }
    return role === "primary"
        ? "writer restarts with zero-downtime patching where possible (about 1.5 s measured, connections preserved) unless long transactions, DDL, temp tables, LISTEN, WITH HOLD cursors or TLS 1.1 are in use"
        : "secondary readers restart without zero-downtime patching (about 11 s unreachable measured); the primary is unaffected";
}

/** Impact of the single global operation. */
export function globalImpact(engine: Engine, kind: "managed" | "major"): string {
    if (kind === "major") {
        return "AWS upgrades every region together: all instances restart (minutes of downtime); parameter groups reset to the new version's defaults";
    }
    const zdp =
        engine === "aurora-postgresql"
            ? "the writer uses zero-downtime patching where possible (about 1.5 s measured)"
            : "the writer restarts";
    return `one operation across all regions, rolled back by AWS on failure: secondary readers restart (about 11 s unreachable measured), ${zdp}; about 3 minutes in all`;
}

/**
 * How long each step keeps its members busy, in minutes (an estimate to state how long failover is
 * impossible, never a timeout). Member upgrades: 3–8 minutes, the member durations the bench models
 * (testbeds/bench/README.md: "short members, 3–8 min"); the managed operation: about 3 minutes in all
 * (seed 001, measured); a major upgrade of all members: no measurement here, 10–30 minutes assumed;
 * the blue/green switchover: "typically under one minute" (AWS); the green copy runs beside
 * production (its creation changes no production member).
 */
export const STEP_MINUTES: Readonly<Record<StepAction, MinuteRange>> = {
    snapshot: { low: 0, high: 0 },
    "prepare-parameter-groups": { low: 0, high: 0 },
    "apply-parameter-groups": { low: 1, high: 5 },
    "apply-pending-maintenance": { low: 3, high: 8 },
    "modify-db-cluster": { low: 3, high: 8 },
    "modify-global-cluster": { low: 3, high: 5 },
    "blue-green-create": { low: 0, high: 0 },
    "blue-green-switchover": { low: 1, high: 1 },
    "blue-green-cleanup": { low: 0, high: 0 },
};

/** The estimated minutes of one step (a major ModifyGlobalCluster takes longer than the managed minor one). */
export function stepMinutes(action: StepAction, major = false): MinuteRange {
    return action === "modify-global-cluster" && major ? { low: 10, high: 30 } : STEP_MINUTES[action];
}
