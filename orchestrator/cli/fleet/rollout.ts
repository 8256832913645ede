import { Target } from "../../../engine-versions";
import { Engine, Strategy } from "../../../vocabulary";

/**
 * A rollout file (`rollout.yaml`), validated: one engine bump across many global databases (or
 * Pulumi stacks), wave by wave. The rules every field must satisfy are one table (rollout-rules.ts).
 */
export interface Rollout {
    /** Names the rollout in the tag on each global cluster (default: the file's name without extension). */
    readonly name: string;
    /** The rollout file's directory: gate.command runs there, pulumi paths are relative to it. */
    readonly directory: string;
    /** The version each engine's databases are upgraded to, read once with the file (readTarget). */
    readonly target: Readonly<Partial<Record<Engine, Target>>>;
    readonly strategy: Strategy;
    /** `upgrade --allow-major`. */
    readonly allowMajor: boolean;
    /** Where to find global clusters: their writers' regions. */
    readonly regions: readonly string[];
    /** A blocked database is left out instead of blocking its wave. */
    readonly skipBlocked: boolean;
    readonly waves: readonly Wave[];
    readonly gate?: Gate;
    /** Pulumi-native waves: the project directory and the policy packs of the preview. */
    readonly pulumi: PulumiSettings;
}

export interface Wave {
    readonly name: string;
    readonly select: Selection;
    /** Minutes to wait after the wave, before its health gate and the next wave. */
    readonly bakeMinutes: number;
    /** Databases upgraded at once inside the wave. */
    readonly maxParallel: number;
}

export type Selection =
    | { readonly kind: "tags"; readonly tags: Readonly<Record<string, string>> }
    | { readonly kind: "globalClusters"; readonly globalClusters: readonly string[] }
    | { readonly kind: "stacks"; readonly stacks: readonly string[] };

export interface Gate {
    /** Run after each wave's bake time; must exit 0. Gets the wave's database ids in its environment. */
    readonly command?: string;
    readonly timeoutMinutes: number;
}

export interface PulumiSettings {
    readonly workDir: string;
    readonly policyPacks: readonly string[];
}

/** Bounds and defaults of the rollout file's numbers: the rule table and the docs quote them. */
export const LIMITS = {
    /** A day at most between waves: longer bakes are separate rollouts. */
    bakeMinutes: { min: 0, max: 1440, default: 0 },
    /** At most 50 databases at once: the bench's wave (3 regions, under 5 requests/s per region). */
    maxParallel: { min: 1, max: 50, default: 5 },
    gateTimeoutMinutes: { min: 1, max: 120, default: 15 },
} as const;

export const DEFAULT_POLICY_PACKS = ["policy"] as const;
