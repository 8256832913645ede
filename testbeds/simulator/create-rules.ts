import type { Tag } from "@aws-sdk/client-rds";
import { Engine } from "../../engine-versions";
import { fault } from "./aws-errors";
import { orderableClass } from "./orderable-classes";

/**
 * What AWS refuses when a global cluster, DB cluster or DB instance is created, with AWS's error
 * codes (each operation's "Errors" in the RDS API reference). The simulator keeps these facts
 * itself, apart from the component's checks (components/config/), so a wrong check there shows.
 */

/**
 * Identifiers (API_CreateDBCluster DBClusterIdentifier, API_CreateGlobalCluster,
 * API_CreateDBInstance): 1–63 letters, digits or hyphens, starting with a letter, no "--", no
 * trailing hyphen; "stored as a lowercase string". AWS's answer (InvalidParameterValue):
 * "The parameter DBClusterIdentifier is not a valid identifier. Identifiers must begin with a
 * letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or
 * contain two consecutive hyphens." Returns the identifier as AWS stores it.
 */
export function storedIdentifier(parameter: string, value: string): string {
    if (!/^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,62}$/.test(value) || value.endsWith("-"))
        fault(
            "InvalidParameterValue",
            `The parameter ${parameter} is not a valid identifier. Identifiers must begin with a letter; must contain only ASCII letters, digits, and hyphens; and must not end with a hyphen or contain two consecutive hyphens.`,
        );
    return value.toLowerCase();
}

/** Master user names RDS keeps for itself ("MasterUsername rdsadmin cannot be used as it is a reserved word used by the engine"). */
const RESERVED_USERS = new Set(["rdsadmin", "rdsrepladmin", "rds_superuser", "rds_replication", "rdsproxyadmin"]);

export function assertMasterUsername(name: string | undefined): void {
    if (name !== undefined && RESERVED_USERS.has(name.toLowerCase()))
        fault(
            "InvalidParameterValue",
            `MasterUsername ${name} cannot be used as it is a reserved word used by the engine`,
        );
}

/** API_Tag: keys and values "can't be prefixed with aws: or rds:" (InvalidParameterValue). */
export function assertTags(tags: readonly Tag[] | undefined): void {
    for (const t of tags ?? [])
        if (/^(aws|rds):/i.test(t.Key ?? "") || /^(aws|rds):/i.test(t.Value ?? ""))
            fault("InvalidParameterValue", `Tag key or value ${t.Key} can't be prefixed with aws: or rds:`);
}

/**
 * API_CreateDBCluster KmsKeyId: a key ARN, key id, alias ARN or alias name; a key of another
 * region (or that does not exist) is KMSKeyNotAccessibleFault ("An error occurred accessing an
 * Amazon Web Services KMS key"). With StorageEncrypted false, a key is a contradiction
 * (InvalidParameterCombination).
 */
export function assertKmsKey(region: string, key: string | undefined, encrypted: boolean | undefined): void {
    if (key === undefined) return;
    if (!encrypted) fault("InvalidParameterCombination", "KmsKeyId is specified but StorageEncrypted is not true");
    const arn = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:(key|alias)\/.+$/.exec(key);
    const plain = /^([0-9a-f-]{36}|mrk-[0-9a-f]{32}|alias\/[A-Za-z0-9/_-]+)$/.test(key);
    if ((arn && arn[1] !== region) || (!arn && !plain))
        fault(
            "KMSKeyNotAccessibleFault",
            `The specified KMS key [${key}] does not exist, is not enabled or you do not have permissions to access it.`,
        );
}

/**
 * CreateDBInstance with a class DescribeOrderableDBInstanceOptions does not list for the engine
 * (InvalidParameterCombination; the text as reported from AWS, e.g. in aws/aws-cdk#23431).
 */
export function assertOrderable(instanceClass: string, engine: Engine, version: string): void {
    if (!orderableClass(engine, instanceClass))
        fault(
            "InvalidParameterCombination",
            `RDS does not support creating a DB instance with the following combination: DBInstanceClass=${instanceClass}, Engine=${engine}, EngineVersion=${version}, LicenseModel=${engine === "aurora-postgresql" ? "postgresql-license" : "general-public-license"}. For supported combinations of instance class and database engine version, see the documentation.`,
        );
}
