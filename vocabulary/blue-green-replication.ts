import { Engine } from "./engines";

/**
 * What the writer cluster of a Blue/Green Deployment must run before CreateBlueGreenDeployment
 * ("Preparing for a blue/green deployment", docs/aws-rules.md §8): a custom DB cluster parameter
 * group (a `default.*` group cannot be changed) that turns on the replication green is fed by —
 * Aurora MySQL binary logging (`binlog_format` set to any format but OFF; ROW recommended), Aurora
 * PostgreSQL logical replication (`rds.logical_replication` = 1) — and a writer instance in sync
 * with that group (both parameters are static: they apply at the next reboot).
 */
export interface ReplicationParameter {
    readonly name: string;
    /** The value to set (the fix's words). */
    readonly wanted: string;
    /** The value a group that does not set it runs (the engine's default). */
    readonly engineDefault: string;
    /** True when `value` (undefined: the group does not set it) turns the replication on. */
    readonly isOn: (value: string | undefined) => boolean;
}

export const BLUE_GREEN_REPLICATION_PARAMETER: Readonly<Record<Engine, ReplicationParameter>> = {
    "aurora-mysql": {
        name: "binlog_format",
        wanted: "ROW",
        engineDefault: "OFF",
        isOn: (value) => value !== undefined && value !== "" && value.toUpperCase() !== "OFF",
    },
    "aurora-postgresql": {
        name: "rds.logical_replication",
        wanted: "1",
        engineDefault: "0",
        isOn: (value) => value === "1",
    },
};

/** True when a cluster parameter group name is one of AWS's defaults (`default.<family>`), which cannot be modified. */
export function isDefaultClusterParameterGroup(name: string): boolean {
    return name.startsWith("default.");
}

/**
 * What is missing on the writer for a blue/green deployment, when anything is (pure). The kinds
 * are blue/green limits (blue-green.ts `BLUE_GREEN_LIMITS`).
 */
export type ReplicationGap = { readonly engine: Engine; readonly group: string } & (
    | { readonly kind: "default-cluster-parameter-group" }
    | { readonly kind: "replication-off"; readonly value: string }
    | { readonly kind: "writer-pending-reboot"; readonly instance: string }
);

/** The writer's state as AWS reports it (DescribeDBClusters, DescribeDBClusterParameters). */
export interface WriterParameterState {
    readonly engine: Engine;
    readonly group: string;
    /** The group's user value of the engine's replication parameter (undefined: not set). */
    readonly value: string | undefined;
    /** The writer instance and its `DBClusterParameterGroupStatus`, when known. */
    readonly writerInstance?: string;
    readonly writerStatus?: string;
}

/** The first gap AWS would refuse CreateBlueGreenDeployment for: default group, parameter off, writer not in sync. */
export function replicationGap(s: WriterParameterState): ReplicationGap | undefined {
    const { engine, group } = s;
    if (isDefaultClusterParameterGroup(group)) return { kind: "default-cluster-parameter-group", engine, group };
    const p = BLUE_GREEN_REPLICATION_PARAMETER[engine];
    if (!p.isOn(s.value)) return { kind: "replication-off", engine, group, value: s.value ?? p.engineDefault };
    if (s.writerInstance !== undefined && s.writerStatus === "pending-reboot")
        return { kind: "writer-pending-reboot", engine, group, instance: s.writerInstance };
    return undefined;
}
