import { IDENTITY_FLAGS } from "./flags";

/**
 * Who the CLI acts as: the identity of the AWS provider the database's resources use (the
 * component passes it to its steps as flags). Names and ARNs only, never keys: credentials come
 * from the SDK's providers, which refresh them, so a wait that outlives a one-hour session goes on.
 */
export interface AwsIdentity {
    /** Shared config/credentials profile (`aws:profile`). Default: the SDK's default chain. */
    readonly profile?: string;
    /** Role to assume with those credentials (`aws:assumeRoles[0].roleArn`). */
    readonly roleArn?: string;
    /** The assumed role's session name (`sessionName`). Default `aurora-global`. */
    readonly roleSessionName?: string;
    /** The role's external id (`externalId`), when its trust policy requires one. */
    readonly externalId?: string;
    /** RDS endpoint URL (`aws:endpoints[].rds`), e.g. a VPC endpoint. Default: AWS's. */
    readonly endpointUrl?: string;
}

/** The flags that hand `identity` to the CLI (what an upgrade step's command line carries). */
export function identityArgs(identity: AwsIdentity): string[] {
    const out: string[] = [];
    for (const key of ["profile", "roleArn", "roleSessionName", "externalId", "endpointUrl"] as const) {
        const value = identity[key];
        if (value !== undefined) out.push(IDENTITY_FLAGS[key], value);
    }
    return out;
}
