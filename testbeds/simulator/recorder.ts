/** One API call the simulator received, in arrival order. */
export interface CallRecord {
    /** Virtual time of the call (ms since the Unix epoch). */
    readonly time: number;
    readonly region: string;
    /** Operation name without the `Command` suffix, e.g. `DescribeDBClusters`. */
    readonly command: string;
    readonly input: Readonly<Record<string, unknown>>;
    /** Set when the call failed: the AWS error code and message. */
    readonly error?: { readonly name: string; readonly message: string };
}

export type SimEventKind =
    | "upgrade-started"
    | "member-upgraded"
    | "upgrade-failed"
    | "global-upgrade-started"
    | "global-upgraded"
    | "rolled-back"
    | "global-version-changed"
    | "patch-started"
    | "patch-applied"
    | "parameter-groups-reset"
    | "snapshot-created"
    | "snapshot-available"
    | "rebooted"
    | "blue-green-created"
    | "blue-green-available"
    | "switchover-started"
    | "switchover-completed"
    | "switchover-failed"
    | "blue-green-deleted"
    | "instance-deleted"
    | "cluster-deleted"
    | "removed-from-global"
    | "global-deleted"
    | "global-switched-over";

/** A state transition, stamped with the virtual time at which it happened (not observed). */
export interface SimEvent {
    readonly time: number;
    readonly kind: SimEventKind;
    /** Cluster, global cluster, instance or snapshot identifier. */
    readonly subject: string;
    readonly region?: string;
    /** The version reached or started towards, when the event is about one. */
    readonly version?: string;
    /** Human-readable, e.g. "member pg-east reached 17.5 (17.5.4)". */
    readonly message: string;
}

/** Keeps the call log and the event log. */
export class Recorder {
    readonly calls: CallRecord[] = [];
    readonly events: SimEvent[] = [];

    call(record: CallRecord): void {
        this.calls.push(record);
    }

    event(event: SimEvent): void {
        this.events.push(event);
    }

    /** Calls of one operation (`DescribeDBClusters` or `DescribeDBClustersCommand`). */
    callsOf(command: string): CallRecord[] {
        const name = command.replace(/Command$/, "");
        return this.calls.filter((c) => c.command === name);
    }

    /** DescribeDBClusters calls per DBClusterIdentifier (`*` for calls without one). */
    describeCallsPerMember(): Record<string, number> {
        const counts: Record<string, number> = {};
        for (const call of this.callsOf("DescribeDBClusters")) {
            const id = typeof call.input.DBClusterIdentifier === "string" ? idOf(call.input.DBClusterIdentifier) : "*";
            counts[id] = (counts[id] ?? 0) + 1;
        }
        return counts;
    }

    eventsOf(kind: SimEventKind, subject?: string): SimEvent[] {
        return this.events.filter((e) => e.kind === kind && (subject === undefined || e.subject === subject));
    }

    /** Virtual time at which each member last finished an engine upgrade (`member-upgraded`). */
    finishTimes(): Record<string, number> {
        const times: Record<string, number> = {};
        for (const e of this.eventsOf("member-upgraded")) times[e.subject] = e.time;
        return times;
    }
}

function idOf(value: string): string {
    return value.startsWith("arn:") ? value.slice(value.lastIndexOf(":") + 1) : value;
}
