import {
    databaseVerdict,
    Engine,
    EngineVersion,
    tryParseVersion,
    VersionParseError,
    withPendingPatch,
} from "../engine-versions";
import { Role } from "../vocabulary";
import { FailoverVerdict } from "./types";

/** One member as AWS reports it now (status, the stack output, the policy pack). */
export interface MemberNow {
    readonly cluster: string;
    readonly region: string;
    readonly role: Role;
    /** Its version (PostgreSQL with the patch level when known); undefined when unknown. */
    readonly version?: string;
    /** DescribeDBClusters `Status`, when known; only `available` members take part in a switchover. */
    readonly status?: string;
    /** The version its pending system-update brings, when known (places a hidden PostgreSQL patch level). */
    readonly pendingPatch?: string;
}

/** What AWS would do now: switchover and failover, to which regions, or why not. */
export interface FailoverNow extends FailoverVerdict {
    /** Regions a switchover (or, when only failover is possible, a failover) may move the writer to. */
    readonly targets: readonly string[];
}

const none = (reason: string): FailoverNow => ({ switchover: false, failover: false, reason, targets: [] });

/**
 * The one rule status, the stack output `failoverReady` and the policy pack share: AWS's version
 * compatibility table (engine-versions/failover-compatibility.ts) over every member, and only
 * available members as targets (AWS switches over between healthy clusters: "Switchovers are
 * designed to be used on an Aurora global database where all the Aurora clusters … are in a healthy
 * state", Using switchover or failover in Amazon Aurora Global Database).
 */
export function failoverNow(engine: Engine, members: readonly MemberNow[]): FailoverNow {
    const parsed = members.map((m) => ({
        m,
        v: m.version === undefined ? undefined : tryParseVersion(engine, m.version),
    }));
    const unknown = parsed.filter((x) => x.v === undefined || x.v instanceof VersionParseError);
    if (unknown.length > 0)
        return none(`the version of ${unknown.map((x) => `"${x.m.cluster}"`).join(", ")} is not known`);
    const pendingOf = (m: MemberNow) => {
        const p = m.pendingPatch === undefined ? undefined : tryParseVersion(engine, m.pendingPatch);
        return p instanceof VersionParseError ? undefined : p;
    };
    const named = parsed.map((x) => ({
        m: x.m,
        name: `"${x.m.cluster}" (${x.m.region})`,
        version: withPendingPatch(x.v as EngineVersion, pendingOf(x.m)),
    }));
    const primary = named.find((x) => x.m.role === "primary");
    if (!primary) return none("no primary (writer) member");
    const verdict = databaseVerdict(
        primary,
        named.filter((x) => x.m.role === "secondary"),
    );
    if (!verdict.failover) return { ...verdict, targets: [] };
    const busy = members.filter((m) => m.status !== undefined && m.status !== "available");
    const targets = members
        .filter((m) => m.role === "secondary" && (m.status === undefined || m.status === "available"))
        .map((m) => m.region);
    const busyWords = busy.map((m) => `"${m.cluster}" is ${m.status}`).join(", ");
    if (targets.length === 0) return none(`no available secondary (${busyWords})`);
    if (busy.length > 0) return { switchover: false, failover: true, reason: busyWords, targets };
    return { ...verdict, targets };
}
