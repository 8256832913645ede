/**
 * Unknown preview values, represented the way the policy runtime represents them: the
 * sentinels and the throwing proxy of `@pulumi/policy` (internal module `proxy`, loaded at run
 * time because its typings are not published).
 */

// eslint-disable-next-line @typescript-eslint/no-require-imports
const proxy = require("@pulumi/policy/proxy") as {
    unknownCheckingProxy<T extends object>(value: T): T;
    unknownStringValue: string;
    unknownObjectValue: string;
    unknownArrayValue: string;
    unknownBooleanValue: string;
    unknownNumberValue: string;
};

/** Marks a value as unknown during the preview (a computed output of a resource not created yet). */
export const UNKNOWN: unique symbol = Symbol.for("aurora-global.policy.unknown");

/** Wraps props like the policy runtime does: reading an unknown value throws `UnknownValueError`. */
export function asPolicyProps(props: Record<string, unknown>): Record<string, unknown> {
    return proxy.unknownCheckingProxy(toSentinels(props) as Record<string, unknown>);
}

/** Replaces every {@link UNKNOWN} with the runtime's unknown sentinel. */
function toSentinels(v: unknown): unknown {
    if (v === UNKNOWN) return proxy.unknownStringValue;
    if (Array.isArray(v)) return v.map(toSentinels);
    if (v !== null && typeof v === "object")
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toSentinels(x)]));
    return v;
}
