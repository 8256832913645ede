import { AwsIdentity, IDENTITY_FLAGS } from "../../cli-contract";

// IAM role ARN: arn:PARTITION:iam::ACCOUNT:role/PATH/NAME (IAM User Guide, "IAM identifiers").
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;
// AssumeRole RoleSessionName: 2-64 characters of [\w+=,.@-] (STS API Reference, AssumeRole).
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
// AssumeRole ExternalId: 2-1224 characters of [\w+=,.@:/-] (STS API Reference, AssumeRole).
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;
// A profile name as the shared config file allows it (no whitespace, no brackets).
const PROFILE = /^[^\s[\]]{1,128}$/;

type Raw = Readonly<Record<string, unknown>>;
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

/** The identity flags of one command, validated; every bad value is reported with its fix. */
export function parseIdentity(raw: Raw, errors: string[]): AwsIdentity {
    const profile = str(raw.profile);
    const roleArn = str(raw.roleArn);
    const roleSessionName = str(raw.roleSessionName);
    const externalId = str(raw.externalId);
    const endpointUrl = str(raw.endpointUrl);
    const bad = (flag: string, value: string, fix: string) => errors.push(`${flag} "${value}" is not valid: ${fix}`);
    if (profile !== undefined && !PROFILE.test(profile))
        bad(
            IDENTITY_FLAGS.profile,
            profile,
            `give the name of a profile of your AWS config file, e.g. ${IDENTITY_FLAGS.profile} prod`,
        );
    if (roleArn !== undefined && !ROLE_ARN.test(roleArn))
        bad(
            IDENTITY_FLAGS.roleArn,
            roleArn,
            `give an IAM role ARN, e.g. ${IDENTITY_FLAGS.roleArn} arn:aws:iam::123456789012:role/aurora-upgrader`,
        );
    if (roleSessionName !== undefined && !SESSION_NAME.test(roleSessionName))
        bad(IDENTITY_FLAGS.roleSessionName, roleSessionName, "use 2 to 64 letters, digits or +=,.@_-");
    if (externalId !== undefined && !EXTERNAL_ID.test(externalId))
        bad(IDENTITY_FLAGS.externalId, externalId, "use 2 to 1224 letters, digits or +=,.@:/_-");
    if (endpointUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(endpointUrl))
        bad(
            IDENTITY_FLAGS.endpointUrl,
            endpointUrl,
            `give an http(s) URL, e.g. ${IDENTITY_FLAGS.endpointUrl} https://rds.us-east-1.amazonaws.com`,
        );
    for (const [flag, value] of [
        [IDENTITY_FLAGS.roleSessionName, roleSessionName],
        [IDENTITY_FLAGS.externalId, externalId],
    ] as const)
        if (value !== undefined && roleArn === undefined)
            errors.push(`${flag} "${value}" needs ${IDENTITY_FLAGS.roleArn}: it applies to the role the CLI assumes`);
    return {
        ...(profile !== undefined ? { profile } : {}),
        ...(roleArn !== undefined ? { roleArn } : {}),
        ...(roleSessionName !== undefined ? { roleSessionName } : {}),
        ...(externalId !== undefined ? { externalId } : {}),
        ...(endpointUrl !== undefined ? { endpointUrl } : {}),
    };
}
