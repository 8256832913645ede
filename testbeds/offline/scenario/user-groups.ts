import { CreateDBClusterParameterGroupCommand, ModifyDBClusterParameterGroupCommand } from "@aws-sdk/client-rds";
import { parameterGroupFamily, parseVersion } from "../../../engine-versions";
import { SimulatedRds } from "../../simulator";
import { Scenario } from "./types";

/**
 * The custom cluster parameter groups the scenario's members run (`clusterParameterGroup`,
 * `clusterParameters`), made in each member's region before the stack is created, as the user
 * made them: the stack names a group, AWS's CreateDBCluster needs it to exist
 * (DBClusterParameterGroupNotFoundFault otherwise). Returns what was made, one line each.
 */
export async function createUserParameterGroups(sim: SimulatedRds, scenario: Scenario): Promise<string[]> {
    const family = parameterGroupFamily(parseVersion(scenario.aws.engine, scenario.aws.version));
    const lines: string[] = [];
    const made = new Set<string>();
    for (const m of scenario.aws.members) {
        const group = m.clusterParameterGroup;
        if (!group || made.has(`${m.region}/${group.name}`)) continue;
        made.add(`${m.region}/${group.name}`);
        const rds = sim.clientFor(m.region);
        await rds.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: group.name,
                DBParameterGroupFamily: family,
                Description: `${group.name} (the user's, made before the stack)`,
            }),
        );
        const parameters = Object.entries(group.parameters).map(([ParameterName, ParameterValue]) => ({
            ParameterName,
            ParameterValue,
            ApplyMethod: "pending-reboot" as const,
        }));
        if (parameters.length > 0)
            await rds.send(
                new ModifyDBClusterParameterGroupCommand({
                    DBClusterParameterGroupName: group.name,
                    Parameters: parameters,
                }),
            );
        lines.push(
            `the user's cluster parameter group ${group.name} (${family}) made in ${m.region}${parameters.length > 0 ? `: ${parameters.map((p) => `${p.ParameterName} = ${p.ParameterValue}`).join(", ")}` : ""}`,
        );
    }
    return lines;
}
