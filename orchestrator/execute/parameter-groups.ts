import {
    CreateDBClusterParameterGroupCommand,
    CreateDBParameterGroupCommand,
    DescribeDBInstancesCommand,
    DescribeDBInstancesCommandOutput,
    DescribeDBParametersCommand,
    DescribeDBParametersCommandOutput,
    ModifyDBClusterCommand,
    ModifyDBClusterParameterGroupCommand,
    ModifyDBInstanceCommand,
    ModifyDBParameterGroupCommand,
    Parameter,
    Tag,
} from "@aws-sdk/client-rds";
import { parameterGroupFamily } from "../../engine-versions";
import { PlanStep } from "../../planner";
import { describeAwsError, isAlreadyExists } from "../../aws/errors";
import { endsTheRun } from "../../aws/run-errors";
import { FRESH_READ_MS, readCluster } from "../../aws/topology/reads";
import { isDefaultGroup, userClusterParameters } from "../../aws/topology/facts";
import { memberTag, tagExistingGroup } from "../../aws/topology/group-tags";
import { MemberTopology } from "../../aws/topology/types";
import { ref, RunContext } from "./context";
import { stopOnError } from "./stop-on-error";
import { waitForMember } from "./wait-member";

/**
 * Before a major upgrade: in the step's region, create the target-family copies of every
 * member's custom cluster and instance parameter groups (if missing) with the user-set
 * parameters of the originals. Idempotent: existing groups are reused. Each group is tagged for
 * the member (`aurora-global:for:<cluster>`) before the global upgrade, so a re-run after AWS
 * reset the member to default groups still finds what to apply (aws/topology/group-tags.ts).
 */
export async function prepareParameterGroups(ctx: RunContext, step: Pick<PlanStep, "region" | "to">): Promise<void> {
    const family = parameterGroupFamily(ctx.stepVersion(step.to));
    for (const m of ctx.topology.members.filter((x) => x.region === step.region)) {
        // A member already on the target family's defaults (its groups were found by tag) has nothing to copy from.
        if (m.targetClusterParameterGroup && m.clusterParameterGroup && !isDefaultGroup(m.clusterParameterGroup))
            await prepareGroup(ctx, CLUSTER_GROUPS, m, family, m.clusterParameterGroup, m.targetClusterParameterGroup);
        if (m.targetInstanceParameterGroup && m.instanceParameterGroup)
            await prepareGroup(
                ctx,
                INSTANCE_GROUPS,
                m,
                family,
                m.instanceParameterGroup,
                m.targetInstanceParameterGroup,
            );
    }
}

/** What differs between cluster and instance parameter groups: their kind and their three calls. */
interface GroupKind {
    readonly kind: "cluster" | "instance";
    create(to: string, family: string, description: string, tag: Tag): object & { input: object };
    modify(to: string, batch: Parameter[]): object & { input: object };
    userParameters(ctx: RunContext, region: string, from: string): Promise<Map<string, string>>;
}

const CLUSTER_GROUPS: GroupKind = {
    kind: "cluster",
    create: (to, family, description, tag) =>
        new CreateDBClusterParameterGroupCommand({
            DBClusterParameterGroupName: to,
            DBParameterGroupFamily: family,
            Description: description,
            Tags: [tag],
        }),
    modify: (to, batch) =>
        new ModifyDBClusterParameterGroupCommand({ DBClusterParameterGroupName: to, Parameters: batch }),
    userParameters: (ctx, region, from) => userClusterParameters(ctx.api, region, from),
};

const INSTANCE_GROUPS: GroupKind = {
    kind: "instance",
    create: (to, family, description, tag) =>
        new CreateDBParameterGroupCommand({
            DBParameterGroupName: to,
            DBParameterGroupFamily: family,
            Description: description,
            Tags: [tag],
        }),
    modify: (to, batch) => new ModifyDBParameterGroupCommand({ DBParameterGroupName: to, Parameters: batch }),
    userParameters: (ctx, region, from) => userInstanceParameters(ctx, region, from),
};

/** The member's group of `k`'s kind in the target family (`to`): created with the user parameters of `from`, or reused and tagged. */
async function prepareGroup(
    ctx: RunContext,
    k: GroupKind,
    m: MemberTopology,
    family: string,
    from: string,
    to: string,
): Promise<void> {
    const tag = memberTag(m.cluster, from);
    const created = await create(ctx, m.region, () =>
        k.create(to, family, `${from} for ${family} (aurora-global)`, tag),
    );
    if (!created) await tagExistingGroup(ctx.api, m.region, k.kind, to, tag);
    ctx.log.info(
        `${ref(m)}: ${k.kind} parameter group "${to}" (${family}) ${created ? "created" : "exists"}, tagged ${tag.Key}`,
    );
    if (!created) return;
    const params = await k.userParameters(ctx, m.region, from);
    await copy(ctx, m.region, to, toParameters(params), (batch) => k.modify(to, batch));
}

/** The parameters the user set in an instance parameter group (DescribeDBParameters, Source user). */
async function userInstanceParameters(ctx: RunContext, region: string, group: string): Promise<Map<string, string>> {
    const out = await ctx.api.send<DescribeDBParametersCommandOutput>(
        region,
        new DescribeDBParametersCommand({ DBParameterGroupName: group, Source: "user" }),
    );
    return new Map(
        (out.Parameters ?? [])
            .filter((p) => p.ParameterName && p.ParameterValue !== undefined)
            .map((p) => [p.ParameterName!, p.ParameterValue!]),
    );
}

/** After a major upgrade: apply the target-family groups to the member and its instances. */
export async function applyParameterGroups(ctx: RunContext, step: PlanStep): Promise<void> {
    const m = ctx.member(step.cluster);
    const doing = "applying the target-family parameter groups";
    try {
        const c = await readCluster(ctx.api, m.region, m.cluster, { reuseWithinMs: FRESH_READ_MS });
        if (m.targetClusterParameterGroup && c.DBClusterParameterGroup !== m.targetClusterParameterGroup) {
            ctx.log.info(`${ref(m)}: cluster parameter group → "${m.targetClusterParameterGroup}"`);
            await ctx.api.send(
                m.region,
                new ModifyDBClusterCommand({
                    DBClusterIdentifier: m.cluster,
                    DBClusterParameterGroupName: m.targetClusterParameterGroup,
                    ApplyImmediately: true,
                }),
            );
        }
        if (m.targetInstanceParameterGroup) {
            const out = await ctx.api.send<DescribeDBInstancesCommandOutput>(
                m.region,
                new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [m.cluster] }] }),
            );
            for (const i of out.DBInstances ?? []) {
                if (
                    !i.DBInstanceIdentifier ||
                    (i.DBParameterGroups ?? []).some((g) => g.DBParameterGroupName === m.targetInstanceParameterGroup)
                )
                    continue;
                ctx.log.info(
                    `${ref(m)}: instance "${i.DBInstanceIdentifier}" parameter group → "${m.targetInstanceParameterGroup}"`,
                );
                await ctx.api.send(
                    m.region,
                    new ModifyDBInstanceCommand({
                        DBInstanceIdentifier: i.DBInstanceIdentifier,
                        DBParameterGroupName: m.targetInstanceParameterGroup,
                        ApplyImmediately: true,
                    }),
                );
            }
        }
    } catch (e) {
        throw stopOnError(e, m, doing);
    }
    await waitForMember(ctx, { member: m, since: ctx.now(), doing });
    ctx.log.info(`${ref(m)}: parameter groups applied; static parameters take effect at the instances' next reboot`);
}

async function create(ctx: RunContext, region: string, command: () => object & { input: object }): Promise<boolean> {
    try {
        await ctx.api.send(region, command());
        return true;
    } catch (e) {
        if (isAlreadyExists(e)) return false;
        throw e;
    }
}

function toParameters(params: Map<string, string>): Parameter[] {
    return [...params].map(([ParameterName, ParameterValue]) => ({
        ParameterName,
        ParameterValue,
        ApplyMethod: "pending-reboot",
    }));
}

/** Copies parameters 20 at a time (AWS's limit); a parameter the new family refuses is reported, not fatal. */
async function copy(
    ctx: RunContext,
    region: string,
    group: string,
    params: Parameter[],
    command: (batch: Parameter[]) => object & { input: object },
): Promise<void> {
    for (let i = 0; i < params.length; i += 20) {
        const batch = params.slice(i, i + 20);
        try {
            await ctx.api.send(region, command(batch));
        } catch (e) {
            if (endsTheRun(e)) throw e;
            ctx.log.warn(
                `parameter group "${group}" (${region}): could not copy ${batch.map((p) => p.ParameterName).join(", ")}: ${describeAwsError(e)}; review the group`,
            );
        }
    }
}
