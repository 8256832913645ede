import { isEngine } from "../../engine-versions";
import { AuroraGlobalDatabaseArgs } from "./args";
import { globalDatabaseClass, GLOBAL_DATABASE_CLASS_FAMILIES } from "./instance-classes";
import { ARGS_KEYS, IDENTITY_KEYS, MEMBER_KEYS, nearestKey, UPGRADE_KEYS } from "./known-keys";
import { kmsKeyProblems, storageEncryptedWithKey } from "./kms-key";
import { ArgsRule, Found, found, identifier, IDENTIFIER, isObject, members, q } from "./rule-kit";

/**
 * Input rules for what AWS refuses only at `up` (CreateGlobalCluster, CreateDBCluster,
 * CreateDBInstance, AddTagsToResource), checked at preview with AWS's rule cited at each.
 */

/** Keys of `value` that are no setting of its kind (undefined values are ignored, as JavaScript would). */
function unknownKeys(path: string, value: unknown, known: readonly string[], what: string): Found[] {
    if (!isObject(value)) return [];
    return Object.entries(value)
        .filter(([k, v]) => v !== undefined && !known.includes(k))
        .map(([k]) => {
            const near = nearestKey(k, known);
            const at = path === "" ? k : `${path}.${k}`;
            return found(
                at,
                `${at} is not a setting of ${what}${near ? `: did you mean ${near}?` : ""} (the settings are ${known.join(", ")})`,
            );
        });
}

/** AWS stores identifiers lowercase (API_CreateDBCluster, API_CreateGlobalCluster: "stored as a lowercase string"). */
function lowercase(path: string, value: unknown): Found[] {
    return typeof value === "string" && IDENTIFIER.test(value) && value !== value.toLowerCase()
        ? [
              found(
                  path,
                  `${path} ${q(value)} has upper-case letters: AWS stores identifiers lowercase, so it would be "${value.toLowerCase()}" in AWS and a later comparison with ${q(value)} would not find it: write "${value.toLowerCase()}"`,
              ),
          ]
        : [];
}

/** An identifier made from a free-form name: lowercase, runs of anything else as one hyphen. */
const asIdentifier = (name: string): string =>
    name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^[^a-z]+/, "")
        .replace(/-+$/, "")
        .slice(0, 63) || "app-global";

/** The component name standing in for globalClusterIdentifier must be one AWS takes as given. */
function defaultGlobalIdentifier(a: AuroraGlobalDatabaseArgs, name: string): Found[] {
    if (a.globalClusterIdentifier !== undefined) return [];
    const valid = identifier("globalClusterIdentifier", name).length === 0 && name === name.toLowerCase();
    return valid
        ? []
        : [
              found(
                  "globalClusterIdentifier",
                  `globalClusterIdentifier is not set, so the component name ${q(name)} is used, and AWS would not take it as given (identifiers are 1–63 letters, digits or hyphens, starting with a letter, stored lowercase): set globalClusterIdentifier, e.g. "${asIdentifier(name)}"`,
              ),
          ];
}

/** Member cluster identifiers derived from the global one, and instance identifiers `CLUSTER-N`, within AWS's 63. */
function derivedIdentifiers(a: AuroraGlobalDatabaseArgs, name: string): Found[] {
    const globalId = typeof a.globalClusterIdentifier === "string" ? a.globalClusterIdentifier : name;
    if (identifier("globalClusterIdentifier", globalId).length > 0) return []; // reported as such
    return members(a).flatMap(({ path, member }) => {
        const explicit = typeof member.clusterIdentifier === "string" ? member.clusterIdentifier : undefined;
        if (member.clusterIdentifier !== undefined && explicit === undefined) return [];
        const cluster = explicit ?? `${globalId}-${String(member.region)}`;
        if (explicit === undefined && cluster.length > 63)
            return [
                found(
                    `${path}.clusterIdentifier`,
                    `${path}.clusterIdentifier is not set, so it would be "${cluster}" (${cluster.length} characters; AWS allows 63 for a DB cluster identifier): set ${path}.clusterIdentifier, or a shorter globalClusterIdentifier`,
                ),
            ];
        const count = typeof member.instanceCount === "number" ? member.instanceCount : 1;
        const instance = `${cluster}-${count}`;
        return instance.length > 63 && cluster.length <= 63
            ? [
                  found(
                      `${path}.clusterIdentifier`,
                      `the DB instances of ${path} are named "${cluster}-1" … "${instance}" (${instance.length} characters; AWS allows 63 for a DB instance identifier): give ${path}.clusterIdentifier of at most ${62 - String(count).length} characters`,
                  ),
              ]
            : [];
    });
}

/** Master user names AWS keeps for itself (CreateDBCluster: "MasterUsername rdsadmin cannot be used as it is a reserved word used by the engine"). */
const RESERVED_MASTER_USERNAMES = ["rdsadmin", "rdsrepladmin", "rds_superuser", "rds_replication", "rdsproxyadmin"];

function reservedUsername(a: AuroraGlobalDatabaseArgs): Found[] {
    const u = a.masterUsername;
    return typeof u === "string" && RESERVED_MASTER_USERNAMES.includes(u.toLowerCase())
        ? [
              found(
                  "masterUsername",
                  `masterUsername ${q(u)} is reserved by RDS for its own use (AWS refuses it at create: "reserved word used by the engine"): choose another name, e.g. "dbadmin"`,
              ),
          ]
        : [];
}

/** API_Tag: "A key … can't be prefixed with aws: or rds:" (values neither), 1–128 characters (values up to 256). */
function tagRules(a: AuroraGlobalDatabaseArgs): Found[] {
    if (!isObject(a.tags)) return [];
    return Object.entries(a.tags).flatMap(([k, v]) => {
        const out: Found[] = [];
        if (/^(aws|rds):/i.test(k))
            out.push(
                found(
                    `tags.${k}`,
                    `tags key ${q(k)} starts with "${k.slice(0, 4)}": AWS reserves the aws: and rds: prefixes for its own tags: rename the key`,
                ),
            );
        else if (k.length === 0 || k.length > 128)
            out.push(found(`tags.${k}`, `tags key ${q(k)} has ${k.length} characters: AWS takes 1 to 128`));
        if (typeof v === "string" && (/^(aws|rds):/i.test(v) || v.length > 256))
            out.push(
                found(
                    `tags.${k}`,
                    `tags.${k} ${q(v.length > 40 ? `${v.slice(0, 40)}…` : v)} ${v.length > 256 ? `has ${v.length} characters: AWS takes up to 256` : "starts with a prefix AWS reserves (aws:, rds:): change the value"}`,
                ),
            );
        return out;
    });
}

export const AWS_LIMIT_RULES: readonly ArgsRule[] = [
    {
        id: "unknown-key",
        check: (a) => [
            ...unknownKeys("", a, ARGS_KEYS, "AuroraGlobalDatabase"),
            ...members(a).flatMap(({ path, member }) => unknownKeys(path, member, MEMBER_KEYS, "a member")),
            ...unknownKeys("upgrade", a.upgrade, UPGRADE_KEYS, "upgrade"),
            ...unknownKeys("upgrade.identity", a.upgrade?.identity, IDENTITY_KEYS, "upgrade.identity"),
        ],
    },
    {
        id: "identifier-lowercase",
        check: (a) => [
            ...lowercase("globalClusterIdentifier", a.globalClusterIdentifier),
            ...members(a).flatMap(({ path, member }) =>
                lowercase(`${path}.clusterIdentifier`, member.clusterIdentifier),
            ),
        ],
    },
    { id: "default-identifier", check: defaultGlobalIdentifier },
    { id: "derived-identifier", check: derivedIdentifiers },
    { id: "kms-key-id", check: kmsKeyProblems },
    { id: "storage-encrypted", check: storageEncryptedWithKey },
    {
        id: "vpc-security-group-ids",
        check: (a) =>
            members(a).flatMap(({ path, member }) =>
                typeof member.vpcSecurityGroupIds === "string"
                    ? [
                          found(
                              `${path}.vpcSecurityGroupIds`,
                              `${path}.vpcSecurityGroupIds ${q(member.vpcSecurityGroupIds)} is not a list: give the security group ids as a list, e.g. [${q(member.vpcSecurityGroupIds)}]`,
                          ),
                      ]
                    : [],
            ),
    },
    { id: "identity", check: (a) => identityProblems(a.upgrade?.identity) },
    { id: "master-username-reserved", check: reservedUsername },
    { id: "tag-key", check: tagRules },
    {
        id: "instance-class-offered",
        check: (a) =>
            isEngine(a.engine)
                ? members(a).flatMap(({ path, member }) =>
                      typeof member.instanceClass === "string" &&
                      /^db\.[a-z0-9-]+\.[a-z0-9]+$/.test(member.instanceClass) &&
                      !globalDatabaseClass(a.engine, member.instanceClass)
                          ? [
                                found(
                                    `${path}.instanceClass`,
                                    `${path}.instanceClass ${q(member.instanceClass)} is not a class Aurora offers for a ${a.engine} global database (AWS needs a memory-optimized class: ${GLOBAL_DATABASE_CLASS_FAMILIES[a.engine].map((f) => `db.${f}`).join(", ")}, or db.serverless; CreateDBInstance would refuse it): use e.g. "db.r6g.large"`,
                                ),
                            ]
                          : [],
                  )
                : [],
    },
    { id: "blue-green-only-options", check: blueGreenOnlyOptions },
];

/** An IAM role ARN: `arn:PARTITION:iam::ACCOUNT:role/PATH/NAME` (IAM user guide, "IAM ARNs"). */
const ROLE_ARN = /^arn:aws(-cn|-us-gov|-iso[a-z-]*)?:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/;

function identityProblems(identity: unknown): Found[] {
    if (identity === undefined) return [];
    if (!isObject(identity))
        return [
            found(
                "upgrade.identity",
                `upgrade.identity ${q(identity)} is not an identity: give an object, e.g. { profile: ${typeof identity === "string" ? q(identity) : '"admin"'} } or { roleArn: "arn:aws:iam::123456789012:role/aurora-upgrader" }`,
            ),
        ];
    const roleArn = identity.roleArn;
    return roleArn === undefined || (typeof roleArn === "string" && ROLE_ARN.test(roleArn))
        ? []
        : [
              found(
                  "upgrade.identity.roleArn",
                  `upgrade.identity.roleArn ${q(roleArn)} is not an IAM role ARN: write it as arn:aws:iam::ACCOUNT:role/NAME, e.g. "arn:aws:iam::123456789012:role/aurora-upgrader"`,
              ),
          ];
}

/** The blue/green options act only under strategy blue-green (the CLI refuses them otherwise, exit 2: options.ts blueGreenFlagProblems). */
function blueGreenOnlyOptions(a: AuroraGlobalDatabaseArgs): Found[] {
    const u = a.upgrade;
    if (!isObject(u) || u.strategy === "blue-green") return [];
    const strategy = typeof u.strategy === "string" ? u.strategy : "auto";
    return (["switchoverTimeoutSeconds", "oldClusters"] as const)
        .filter((k) => u[k] !== undefined)
        .map((k) =>
            found(
                `upgrade.${k}`,
                `upgrade.${k} ${q(u[k])} applies to strategy "blue-green" only, and this database's strategy is "${strategy}" (${strategy === "auto" ? "auto never chooses blue-green" : "it would be ignored"}): set upgrade.strategy to "blue-green" or leave upgrade.${k} out`,
            ),
        );
}
