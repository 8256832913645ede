import { PolicyResource } from "@pulumi/policy";
import { Role } from "aurora-global/planner";
import { declaredRole, recordedRoles } from "./component-contract";
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

/** Views already built for a stack's resource list: every stack policy of the pack shares them. */
const viewsByStack = new WeakMap<readonly PolicyResource[], GlobalDatabaseView[]>();

/**
 * Groups the stack's resources into global databases. A cluster is a member when its
 * `globalClusterIdentifier` names (or, during a preview, depends on) a global cluster; instances
 * and cluster parameter groups are attached by identifier or by property dependency. Built once
 * per resource list (the pack's stack policies share it) in time linear in the stack's size.
 */
export function findGlobalDatabases(resources: readonly PolicyResource[]): GlobalDatabaseView[] {
    const cached = viewsByStack.get(resources);
    if (cached) return cached;
    const views = buildGlobalDatabases(resources);
    viewsByStack.set(resources, views);
    return views;
}

function buildGlobalDatabases(resources: readonly PolicyResource[]): GlobalDatabaseView[] {
    const globals = resources.filter((r) => r.type === TYPES.globalCluster);
    const clusters = resources.filter((r) => r.type === TYPES.cluster);
    const index = indexStack(resources);
    const groups = new Map<string, { globalCluster?: PolicyResource; clusters: PolicyResource[] }>();
    for (const g of globals)
        groups.set(str(g.props, "globalClusterIdentifier") ?? g.name, { globalCluster: g, clusters: [] });
    for (const c of clusters) {
        const id = globalIdOf(c, globals);
        if (id === undefined) continue;
        if (!groups.has(id)) groups.set(id, { clusters: [] });
        groups.get(id)!.clusters.push(c);
    }
    return [...groups.entries()].map(([identifier, g]) => {
        const component = g.globalCluster ? ancestorOfType(g.globalCluster, TYPES.component) : undefined;
        const members = g.clusters.map((c) => ({
            c,
            instances: instancesOf(c, index),
            parameterGroup: parameterGroupOf(c, index),
        }));
        // Our component's recorded plan has the roles AWS reports (IsWriter); the pack reads no AWS itself.
        const live = component ? recordedRoles(component.props) : new Map<string, Role>();
        const roles = assignRoles(members.map((m) => m.c));
        return {
            identifier,
            ...(g.globalCluster ? { globalCluster: g.globalCluster } : {}),
            ...(component ? { component } : {}),
            members: members.map((m, i) => ({
                resource: m.c,
                identifier: clusterIdentifier(m.c),
                region: regionOf(m.c),
                role: live.get(clusterIdentifier(m.c)) ?? roles[i],
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
    const linked = [...(c.propertyDependencies["globalClusterIdentifier"] ?? []), ...c.dependencies].find(
        (d) => d.type === TYPES.globalCluster,
    );
    if (linked) return str(linked.props, "globalClusterIdentifier") ?? linked.name;
    const id = str(c.props, "globalClusterIdentifier");
    if (!id) return undefined;
    const named = globals.find(
        (g) =>
            str(g.props, "globalClusterIdentifier") === id || str(g.props, "id") === id || str(g.props, "arn") === id,
    );
    return named ? (str(named.props, "globalClusterIdentifier") ?? named.name) : id;
}

/** Instances and cluster parameter groups of a stack, indexed once by what refers to them. */
interface StackIndex {
    readonly position: Map<PolicyResource, number>;
    /** Instances by the `clusterIdentifier` string they name. */
    readonly instancesByName: Map<string, PolicyResource[]>;
    /** Instances by the resource their `clusterIdentifier` depends on. */
    readonly instancesByDependency: Map<PolicyResource, PolicyResource[]>;
    /** Cluster parameter groups by `name` and by `id`. */
    readonly parameterGroupsByName: Map<string, PolicyResource>;
}

function indexStack(resources: readonly PolicyResource[]): StackIndex {
    const index: StackIndex = {
        position: new Map(),
        instancesByName: new Map(),
        instancesByDependency: new Map(),
        parameterGroupsByName: new Map(),
    };
    const push = <K>(map: Map<K, PolicyResource[]>, key: K, r: PolicyResource) =>
        map.set(key, [...(map.get(key) ?? []), r]);
    resources.forEach((r, i) => {
        index.position.set(r, i);
        if (r.type === TYPES.clusterInstance) {
            const name = str(r.props, "clusterIdentifier");
            if (name !== undefined) push(index.instancesByName, name, r);
            for (const target of new Set(r.propertyDependencies["clusterIdentifier"] ?? []))
                push(index.instancesByDependency, target, r);
        } else if (r.type === TYPES.clusterParameterGroup) {
            for (const key of [str(r.props, "name"), str(r.props, "id")]) {
                if (key !== undefined && !index.parameterGroupsByName.has(key)) index.parameterGroupsByName.set(key, r);
            }
        }
    });
    return index;
}

function instancesOf(c: PolicyResource, index: StackIndex): PolicyResource[] {
    const found = new Set(index.instancesByDependency.get(c) ?? []);
    for (const name of new Set([str(c.props, "clusterIdentifier"), str(c.props, "id")])) {
        if (name !== undefined) for (const r of index.instancesByName.get(name) ?? []) found.add(r);
    }
    return [...found].sort((a, b) => index.position.get(a)! - index.position.get(b)!);
}

function parameterGroupOf(c: PolicyResource, index: StackIndex): PolicyResource | undefined {
    const linked = (c.propertyDependencies["dbClusterParameterGroupName"] ?? []).filter(
        (r) => r.type === TYPES.clusterParameterGroup,
    );
    const wanted = str(c.props, "dbClusterParameterGroupName");
    const named = wanted !== undefined ? index.parameterGroupsByName.get(wanted) : undefined;
    const candidates = [...linked, ...(named ? [named] : [])];
    // The first in stack order, as a scan of the stack would find it.
    return candidates.sort((a, b) => index.position.get(a)! - index.position.get(b)!)[0];
}

/**
 * Roles of the members: a role declared by a member component or a `aurora-global:role` tag wins;
 * otherwise the member with master credentials (secondaries of a global cluster have none), else
 * the member the others depend on, else the first one, is the primary.
 */
function assignRoles(clusters: readonly PolicyResource[]): Role[] {
    const declared = clusters.map((c) => roleDeclaredFor(c));
    if (declared.some((r) => r === "primary")) return declared.map((r) => r ?? "secondary");
    const withCredentials = clusters.map(
        (c) => str(c.props, "masterUsername") !== undefined || bool(c.props, "manageMasterUserPassword") === true,
    );
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
