import { knownRegion } from "../../aws-regions";
import { anyEngineVersion, awsWrittenForm, readTarget, Target } from "../../engine-versions";
import { PLAN_FORMATS, PlanFormat } from "../../planner";
import { isRegion } from "../../vocabulary";
import {
    checkValue,
    OptionName,
    OptionSpec,
    OptionValue,
    parseOption,
    renderProblem,
    UPGRADE_OPTIONS,
} from "../../upgrade-options";
import { BLUE_GREEN_FLAGS, DATABASE_FLAGS, OUTPUT_FLAGS, STEP_FLAGS, VERSION_FLAGS } from "../../cli-contract";

/** Validated flags of one command; `errors` lists every bad value, each naming flag, value and fix. */
export interface Validated<T> {
    readonly value?: T;
    readonly errors: readonly string[];
}

/**
 * An upgrade option's flag (`--strategy`, `--poll-seconds`, …), read by the one option parser
 * (upgrade-options/): its value, or undefined when not given or bad (the problem is pushed to
 * `errors`, naming the flag, the value and the fix).
 */
export function parseFlag<N extends OptionName>(
    name: N,
    raw: string | undefined,
    errors: string[],
): OptionValue<N> | undefined {
    const spec: OptionSpec = UPGRADE_OPTIONS[name];
    const read = parseOption(name, spec.flag ?? name, raw, "text");
    if (read.ok) return read.value;
    errors.push(renderProblem(read.problem));
    return undefined;
}

/** A choice flag (`--strategy`, `--opt-in`, `--old-clusters`): its value, else the table's default. */
export function parseChoiceFlag<N extends "strategy" | "optIn" | "oldClusters">(
    name: N,
    raw: string | undefined,
    errors: string[],
): OptionValue<N> {
    return parseFlag(name, raw, errors) ?? (UPGRADE_OPTIONS[name].default as OptionValue<N>);
}

const FORMAT: OptionSpec = {
    kind: "enum",
    rule: "format",
    values: PLAN_FORMATS,
    noun: "a format",
    default: "text",
    flag: OUTPUT_FLAGS.format,
};

/** `--format`: text (default), markdown or json (read and reported as the upgrade options are). */
export function parseFormat(raw: string | undefined, errors: string[]): PlanFormat {
    const read = checkValue(FORMAT, OUTPUT_FLAGS.format, raw, "text");
    if (!read.ok) errors.push(renderProblem(read.problem));
    return read.ok && read.value !== undefined ? (read.value as PlanFormat) : "text";
}

/**
 * The blue/green flags (`--switchover-timeout-seconds`, `--old-clusters`) belong to the run that
 * switches over: refused with another strategy (nothing would use them) and with
 * `--only-snapshot` (the snapshot step neither switches over nor retires clusters).
 */
export function blueGreenFlagProblems(raw: {
    readonly strategy?: string;
    readonly onlySnapshot?: boolean;
    readonly switchoverTimeoutSeconds?: string;
    readonly oldClusters?: string;
}): string[] {
    const given = [
        ...(raw.switchoverTimeoutSeconds !== undefined
            ? [`${BLUE_GREEN_FLAGS.switchoverTimeoutSeconds} ${raw.switchoverTimeoutSeconds}`]
            : []),
        ...(raw.oldClusters !== undefined ? [`${BLUE_GREEN_FLAGS.oldClusters} ${raw.oldClusters}`] : []),
    ];
    if (given.length === 0) return [];
    const flags = given.join(" and ");
    if (raw.strategy !== "blue-green")
        return [
            `${flags} ${given.length === 1 ? "applies" : "apply"} to ${VERSION_FLAGS.strategy} blue-green only (this run's strategy is ${raw.strategy ?? "auto"}): add ${VERSION_FLAGS.strategy} blue-green or leave ${given.length === 1 ? "it" : "them"} off`,
        ];
    if (raw.onlySnapshot)
        return [
            `${flags} ${given.length === 1 ? "does" : "do"} not apply to ${STEP_FLAGS.onlySnapshot} (the snapshot step neither switches over nor retires clusters): leave ${given.length === 1 ? "it" : "them"} off`,
        ];
    return [];
}

/** A global cluster identifier as AWS allows it (a letter, then letters, digits or hyphens). */
export const GLOBAL_ID = /^[A-Za-z][A-Za-z0-9-]{0,254}$/;

/** The home region: `--region`, else AWS_REGION. */
export function parseRegion(
    flag: string | undefined,
    env: Readonly<Record<string, string | undefined>>,
    errors: string[],
): string {
    const fromEnv = flag === undefined;
    const raw = flag ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
    if (raw === undefined || raw === "") {
        errors.push(
            `${DATABASE_FLAGS.region} is required: give the home region of the global cluster, e.g. ${DATABASE_FLAGS.region} us-east-1, or set AWS_REGION`,
        );
        return "";
    }
    const what = fromEnv ? "AWS_REGION" : DATABASE_FLAGS.region;
    if (!isRegion(raw)) {
        errors.push(`${what} "${raw}" is not valid: use an AWS region code such as us-east-1`);
    } else if (knownRegion(raw) === undefined) {
        errors.push(
            `${what} "${raw}" is not a region of any AWS partition (the AWS SDK's partition data lists no such region): check the spelling, e.g. us-east-1, or update @aws-sdk/core if the region is new`,
        );
    }
    return raw;
}

/**
 * AWS stores cluster and global cluster identifiers lowercase and compares them regardless of
 * case (API_CreateGlobalCluster, API_CreateDBCluster: "stored as a lowercase string";
 * API_ModifyGlobalCluster: "This parameter isn't case-sensitive"): so does the CLI.
 */
const asAwsStoresIt = (id: string): string => id.toLowerCase();

/** `--global-cluster ID`, as AWS stores it (lowercase). */
export function parseGlobalCluster(raw: string | undefined, errors: string[]): string {
    if (raw === undefined || raw === "") {
        errors.push(
            `${DATABASE_FLAGS.globalCluster} is required: give the global cluster identifier, e.g. ${DATABASE_FLAGS.globalCluster} app-global`,
        );
        return "";
    }
    if (!GLOBAL_ID.test(raw))
        errors.push(
            `${DATABASE_FLAGS.globalCluster} "${raw}" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)`,
        );
    return asAwsStoresIt(raw);
}

/**
 * `--target VERSION`, read once here (readTarget): the target the whole run carries, or an error.
 * Its engine's own rules are the planner's, once AWS says which engine the cluster runs; here, a
 * version of neither engine is malformed whatever the cluster runs, and one AWS writes otherwise
 * (`16.08`, `3.8.0`) is refused with AWS's form, since AWS compares versions as strings.
 */
export function parseTarget(raw: string | undefined, errors: string[]): Target {
    if (raw === undefined || raw.trim() === "") {
        errors.push(
            `${VERSION_FLAGS.target} is required: give the engine version to upgrade to, e.g. ${VERSION_FLAGS.target} 17.5 or ${VERSION_FLAGS.target} 8.0.mysql_aurora.3.09.0`,
        );
        return readTarget("");
    }
    const target = readTarget(raw.trim());
    const parsed = anyEngineVersion(target);
    if (parsed === undefined)
        errors.push(
            `${VERSION_FLAGS.target} "${raw}" is not an engine version: give an Aurora PostgreSQL version such as 17.5 or an Aurora MySQL version such as 8.0.mysql_aurora.3.09.0`,
        );
    else if (awsWrittenForm(parsed) !== target.text)
        errors.push(
            `${VERSION_FLAGS.target} "${raw}" is not how AWS writes the version: use ${VERSION_FLAGS.target} ${awsWrittenForm(parsed)}`,
        );
    return target;
}

const CLUSTER_ID = /^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}$/;

/** Hidden `--only-member CLUSTER`: a DB cluster identifier, lowercase as AWS stores it (whether it is a member, AWS says). */
export function parseOnlyMember(raw: string | undefined, errors: string[]): string | undefined {
    if (raw === undefined) return undefined;
    if (!CLUSTER_ID.test(raw) || raw.endsWith("-"))
        errors.push(
            `${STEP_FLAGS.onlyMember} "${raw}" is not valid: give the identifier of one member cluster (letters, digits and hyphens, starting with a letter), e.g. ${STEP_FLAGS.onlyMember} app-use1`,
        );
    return asAwsStoresIt(raw);
}

const GROUP_ASSIGNMENT = /^([A-Za-z][A-Za-z0-9-]{0,62})=([A-Za-z][A-Za-z0-9.-]{0,254})$/;

/**
 * `--cluster-parameter-group CLUSTER=NAME` / `--instance-parameter-group CLUSTER=NAME`, repeatable
 * (hidden): the target-family group to apply to a member. Undefined when the flag is not given.
 */
export function parseGroupAssignments(
    flag: string,
    raw: readonly string[] | undefined,
    errors: string[],
): Record<string, string> | undefined {
    if (raw === undefined || raw.length === 0) return undefined;
    const out: Record<string, string> = {};
    for (const value of raw) {
        const m = GROUP_ASSIGNMENT.exec(value.trim());
        if (!m) {
            errors.push(
                `${flag} "${value}" is not valid: give CLUSTER=GROUP, the member's cluster identifier and a parameter group name, e.g. ${flag} app-use1=app-params-aurora-postgresql17`,
            );
            continue;
        }
        const cluster = asAwsStoresIt(m[1]);
        if (out[cluster] !== undefined && out[cluster] !== m[2])
            errors.push(
                `${flag} "${value}" conflicts with ${flag} "${m[1]}=${out[cluster]}": give one group per cluster`,
            );
        else out[cluster] = m[2];
    }
    return out;
}
