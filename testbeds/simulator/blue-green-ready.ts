import { parameterGroupFamily, parseVersion } from "../../engine-versions";
import { BLUE_GREEN_REPLICATION_PARAMETER } from "../../vocabulary";
import { SeedMember, SeedParameterGroup, SeedTopology } from "./topology";

/**
 * A topology prepared the way AWS asks before a blue/green deployment ("Preparing for a blue/green
 * deployment", docs/aws-rules.md §8), as a user would set it up: every member on a custom cluster
 * parameter group of its family that turns the engine's replication on (Aurora MySQL
 * `binlog_format` = ROW, Aurora PostgreSQL `rds.logical_replication` = 1), already in sync (seeded
 * members start rebooted). A member that names a custom group keeps its name and parameters, with
 * the replication parameter added. The group is named `<prefix>-<family>` so a major upgrade's
 * target-family copy is `<prefix>-<target family>`.
 */
export function blueGreenReady(topology: SeedTopology, prefix = "bluegreen"): SeedTopology {
    const parameter = BLUE_GREEN_REPLICATION_PARAMETER[topology.engine];
    const ready = (m: SeedMember): SeedMember => {
        const family = parameterGroupFamily(parseVersion(topology.engine, m.version ?? topology.version));
        const given: SeedParameterGroup | undefined =
            typeof m.clusterParameterGroup === "string" ? { name: m.clusterParameterGroup } : m.clusterParameterGroup;
        const rpo: Record<string, string> = m.rpo ? { "rds.global_db_rpo": "20" } : {};
        const custom = given && !given.name.startsWith("default.") ? given : undefined;
        return {
            ...m,
            clusterParameterGroup: {
                name: custom?.name ?? `${prefix}-${family}`,
                ...(custom?.family ? { family: custom.family } : {}),
                parameters: { ...rpo, ...(custom?.parameters ?? {}), [parameter.name]: parameter.wanted },
            },
        };
    };
    return { ...topology, members: topology.members.map(ready) };
}
