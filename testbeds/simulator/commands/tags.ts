import type {
    AddTagsToResourceCommandInput,
    ListTagsForResourceCommandInput,
    RemoveTagsFromResourceCommandInput,
} from "@aws-sdk/client-rds";
import { fault, messages } from "../aws-errors";
import { regionOfArn } from "../topology";
import { handler, Handler, HandlerContext } from "./context";

/** Something that carries tags. */
interface Taggable {
    tags?: Map<string, string>;
}

/**
 * The resource an ARN names. Tags are modeled on parameter groups
 * (`arn:aws:rds:<region>:<account>:cluster-pg:<name>` or `:pg:`) and DB clusters (`:cluster:`),
 * which live in their region, and on global clusters (`arn:aws:rds::<account>:global-cluster:<id>`:
 * no region in the ARN, the resource is global, so any region's endpoint answers; AWS's
 * "Constructing an ARN in Amazon RDS" lists `global-cluster` among the ARN resource types,
 * CreateGlobalCluster takes `Tags`, and the service authorization reference lists `global-cluster`
 * as a resource of AddTagsToResource, ListTagsForResource and RemoveTagsFromResource). Any other
 * ARN is refused as not found.
 */
function taggable({ store, region }: HandlerContext, arn: string | undefined): Taggable {
    if (!arn) return fault("InvalidParameterValue", messages.missingParameter("ResourceName"));
    const global = /^arn:aws:rds::\d+:global-cluster:(.+)$/.exec(arn);
    if (global) {
        const g = store.globals.get(global[1]);
        return g && g.arn === arn ? g : fault("GlobalClusterNotFoundFault", messages.globalNotFound(global[1]));
    }
    const m = /^arn:aws:rds:[a-z0-9-]+:\d+:(cluster-pg|pg|cluster):(.+)$/.exec(arn);
    const found: Taggable | undefined =
        m && regionOfArn(arn) === region
            ? m[1] === "cluster"
                ? store.clusters.get(`${region}/${m[2]}`)
                : store.parameterGroup(region, m[1] === "cluster-pg" ? "cluster" : "instance", m[2])
            : undefined;
    return found ?? fault("ResourceNotFoundFault", messages.resourceNotFound(arn));
}

/**
 * Tag keys and values as AWS's Tag data type allows them: key 1-128 characters, value 0-256,
 * neither prefixed with `aws:` or `rds:`, only Unicode letters, digits, white space and
 * `_ . : / = + - @` (API_Tag: "^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$").
 */
const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

function checkTag(key: string | undefined, value: string | undefined): void {
    if (key === undefined || key.length < 1 || key.length > 128 || !TAG_TEXT.test(key) || /^(aws|rds):/i.test(key))
        fault("InvalidParameterValue", messages.invalidTag("key", key ?? ""));
    const v = value ?? "";
    if (v.length > 256 || !TAG_TEXT.test(v) || /^(aws|rds):/i.test(v))
        fault("InvalidParameterValue", messages.invalidTag("value", v));
}

/** AddTagsToResource: sets (or replaces) tags; a key that exists gets the new value (last writer wins). */
const addTags = handler<AddTagsToResourceCommandInput>((ctx, input) => {
    const resource = taggable(ctx, input.ResourceName);
    for (const t of input.Tags ?? []) checkTag(t.Key, t.Value);
    resource.tags ??= new Map();
    for (const t of input.Tags ?? []) if (t.Key !== undefined) resource.tags.set(t.Key, t.Value ?? "");
    return {};
});

/** ListTagsForResource: the tags of a resource. */
const listTags = handler<ListTagsForResourceCommandInput>((ctx, input) => ({
    TagList: [...(taggable(ctx, input.ResourceName).tags ?? new Map<string, string>())].map(([Key, Value]) => ({
        Key,
        Value,
    })),
}));

/** RemoveTagsFromResource: removes the named keys; a key that is not there is ignored, as AWS does. */
const removeTags = handler<RemoveTagsFromResourceCommandInput>((ctx, input) => {
    const resource = taggable(ctx, input.ResourceName);
    for (const key of input.TagKeys ?? []) resource.tags?.delete(key);
    return {};
});

export const tagHandlers: Record<string, Handler> = {
    AddTagsToResource: addTags,
    ListTagsForResource: listTags,
    RemoveTagsFromResource: removeTags,
};
