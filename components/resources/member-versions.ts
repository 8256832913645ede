import { Engine } from "../../engine-versions";
import { Role } from "../../vocabulary";
import { failoverNow, isBlocked, Plan } from "../../planner";
import { ResolvedMember } from "../config/args";
import { LiveState } from "./live-state";

/**
 * One member's version as the stack reports it. `version` is what AWS reported when the program
 * read it, before this update's upgrade steps ran (Pulumi writes outputs whether or not a later
 * step fails, so nothing here claims a step's result); `upgradingTo` says what this update's steps
 * change it to.
 */
export interface MemberVersion {
    readonly clusterIdentifier: string;
    /** The role AWS reports (`IsWriter`), or the configured one for a member that does not exist yet. */
    readonly role: Role;
    /** The EngineVersion read before the steps; for a member created by this update, the declared version. */
    readonly version: string;
    /** True when the member did not exist when the program read AWS. */
    readonly new: boolean;
    /** The version this update's upgrade steps take the member to (absent: they leave it as it is). */
    readonly upgradingTo?: string;
}

/** Every member's version, keyed by region: the members AWS lists, then the declared ones it does not list yet. */
export function memberVersions(
    members: readonly ResolvedMember[],
    live: LiveState,
    target: string,
    plan: Plan,
): Record<string, MemberVersion> {
    const out: Record<string, MemberVersion> = {};
    const changing = (cluster: string, from: string | undefined): string | undefined => {
        if (isBlocked(plan) || plan.steps.length === 0 || from === undefined) return undefined;
        const to = plan.members?.find((p) => p.cluster === cluster)?.to;
        return to !== undefined && to !== from ? to : undefined;
    };
    for (const m of live.topology?.members ?? []) {
        const version = m.engineVersion ?? "unknown";
        const to = changing(m.cluster, m.engineVersion);
        out[m.region] = {
            clusterIdentifier: m.cluster,
            role: m.role,
            version,
            new: false,
            ...(to !== undefined ? { upgradingTo: to } : {}),
        };
    }
    for (const m of members) {
        if (out[m.region] !== undefined) continue;
        out[m.region] = {
            clusterIdentifier: m.clusterIdentifier,
            role: live.topology ? "secondary" : m.role,
            version: m.engineVersion ?? target,
            new: true,
        };
    }
    return out;
}

/**
 * True when AWS could fail over once this update is done without steps: the members' versions fit
 * AWS's compatibility table (the planner's rule, planner/failover-now.ts: same major and minor;
 * Aurora MySQL the same patch level; Aurora PostgreSQL past the same listed patch releases) and no
 * upgrade step of this update is changing one. While (and after a failed) upgrading update it is
 * false: a rolling upgrade that stops half-way leaves the members on different versions; the next
 * update reads AWS again.
 */
export function failoverReady(engine: Engine, versions: Readonly<Record<string, MemberVersion>>): boolean {
    const all = Object.entries(versions);
    if (all.length === 0 || all.some(([, v]) => v.upgradingTo !== undefined)) return false;
    const members = all.map(([region, v]) => ({
        cluster: v.clusterIdentifier,
        region,
        role: v.role,
        version: v.version,
    }));
    return failoverNow(engine, members).failover;
}
