import { RecordedResource } from "./recorder";

/** Short type for display: `aws:rds/cluster:Cluster` → `aws:rds:Cluster`. */
export function shortType(type: string): string {
    const m = /^([^:]+):([^/:]+)\/[^:]+:(.+)$/.exec(type);
    return m ? `${m[1]}:${m[2]}:${m[3]}` : type;
}

/**
 * Renders the recorded resource graph as an indented tree (parent → children, in registration
 * order), with each resource's region, ignoreChanges and the resources it waits for besides its
 * parent, e.g.
 *
 *     aurora (aurora-global:index:AuroraGlobalDatabase)
 *     ├─ aurora-global (aws:rds:GlobalCluster) region=us-east-1 ignoreChanges=[engineVersion]
 */
export function renderResourceTree(resources: readonly RecordedResource[]): string {
    const byUrn = new Map(resources.filter((r) => r.urn).map((r) => [r.urn, r]));
    const children = new Map<string, RecordedResource[]>();
    const roots: RecordedResource[] = [];
    for (const r of resources) {
        if (r.parent && byUrn.has(r.parent)) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
        else roots.push(r);
    }
    const lines: string[] = [];
    const describe = (r: RecordedResource): string => {
        const parts = [`${r.name} (${shortType(r.type)})`];
        if (r.region) parts.push(`region=${r.region}`);
        if (r.ignoreChanges.length > 0) parts.push(`ignoreChanges=[${r.ignoreChanges.join(", ")}]`);
        const waits = explicitWaits(r, byUrn);
        if (waits.length > 0) parts.push(`after=[${waits.join(", ")}]`);
        return parts.join(" ");
    };
    const walk = (r: RecordedResource, prefix: string, last: boolean, root: boolean): void => {
        lines.push(root ? describe(r) : `${prefix}${last ? "└─ " : "├─ "}${describe(r)}`);
        const kids = children.get(r.urn) ?? [];
        const next = root ? "" : `${prefix}${last ? "   " : "│  "}`;
        kids.forEach((k, i) => walk(k, next, i === kids.length - 1, false));
    };
    roots.forEach((r) => walk(r, "", true, true));
    return lines.join("\n");
}

/** Names of what a resource waits for beyond its parent and its input dependencies, de-duplicated. */
function explicitWaits(r: RecordedResource, byUrn: Map<string, RecordedResource>): string[] {
    const fromInputs = new Set(Object.values(r.propertyDependencies).flat());
    const names = r.dependencies
        .filter((urn) => urn !== r.parent && !fromInputs.has(urn))
        .map((urn) => byUrn.get(urn))
        .filter((d): d is RecordedResource => d !== undefined && d.custom)
        .map((d) => d.name);
    return [...new Set(names)];
}
