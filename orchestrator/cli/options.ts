import { knownRegion } from "../../aws-regions";
import { anyEngineVersion, awsWrittenForm, readTarget, Target } from "../../engine-versions";
import { PLAN_FORMATS, PlanFormat } from "../../planner";
import {
    Bounds,
    DEFAULT_OPT_IN,
    DEFAULT_STRATEGY,
    isOptInType,
    isRegion,
    isStrategy,
    OPT_IN_TYPES,
    OptInType,
    POLL_SECONDS,
    START_JITTER_SECONDS,
    STRATEGIES,
    Strategy,
    TIMEOUT_MINUTES,
    DEFAULT_OLD_CLUSTERS,
    DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
    isOldClusters,
    OLD_CLUSTERS,
    OldClusters,
    SWITCHOVER_TIMEOUT_SECONDS,
} from "../../vocabulary";
import {
    BLUE_GREEN_FLAGS,
    DATABASE_FLAGS,
    OUTPUT_FLAGS,
    RUN_FLAGS,
    STEP_FLAGS,
    VERSION_FLAGS,
} from "../../cli-contract";

/** Validated flags of one command; `errors` lists every bad value, each naming flag, value and fix. */
export interface Validated<T> {
    readonly value?: T;
    readonly errors: readonly string[];
}

/** `--strategy`: auto (default), managed, rolling or blue-green. */
export function parseStrategy(raw: string | undefined, errors: string[]): Strategy {
    if (raw === undefined) return DEFAULT_STRATEGY;
    if (isStrategy(raw)) return raw;
    errors.push(`${VERSION_FLAGS.strategy} "${raw}" is not valid: use one of ${STRATEGIES.join(", ")}`);
    return DEFAULT_STRATEGY;
}

/** `--format`: text (default), markdown or json. */
export function parseFormat(raw: string | undefined, errors: string[]): PlanFormat {
    if (raw === undefined) return "text";
    if ((PLAN_FORMATS as readonly string[]).includes(raw)) return raw as PlanFormat;
    errors.push(`${OUTPUT_FLAGS.format} "${raw}" is not valid: use one of ${PLAN_FORMATS.join(", ")}`);
    return "text";
}

/** `--opt-in`: immediate (default) or next-maintenance. */
export function parseOptIn(raw: string | undefined, errors: string[]): OptInType {
    if (raw === undefined) return DEFAULT_OPT_IN;
    if (isOptInType(raw)) return raw;
    errors.push(`${RUN_FLAGS.optIn} "${raw}" is not valid: use one of ${OPT_IN_TYPES.join(", ")}`);
    return DEFAULT_OPT_IN;
}

/** A whole number flag within [min, max]; undefined when not given. */
export function parseWholeNumber(
    flag: string,
    raw: string | undefined,
    { min, max }: Bounds,
    unit: string,
    example: number,
    errors: string[],
): number | undefined {
    if (raw === undefined) return undefined;
    const n = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    errors.push(
        `${flag} "${raw}" is not valid: give a whole number of ${unit} from ${min} to ${max}, e.g. ${flag} ${example}`,
    );
    return undefined;
}

/** `--timeout-minutes N` (within TIMEOUT_MINUTES). */
export function parseTimeoutMinutes(raw: string | undefined, errors: string[]): number | undefined {
    return parseWholeNumber(RUN_FLAGS.timeoutMinutes, raw, TIMEOUT_MINUTES, "minutes", 120, errors);
}

/** `--poll-seconds N` (within POLL_SECONDS). */
export function parsePollSeconds(raw: string | undefined, errors: string[]): number | undefined {
    return parseWholeNumber(RUN_FLAGS.pollSeconds, raw, POLL_SECONDS, "seconds", 15, errors);
}

/** `--switchover-timeout-seconds N` (within SWITCHOVER_TIMEOUT_SECONDS, AWS's SwitchoverTimeout). */
export function parseSwitchoverTimeoutSeconds(raw: string | undefined, errors: string[]): number | undefined {
    return parseWholeNumber(
        BLUE_GREEN_FLAGS.switchoverTimeoutSeconds,
        raw,
        SWITCHOVER_TIMEOUT_SECONDS,
        "seconds",
        DEFAULT_SWITCHOVER_TIMEOUT_SECONDS,
        errors,
    );
}

/** `--old-clusters`: keep (default) or delete. */
export function parseOldClusters(raw: string | undefined, errors: string[]): OldClusters {
    if (raw === undefined) return DEFAULT_OLD_CLUSTERS;
    if (isOldClusters(raw)) return raw;
    errors.push(`${BLUE_GREEN_FLAGS.oldClusters} "${raw}" is not valid: use one of ${OLD_CLUSTERS.join(", ")}`);
    return DEFAULT_OLD_CLUSTERS;
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

/** `--lease-wait-seconds N` (0 to 3600): how long upgrade/patch wait for another run's lease before exit 2. */
export function parseLeaseWaitSeconds(raw: string | undefined, errors: string[]): number | undefined {
    return parseWholeNumber(RUN_FLAGS.leaseWaitSeconds, raw, { min: 0, max: 3600 }, "seconds", 600, errors);
}

/** Hidden `--start-jitter-seconds N` (within START_JITTER_SECONDS): a random start delay of up to N seconds, for runs started together. */
export function parseStartJitterSeconds(raw: string | undefined, errors: string[]): number | undefined {
    return parseWholeNumber(RUN_FLAGS.startJitterSeconds, raw, START_JITTER_SECONDS, "seconds", 10, errors);
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
