import { GROUP_FLAGS } from "./flags";

/**
 * Explicit target-family groups by member cluster identifier, from the hidden flags
 * `--cluster-parameter-group CLUSTER=NAME` and `--instance-parameter-group CLUSTER=NAME`. They win
 * over the derived names and over the tags: the manual way to finish a major upgrade whose groups
 * aurora-global cannot find (made by hand, or by a version that did not tag them yet).
 */
export interface GroupOverrides {
    readonly cluster?: Readonly<Record<string, string>>;
    readonly instance?: Readonly<Record<string, string>>;
}

/** `--cluster-parameter-group CLUSTER=NAME …` and `--instance-parameter-group CLUSTER=NAME …`. */
export function groupArgs(groups: GroupOverrides | undefined): string[] {
    return (["cluster", "instance"] as const).flatMap((kind) =>
        Object.entries(groups?.[kind] ?? {}).flatMap(([cluster, name]) => [GROUP_FLAGS[kind], `${cluster}=${name}`]),
    );
}
