import { Engine } from "../engine-versions";
import { BLUE_GREEN_REPLICATION_PARAMETER, ReplicationGap } from "../vocabulary";
import { MemberState } from "./types";

type ReplicationLimit = ReplicationGap["kind"];

/** What AWS asks to be set besides the parameter itself (docs/aws-rules.md §8). */
const ALSO: Readonly<Record<Engine, string>> = {
    "aurora-mysql": "",
    "aurora-postgresql":
        " (with max_replication_slots, max_logical_replication_workers and max_worker_processes sized for it, and synchronous_commit on)",
};

const REPLICATION: Readonly<Record<Engine, string>> = {
    "aurora-mysql": "binary logging",
    "aurora-postgresql": "logical replication",
};

const BOTH = "binlog_format=ROW (Aurora MySQL) or rds.logical_replication=1 (Aurora PostgreSQL)";

/** The words when the details were not read (the limit came without its `replicationGap`). */
const GENERAL: Readonly<Record<ReplicationLimit, { readonly why: string; readonly fix: string }>> = {
    "default-cluster-parameter-group": {
        why: "its writer runs AWS's default cluster parameter group, which cannot turn on the replication a Blue/Green Deployment needs",
        fix: `create a custom cluster parameter group with ${BOTH}, attach it, reboot the writer (RebootDBInstance), then run again`,
    },
    "replication-off": {
        why: "its cluster parameter group leaves the replication a Blue/Green Deployment needs off",
        fix: `set ${BOTH} in its cluster parameter group, reboot the writer (RebootDBInstance), then run again`,
    },
    "writer-pending-reboot": {
        why: "its writer instance is not in sync with its cluster parameter group (pending-reboot)",
        fix: "reboot the writer instance (RebootDBInstance) so it applies its cluster parameter group, then run again",
    },
};

/**
 * The `blue-green-limits` words of a writer not prepared for the replication green is fed by
 * ("Preparing for a blue/green deployment", docs/aws-rules.md §8): they name the group, the
 * parameter and its value, or the writer instance to reboot. `m.replicationGap` holds what AWS
 * reported; without it (a limit from elsewhere) the words stay general.
 */
export function replicationWords(
    limit: ReplicationLimit,
    m: MemberState,
): { readonly why: string; readonly fix: string } {
    const gap = m.replicationGap?.kind === limit ? m.replicationGap : undefined;
    if (!gap) return GENERAL[limit];
    const engine = gap.engine;
    const p = BLUE_GREEN_REPLICATION_PARAMETER[engine];
    const group = gap.group;
    const setIt = `${p.name}=${p.wanted}${ALSO[engine]}`;
    switch (limit) {
        case "default-cluster-parameter-group":
            return {
                why: `its writer runs AWS's default cluster parameter group ${group}, which cannot turn on ${REPLICATION[engine]} (${p.name}); AWS refuses CreateBlueGreenDeployment from a cluster without a custom cluster parameter group that does`,
                fix: `create a custom cluster parameter group with ${setIt}, attach it (ModifyDBCluster DBClusterParameterGroupName, or the member's clusterParameterGroupName), reboot the writer (RebootDBInstance), then run again`,
            };
        case "replication-off": {
            const value = gap.kind === "replication-off" ? gap.value : p.engineDefault;
            return {
                why: `its cluster parameter group ${group} sets ${p.name} to ${value}: green is fed by ${REPLICATION[engine]}, which must be on before CreateBlueGreenDeployment`,
                fix: `set ${setIt} in ${group} (ModifyDBClusterParameterGroup, ApplyMethod pending-reboot), reboot the writer (RebootDBInstance), then run again`,
            };
        }
        case "writer-pending-reboot": {
            const instance = gap.kind === "writer-pending-reboot" ? gap.instance : "of the cluster";
            return {
                why: `its writer instance ${instance} is not in sync with its cluster parameter group ${group} (pending-reboot): AWS refuses CreateBlueGreenDeployment until it is`,
                fix: `reboot the writer instance ${instance} (RebootDBInstance) so it applies its cluster parameter group, then run again`,
            };
        }
    }
}

/** What the writer needs before a blue/green deployment, in the plan's notes (docs/aws-rules.md §8). */
export function replicationNote(engine: Engine): string {
    return engine === "aurora-mysql"
        ? "before the deployment AWS needs the writer on a custom cluster parameter group with binary logging on (binlog_format, ROW recommended) and in sync with it (rebooted); binary logging adds write I/O (VolumeWriteIOPs)"
        : "before the deployment AWS needs the writer on a custom cluster parameter group with rds.logical_replication = 1 (replication slots and workers sized, synchronous_commit on) and in sync with it (rebooted); every table needs a primary key, which the RDS API cannot show: check it before the run";
}
