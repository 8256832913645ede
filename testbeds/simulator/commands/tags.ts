import type { AddTagsToResourceCommandInput, ListTagsForResourceCommandInput } from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { ParameterGroupState } from "../model";
import { regionOfArn } from "../topology";
import { handler, Handler, HandlerContext } from "./context";

/**
 * The parameter group an ARN names (`arn:aws:rds:<region>:<account>:cluster-pg:<name>` or `:pg:`).
 * Tags are modeled on parameter groups only; any other ARN is refused as not found.
 */
function taggable({ store, region }: HandlerContext, arn: string | undefined): ParameterGroupState {
    if (!arn) return fault("InvalidParameterValue", messages.missingParameter("ResourceName"));
    const m = /^arn:aws:rds:[a-z0-9-]+:\d+:(cluster-pg|pg):(.+)$/.exec(arn);
    const group =
        m && regionOfArn(arn) === region
            ? store.parameterGroup(region, m[1] === "cluster-pg" ? "cluster" : "instance", m[2])
            : undefined;
    return group ?? fault("ResourceNotFoundFault", messages.resourceNotFound(arn));
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
