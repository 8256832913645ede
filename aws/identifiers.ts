/**
 * Every identifier aurora-global creates in AWS, built by one function that knows AWS's rule for
 * that kind (SDK model `@aws-sdk/client-rds`, the parameter's "Constraints"):
 * - `cluster-snapshot`: CreateDBClusterSnapshot `DBClusterSnapshotIdentifier`, "1 to 63 letters,
 *   numbers, or hyphens. First character must be a letter. Can't end with a hyphen or contain two
 *   consecutive hyphens"; stored lowercase.
 * - `final-snapshot`: DeleteDBCluster `FinalDBSnapshotIdentifier`: the model says 1 to 255, but it
 *   names a DB cluster snapshot, which CreateDBClusterSnapshot limits to 63: kept within 63.
 * - `blue-green-deployment`: `BlueGreenDeploymentName`, 1–60, `[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*`
 *   (API reference, BlueGreenDeployment).
 * - `cluster-parameter-group` / `parameter-group`: CreateDBClusterParameterGroup /
 *   CreateDBParameterGroup names, "1 to 255 letters, numbers, or hyphens", first a letter, no
 *   trailing or double hyphen; stored lowercase.
 * The simulator refuses what breaks these rules (testbeds/simulator/commands/*), from this table.
 */
export type IdentifierKind =
    "cluster-snapshot" | "final-snapshot" | "blue-green-deployment" | "cluster-parameter-group" | "parameter-group";

export interface IdentifierRule {
    readonly max: number;
    /** The AWS parameter it is sent as. */
    readonly parameter: string;
}

export const IDENTIFIER_RULES: Readonly<Record<IdentifierKind, IdentifierRule>> = {
    "cluster-snapshot": { max: 63, parameter: "DBClusterSnapshotIdentifier" },
    "final-snapshot": { max: 63, parameter: "FinalDBSnapshotIdentifier" },
    "blue-green-deployment": { max: 60, parameter: "BlueGreenDeploymentName" },
    "cluster-parameter-group": { max: 255, parameter: "DBClusterParameterGroupName" },
    "parameter-group": { max: 255, parameter: "DBParameterGroupName" },
};

/** AWS's shared shape: a letter first, letters and digits in hyphen-separated runs (no trailing or double hyphen). */
const SHAPE = /^[a-zA-Z][a-zA-Z0-9]*(-[a-zA-Z0-9]+)*$/;

/** Why AWS refuses `value` as an identifier of `kind`, or undefined when it takes it. */
export function identifierProblem(kind: IdentifierKind, value: string): string | undefined {
    const { max, parameter } = IDENTIFIER_RULES[kind];
    if (value.length < 1 || value.length > max)
        return `${parameter} "${value}" is ${value.length} characters: AWS allows 1 to ${max}`;
    if (!SHAPE.test(value))
        return `${parameter} "${value}" must start with a letter and contain only letters, digits and single hyphens, not ending with one`;
    return undefined;
}

/** Length of the hash that keeps a shortened identifier unique (base 36). */
const HASH_LENGTH = 7;

/** FNV-1a of the whole text, base 36: two long texts cut to the same head still differ. */
function hash(text: string): string {
    let h = 2166136261;
    for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    return h.toString(36).padStart(HASH_LENGTH, "0").slice(0, HASH_LENGTH);
}

/**
 * The identifier of `kind` for the hyphen-joined `parts` (`["app-use1", "before", "17.5"]` →
 * `app-use1-before-17-5`): lowercase, anything else than letters and digits becomes one hyphen,
 * a leading non-letter gets `x-`. Deterministic (a re-run finds what an earlier run created) and
 * readable; when longer than AWS allows, the head is kept and a hash of the whole appended, so
 * two long names differing only at the end stay distinct.
 */
export function resourceIdentifier(kind: IdentifierKind, ...parts: readonly string[]): string {
    const max = IDENTIFIER_RULES[kind].max;
    const clean = parts
        .join("-")
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "");
    const full = /^[a-z]/.test(clean) ? clean : `x-${clean}`.replace(/-+$/, "");
    if (full.length <= max) return full;
    return `${full.slice(0, max - HASH_LENGTH - 1).replace(/-+$/, "")}-${hash(full)}`;
}

/**
 * An IAM resource-name pattern matching every identifier {@link resourceIdentifier} builds from
 * `parts` followed by more (`app-use1-before-*`): the readable head, cut where a long identifier
 * would be cut for its hash, then `*`.
 */
export function identifierPattern(kind: IdentifierKind, ...parts: readonly string[]): string {
    const head = `${resourceIdentifier(kind, ...parts, "x").slice(0, -1)}`;
    const keep = IDENTIFIER_RULES[kind].max - HASH_LENGTH - 1;
    return `${head.length > keep ? head.slice(0, keep) : head}*`;
}
