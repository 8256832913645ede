import { Engine } from "./engine";
import { EngineVersion, tryParseVersion, VersionParseError } from "./parse";

/**
 * Orders two versions of the same engine: negative when `a` is older, 0 when equal, positive
 * when newer. A patch level is compared only when both sides carry one (PostgreSQL `17.4`
 * equals `17.4.5`: AWS's EngineVersion does not show the patch).
 */
export function compareVersions(a: EngineVersion, b: EngineVersion): number {
    if (a.engine !== b.engine) throw new Error(`cannot compare ${a.engine} ${a.text} with ${b.engine} ${b.text}`);
    if (a.majorRank !== b.majorRank) return Math.sign(a.majorRank - b.majorRank);
    if (a.minor !== b.minor) return Math.sign(a.minor - b.minor);
    if (a.patch !== undefined && b.patch !== undefined) return Math.sign(a.patch - b.patch);
    return 0;
}

/** True when both versions are the same at the precision both carry. */
export function sameVersion(a: EngineVersion, b: EngineVersion): boolean {
    return a.engine === b.engine && compareVersions(a, b) === 0;
}

/**
 * True when the EngineVersion AWS reports for a member is `target` at the precision both carry
 * (AWS reports `17.4` for a member at 17.4.5). `target` is the version already read (the run's
 * target) and its text; when either side is no version of `engine`, the texts must be equal.
 */
export function reportsVersion(
    engine: Engine,
    reported: string | undefined,
    target: { readonly text: string; readonly version: EngineVersion | VersionParseError },
): boolean {
    if (reported === undefined) return false;
    const running = tryParseVersion(engine, reported);
    if (running instanceof VersionParseError || target.version instanceof VersionParseError)
        return reported === target.text;
    return sameVersion(running, target.version);
}

/** The version as AWS's EngineVersion field reports it (PostgreSQL without the patch level). */
export function awsEngineVersion(v: EngineVersion): string {
    return v.engine === "aurora-postgresql" ? `${v.major}.${v.minor}` : v.text;
}

/** {@link awsEngineVersion} as a version: what parsing that string gives, without parsing it again. */
export function awsEngineVersionOf(v: EngineVersion): EngineVersion {
    return v.engine === "aurora-postgresql" ? { ...v, text: awsEngineVersion(v), patch: undefined } : v;
}

/** The DB (cluster) parameter group family of a version, e.g. `aurora-postgresql17`. */
export function parameterGroupFamily(v: EngineVersion): string {
    return v.engine === "aurora-postgresql" ? `aurora-postgresql${v.major}` : `aurora-mysql${v.major}`;
}

/**
 * The version as AWS writes it: numbers without leading zeros (`16.8`, not `16.08`), an Aurora
 * MySQL 2/3 minor with two digits and its patch without padding (`3.08.0`, `2.07.10`: the
 * Aurora MySQL release notes' version names). A version written otherwise is one AWS would
 * not take as given (CreateDBCluster/ModifyGlobalCluster compare EngineVersion as a string).
 */
export function awsWrittenForm(v: EngineVersion): string {
    if (v.engine === "aurora-postgresql")
        return [v.major, v.minor, ...(v.patch !== undefined ? [v.patch] : [])].join(".");
    if (v.auroraMysqlGeneration === 8.4) return `8.4.${v.minor}`;
    return `${v.major}.mysql_aurora.${v.auroraMysqlGeneration}.${String(v.minor).padStart(2, "0")}.${v.patch}`;
}
