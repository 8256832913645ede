import { RESOURCE_TYPES } from "../../../vocabulary";
import * as provider from "@pulumi/pulumi/provider";
import { FORCE_NEW } from "./force-new";
import { SdkProperties } from "./sdk-schema";

/** The engine's marker for a value not known during a preview (pulumi sdk `UNKNOWN`). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The engine's secret envelope (pulumi `sig.Secret`). */
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const SIG_KEY = "4dabf18193072939515e22adb298388d";

/** A value without the engine's secret envelopes (the provider works with the plain value). */
export function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (value && typeof value === "object") {
        const o = value as Record<string, unknown>;
        if (o[SIG_KEY] === SECRET_SIG) return unwrapSecrets(o.value);
        return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

/** Check: every input name must be one the SDK declares for the type (a typo fails the preview, naming it). */
export function checkInputs(schema: SdkProperties, news: Record<string, unknown>): provider.CheckResult {
    const failures = Object.keys(news)
        .filter((k) => !k.startsWith("__") && !schema.inputs.has(k))
        .map((property) => ({ property, reason: `${schema.type} has no input "${property}" (@pulumi/aws schema)` }));
    return { inputs: news, failures };
}

const same = (a: unknown, b: unknown) => JSON.stringify(unwrapSecrets(a)) === JSON.stringify(unwrapSecrets(b));

/**
 * Diff of the declared inputs (old state against new inputs; `ignoreChanges` was applied by the
 * engine before this call): changed keys, those in FORCE_NEW replace the resource. An unknown new
 * value counts as a change.
 */
export function diffInputs(
    schema: SdkProperties,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
): provider.DiffResult {
    const changed = [...schema.inputs].filter((k) => {
        if (news[k] === undefined && olds[k] === undefined) return false;
        if (news[k] === undefined && schema.outputs.has(k)) return false;
        if (news[k] === undefined && isComputedDefault(schema.type, k)) return false;
        return news[k] === UNKNOWN || !same(olds[k], news[k]);
    });
    const forceNew = new Set(FORCE_NEW[schema.type] ?? []);
    const replaces = changed.filter((k) => forceNew.has(k));
    return { changes: changed.length > 0, replaces, deleteBeforeReplace: false };
}

/**
 * Inputs that are `Optional + Computed` in terraform-provider-aws: left unset, the provider keeps
 * what AWS chose, so an absent input is no change (e.g. `aws_rds_cluster.port`, `kms_key_id`).
 */
function isComputedDefault(type: string, key: string): boolean {
    return (COMPUTED_DEFAULTS[type] ?? []).includes(key);
}

const COMPUTED_DEFAULTS: Readonly<Record<string, readonly string[]>> = {
    [RESOURCE_TYPES.cluster]: [
        "region",
        "port",
        "kmsKeyId",
        "preferredBackupWindow",
        "preferredMaintenanceWindow",
        "dbClusterParameterGroupName",
        "dbSubnetGroupName",
        "vpcSecurityGroupIds",
        "engineVersion",
        "databaseName",
        "availabilityZones",
        "clusterMembers",
    ],
    [RESOURCE_TYPES.clusterInstance]: ["region", "dbParameterGroupName", "dbSubnetGroupName", "engineVersion"],
    [RESOURCE_TYPES.globalCluster]: ["region", "engineVersion", "databaseName", "storageEncrypted"],
    [RESOURCE_TYPES.kmsKey]: ["region", "description", "policy"],
    [RESOURCE_TYPES.kmsAlias]: ["region"],
};
