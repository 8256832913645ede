import type { Parameter, Tag } from "@aws-sdk/client-rds";
import { assertIdentifier, fault, messages } from "../aws-errors";
import { ParameterGroupState } from "../model";
import { parameterGroupArn } from "../topology";
import { applyTypeOf, STATIC_CLUSTER_PARAMETERS, staticParameterChanged } from "../static-parameters";
import { handler, Handler, HandlerContext } from "./context";

type Kind = "cluster" | "instance";

/** Input field and output names of the cluster and instance parameter group APIs. */
const NAMES = {
    cluster: {
        field: "DBClusterParameterGroupName",
        list: "DBClusterParameterGroups",
        one: "DBClusterParameterGroup",
        arn: "DBClusterParameterGroupArn",
        arnKind: "cluster-pg",
    },
    instance: {
        field: "DBParameterGroupName",
        list: "DBParameterGroups",
        one: "DBParameterGroup",
        arn: "DBParameterGroupArn",
        arnKind: "pg",
    },
} as const;

const FAMILY = /^aurora-(postgresql1[1-9]|mysql5\.7|mysql8\.0|mysql8\.4)$/;

interface GroupInput {
    readonly DBClusterParameterGroupName?: string;
    readonly DBParameterGroupName?: string;
    readonly DBParameterGroupFamily?: string;
    readonly Description?: string;
    readonly Parameters?: Parameter[];
    readonly ResetAllParameters?: boolean;
    readonly Source?: string;
    readonly Tags?: Tag[];
}

function shape(region: string, kind: Kind, g: ParameterGroupState): Record<string, string> {
    const n = NAMES[kind];
    return {
        [n.field]: g.name,
        DBParameterGroupFamily: g.family,
        Description: g.description,
        [n.arn]: parameterGroupArn(region, n.arnKind, g.name),
    };
}

function nameOf(kind: Kind, input: GroupInput): string {
    const field = NAMES[kind].field;
    return input[field] ?? fault("InvalidParameterValue", messages.missingParameter(field));
}

function existing({ store, region }: HandlerContext, kind: Kind, name: string): ParameterGroupState {
    return (
        store.parameterGroup(region, kind, name) ??
        fault(
            "DBParameterGroupNotFoundFault",
            (kind === "cluster" ? messages.clusterParameterGroupNotFound : messages.parameterGroupNotFound)(name),
        )
    );
}

function editable(ctx: HandlerContext, kind: Kind, name: string): ParameterGroupState {
    const group = existing(ctx, kind, name);
    if (group.isDefault) fault("InvalidDBParameterGroupStateFault", messages.defaultGroupReadOnly(name));
    return group;
}

const describeGroups = (kind: Kind) =>
    handler<GroupInput>((ctx, input) => {
        const name = input[NAMES[kind].field];
        const groups = name !== undefined ? [existing(ctx, kind, name)] : ctx.store.parameterGroupsIn(ctx.region, kind);
        return { [NAMES[kind].list]: groups.map((g) => shape(ctx.region, kind, g)) };
    });

const describeParameters = (kind: Kind) =>
    handler<GroupInput>((ctx, input) => {
        const group = existing(ctx, kind, nameOf(kind, input));
        if (input.Source !== undefined && input.Source !== "user") return { Parameters: [] };
        const Parameters = [...group.parameters.entries()].map(([ParameterName, ParameterValue]) => ({
            ParameterName,
            ParameterValue,
            Source: "user",
            ApplyType: kind === "cluster" ? applyTypeOf(ParameterName) : "dynamic",
            IsModifiable: true,
            ApplyMethod: "pending-reboot",
        }));
        return { Parameters };
    });

const createGroup = (kind: Kind) =>
    handler<GroupInput>((ctx, input) => {
        const name = nameOf(kind, input);
        assertIdentifier(kind === "cluster" ? "cluster-parameter-group" : "parameter-group", name);
        const family =
            input.DBParameterGroupFamily ??
            fault("InvalidParameterValue", messages.missingParameter("DBParameterGroupFamily"));
        if (!FAMILY.test(family))
            fault(
                "InvalidParameterValue",
                `DBParameterGroupFamily ${family} is not a valid Aurora family (e.g. aurora-postgresql17, aurora-mysql8.0).`,
            );
        if (ctx.store.parameterGroup(ctx.region, kind, name))
            fault("DBParameterGroupAlreadyExistsFault", messages.parameterGroupExists(name));
        const tags = new Map((input.Tags ?? []).filter((t) => t.Key !== undefined).map((t) => [t.Key!, t.Value ?? ""]));
        const group = ctx.store.putParameterGroup(ctx.region, {
            name,
            family,
            kind,
            description: input.Description ?? name,
            isDefault: false,
            parameters: new Map(),
            ...(tags.size > 0 ? { tags } : {}),
        });
        return { [NAMES[kind].one]: shape(ctx.region, kind, group) };
    });

/**
 * A cluster group's static parameter changed (static-parameters.ts): the clusters on it wait for a
 * reboot of each instance to apply it (`DBClusterParameterGroupStatus: pending-reboot`).
 */
function afterChange(ctx: HandlerContext, kind: Kind, group: ParameterGroupState, before: Map<string, string>): void {
    if (kind !== "cluster") return;
    const changed = [...STATIC_CLUSTER_PARAMETERS].some((p) => before.get(p) !== group.parameters.get(p));
    if (changed) staticParameterChanged(ctx.store, ctx.region, group.name);
}

const modifyGroup = (kind: Kind) =>
    handler<GroupInput>((ctx, input) => {
        const group = editable(ctx, kind, nameOf(kind, input));
        const before = new Map(group.parameters);
        for (const p of input.Parameters ?? []) {
            if (!p.ParameterName) fault("InvalidParameterValue", messages.missingParameter("Parameters.ParameterName"));
            if (kind === "cluster" && p.ApplyMethod === "immediate" && applyTypeOf(p.ParameterName) === "static")
                fault("InvalidParameterCombination", messages.immediateStaticParameter());
            if (p.ParameterValue === undefined || p.ParameterValue === "") group.parameters.delete(p.ParameterName);
            else group.parameters.set(p.ParameterName, p.ParameterValue);
        }
        afterChange(ctx, kind, group, before);
        return { [NAMES[kind].field]: group.name };
    });

const resetGroup = (kind: Kind) =>
    handler<GroupInput>((ctx, input) => {
        const group = editable(ctx, kind, nameOf(kind, input));
        const before = new Map(group.parameters);
        if (input.ResetAllParameters) group.parameters.clear();
        for (const p of input.Parameters ?? []) if (p.ParameterName) group.parameters.delete(p.ParameterName);
        afterChange(ctx, kind, group, before);
        return { [NAMES[kind].field]: group.name };
    });

export const parameterGroupHandlers: Record<string, Handler> = {
    DescribeDBClusterParameterGroups: describeGroups("cluster"),
    DescribeDBClusterParameters: describeParameters("cluster"),
    CreateDBClusterParameterGroup: createGroup("cluster"),
    ModifyDBClusterParameterGroup: modifyGroup("cluster"),
    ResetDBClusterParameterGroup: resetGroup("cluster"),
    DescribeDBParameterGroups: describeGroups("instance"),
    DescribeDBParameters: describeParameters("instance"),
    CreateDBParameterGroup: createGroup("instance"),
    ModifyDBParameterGroup: modifyGroup("instance"),
};
