import { awsEngineVersion } from "./compare";
import { Engine, ENGINES } from "./engine";
import { EngineVersion, tryParseVersion, VersionParseError } from "./parse";

/**
 * The version a run upgrades to (the CLI's `--target`, the component's `engineVersion`, a rollout
 * file's `target`), read once where it enters the process and carried as `target` through the
 * topology read, the planner and the execution: nothing below the entry parses it again.
 *
 * The engine is not always known at the entry (the CLI learns it from AWS), so the text is read as
 * a version of every engine; a version string parses as at most one of them. What does not parse
 * keeps its error for each engine, for the planner's `malformed-version` rule.
 */
export interface Target {
    /** The version exactly as given. */
    readonly text: string;
    /** The text as a version of each engine, or why it is not one. */
    readonly versions: Readonly<Record<Engine, EngineVersion | VersionParseError>>;
}

/** Reads `text` as the target: the one parse of it in a process. */
export function readTarget(text: string): Target {
    const versions = Object.fromEntries(ENGINES.map((engine) => [engine, tryParseVersion(engine, text)]));
    return { text, versions: versions as Record<Engine, EngineVersion | VersionParseError> };
}

/** The target as a version of `engine` (the database's), or why it is not one. */
export function targetFor(target: Target, engine: Engine): EngineVersion | VersionParseError {
    return target.versions[engine];
}

/** The target as a version of `engine`; undefined when it is not one (the planner reports it). */
export function targetVersion(target: Target, engine: Engine): EngineVersion | undefined {
    const version = targetFor(target, engine);
    return version instanceof VersionParseError ? undefined : version;
}

/** The version of whichever engine the target is written for; undefined when it is none's. */
export function anyEngineVersion(target: Target): EngineVersion | undefined {
    return ENGINES.map((engine) => targetVersion(target, engine)).find((v) => v !== undefined);
}

/** The target as AWS writes it for `engine` (`17.4.5` → `17.4`); undefined when it is not a version of it. */
export function awsTarget(target: Target, engine: Engine): string | undefined {
    const version = targetVersion(target, engine);
    return version === undefined ? undefined : awsEngineVersion(version);
}

/** The target as a version of `engine`, for input already validated: throws its {@link VersionParseError} otherwise. */
export function validTarget(target: Target, engine: Engine): EngineVersion {
    const version = targetFor(target, engine);
    if (version instanceof VersionParseError) throw version;
    return version;
}
