import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { AwsIdentity } from "../cli-contract";
import { RdsClientFactory } from "./ports";
import { rdsClients } from "./clients";

/** The SDK's credential providers (tests hand in recorders). */
export interface CredentialFactories {
    readonly fromIni: typeof fromIni;
    readonly fromNodeProviderChain: typeof fromNodeProviderChain;
    readonly fromTemporaryCredentials: typeof fromTemporaryCredentials;
}

export const SDK_CREDENTIALS: CredentialFactories = { fromIni, fromNodeProviderChain, fromTemporaryCredentials };

/** Default session name of an assumed role (AWS: 2–64 of `[\w+=,.@-]`). */
export const DEFAULT_ROLE_SESSION_NAME = "aurora-global";

/**
 * The credential provider for `identity` in `region`: the profile's (`fromIni`) or the default
 * chain's credentials, and with a role, temporary credentials of that role assumed with them
 * (`fromTemporaryCredentials`, session name and external id as given). Both refresh themselves
 * before they expire. Undefined when nothing is set: the client's own default chain applies.
 */
export function credentialsFor(
    identity: AwsIdentity,
    region: string,
    sdk: CredentialFactories = SDK_CREDENTIALS,
): AwsCredentialIdentityProvider | undefined {
    const base = identity.profile !== undefined ? sdk.fromIni({ profile: identity.profile }) : undefined;
    if (identity.roleArn === undefined) return base;
    return sdk.fromTemporaryCredentials({
        masterCredentials: base ?? sdk.fromNodeProviderChain(),
        params: {
            RoleArn: identity.roleArn,
            RoleSessionName: identity.roleSessionName ?? DEFAULT_ROLE_SESSION_NAME,
            ...(identity.externalId !== undefined ? { ExternalId: identity.externalId } : {}),
        },
        clientConfig: { region },
    });
}

/**
 * Real RDS clients acting as `identity` (request timeouts and one attempt each: clients.ts). Each call builds a
 * new client with new credential providers: the gateway asks again after `ExpiredToken`, so the
 * retry signs with freshly fetched credentials. Without an endpoint the SDK reads
 * AWS_ENDPOINT_URL_RDS / AWS_ENDPOINT_URL.
 */
export function identityClients(identity: AwsIdentity, sdk: CredentialFactories = SDK_CREDENTIALS): RdsClientFactory {
    return (region) => {
        const credentials = credentialsFor(identity, region, sdk);
        return rdsClients({
            ...(credentials ? { credentials } : {}),
            ...(identity.endpointUrl !== undefined ? { endpoint: identity.endpointUrl } : {}),
        })(region);
    };
}
