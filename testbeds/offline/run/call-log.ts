import { SimulatedRds } from "../../simulator";
import { mutatingCalls as mutatingCallsSince } from "../scenario/simulated-aws";

/**
 * What the simulated control plane's call log says about the pull request's part of a run: the
 * calls from `firstCall` on (earlier calls created the stack and set the scene).
 */
export class CallLog {
    constructor(
        readonly sim: SimulatedRds,
        readonly firstCall: number,
    ) {}

    /** Calls that changed something. */
    mutating(): number {
        return mutatingCallsSince(this.sim, this.firstCall);
    }

    /** Identifiers of the snapshots created through successful CreateDBClusterSnapshot calls. */
    snapshots(): string[] {
        return this.succeeded("CreateDBClusterSnapshot").map((c) => String(c.input.DBClusterSnapshotIdentifier));
    }

    /** The clusters the snapshots were taken of. */
    snapshotsOf(): string[] {
        return this.succeeded("CreateDBClusterSnapshot").map((c) => String(c.input.DBClusterIdentifier));
    }

    /** Clusters in the order ModifyDBCluster changed their engine version (a rolling upgrade's order). */
    upgradeOrder(): string[] {
        return this.succeeded("ModifyDBCluster")
            .filter((c) => c.input.EngineVersion !== undefined)
            .map((c) => String(c.input.DBClusterIdentifier));
    }

    /** `CreateDBClusterSnapshot ×1, ModifyGlobalCluster ×1`: the mutating calls by operation, in first-call order. */
    summary(): string {
        const counts = new Map<string, number>();
        for (const c of this.calls())
            if (!c.command.startsWith("Describe") && !c.command.startsWith("List"))
                counts.set(c.command, (counts.get(c.command) ?? 0) + 1);
        return [...counts].map(([op, n]) => `${op} ×${n}`).join(", ") || "none";
    }

    /**
     * The proof that a blocked run changed nothing. The preview's live reads are reads (answered
     * from the simulator's state, outside its call log); what counts is that no call changed anything.
     */
    nothingChanged(reads?: string): string {
        const mutating = this.mutating();
        const read =
            reads === undefined
                ? ""
                : reads === ""
                  ? " the preview read nothing;"
                  : ` the preview only read (${reads});`;
        return `Nothing was changed in AWS:${read} since the stack was set up, the simulated control plane's call log holds ${mutating} mutating call${mutating === 1 ? "" : "s"}.`;
    }

    calls(): SimulatedRds["calls"] {
        return this.sim.calls.slice(this.firstCall);
    }

    private succeeded(command: string): SimulatedRds["calls"] {
        return this.calls().filter((c) => c.command === command && !c.error);
    }
}
