import type { AddTagsToResourceCommandInput, ListTagsForResourceCommandInput } from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { ParameterGroupState } from "../model";
import { regionOfArn } from "../topology";
import { handler, Handler, HandlerContext } from "./context";

/**
 * The parameter group (`arn:aws:rds:<region>:<account>:cluster-pg:<name>` or `:pg:`) or DB cluster
 * (`:cluster:`) an ARN names. Tags are modeled on these only; any other ARN is refused as not found.
 */
function taggable({ store, region }: HandlerContext, arn: string | undefined): Pick<ParameterGroupState, "tags"> {
    if (!arn) return fault("InvalidParameterValue", messages.missingParameter("ResourceName"));
    const m = /^arn:aws:rds:[a-z0-9-]+:\d+:(cluster-pg|pg|cluster):(.+)$/.exec(arn);
    const found: Pick<ParameterGroupState, "tags"> | undefined =
        m && regionOfArn(arn) === region
            ? m[1] === "cluster"
                ? store.clusters.get(`${region}/${m[2]}`)
                : store.parameterGroup(region, m[1] === "cluster-pg" ? "cluster" : "instance", m[2])
            : undefined;
    return found ?? fault("ResourceNotFoundFault", messages.resourceNotFound(arn));
}

/** AddTagsToResource: sets (or replaces) tags of a parameter group. */
const addTags = handler<AddTagsToResourceCommandInput>((ctx, input) => {
    const group = taggable(ctx, input.ResourceName);
    group.tags ??= new Map();
    for (const t of input.Tags ?? []) if (t.Key !== undefined) group.tags.set(t.Key, t.Value ?? "");
    return {};
});

/** ListTagsForResource: the tags of a parameter group. */
const listTags = handler<ListTagsForResourceCommandInput>((ctx, input) => ({
    TagList: [...(taggable(ctx, input.ResourceName).tags ?? new Map<string, string>())].map(([Key, Value]) => ({
        Key,
        Value,
    })),
}));

export const tagHandlers: Record<string, Handler> = {
    AddTagsToResource: addTags,
    ListTagsForResource: listTags,
};
