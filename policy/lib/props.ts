/**
 * Reading resource properties the way the policy runtime hands them over. During a preview a
 * property that depends on a resource not created yet is unknown, and the runtime's proxy throws
 * when such a property is read; an escaping throw turns a whole policy into an advisory "can't
 * run during preview". Every read in the pack goes through these helpers instead.
 */

type Props = Record<string, unknown>;

/** True for the error the policy runtime throws when an unknown preview value is read. */
export function isUnknownValueError(e: unknown): boolean {
    return e instanceof Error && e.constructor?.name === "UnknownValueError";
}

/** Runs `read`; an unknown preview value gives `fallback`. */
export function safely<T>(read: () => T, fallback: T): T {
    try {
        return read();
    } catch (e) {
        if (isUnknownValueError(e)) return fallback;
        throw e;
    }
}

/** True when the property is present but unknown during the preview. */
export function isUnknown(props: Props, key: string): boolean {
    return safely(() => {
        void props[key];
        return false;
    }, true);
}

/** A property's value, or undefined when absent or unknown. */
export function value(props: Props, key: string): unknown {
    return safely(() => plain(props[key]), undefined);
}

/** A non-empty string property, or undefined. */
export function str(props: Props | undefined, key: string): string | undefined {
    if (!props) return undefined;
    const v = value(props, key);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
}

/** A boolean property, or undefined. */
export function bool(props: Props | undefined, key: string): boolean | undefined {
    if (!props) return undefined;
    const v = value(props, key);
    return typeof v === "boolean" ? v : undefined;
}

/** An object property (a plain copy, unknown nested values dropped), or undefined. */
export function obj(props: Props | undefined, key: string): Props | undefined {
    if (!props) return undefined;
    const v = value(props, key);
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Props) : undefined;
}

/** An array property (a plain copy, unknown elements dropped), or an empty array. */
export function list(props: Props | undefined, key: string): unknown[] {
    if (!props) return [];
    const v = value(props, key);
    return Array.isArray(v) ? v : [];
}

/** A tag value of a resource (`tags` input or output), or undefined. */
export function tag(props: Props | undefined, name: string): string | undefined {
    return str(obj(props, "tags"), name);
}

/** True when `prop` is listed in the resource's `ignoreChanges` (or `*` is). */
export function isIgnored(opts: { readonly ignoreChanges?: readonly string[] } | undefined, prop: string): boolean {
    return (opts?.ignoreChanges ?? []).some((p) => p === prop || p === "*");
}

/** A deep plain copy of a (possibly proxied) value, leaving out unknown parts. */
function plain(v: unknown): unknown {
    if (v === null || typeof v !== "object") return v;
    if (Array.isArray(v)) {
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) {
            const item = safely(() => plain(v[i]), UNKNOWN_MARK);
            if (item !== UNKNOWN_MARK) out.push(item);
        }
        return out;
    }
    const out: Props = {};
    for (const key of Object.keys(v)) {
        const item = safely(() => plain((v as Props)[key]), UNKNOWN_MARK);
        if (item !== UNKNOWN_MARK) out[key] = item;
    }
    return out;
}

const UNKNOWN_MARK = Symbol("unknown");
