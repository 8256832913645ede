import * as pulumi from "@pulumi/pulumi";
import { AwsIdentity } from "../../cli-contract";
import { RESOURCE_TYPES } from "../../vocabulary";

export { AwsIdentity } from "../../cli-contract";

/** An `aws:assumeRoles` entry (the AWS provider's `ProviderAssumeRole`, the fields the steps use). */
interface AssumeRole {
    readonly roleArn?: string;
    readonly sessionName?: string;
    readonly externalId?: string;
}

/** Where the identity of the AWS provider comes from: its settings as the program can see them. */
export interface ProviderSettings {
    /** The provider carries static keys (`aws:accessKey` / `aws:secretKey`, or an explicit provider's). */
    readonly staticKeys?: boolean;
    readonly profile?: string;
    readonly assumeRoles?: readonly AssumeRole[];
    readonly endpoints?: readonly Readonly<Record<string, string | undefined>>[];
}

/**
 * The identity the upgrade steps act as, from the settings of the AWS provider the members use:
 * its profile, its (one) assumed role with session name and external id, its RDS endpoint.
 * Names and ARNs only; keys never leave the provider (a step gets its own credentials through
 * the SDK's providers). `source` names where the settings came from, for the error.
 */
export function identityFromProvider(settings: ProviderSettings, source: string): AwsIdentity {
    // Keys with a role or a profile: the steps take that role or profile. Keys alone: no one to act as.
    const roleOrProfile = settings.profile || (settings.assumeRoles ?? []).some((r) => r.roleArn);
    if (settings.staticKeys && !roleOrProfile) throw new Error(staticKeysMessage(source));
    const roles = (settings.assumeRoles ?? []).filter((r) => r.roleArn !== undefined && r.roleArn !== "");
    if (roles.length > 1)
        throw new Error(
            `${source} assumes ${roles.length} roles in a chain (${roles.map((r) => r.roleArn).join(" → ")}); the upgrade steps assume one: set upgrade.identity to the last role and a profile whose credentials may assume it`,
        );
    const role = roles[0];
    const rds = (settings.endpoints ?? []).map((e) => e.rds).find((u) => u !== undefined && u !== "");
    return {
        ...(settings.profile ? { profile: settings.profile } : {}),
        ...(role?.roleArn ? { roleArn: role.roleArn } : {}),
        ...(role?.sessionName ? { roleSessionName: role.sessionName } : {}),
        ...(role?.externalId ? { externalId: role.externalId } : {}),
        ...(rds ? { endpointUrl: rds } : {}),
    };
}

/**
 * Static keys reach the AWS provider only: a step is a command run with the engine's environment
 * (docs/aws-rules.md §7), and keys are never put in a command's environment or arguments (they
 * would be stored in the state and shown in logs). So the steps would run as someone else, or as
 * no one: refused, with the ways the steps can act as the same identity.
 */
function staticKeysMessage(source: string): string {
    const who = source.startsWith("stack config") ? "stack config" : source;
    return `${who} sets static keys (aws:accessKey / aws:secretKey), which the upgrade steps cannot act as (a step runs the aurora-global CLI as a command; keys are never passed to a command's environment or arguments): give the provider a profile (aws:profile) or a role (aws:assumeRoles) instead, or set upgrade.identity to a profile or role the steps may use, e.g. upgrade: { identity: { profile: "deploy" } }; with the keys in the environment (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) of pulumi itself, set upgrade.identity to {} to let the steps use them`;
}

/** The default AWS provider's settings: stack config `aws:profile`, `aws:assumeRoles` (or `aws:assumeRole`), `aws:endpoints`. */
export function configProviderSettings(config: Pick<pulumi.Config, "get" | "getObject">): ProviderSettings {
    const single = config.getObject<AssumeRole>("assumeRole");
    const roles = config.getObject<AssumeRole[]>("assumeRoles") ?? (single ? [single] : undefined);
    const endpoints = config.getObject<Record<string, string>[]>("endpoints");
    const profile = config.get("profile");
    const staticKeys = Boolean(config.get("accessKey") || config.get("secretKey"));
    return {
        ...(staticKeys ? { staticKeys } : {}),
        ...(profile ? { profile } : {}),
        ...(roles ? { assumeRoles: roles } : {}),
        ...(endpoints ? { endpoints } : {}),
    };
}

/** A provider input as the program sees it (`aws.Provider` keeps `assumeRoles` and `endpoints` as JSON text). */
function parsed<T>(value: unknown): T | undefined {
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value !== "string") return value as T;
    try {
        return JSON.parse(value) as T;
    } catch {
        return undefined;
    }
}

/** Resolves an output; undefined while unknown (a preview of a provider built from other resources). */
async function known<T>(o: unknown): Promise<T | undefined> {
    if (!pulumi.Output.isInstance(o)) return o as T | undefined;
    // Output.promise() (SDK-internal, stable across 3.x) answers undefined for an unknown value.
    return (o as unknown as { promise(): Promise<T | undefined> }).promise();
}

/** The settings of an explicit `aws.Provider` passed to the component (`provider` / `providers`). */
export async function explicitProviderSettings(provider: pulumi.ProviderResource): Promise<ProviderSettings> {
    const p = provider as unknown as Record<string, unknown>;
    const [profile, assumeRoles, endpoints, accessKey] = await Promise.all([
        known<string>(p.profile),
        known<unknown>(p.assumeRoles),
        known<unknown>(p.endpoints),
        known<string>(p.accessKey),
    ]);
    const roles = parsed<AssumeRole[]>(assumeRoles);
    const eps = parsed<Record<string, string>[]>(endpoints);
    return {
        ...(accessKey ? { staticKeys: true } : {}),
        ...(profile ? { profile } : {}),
        ...(roles ? { assumeRoles: roles } : {}),
        ...(eps ? { endpoints: eps } : {}),
    };
}

/**
 * The identity of the steps of `component`: `upgrade.identity` when given; else that of the AWS
 * provider its members use — an explicit provider passed to the component, or the default one
 * (stack config `aws:*`). A provider's identity the steps cannot take fails the preview, naming it.
 */
export async function stepIdentity(
    component: pulumi.Resource,
    explicit: AwsIdentity | undefined,
    stepsToRun = true,
): Promise<AwsIdentity> {
    if (explicit) return explicit;
    const provider = component.getProvider(RESOURCE_TYPES.cluster);
    try {
        const [settings, source] = provider
            ? [await explicitProviderSettings(provider), "the AWS provider passed to the component"]
            : [configProviderSettings(new pulumi.Config("aws")), "stack config aws:assumeRoles"];
        // Without a step to run, static keys act as no one: nothing to refuse.
        return identityFromProvider(stepsToRun ? settings : { ...settings, staticKeys: false }, source);
    } catch (e) {
        throw new pulumi.ResourceError(e instanceof Error ? e.message : String(e), component, true);
    }
}
