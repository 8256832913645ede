import { PolicyResource } from "@pulumi/policy";
import { Role } from "../../planner";
import { declaredRole } from "./component-contract";
import { bool, str, tag } from "./props";
import { TAGS, TYPES } from "./resource-types";

/** One member cluster of a global database, with what belongs to it. */
export interface MemberView {
    readonly resource: PolicyResource;
    /** DB cluster identifier (`clusterIdentifier`, else the resource name). */
    readonly identifier: string;
    readonly region: string;
    readonly role: Role;
    readonly instances: readonly PolicyResource[];
    /** The cluster parameter group the member uses, when it is in the program. */
    readonly parameterGroup?: PolicyResource;
}

/** A global database as the stack declares it: global cluster, component (if ours) and members. */
export interface GlobalDatabaseView {
    readonly identifier: string;
    readonly globalCluster?: PolicyResource;
    readonly component?: PolicyResource;
    readonly members: readonly MemberView[];
}

/**
 * Groups the stack's resources into global databases. A cluster is a member when its
 * `globalClusterIdentifier` names (or, during a preview, depends on) a global cluster; instances
 * and cluster parameter groups are attached by identifier or by property dependency.
 */
export function findGlobalDatabases(resources: readonly PolicyResource[]): GlobalDatabaseView[] {
    const globals = resources.filter((r) => r.type === TYPES.globalCluster);
    const clusters = resources.filter((r) => r.type === TYPES.cluster);
    const groups = new Map<string, { globalCluster?: PolicyResource; clusters: PolicyResource[] }>();
    for (const g of globals) groups.set(str(g.props, "globalClusterIdentifier") ?? g.name, { globalCluster: g, clusters: [] });
    for (const c of clusters) {
        const id = globalIdOf(c, globals);
        if (id === undefined) continue;
        if (!groups.has(id)) groups.set(id, { clusters: [] });
        groups.get(id)!.clusters.push(c);
    }
    return [...groups.entries()].map(([identifier, g]) => {
        const component = g.globalCluster ? ancestorOfType(g.globalCluster, TYPES.component) : undefined;
        const members = g.clusters.map((c) => ({ c, instances: instancesOf(c, resources), parameterGroup: parameterGroupOf(c, resources) }));
        const roles = assignRoles(members.map((m) => m.c));
        return {
            identifier,
            ...(g.globalCluster ? { globalCluster: g.globalCluster } : {}),
            ...(component ? { component } : {}),
            members: members.map((m, i) => ({
                resource: m.c,
                identifier: clusterIdentifier(m.c),
                region: regionOf(m.c),
                role: roles[i],
                instances: m.instances,
                ...(m.parameterGroup ? { parameterGroup: m.parameterGroup } : {}),
            })),
        };
    });
}

/** The DB cluster identifier of a cluster resource. */
export function clusterIdentifier(r: PolicyResource): string {
    return str(r.props, "clusterIdentifier") ?? r.name;
}

/** The region a resource is placed in: its own `region`, its provider's, a parent's, or "unknown region". */
export function regionOf(r: PolicyResource): string {
    const own = str(r.props, "region") ?? str(r.provider?.props, "region");
    if (own) return own;
    for (let p = r.parent; p; p = p.parent) {
        const region = str(p.props, "region");
        if (region) return region;
    }
    return "unknown region";
}

/** The nearest ancestor of the given type. */
export function ancestorOfType(r: PolicyResource, type: string): PolicyResource | undefined {
    for (let p = r.parent; p; p = p.parent) if (p.type === type) return p;
    return undefined;
}

function globalIdOf(c: PolicyResource, globals: readonly PolicyResource[]): string | undefined {
    const linked = [...(c.propertyDependencies["globalClusterIdentifier"] ?? []), ...c.dependencies].find((d) => d.type === TYPES.globalCluster);
    if (linked) return str(linked.props, "globalClusterIdentifier") ?? linked.name;
    const id = str(c.props, "globalClusterIdentifier");
    if (!id) return undefined;
    const named = globals.find((g) => str(g.props, "globalClusterIdentifier") === id || str(g.props, "id") === id || str(g.props, "arn") === id);
    return named ? (str(named.props, "globalClusterIdentifier") ?? named.name) : id;
}

function refersTo(r: PolicyResource, key: string, target: PolicyResource, names: readonly (string | undefined)[]): boolean {
    if ((r.propertyDependencies[key] ?? []).includes(target)) return true;
    const v = str(r.props, key);
    return v !== undefined && names.includes(v);
}

function instancesOf(c: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
    const names = [str(c.props, "clusterIdentifier"), str(c.props, "id")];
    return resources.filter((r) => r.type === TYPES.clusterInstance && refersTo(r, "clusterIdentifier", c, names));
}

function parameterGroupOf(c: PolicyResource, resources: readonly PolicyResource[]): PolicyResource | undefined {
    const wanted = str(c.props, "dbClusterParameterGroupName");
    return resources.find(
        (r) =>
            r.type === TYPES.clusterParameterGroup &&
            ((c.propertyDependencies["dbClusterParameterGroupName"] ?? []).includes(r) ||
                (wanted !== undefined && (str(r.props, "name") === wanted || str(r.props, "id") === wanted))),
    );
}

/**
 * Roles of the members: a role declared by a member component or a `aurora-global:role` tag wins;
 * otherwise the member with master credentials (secondaries of a global cluster have none), else
 * the member the others depend on, else the first one, is the primary.
 */
function assignRoles(clusters: readonly PolicyResource[]): Role[] {
    const declared = clusters.map((c) => roleDeclaredFor(c));
    if (declared.some((r) => r === "primary")) return declared.map((r) => r ?? "secondary");
    const withCredentials = clusters.map((c) => str(c.props, "masterUsername") !== undefined || bool(c.props, "manageMasterUserPassword") === true);
    let primary = withCredentials.filter(Boolean).length === 1 ? withCredentials.indexOf(true) : -1;
    if (primary < 0) primary = clusters.findIndex((c) => clusters.some((o) => o !== c && o.dependencies.includes(c)));
    if (primary < 0) primary = declared.indexOf(undefined);
    return clusters.map((_, i) => declared[i] ?? (i === primary ? "primary" : "secondary"));
}

function roleDeclaredFor(c: PolicyResource): Role | undefined {
    const tagged = tag(c.props, TAGS.role);
    if (tagged === "primary" || tagged === "secondary") return tagged;
    for (let p = c.parent; p; p = p.parent) {
        if (p.type === TYPES.component) break;
        const role = declaredRole(p.props);
        if (role) return role;
    }
    return undefined;
}
