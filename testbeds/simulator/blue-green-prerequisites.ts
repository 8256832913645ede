import { BLUE_GREEN_REPLICATION_PARAMETER, replicationGap } from "../../vocabulary";
import { fault, messages } from "./aws-errors";
import { ClusterState } from "./model";
import { SimStore } from "./store";

/**
 * CreateBlueGreenDeployment's preparation checks on the source (writer) cluster ("Preparing for a
 * blue/green deployment", docs/aws-rules.md §8): a custom cluster parameter group, the engine's
 * replication parameter on (Aurora MySQL `binlog_format` not OFF, Aurora PostgreSQL
 * `rds.logical_replication` = 1), and the writer instance in sync with the group (static
 * parameters apply at its reboot, static-parameters.ts). `SourceClusterNotSupportedFault` is the
 * fault the SDK lists for "the source DB cluster isn't supported for a blue/green deployment".
 */
export function assertBlueGreenPrepared(store: SimStore, writer: ClusterState): void {
    const parameter = BLUE_GREEN_REPLICATION_PARAMETER[writer.engine];
    const group = store.parameterGroup(writer.region, "cluster", writer.clusterParameterGroup);
    const instance = writer.instances.find((i) => i.isWriter) ?? writer.instances[0];
    const gap = replicationGap({
        engine: writer.engine,
        group: writer.clusterParameterGroup,
        value: group?.parameters.get(parameter.name),
        ...(instance
            ? { writerInstance: instance.id, writerStatus: instance.clusterParameterApplyStatus ?? "in-sync" }
            : {}),
    });
    if (gap === undefined) return;
    if (gap.kind === "default-cluster-parameter-group")
        fault("SourceClusterNotSupportedFault", messages.blueGreenDefaultGroup(writer.id, gap.group));
    if (gap.kind === "replication-off")
        fault(
            "SourceClusterNotSupportedFault",
            writer.engine === "aurora-mysql"
                ? messages.blueGreenBinlogOff(writer.id, gap.group, gap.value)
                : messages.blueGreenLogicalReplicationOff(),
        );
    fault("SourceClusterNotSupportedFault", messages.blueGreenWriterNotInSync(writer.id, gap.instance, gap.group));
}
