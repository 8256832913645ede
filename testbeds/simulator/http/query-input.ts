import { NormalizedSchema } from "@smithy/core/schema";
import type { Schema } from "@smithy/types";

/**
 * The command input of an RDS query-protocol request (`Action=…&Version=…&Filters.Filter.1.Name=…`),
 * read back with the SDK's own schema: the inverse of `@aws-sdk/core`'s `QueryShapeSerializer`
 * (awsQuery: a member's key is its `xmlName` or its name; a list's items are
 * `<key>.<item xmlName or "member">.<n>`, or `<key>.<n>` when flattened; a map's are
 * `<key>.entry.<n>.key|value`; an empty list is `<key>=`).
 */
export function queryInput(schema: Schema, params: URLSearchParams): Record<string, unknown> {
    const flat = new Map<string, string>();
    for (const [key, value] of params) if (key !== "Action" && key !== "Version") flat.set(key, value);
    return (readValue(NormalizedSchema.of(schema), flat, "") ?? {}) as Record<string, unknown>;
}

type Params = ReadonlyMap<string, string>;

function readValue(ns: NormalizedSchema, params: Params, key: string): unknown {
    if (ns.isStructSchema()) return readStruct(ns, params, key);
    if (ns.isListSchema()) return readList(ns, params, key);
    if (ns.isMapSchema()) return readMap(ns, params, key);
    const text = params.get(key);
    if (text === undefined) return undefined;
    return readScalar(ns, text);
}

function readScalar(ns: NormalizedSchema, text: string): unknown {
    if (ns.isBooleanSchema()) return text === "true";
    if (ns.isNumericSchema()) return Number(text);
    if (ns.isTimestampSchema()) return new Date(/^\d+(\.\d+)?$/.test(text) ? Number(text) * 1000 : text);
    if (ns.isBlobSchema()) return Buffer.from(text, "base64");
    return text;
}

function hasKeysUnder(params: Params, key: string): boolean {
    const prefix = `${key}.`;
    for (const k of params.keys()) if (!key || k.startsWith(prefix)) return true;
    return false;
}

function readStruct(ns: NormalizedSchema, params: Params, key: string): Record<string, unknown> | undefined {
    if (key && !hasKeysUnder(params, key)) return undefined;
    const out: Record<string, unknown> = {};
    for (const [memberName, member] of ns.structIterator()) {
        const name = member.getMergedTraits().xmlName ?? memberName;
        const value = readValue(member, params, key ? `${key}.${name}` : name);
        if (value !== undefined) out[memberName] = value;
    }
    return out;
}

/** The item indices present under `prefix` (`prefix1…`, `prefix2…`), in order. */
function indicesUnder(params: Params, prefix: string): number[] {
    const found = new Set<number>();
    for (const k of params.keys()) {
        if (!k.startsWith(prefix)) continue;
        const m = /^(\d+)(\.|$)/.exec(k.slice(prefix.length));
        if (m) found.add(Number(m[1]));
    }
    return [...found].sort((a, b) => a - b);
}

function readList(ns: NormalizedSchema, params: Params, key: string): unknown[] | undefined {
    if (params.get(key) === "") return [];
    const item = ns.getValueSchema();
    const flat = ns.getMergedTraits().xmlFlattened;
    const prefix = flat ? `${key}.` : `${key}.${item.getMergedTraits().xmlName ?? "member"}.`;
    const indices = indicesUnder(params, prefix);
    if (indices.length === 0) return undefined;
    return indices.map((i) => readValue(item, params, `${prefix}${i}`));
}

function readMap(ns: NormalizedSchema, params: Params, key: string): Record<string, unknown> | undefined {
    const flat = ns.getMergedTraits().xmlFlattened;
    const prefix = flat ? `${key}.` : `${key}.entry.`;
    const keyName = ns.getKeySchema().getMergedTraits().xmlName ?? "key";
    const valueName = ns.getValueSchema().getMergedTraits().xmlName ?? "value";
    const indices = indicesUnder(params, prefix);
    if (indices.length === 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const i of indices) {
        const k = params.get(`${prefix}${i}.${keyName}`);
        if (k !== undefined) out[k] = readValue(ns.getValueSchema(), params, `${prefix}${i}.${valueName}`);
    }
    return out;
}
