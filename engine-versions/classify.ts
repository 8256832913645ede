import { compareVersions } from "./compare";
import { EngineVersion } from "./parse";

/** What kind of change going from one version to another is. */
export type ChangeKind = "none" | "patch" | "minor" | "major" | "downgrade" | "engine-change";

/**
 * How large each change is, once for every reader: a member set's change is its largest member's
 * (the planner's rules, the topology read's choice of facts).
 */
export const CHANGE_RANK: Readonly<Record<ChangeKind, number>> = {
    none: 0,
    patch: 1,
    minor: 2,
    major: 3,
    downgrade: 4,
    "engine-change": 5,
};

/** The larger of two changes by {@link CHANGE_RANK}. */
export function largerChange(a: ChangeKind, b: ChangeKind): ChangeKind {
    return CHANGE_RANK[b] > CHANGE_RANK[a] ? b : a;
}

/** Classifies the change from `from` to `to`. */
export function classifyChange(from: EngineVersion, to: EngineVersion): ChangeKind {
    if (from.engine !== to.engine) return "engine-change";
    const order = compareVersions(from, to);
    if (order > 0) return "downgrade";
    if (order === 0) return "none";
    if (from.majorRank !== to.majorRank) return "major";
    if (from.minor !== to.minor) return "minor";
    return "patch";
}
