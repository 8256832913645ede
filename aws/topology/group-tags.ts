import {
    AddTagsToResourceCommand,
    DBClusterParameterGroup,
    DBParameterGroup,
    DescribeDBClusterParameterGroupsCommand,
    DescribeDBClusterParameterGroupsCommandOutput,
    DescribeDBParameterGroupsCommand,
    DescribeDBParameterGroupsCommandOutput,
    ListTagsForResourceCommand,
    ListTagsForResourceCommandOutput,
    Tag,
} from "@aws-sdk/client-rds";
import { describeAwsError } from "../errors";
import { endsTheRun } from "../run-errors";
import { RdsGateway } from "../gateway";
import { isDefaultGroup, OPTIONAL_FACT_RETRY } from "./facts";
import { TAG_PREFIXES } from "../../vocabulary";
import { GROUP_FLAGS } from "../../cli-contract/flags";

/**
 * How a re-run finds the target-family parameter groups of an interrupted major upgrade.
 *
 * AWS resets every member to the new family's default groups when the global upgrade ends, so
 * after that the member no longer names its custom group. Each target-family group that
 * `prepare-parameter-groups` creates (or finds already there) is tagged, per member, with
 * `aurora-global:for:<cluster identifier>` = the member's source group. The tag lives on the
 * group aurora-global owns, never on the member cluster (which Pulumi or Terraform may manage and
 * would "fix" on refresh), and it is written before ModifyGlobalCluster, so any later kill leaves
 * it in place. A re-run looks for it only for a member that runs a default group of the target
 * family: that is AWS's reset, not a choice of the user's.
 */
export type GroupKind = "cluster" | "instance";

const TAG_PREFIX = TAG_PREFIXES.groupFor;

/** The tag marking a target-family group as prepared for `cluster` (value: its source group). */
export function memberTag(cluster: string, sourceGroup: string): Tag {
    return { Key: `${TAG_PREFIX}${cluster}`, Value: sourceGroup };
}

/** One parameter group as DescribeDB(Cluster)ParameterGroups reports it. */
export interface GroupRef {
    readonly name: string;
    readonly arn: string;
    readonly family: string;
}

/** Every parameter group of `kind` in `region` (all pages), or the one named `name`. */
export async function describeGroups(
    api: RdsGateway,
    region: string,
    kind: GroupKind,
    name?: string,
): Promise<GroupRef[]> {
    const refs: GroupRef[] = [];
    let marker: string | undefined;
    do {
        let page: (DBClusterParameterGroup | DBParameterGroup)[];
        if (kind === "cluster") {
            const out = await api.send<DescribeDBClusterParameterGroupsCommandOutput>(
                region,
                new DescribeDBClusterParameterGroupsCommand({ DBClusterParameterGroupName: name, Marker: marker }),
                OPTIONAL_FACT_RETRY,
            );
            page = out.DBClusterParameterGroups ?? [];
            marker = out.Marker;
        } else {
            const out = await api.send<DescribeDBParameterGroupsCommandOutput>(
                region,
                new DescribeDBParameterGroupsCommand({ DBParameterGroupName: name, Marker: marker }),
                OPTIONAL_FACT_RETRY,
            );
            page = out.DBParameterGroups ?? [];
            marker = out.Marker;
        }
        for (const g of page) {
            const groupName =
                "DBClusterParameterGroupName" in g
                    ? g.DBClusterParameterGroupName
                    : (g as DBParameterGroup).DBParameterGroupName;
            const arn =
                "DBClusterParameterGroupArn" in g
                    ? g.DBClusterParameterGroupArn
                    : (g as DBParameterGroup).DBParameterGroupArn;
            if (groupName && arn && g.DBParameterGroupFamily)
                refs.push({ name: groupName, arn, family: g.DBParameterGroupFamily });
        }
    } while (marker);
    return refs;
}

/** Tags an existing group (found by name) for `cluster`: AddTagsToResource replaces a tag of the same key. */
export async function tagExistingGroup(
    api: RdsGateway,
    region: string,
    kind: GroupKind,
    name: string,
    tag: Tag,
): Promise<void> {
    const group = (await describeGroups(api, region, kind, name)).find((g) => g.name === name);
    if (!group) return;
    await api.send(region, new AddTagsToResourceCommand({ ResourceName: group.arn, Tags: [tag] }));
}

/**
 * Finds the groups aurora-global prepared for members, one listing per region and kind and one
 * ListTagsForResource per candidate (groups of the family whose name carries it, as every name
 * aurora-global gives does), cached for one topology read.
 */
export class TaggedGroupFinder {
    private readonly lists = new Map<string, Promise<GroupRef[]>>();
    private readonly tags = new Map<string, Promise<readonly Tag[]>>();

    constructor(private readonly api: RdsGateway) {}

    /** Names of the `family` groups of `kind` in `region` tagged for `cluster`. */
    async find(region: string, kind: GroupKind, family: string, cluster: string): Promise<string[]> {
        const token = family.replace(/\./g, "-");
        const groups = await this.list(region, kind);
        const candidates = groups.filter(
            (g) => g.family === family && !isDefaultGroup(g.name) && g.name.includes(token),
        );
        const found: string[] = [];
        for (const g of candidates) {
            if ((await this.tagsOf(region, g.arn)).some((t) => t.Key === `${TAG_PREFIX}${cluster}`)) found.push(g.name);
        }
        return found;
    }

    private list(region: string, kind: GroupKind): Promise<GroupRef[]> {
        const key = `${region}/${kind}`;
        let list = this.lists.get(key);
        if (!list) {
            list = describeGroups(this.api, region, kind);
            this.lists.set(key, list);
        }
        return list;
    }

    private tagsOf(region: string, arn: string): Promise<readonly Tag[]> {
        let tags = this.tags.get(arn);
        if (!tags) {
            tags = this.api
                .send<ListTagsForResourceCommandOutput>(
                    region,
                    new ListTagsForResourceCommand({ ResourceName: arn }),
                    OPTIONAL_FACT_RETRY,
                )
                .then((out) => out.TagList ?? []);
            this.tags.set(arn, tags);
        }
        return tags;
    }
}

/** Target groups found for a member on default groups of the target family. */
export interface ResumeTargets {
    readonly targetClusterParameterGroup?: string;
    readonly targetInstanceParameterGroup?: string;
}

/**
 * For a member at the target family: when it (or one of its instances) runs a default group,
 * the groups prepared for it by an interrupted major upgrade, if any. Unreadable or ambiguous
 * tags are warnings, never errors: the plan is then made without them.
 */
export async function resumeTargets(
    finder: TaggedGroupFinder,
    member: { readonly cluster: string; readonly region: string; readonly clusterParameterGroup?: string },
    family: string,
    instanceGroups: readonly string[],
    warnings: string[],
): Promise<ResumeTargets> {
    const where = `cluster "${member.cluster}" (${member.region})`;
    const pick = async (kind: GroupKind): Promise<string | undefined> => {
        const names = await finder.find(member.region, kind, family, member.cluster);
        if (names.length > 1) {
            warnings.push(
                `${where}: ${kind} parameter groups ${names.map((n) => `"${n}"`).join(", ")} are all tagged ${TAG_PREFIX}${member.cluster}: none is applied; choose one with --${kind}-parameter-group ${member.cluster}=NAME, or remove the tag from the others`,
            );
            return undefined;
        }
        return names[0];
    };
    const out: { targetClusterParameterGroup?: string; targetInstanceParameterGroup?: string } = {};
    try {
        if (isDefaultGroup(member.clusterParameterGroup)) {
            const name = await pick("cluster");
            if (name) out.targetClusterParameterGroup = name;
        }
        if (instanceGroups.some(isDefaultGroup)) {
            const name = await pick("instance");
            if (name) out.targetInstanceParameterGroup = name;
        }
    } catch (e) {
        if (endsTheRun(e)) throw e;
        warnings.push(
            `${where}: the parameter groups aurora-global prepared for it could not be looked up (${describeAwsError(e)}); if a major upgrade was interrupted after the global upgrade, name its groups with ${GROUP_FLAGS.cluster} ${member.cluster}=NAME (and ${GROUP_FLAGS.instance})`,
        );
    }
    return out;
}
