import { PolicyConfigSchema } from "@pulumi/policy";

/**
 * A policy's configuration with the defaults of its schema filled in, so a policy behaves the
 * same whether or not the Pulumi CLI applied the schema defaults before calling it.
 */
export function configWithDefaults<T extends object>(
    args: { getConfig<C extends object>(): C },
    schema: PolicyConfigSchema,
): T {
    const defaults: Record<string, unknown> = {};
    for (const [key, prop] of Object.entries(schema.properties)) {
        if (prop.default !== undefined) defaults[key] = prop.default;
    }
    return { ...defaults, ...args.getConfig<Record<string, unknown>>() } as T;
}
