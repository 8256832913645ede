import { oneOf, shown } from "../../upgrade-options";
import { AuroraGlobalDatabaseArgs, MemberArgs } from "./args";

/** A problem before its rule id is attached: the property path and the message. */
export type Found = { readonly path: string; readonly message: string };

/**
 * One input rule of {@link AuroraGlobalDatabaseArgs} (aws-cdk style: one table, every failure
 * reported together, each with a stable id). Rules are about malformed input only; whether a
 * version *change* is allowed is the planner's business (planner/rules.ts), never repeated here.
 * `name` is the component's name (the default global cluster identifier).
 */
export interface ArgsRule {
    readonly id: string;
    readonly check: (args: AuroraGlobalDatabaseArgs, name: string) => readonly Found[];
}

/** A value as messages show it: JSON where it has one (strings quoted), else its String (the option parser's). */
export const q = shown;

export const found = (path: string, message: string): Found => ({ path, message });

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

export { oneOf };

/** Every declared member (an object) with its property path. */
export function members(args: AuroraGlobalDatabaseArgs): { path: string; member: MemberArgs }[] {
    const list: { path: string; member: MemberArgs }[] = [];
    if (isObject(args.primary)) list.push({ path: "primary", member: args.primary as unknown as MemberArgs });
    if (Array.isArray(args.secondaries))
        args.secondaries.forEach((member: unknown, i) => {
            if (isObject(member)) list.push({ path: `secondaries[${i}]`, member: member as unknown as MemberArgs });
        });
    return list;
}

/** An AWS identifier (DB cluster, global cluster): CreateDBCluster's DBClusterIdentifier constraints. */
export const IDENTIFIER = /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]{0,62}$/;

export function identifier(path: string, value: unknown): Found[] {
    if (value === undefined) return [];
    return typeof value === "string" && IDENTIFIER.test(value) && !value.endsWith("-")
        ? []
        : [
              found(
                  path,
                  `${path} ${q(value)} is not a valid identifier: use 1–63 letters, digits or hyphens, starting with a letter, without "--" or a trailing hyphen`,
              ),
          ];
}
