import { AwsIdentity } from "../../cli-contract";
import { AuroraGlobalDatabaseArgs, MemberArgs } from "./args";
import { UpgradeArgs } from "./upgrade-args";

/**
 * Every setting of each object of the arguments. `Record<keyof X, true>` makes the compiler hold
 * each list to its interface: a setting added to an interface and not here does not compile.
 * A key not listed is a misspelling (`instanceCnt`) that JavaScript would otherwise drop.
 */
const keys = <T>(table: Record<keyof T, true>): readonly string[] => Object.keys(table);

export const ARGS_KEYS = keys<AuroraGlobalDatabaseArgs>({
    engine: true,
    engineVersion: true,
    globalClusterIdentifier: true,
    primary: true,
    secondaries: true,
    upgrade: true,
    databaseName: true,
    masterUsername: true,
    port: true,
    backupRetentionPeriod: true,
    preferredBackupWindow: true,
    preferredMaintenanceWindow: true,
    storageEncrypted: true,
    deletionProtection: true,
    tags: true,
});

export const MEMBER_KEYS = keys<MemberArgs>({
    region: true,
    instanceCount: true,
    instanceClass: true,
    clusterIdentifier: true,
    clusterParameterGroupName: true,
    instanceParameterGroupName: true,
    targetClusterParameterGroupName: true,
    targetInstanceParameterGroupName: true,
    dbSubnetGroupName: true,
    vpcSecurityGroupIds: true,
    kmsKeyId: true,
    engineVersion: true,
});

export const UPGRADE_KEYS = keys<UpgradeArgs>({
    strategy: true,
    allowMajorVersionUpgrade: true,
    snapshotBeforeUpgrade: true,
    timeoutMinutes: true,
    pollSeconds: true,
    applyPendingPatches: true,
    mysqlInPlaceMajorConfirmed: true,
    switchoverTimeoutSeconds: true,
    oldClusters: true,
    keepCompletedSteps: true,
    cli: true,
    identity: true,
});

export const IDENTITY_KEYS = keys<AwsIdentity>({
    profile: true,
    roleArn: true,
    roleSessionName: true,
    externalId: true,
    endpointUrl: true,
});

/** Edit distance (Levenshtein), for "did you mean". */
function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let diagonal = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const above = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
            diagonal = above;
        }
    }
    return row[b.length];
}

/** The known key nearest to `key` (case-insensitively), when it is near enough to be a misspelling. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
    const scored = known.map((k) => ({ k, d: distance(key.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d);
    const best = scored[0];
    return best &&
        (best.d <= Math.max(2, Math.floor(best.k.length / 3)) ||
            best.k.toLowerCase().startsWith(key.toLowerCase().slice(0, 5)))
        ? best.k
        : undefined;
}
