import { AuroraGlobalDatabaseArgs } from "./args";
import { Found, found, members, q } from "./rule-kit";

/**
 * KMS key identifiers as CreateDBCluster takes them (API_CreateDBCluster, KmsKeyId: "the key
 * ARN, key ID, alias ARN, or alias name for the KMS key"; for an encrypted secondary "a KMS key
 * identifier … in the destination Amazon Web Services Region", with no default: "For encrypted
 * cross-region replica, kmsKeyId should be explicitly specified"). A key of another region is
 * refused at create (KMSKeyNotAccessibleFault).
 */
const KEY_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const KMS_ARN =
    /^arn:aws(?:-cn|-us-gov|-iso[a-z-]*)?:kms:([a-z0-9-]+):\d{12}:(key\/[a-zA-Z0-9-]+|alias\/[a-zA-Z0-9/_-]+)$/;

const EXAMPLE = (region: string) => `"arn:aws:kms:${region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"`;

/** The problem of one member's `kmsKeyId` (a plain string; an Output is checked by AWS). */
function keyProblem(path: string, region: unknown, key: string): string | undefined {
    const where = typeof region === "string" ? region : "its region";
    if (key.trim() === "")
        return `${path}.kmsKeyId "" is empty: leave it out (the primary then uses its region's aws/rds key, a secondary a key the component creates in its region) or give a key of ${where}, e.g. ${EXAMPLE(where)}`;
    const arn = KMS_ARN.exec(key);
    if (arn && typeof region === "string" && arn[1] !== region)
        return `${path}.kmsKeyId ${q(key)} is a key of ${arn[1]}, not of ${region}: AWS encrypts each member with a key of its own region (CreateDBCluster refuses another region's key): give a key of ${region}, e.g. ${EXAMPLE(region)}`;
    if (!arn && !KEY_ID.test(key) && !ALIAS_NAME.test(key))
        return `${path}.kmsKeyId ${q(key)} is not a KMS key identifier (AWS takes a key ARN, key id, alias ARN or alias/NAME): give the key ARN of ${where}, e.g. ${EXAMPLE(where)}`;
    return undefined;
}

export function kmsKeyProblems(a: AuroraGlobalDatabaseArgs): Found[] {
    return members(a).flatMap(({ path, member }) => {
        const key: unknown = member.kmsKeyId;
        const problem = typeof key === "string" ? keyProblem(path, member.region, key) : undefined;
        return problem ? [found(`${path}.kmsKeyId`, problem)] : [];
    });
}

/** A key with encryption off: AWS uses KmsKeyId only for encrypted storage (StorageEncrypted true). */
export function storageEncryptedWithKey(a: AuroraGlobalDatabaseArgs): Found[] {
    if (a.storageEncrypted !== false) return [];
    return members(a)
        .filter(({ member }) => member.kmsKeyId !== undefined)
        .map(({ path }) =>
            found(
                "storageEncrypted",
                `storageEncrypted is false but ${path}.kmsKeyId is set: AWS encrypts with a KMS key only when StorageEncrypted is true (CreateDBCluster refuses the combination): set storageEncrypted: true, or leave ${path}.kmsKeyId out`,
            ),
        );
}
