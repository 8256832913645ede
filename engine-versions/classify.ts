import { compareVersions } from "./compare";
import { EngineVersion } from "./parse";

/** What kind of change going from one version to another is. */
export type ChangeKind = "none" | "patch" | "minor" | "major" | "downgrade" | "engine-change";

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
