import { isEngine } from "../../../engine-versions";
import { CatalogueEntry, createSimulatedRds, defaultCatalogue, SeedTopology, SimulatedRds } from "../../simulator";
import { CurrentState, DescribedCluster, PENDING_ACTIONS_TOKEN } from "./current-state";
import { INVOKE_TOKENS } from "../../../vocabulary";

/**
 * The RDS operation behind each read the described state can make fail: the component reads AWS
 * with the CLI's reader (the AWS SDK), so an `invokeFailures` entry fails that SDK call.
 */
export const READ_OPERATIONS: Readonly<Record<string, string>> = {
    [INVOKE_TOKENS.getCluster]: "DescribeDBClusters",
    [INVOKE_TOKENS.getGlobalCluster]: "DescribeGlobalClusters",
    [INVOKE_TOKENS.getEngineVersion]: "DescribeDBEngineVersions",
    [PENDING_ACTIONS_TOKEN]: "DescribePendingMaintenanceActions",
};

/** An `AccessDenied`-like error code for a failure message (the code AWS puts first, else AccessDenied). */
function codeOf(message: string): string {
    return /\b(AccessDenied\w*|Throttling\w*|\w+Fault)\b/.exec(message)?.[1] ?? "AccessDenied";
}

/**
 * A simulated control plane holding the described state: each global cluster with its members
 * (the first listed, or the one marked `writer`, writes), standalone clusters, the described
 * engine catalogue only (none described: for a state without a global cluster, a new database,
 * the simulator's default catalogue, which the preview's version check and the create-time rules
 * read; for a described database, none, as before the catalogue was asked), and every
 * `invokeFailures` entry as a failure of its RDS operation.
 */
export function simulatorFor(state: CurrentState): SimulatedRds {
    const described: CatalogueEntry[] | undefined = state.engineVersions
        ?.filter((e) => isEngine(e.engine))
        .map((e) => ({
            engine: e.engine as CatalogueEntry["engine"],
            version: e.version,
            supportsGlobalDatabases: e.supportsGlobalDatabases,
            upgradeTargets: [...e.validUpgradeTargets],
        }));
    const catalogue = described ?? ((state.globalClusters ?? []).length === 0 ? defaultCatalogue() : []);
    const sim = createSimulatedRds({ catalogue, rateLimit: false });
    const clusters = state.clusters ?? [];
    for (const g of state.globalClusters ?? []) {
        const members = clusters.filter((c) => c.globalClusterIdentifier === g.identifier);
        if (!isEngine(g.engine)) continue;
        const writer = members.find((c) => c.writer) ?? members[0];
        sim.seed({
            globalClusterId: g.identifier,
            engine: g.engine,
            version: g.engineVersion,
            members: members.map((c) => seedMember(c, c === writer ? "primary" : "secondary")),
        });
    }
    const standalone = clusters.filter(
        (c) =>
            !(state.globalClusters ?? []).some((g) => g.identifier === c.globalClusterIdentifier) && isEngine(c.engine),
    );
    for (const c of standalone)
        sim.seed({
            engine: c.engine as SeedTopology["engine"],
            version: c.engineVersion,
            members: [seedMember(c, "primary")],
        });
    for (const [token, message] of Object.entries(state.invokeFailures ?? {})) {
        const command = READ_OPERATIONS[token];
        if (command) sim.faults.failAlways(command, { code: codeOf(message), message });
    }
    return sim;
}

function seedMember(c: DescribedCluster, role: "primary" | "secondary"): SeedTopology["members"][number] {
    return {
        id: c.clusterIdentifier,
        region: c.region,
        role,
        instances: c.instanceCount ?? 1,
        version: c.engineVersion,
        ...(c.clusterParameterGroup ? { clusterParameterGroup: c.clusterParameterGroup } : {}),
        ...(c.preferredMaintenanceWindow ? { preferredMaintenanceWindow: c.preferredMaintenanceWindow } : {}),
        pendingActions: (c.pendingActions ?? []).map((p) => ({
            action: p.action,
            ...(p.description !== undefined ? { description: p.description } : {}),
            ...(p.targetVersion !== undefined ? { targetVersion: p.targetVersion } : {}),
            ...(p.optInStatus === "next-maintenance" || p.optInStatus === "immediate"
                ? { optInStatus: p.optInStatus }
                : {}),
            ...(p.currentApplyDate !== undefined ? { currentApplyDate: Date.parse(p.currentApplyDate) } : {}),
        })),
    };
}
