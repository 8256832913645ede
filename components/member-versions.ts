import { Engine, sameVersion, tryParseVersion, VersionParseError } from "../engine-versions";
import { Role } from "../vocabulary";
import { ResolvedMember } from "./args";
import { LiveState } from "./live-state";

/** One member's version as the stack reports it. */
export interface MemberVersion {
    readonly clusterIdentifier: string;
    readonly role: Role;
    /** The EngineVersion read live; for a member created by this update, the declared version. */
    readonly version: string;
    /** True when the member did not exist when the program read the live state. */
    readonly new: boolean;
}

/** Every member's version, keyed by region. */
export function memberVersions(
    members: readonly ResolvedMember[],
    live: LiveState,
    declared: string,
): Record<string, MemberVersion> {
    const out: Record<string, MemberVersion> = {};
    members.forEach((m, i) => {
        const running = live.members[i]?.engineVersion;
        out[m.region] = {
            clusterIdentifier: m.clusterIdentifier,
            role: m.role,
            version: running ?? m.engineVersion ?? declared,
            new: running === undefined,
        };
    });
    return out;
}

/**
 * True when cross-region failover is possible: every member runs the same version (same major
 * and minor everywhere; Aurora MySQL's EngineVersion also carries the patch level, so it must
 * match too). Compared only through the version model.
 */
export function failoverReady(engine: Engine, versions: Readonly<Record<string, MemberVersion>>): boolean {
    const parsed = Object.values(versions).map((v) => tryParseVersion(engine, v.version));
    if (parsed.length === 0 || parsed.some((p) => p instanceof VersionParseError)) return false;
    const [first, ...rest] = parsed as Exclude<(typeof parsed)[number], VersionParseError>[];
    return rest.every((p) => sameVersion(first, p));
}
