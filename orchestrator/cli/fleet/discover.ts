import {
    DescribeGlobalClustersCommand,
    DescribeGlobalClustersCommandOutput,
    GlobalCluster,
    ListTagsForResourceCommand,
    ListTagsForResourceCommandOutput,
    Tag,
} from "@aws-sdk/client-rds";
import { regionFromArn } from "../../../aws/arn";
import { RdsGateway } from "../../../aws/gateway";
import { InputError } from "../../../aws/run-errors";
import { Engine, isEngine } from "../../../vocabulary";
import { Rollout, Wave } from "./rollout";

/** A global database of the rollout, as DescribeGlobalClusters lists it. */
export interface FleetDatabase {
    readonly id: string;
    readonly arn: string;
    readonly engine: Engine;
    readonly engineVersion?: string;
    /** The writer's region: where the database's upgrade is run from (its home region). */
    readonly region: string;
    readonly tags: Readonly<Record<string, string>>;
}

/** Every global cluster whose writer is in one of `regions`, with its tags. */
export async function listGlobalDatabases(api: RdsGateway, regions: readonly string[]): Promise<FleetDatabase[]> {
    const byId = new Map<string, GlobalCluster>();
    for (const region of regions)
        for (const g of await describeAllGlobal(api, region))
            if (g.GlobalClusterIdentifier) byId.set(g.GlobalClusterIdentifier, g);
    const found: FleetDatabase[] = [];
    for (const g of byId.values()) {
        const writer = g.GlobalClusterMembers?.find((m) => m.IsWriter)?.DBClusterArn;
        const region = writer ? regionFromArn(writer) : undefined;
        if (!region || !regions.includes(region) || !isEngine(g.Engine)) continue;
        found.push({
            id: g.GlobalClusterIdentifier ?? "",
            arn: g.GlobalClusterArn ?? "",
            engine: g.Engine,
            ...(g.EngineVersion ? { engineVersion: g.EngineVersion } : {}),
            region,
            tags: tagMap(g.TagList ?? (await listTags(api, region, g.GlobalClusterArn))),
        });
    }
    return found.sort((a, b) => a.id.localeCompare(b.id));
}

/** DescribeGlobalClusters from `region`, every page (MaxRecords 100, Marker). */
async function describeAllGlobal(api: RdsGateway, region: string): Promise<GlobalCluster[]> {
    const all: GlobalCluster[] = [];
    let marker: string | undefined;
    do {
        const out = await api.send<DescribeGlobalClustersCommandOutput>(
            region,
            new DescribeGlobalClustersCommand({ MaxRecords: 100, ...(marker ? { Marker: marker } : {}) }),
        );
        all.push(...(out.GlobalClusters ?? []));
        marker = out.Marker;
    } while (marker);
    return all;
}

/**
 * The tags of a global cluster when DescribeGlobalClusters gave no `TagList` (older endpoints):
 * ListTagsForResource on its ARN; none when the endpoint cannot tag global clusters.
 */
async function listTags(api: RdsGateway, region: string, arn: string | undefined): Promise<Tag[]> {
    if (!arn) return [];
    try {
        return (
            (
                await api.send<ListTagsForResourceCommandOutput>(
                    region,
                    new ListTagsForResourceCommand({ ResourceName: arn }),
                )
            ).TagList ?? []
        );
    } catch {
        return [];
    }
}

function tagMap(tags: readonly Tag[]): Record<string, string> {
    return Object.fromEntries(tags.filter((t) => t.Key !== undefined).map((t) => [t.Key as string, t.Value ?? ""]));
}

/** The databases of each database wave (stack waves have none here), checked: every id found, none in two waves. */
export function assignWaves(rollout: Rollout, databases: readonly FleetDatabase[]): Map<string, FleetDatabase[]> {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    const byWave = new Map<string, FleetDatabase[]>();
    for (const wave of rollout.waves) {
        if (wave.select.kind === "stacks") continue;
        const chosen = select(wave, databases, problems, rollout.regions);
        for (const d of chosen) {
            const other = seen.get(d.id);
            if (other)
                problems.push(
                    `global cluster "${d.id}" is selected by wave "${other}" and wave "${wave.name}": narrow the tags or list it in one wave only [database-in-two-waves]`,
                );
            seen.set(d.id, wave.name);
        }
        if (chosen.length === 0 && wave.select.kind === "tags")
            problems.push(
                `wave "${wave.name}": no global cluster in ${rollout.regions.join(", ")} has the tags ${JSON.stringify(wave.select.tags)}: check the tags or the regions [empty-wave]`,
            );
        byWave.set(wave.name, chosen);
    }
    if (problems.length > 0)
        throw new InputError(
            `the rollout's waves do not fit what AWS reports, nothing was changed:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
        );
    return byWave;
}

function select(
    wave: Wave,
    databases: readonly FleetDatabase[],
    problems: string[],
    regions: readonly string[],
): FleetDatabase[] {
    const s = wave.select;
    if (s.kind === "tags") return databases.filter((d) => Object.entries(s.tags).every(([k, v]) => d.tags[k] === v));
    if (s.kind !== "globalClusters") return [];
    return s.globalClusters.flatMap((id) => {
        const d = databases.find((x) => x.id === id);
        if (!d)
            problems.push(
                `wave "${wave.name}": global cluster "${id}" was not found with its writer in ${regions.join(", ")}: check the id and the regions [global-cluster-not-found]`,
            );
        return d ? [d] : [];
    });
}
