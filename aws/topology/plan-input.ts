import { Target } from "../../engine-versions";
import { MemberState, PlanInput, PlanOptions } from "../../planner";
import { Topology } from "./types";

/** The planner's input for a described topology, a target and options, read at `now` (ms; maintenance windows count from it). */
export function toPlanInput(topology: Topology, target: Target, options: PlanOptions, now?: number): PlanInput {
    return {
        engine: topology.engine,
        globalClusterId: topology.globalClusterId,
        globalCurrentEngine: topology.engine,
        ...(topology.engineVersion ? { globalCurrentVersion: topology.engineVersion } : {}),
        target,
        members: topology.members.map((m): MemberState => ({
            cluster: m.cluster,
            region: m.region,
            role: m.role,
            ...(m.engineVersion ? { currentVersion: m.engineVersion } : {}),
            instanceCount: m.instanceIds.length,
            ...(m.pendingActions ? { pendingActions: m.pendingActions } : {}),
            ...(m.rpoEnabled !== undefined ? { rpoEnabled: m.rpoEnabled } : {}),
            ...(m.lowerCaseTableNamesDefault !== undefined
                ? { lowerCaseTableNamesDefault: m.lowerCaseTableNamesDefault }
                : {}),
            ...(m.targetClusterParameterGroup ? { targetClusterParameterGroup: m.targetClusterParameterGroup } : {}),
            ...(m.targetInstanceParameterGroup ? { targetInstanceParameterGroup: m.targetInstanceParameterGroup } : {}),
            ...(m.clusterParameterGroup ? { currentClusterParameterGroup: m.clusterParameterGroup } : {}),
            ...(m.instanceParameterGroups ? { currentInstanceParameterGroups: m.instanceParameterGroups } : {}),
            ...(m.maintenanceWindow ? { maintenanceWindow: m.maintenanceWindow } : {}),
            ...(m.blueGreenLimits ? { blueGreenLimits: m.blueGreenLimits } : {}),
            ...(m.rdsProxies && m.rdsProxies.length > 0 ? { rdsProxies: m.rdsProxies } : {}),
            ...(m.quotaShortfalls && m.quotaShortfalls.length > 0 ? { quotaShortfalls: m.quotaShortfalls } : {}),
            ...(m.replicationGap ? { replicationGap: m.replicationGap } : {}),
            ...(m.instanceClasses ? { instanceClasses: m.instanceClasses } : {}),
        })),
        options,
        ...(now !== undefined ? { now } : {}),
        ...(topology.catalogue ? { catalogue: topology.catalogue } : {}),
        ...(topology.lifecycles ? { lifecycles: topology.lifecycles } : {}),
    };
}

/** The version the global database runs now: the primary's EngineVersion, else the global cluster's. */
export function runningVersion(topology: Topology): string | undefined {
    return topology.members.find((m) => m.role === "primary")?.engineVersion ?? topology.engineVersion;
}
