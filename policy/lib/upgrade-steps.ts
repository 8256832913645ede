import { PolicyResource } from "@pulumi/policy";
import { isUpgradeAction, StepAction, StepRole } from "aurora-global/vocabulary";
import { recordedSteps } from "./component-contract";
import { ancestorOfType } from "./global-topology";
import { TYPES } from "./resource-types";

/** One upgrade step command of our component, classified. */
export interface StepView {
    readonly resource: PolicyResource;
    readonly action: StepAction | "unknown";
    readonly role: StepRole | "unknown";
    readonly cluster?: string;
}

/** The upgrade step commands under each of our components, keyed by the component. */
export function stepsByComponent(resources: readonly PolicyResource[]): Map<PolicyResource, StepView[]> {
    const out = new Map<PolicyResource, StepView[]>();
    for (const r of resources) {
        if (r.type !== TYPES.command) continue;
        const component = ancestorOfType(r, TYPES.component);
        if (!component) continue;
        if (!out.has(component)) out.set(component, []);
        out.get(component)!.push(classify(r, component));
    }
    return out;
}

/**
 * Classifies a step: by the component's `upgradeSteps` output (matched on the resource name),
 * else by the words in its name.
 */
export function classify(r: PolicyResource, component?: PolicyResource): StepView {
    const prefix = component ? `${component.name}-upgrade-` : undefined;
    const spec =
        prefix && r.name.startsWith(prefix)
            ? recordedSteps(component!.props).find((s) => s.key === r.name.slice(prefix.length))
            : undefined;
    if (spec)
        return {
            resource: r,
            action: spec.action,
            role: spec.role,
            ...(spec.cluster ? { cluster: spec.cluster } : {}),
        };
    const name = (prefix && r.name.startsWith(prefix) ? r.name.slice(prefix.length) : r.name).toLowerCase();
    const byName: StepView["action"] = name.includes("snapshot")
        ? "snapshot"
        : name.includes("blue-green")
          ? "blue-green-switchover"
          : name.includes("global")
            ? "modify-global-cluster"
            : name.includes("primary") || name.includes("secondary")
              ? "modify-db-cluster"
              : "unknown";
    const roleByName: StepView["role"] = name.includes("blue-green")
        ? "global"
        : name.includes("secondary")
          ? "secondary"
          : name.includes("primary")
            ? "primary"
            : name.includes("global")
              ? "global"
              : "unknown";
    return {
        resource: r,
        action: byName,
        role: roleByName,
    };
}

/** True for a step that changes a member's or the global cluster's version or patch level. */
export function isUpgradeStep(s: StepView): boolean {
    return isUpgradeAction(s.action);
}

/** True when `from` depends on `on`, directly or through other resources. */
export function dependsOn(from: PolicyResource, on: PolicyResource): boolean {
    const seen = new Set<PolicyResource>();
    const stack = [...from.dependencies];
    while (stack.length > 0) {
        const r = stack.pop()!;
        if (r === on) return true;
        if (seen.has(r)) continue;
        seen.add(r);
        stack.push(...r.dependencies);
    }
    return false;
}

/** A step's name for messages: the resource name and, when known, the cluster. */
export function stepName(s: StepView): string {
    return s.cluster ? `"${s.resource.name}" (cluster "${s.cluster}")` : `"${s.resource.name}"`;
}
