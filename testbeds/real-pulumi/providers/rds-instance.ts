import {
    CreateDBInstanceCommand,
    DBInstance,
    DeleteDBInstanceCommand,
    DescribeDBInstancesCommand,
    ModifyDBInstanceCommand,
} from "@aws-sdk/client-rds";
import { updateTags } from "./rds-cluster";
import { defined, engineVersionFromLive, rdsFor, tagList, waitFor } from "./rds-client";
import { notFound, ResourceHandler } from "./resource-handler";

type In = Record<string, unknown>;

async function describeInstance(inputs: In, id: string): Promise<DBInstance | undefined> {
    const out = await rdsFor(inputs)
        .send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: id }))
        .catch((e) => (notFound(e) ? undefined : Promise.reject(e)));
    return out?.DBInstances?.[0];
}

/** terraform-provider-aws internal/service/rds/cluster_instance.go (create, read, update, delete). */
export const clusterInstance: ResourceHandler = {
    async create(i) {
        const id = String(i.identifier);
        await rdsFor(i).send(
            new CreateDBInstanceCommand(
                defined({
                    DBInstanceIdentifier: id,
                    DBClusterIdentifier: i.clusterIdentifier,
                    Engine: i.engine,
                    EngineVersion: i.engineVersion,
                    DBInstanceClass: i.instanceClass,
                    DBParameterGroupName: i.dbParameterGroupName,
                    DBSubnetGroupName: i.dbSubnetGroupName,
                    PubliclyAccessible: i.publiclyAccessible,
                    AutoMinorVersionUpgrade: i.autoMinorVersionUpgrade,
                    PromotionTier: i.promotionTier,
                    Tags: tagList(i.tags),
                }) as never,
            ),
        );
        const live = await waitFor(
            `instance ${id}`,
            () => describeInstance(i, id),
            (d) => d?.DBInstanceStatus === "available",
        );
        return { id, outs: { ...i, ...instanceOuts(i, live!) } };
    },
    async read(id, state) {
        const live = await describeInstance(state, id);
        return live ? { ...state, ...instanceOuts(state, live) } : undefined;
    },
    async update(id, olds, news) {
        const map: Record<string, string> = {
            instanceClass: "DBInstanceClass",
            promotionTier: "PromotionTier",
            publiclyAccessible: "PubliclyAccessible",
            autoMinorVersionUpgrade: "AutoMinorVersionUpgrade",
            dbParameterGroupName: "DBParameterGroupName",
        };
        const modify = Object.fromEntries(
            Object.entries(map)
                .filter(([k]) => news[k] !== undefined && JSON.stringify(olds[k]) !== JSON.stringify(news[k]))
                .map(([k, api]) => [api, news[k]]),
        );
        if (Object.keys(modify).length > 0)
            await rdsFor(news).send(
                new ModifyDBInstanceCommand({
                    DBInstanceIdentifier: id,
                    ApplyImmediately: !!news.applyImmediately,
                    ...modify,
                }),
            );
        await updateTags(news, String(olds.arn), olds.tags, news.tags);
        return { ...olds, ...news, ...instanceOuts(news, (await describeInstance(news, id))!) };
    },
    async delete(id, state) {
        await rdsFor(state)
            .send(new DeleteDBInstanceCommand({ DBInstanceIdentifier: id, SkipFinalSnapshot: true }))
            .catch((e) => (notFound(e) ? undefined : Promise.reject(e)));
    },
};

function instanceOuts(i: In, d: DBInstance): In {
    return {
        arn: d.DBInstanceArn,
        dbiResourceId: d.DbiResourceId ?? "",
        endpoint: d.Endpoint?.Address ?? "",
        port: d.Endpoint?.Port ?? 0,
        engine: d.Engine ?? i.engine,
        engineVersion: engineVersionFromLive(i.engineVersion, d.EngineVersion),
        engineVersionActual: d.EngineVersion ?? "",
        instanceClass: d.DBInstanceClass ?? i.instanceClass,
        writer: (d as { IsClusterWriter?: boolean }).IsClusterWriter ?? false,
        dbParameterGroupName: d.DBParameterGroups?.[0]?.DBParameterGroupName ?? i.dbParameterGroupName ?? "",
        tagsAll: i.tags ?? {},
    };
}
