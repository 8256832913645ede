/**
 * Pulumi-native waves: each stack of `select.stacks` gets the rollout's version in its config,
 * a preview with the policy pack (a failed preview, e.g. a mandatory policy violation, blocks the
 * wave), then `up`. A small interface, so the rollout logic is tested with a fake; the real one
 * drives the Pulumi CLI through the Automation API.
 */
export interface StackDriver {
    /** Sets `aurora-global:engineVersion` in the stack's config. */
    setEngineVersion(stack: string, version: string): Promise<void>;
    /** `pulumi preview --policy-pack …`: ok, or why it is blocked (the preview's own words). */
    preview(stack: string): Promise<{ readonly ok: true } | { readonly ok: false; readonly reason: string }>;
    /** `pulumi up`: the stack's upgrade steps run the one-database upgrade. Throws when it fails. */
    up(stack: string): Promise<void>;
}

/** Where a rollout's stacks live and which policy packs their previews run, and where their output goes. */
export interface StackSettings {
    readonly workDir: string;
    readonly policyPacks: readonly string[];
    readonly log: (line: string) => void;
}

export type StackDriverFactory = (settings: StackSettings) => StackDriver;

/** The stack config key the program reads its engine version from (Pulumi.yaml `config: engineVersion`). */
export const ENGINE_VERSION_CONFIG = "aurora-global:engineVersion";

/** The last lines of a failed Pulumi command's output: where it says why. */
export function lastLines(text: string, n = 12): string {
    return text.trim().split("\n").slice(-n).join("\n");
}

/** A StackDriver over the Automation API (`@pulumi/pulumi/automation`), on the Pulumi CLI found on PATH. */
export const automationStacks: StackDriverFactory = (settings) => {
    const select = async (stackName: string) => {
        // Loaded on first use: `fleet` over global clusters never needs the Pulumi CLI.
        const { LocalWorkspace } = await import("@pulumi/pulumi/automation");
        return LocalWorkspace.selectStack({ stackName, workDir: settings.workDir });
    };
    const output = (stack: string) => (out: string) =>
        out
            .split("\n")
            .filter((l) => l.trim().length > 0)
            .forEach((l) => settings.log(`[${stack}] ${l}`));
    return {
        setEngineVersion: async (stack, version) => {
            await (await select(stack)).setConfig(ENGINE_VERSION_CONFIG, { value: version });
        },
        preview: async (stack) => {
            try {
                await (
                    await select(stack)
                ).preview({ policyPacks: [...settings.policyPacks], onOutput: output(stack) });
                return { ok: true };
            } catch (e) {
                return { ok: false, reason: lastLines(e instanceof Error ? e.message : String(e)) };
            }
        },
        up: async (stack) => {
            await (await select(stack)).up({ onOutput: output(stack) });
        },
    };
};
