import { isOptInType, OptInType, OPT_IN_TYPES } from "../vocabulary";
import { OptionName, OptionSpec, UPGRADE_OPTIONS } from "./table";

/**
 * A value an option does not take: the field as the caller's user wrote it (`--strategy`,
 * `upgrade.strategy`, `aurora-global:upgradeStrategy`), the value, what the option takes, and the fix.
 */
export interface OptionProblem {
    /** The rule id of the option (the component reports it under this id). */
    readonly rule: string;
    readonly field: string;
    readonly value: unknown;
    /** What a good value is: `a strategy`, `a whole number from 1 to 3600`. */
    readonly expected: string;
    readonly fix: string;
}

/** The value read (undefined when not given), or the problem. */
export type OptionResult<T> =
    { readonly ok: true; readonly value: T | undefined } | { readonly ok: false; readonly problem: OptionProblem };

/** `text`: a command-line or stack-config string (`"15"` is 15); `value`: a typed value (component args, the pack's props). */
export type Written = "text" | "value";

type ValueOf<S> = S extends { kind: "enum"; values: readonly (infer V)[] }
    ? V
    : S extends { kind: "whole-number" }
      ? number
      : S extends { kind: "boolean" }
        ? boolean
        : false | OptInType;

export type OptionValue<N extends OptionName> = ValueOf<(typeof UPGRADE_OPTIONS)[N]>;

/** A value as messages show it: JSON where it has one (strings quoted), else its String. */
export function shown(value: unknown): string {
    if (typeof value === "number" && !Number.isFinite(value)) return String(value);
    try {
        return JSON.stringify(value) ?? String(value);
    } catch {
        return String(value);
    }
}

/** Quoted and joined with "or": `"a", "b" or "c"`. */
export const oneOf = (values: readonly unknown[]): string =>
    values.length === 1 ? shown(values[0]) : `${values.slice(0, -1).map(shown).join(", ")} or ${shown(values.at(-1))}`;

/** The one rendering of an option problem: `<field> <value> is not <expected>: <fix>`. */
export function renderProblem(p: OptionProblem): string {
    return `${p.field} ${shown(p.value)} is not ${p.expected}: ${p.fix}`;
}

const WHOLE = /^\d+$/;

/** The value `raw` stands for under `spec`, or undefined when it is not one. */
function accepted(spec: OptionSpec, raw: unknown, written: Written): { value: unknown } | undefined {
    switch (spec.kind) {
        case "enum":
            return typeof raw === "string" && spec.values.includes(raw) ? { value: raw } : undefined;
        case "whole-number": {
            const n =
                written === "text" && typeof raw === "string" && WHOLE.test(raw.trim()) ? Number(raw.trim()) : raw;
            return typeof n === "number" && Number.isInteger(n) && n >= spec.bounds.min && n <= spec.bounds.max
                ? { value: n }
                : undefined;
        }
        case "boolean":
            return typeof raw === "boolean" ? { value: raw } : undefined;
        case "opt-in": {
            const v = written === "text" && raw === "false" ? false : raw;
            return v === false || isOptInType(v) ? { value: v } : undefined;
        }
    }
}

/** What `spec` takes and how to give it. */
function expectation(spec: OptionSpec): Pick<OptionProblem, "expected" | "fix"> {
    switch (spec.kind) {
        case "enum":
            return { expected: spec.noun, fix: `use ${oneOf(spec.values)}${spec.hint ? ` (${spec.hint})` : ""}` };
        case "whole-number": {
            const { min, max } = spec.bounds;
            return {
                expected: `a whole number from ${min} to ${max}`,
                fix: `give the ${spec.meaning}, e.g. ${spec.example}`,
            };
        }
        case "boolean":
            return { expected: "a boolean", fix: "use true or false" };
        case "opt-in":
            return { expected: "an opt-in", fix: `use ${oneOf([false, ...OPT_IN_TYPES])}` };
    }
}

/** Any boolean input (the component's `storageEncrypted`, `deletionProtection`), read as the upgrade options' are. */
export const BOOLEAN_VALUE: OptionSpec = { kind: "boolean", rule: "boolean", default: false };

/** Reads `raw` against `spec`; `field` is the name the user wrote. Undefined is "not given". */
export function checkValue(spec: OptionSpec, field: string, raw: unknown, written: Written): OptionResult<unknown> {
    if (raw === undefined) return { ok: true, value: undefined };
    const ok = accepted(spec, raw, written);
    return ok
        ? { ok: true, value: ok.value }
        : { ok: false, problem: { rule: spec.rule, field, value: raw, ...expectation(spec) } };
}

/** Reads one upgrade option, as `field` (the caller's name for it). */
export function parseOption<N extends OptionName>(
    name: N,
    field: string,
    raw: unknown,
    written: Written,
): OptionResult<OptionValue<N>> {
    return checkValue(UPGRADE_OPTIONS[name], field, raw, written) as OptionResult<OptionValue<N>>;
}

/** The option's default (undefined: the run chooses, e.g. adaptive polling). */
export function optionDefault<N extends OptionName>(name: N): OptionValue<N> | undefined {
    return (UPGRADE_OPTIONS[name] as OptionSpec).default as OptionValue<N> | undefined;
}
