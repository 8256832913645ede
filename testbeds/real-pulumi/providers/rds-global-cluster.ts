import {
    CreateGlobalClusterCommand,
    DeleteGlobalClusterCommand,
    DescribeGlobalClustersCommand,
    GlobalCluster,
    ModifyGlobalClusterCommand,
} from "@aws-sdk/client-rds";
import { defined, engineVersionFromLive, rdsFor, tagList, waitFor } from "./rds-client";
import { notFound, ResourceHandler } from "./resource-handler";

type In = Record<string, unknown>;

async function describeGlobal(inputs: In, id: string): Promise<GlobalCluster | undefined> {
    const out = await rdsFor(inputs)
        .send(new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: id }))
        .catch((e) => (notFound(e) ? undefined : Promise.reject(e)));
    return out?.GlobalClusters?.[0];
}

/** terraform-provider-aws internal/service/rds/global_cluster.go (create, read, update, delete). */
export const globalCluster: ResourceHandler = {
    async create(i) {
        const id = String(i.globalClusterIdentifier);
        await rdsFor(i).send(
            new CreateGlobalClusterCommand(
                defined({
                    GlobalClusterIdentifier: id,
                    Engine: i.engine,
                    EngineVersion: i.engineVersion,
                    StorageEncrypted: i.storageEncrypted,
                    DeletionProtection: i.deletionProtection,
                    DatabaseName: i.databaseName,
                    Tags: tagList(i.tags),
                }) as never,
            ),
        );
        const live = await waitFor(
            `global cluster ${id}`,
            () => describeGlobal(i, id),
            (g) => g?.Status === "available",
        );
        return { id, outs: { ...i, ...globalOuts(i, live!) } };
    },
    async read(id, state) {
        const live = await describeGlobal(state, id);
        return live ? { ...state, ...globalOuts(state, live) } : undefined;
    },
    async update(id, olds, news) {
        if (olds.deletionProtection !== news.deletionProtection)
            await rdsFor(news).send(
                new ModifyGlobalClusterCommand({
                    GlobalClusterIdentifier: id,
                    DeletionProtection: !!news.deletionProtection,
                }),
            );
        return { ...olds, ...news, ...globalOuts(news, (await describeGlobal(news, id))!) };
    },
    async delete(id, state) {
        // TF retries "is not empty" for eventual consistency after its members left (global_cluster.go).
        await waitFor(
            `global cluster ${id} deletion`,
            () =>
                rdsFor(state)
                    .send(new DeleteGlobalClusterCommand({ GlobalClusterIdentifier: id }))
                    .then(() => true)
                    .catch((e) =>
                        notFound(e) ? true : /is not empty/.test((e as Error).message) ? false : Promise.reject(e),
                    ),
            (ok) => ok,
            120_000,
        );
    },
};

function globalOuts(i: In, g: GlobalCluster): In {
    return {
        arn: g.GlobalClusterArn,
        globalClusterResourceId: g.GlobalClusterResourceId,
        engine: g.Engine,
        engineVersion: engineVersionFromLive(i.engineVersion, g.EngineVersion),
        engineVersionActual: g.EngineVersion,
        deletionProtection: g.DeletionProtection,
        storageEncrypted: g.StorageEncrypted,
        globalClusterMembers: (g.GlobalClusterMembers ?? []).map((m) => ({
            dbClusterArn: m.DBClusterArn,
            isWriter: m.IsWriter,
        })),
        endpoint: g.Endpoint ?? "",
        tagsAll: i.tags ?? {},
    };
}
