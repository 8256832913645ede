import {
    classifyChange,
    Engine,
    parameterGroupFamily,
    Target,
    targetVersion,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";
import { resourceIdentifier } from "../identifiers";

/** The target parameter-group family when going from `current` (AWS's) to `target` is a major upgrade. */
export function targetFamilyIfMajor(engine: Engine, current: string | undefined, target: Target): string | undefined {
    if (current === undefined) return undefined;
    const from = tryParseVersion(engine, current);
    const to = targetVersion(target, engine);
    if (from instanceof VersionParseError || to === undefined) return undefined;
    return classifyChange(from, to) === "major" ? parameterGroupFamily(to) : undefined;
}

/** The target's parameter-group family, or undefined when it is no version of `engine`. */
export function targetFamilyOf(engine: Engine, target: Target | undefined): string | undefined {
    const to = target === undefined ? undefined : targetVersion(target, engine);
    return to === undefined ? undefined : parameterGroupFamily(to);
}

/** The parameter-group family of a version AWS reports, or undefined when it does not parse. */
export function familyOf(engine: Engine, version: string | undefined): string | undefined {
    if (version === undefined) return undefined;
    const parsed = tryParseVersion(engine, version);
    return parsed instanceof VersionParseError ? undefined : parameterGroupFamily(parsed);
}

/**
 * The name of the target-family copy of a custom parameter group: the family in the name is
 * replaced (`app-aurora-postgresql16` → `app-aurora-postgresql17`), else the family is appended
 * (`app-params` → `app-params-aurora-postgresql17`). Deterministic, so a re-run finds it.
 */
export function targetGroupName(
    current: string,
    targetFamily: string,
    kind: "cluster-parameter-group" | "parameter-group" = "cluster-parameter-group",
): string {
    const familyInName = /aurora-(postgresql|mysql)[0-9.]+/.exec(current);
    const name = familyInName ? current.replace(familyInName[0], targetFamily) : `${current}-${targetFamily}`;
    return resourceIdentifier(kind, name);
}
