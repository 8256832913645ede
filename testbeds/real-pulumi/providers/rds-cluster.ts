import {
    AddTagsToResourceCommand,
    CreateDBClusterCommand,
    DBCluster,
    DeleteDBClusterCommand,
    DescribeDBClustersCommand,
    ModifyDBClusterCommand,
    RemoveFromGlobalClusterCommand,
    RemoveTagsFromResourceCommand,
} from "@aws-sdk/client-rds";
import { unwrapSecrets } from "./diff";
import { defined, engineVersionFromLive, rdsFor, tagList, waitFor } from "./rds-client";
import { notFound, ResourceHandler } from "./resource-handler";

type In = Record<string, unknown>;

async function describeCluster(inputs: In, id: string): Promise<DBCluster | undefined> {
    const out = await rdsFor(inputs)
        .send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }))
        .catch((e) => (notFound(e) ? undefined : Promise.reject(e)));
    return out?.DBClusters?.[0];
}

/** CreateDBCluster's input from the resource's (terraform-provider-aws cluster.go resourceClusterCreate). */
function createInput(i: In) {
    const plain = unwrapSecrets(i) as In;
    return defined({
        DBClusterIdentifier: plain.clusterIdentifier,
        GlobalClusterIdentifier: plain.globalClusterIdentifier,
        Engine: plain.engine,
        EngineVersion: plain.engineVersion,
        StorageEncrypted: plain.storageEncrypted,
        KmsKeyId: plain.kmsKeyId,
        DeletionProtection: plain.deletionProtection,
        MasterUsername: plain.masterUsername,
        MasterUserPassword: plain.masterPassword,
        DatabaseName: plain.databaseName,
        Port: plain.port,
        BackupRetentionPeriod: plain.backupRetentionPeriod,
        PreferredBackupWindow: plain.preferredBackupWindow,
        PreferredMaintenanceWindow: plain.preferredMaintenanceWindow,
        DBClusterParameterGroupName: plain.dbClusterParameterGroupName,
        DBSubnetGroupName: plain.dbSubnetGroupName,
        VpcSecurityGroupIds: plain.vpcSecurityGroupIds,
        CopyTagsToSnapshot: plain.copyTagsToSnapshot,
        Tags: tagList(plain.tags),
    });
}

/** terraform-provider-aws internal/service/rds/cluster.go (create, read, update, delete). */
export const cluster: ResourceHandler = {
    async create(i) {
        const id = String(i.clusterIdentifier);
        await rdsFor(i).send(new CreateDBClusterCommand(createInput(i) as never));
        const live = await waitFor(
            `cluster ${id}`,
            () => describeCluster(i, id),
            (c) => c?.Status === "available",
        );
        return { id, outs: { ...i, ...clusterOuts(i, live!) } };
    },
    async read(id, state) {
        const live = await describeCluster(state, id);
        return live ? { ...state, ...clusterOuts(state, live) } : undefined;
    },
    async update(id, olds, news) {
        const modify = modifiedSettings(olds, news);
        if (Object.keys(modify).length > 0)
            await rdsFor(news).send(
                new ModifyDBClusterCommand({ DBClusterIdentifier: id, ApplyImmediately: true, ...modify } as never),
            );
        await updateTags(news, String(olds.arn), olds.tags, news.tags);
        return { ...olds, ...news, ...clusterOuts(news, (await describeCluster(news, id))!) };
    },
    async delete(id, state) {
        // TF removes a member from its global cluster first, then deletes it (cluster.go resourceClusterDelete).
        if (state.globalClusterIdentifier)
            await rdsFor(state)
                .send(
                    new RemoveFromGlobalClusterCommand({
                        GlobalClusterIdentifier: String(state.globalClusterIdentifier),
                        DbClusterIdentifier: String(state.arn),
                    }),
                )
                .catch((e) =>
                    /not found|is not a member/i.test((e as Error).message) ? undefined : Promise.reject(e),
                );
        await rdsFor(state).send(
            new DeleteDBClusterCommand(
                defined({
                    DBClusterIdentifier: id,
                    SkipFinalSnapshot: !!state.skipFinalSnapshot,
                    FinalDBSnapshotIdentifier: state.skipFinalSnapshot ? undefined : state.finalSnapshotIdentifier,
                }) as never,
            ),
        );
    },
};

/** What ModifyDBCluster changes in place (the attributes of cluster.go's update that are not ForceNew). */
function modifiedSettings(olds: In, news: In): In {
    const map: Record<string, string> = {
        deletionProtection: "DeletionProtection",
        backupRetentionPeriod: "BackupRetentionPeriod",
        preferredBackupWindow: "PreferredBackupWindow",
        preferredMaintenanceWindow: "PreferredMaintenanceWindow",
        port: "Port",
        masterPassword: "MasterUserPassword",
        copyTagsToSnapshot: "CopyTagsToSnapshot",
        vpcSecurityGroupIds: "VpcSecurityGroupIds",
        dbClusterParameterGroupName: "DBClusterParameterGroupName",
    };
    const changed = Object.entries(map).filter(
        ([k]) =>
            news[k] !== undefined && JSON.stringify(unwrapSecrets(olds[k])) !== JSON.stringify(unwrapSecrets(news[k])),
    );
    return Object.fromEntries(changed.map(([k, api]) => [api, unwrapSecrets(news[k])]));
}

export async function updateTags(inputs: In, arn: string, oldTags: unknown, newTags: unknown): Promise<void> {
    const olds = (oldTags ?? {}) as Record<string, string>;
    const news = (newTags ?? {}) as Record<string, string>;
    const removed = Object.keys(olds).filter((k) => !(k in news));
    const added = Object.entries(news).filter(([k, v]) => olds[k] !== v);
    if (removed.length > 0)
        await rdsFor(inputs).send(new RemoveTagsFromResourceCommand({ ResourceName: arn, TagKeys: removed }));
    if (added.length > 0)
        await rdsFor(inputs).send(
            new AddTagsToResourceCommand({ ResourceName: arn, Tags: tagList(Object.fromEntries(added)) }),
        );
}

function clusterOuts(i: In, c: DBCluster): In {
    return {
        arn: c.DBClusterArn,
        clusterResourceId: c.DbClusterResourceId ?? "",
        endpoint: c.Endpoint ?? "",
        readerEndpoint: c.ReaderEndpoint ?? "",
        port: c.Port ?? i.port,
        engine: c.Engine,
        engineVersion: engineVersionFromLive(i.engineVersion, c.EngineVersion),
        engineVersionActual: c.EngineVersion,
        kmsKeyId: c.KmsKeyId ?? i.kmsKeyId ?? "",
        deletionProtection: c.DeletionProtection ?? i.deletionProtection,
        dbClusterParameterGroupName: c.DBClusterParameterGroup ?? i.dbClusterParameterGroupName,
        globalClusterIdentifier: i.globalClusterIdentifier ?? "",
        hostedZoneId: c.HostedZoneId ?? "",
        clusterMembers: (c.DBClusterMembers ?? []).map((m) => m.DBInstanceIdentifier),
        tagsAll: i.tags ?? {},
    };
}
