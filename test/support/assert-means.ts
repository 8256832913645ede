import * as assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";

/**
 * What a violation, refusal or note means, for assertions that survive a rewording: its rule id,
 * what it is about (a member cluster or a field path) and the key values it names (versions,
 * regions, identifiers) and suggests in its fix. One test per message family pins the rendered
 * wording; every other test asserts this.
 *
 * One helper per job in test/support/: meaning.ts (what a CLI run prints: the phrases and values a
 * line names, exit codes, a blocked plan's rules), assert-means.ts (a planner violation, note or
 * policy report by rule, member or field, key values and fix values, matched as whole tokens),
 * refusal.ts (a bad-input refusal: `<field> <value> …: <fix>`).
 */
export interface Meaning {
    /** The rule id (`downgrade`, `blue-green-limits`); leave out for text that carries none. */
    readonly rule?: string;
    /** The member cluster or field path it is about: its `cluster` or `path` field, else named in its message. */
    readonly about?: string;
    /** Key values its message names. */
    readonly says?: readonly string[];
    /** Key values its fix names. */
    readonly fix?: readonly string[];
    /** The URN a policy reported it on. */
    readonly urn?: string;
}

/** A violation as the planner builds it, or one parsed back out of a rendered line. */
export interface Said {
    readonly rule?: string;
    readonly message: string;
    readonly fix?: string;
    /** The member it is about (null in a plan's JSON when it is about none). */
    readonly cluster?: string | null;
    /** The field path of an argument or config problem. */
    readonly path?: string;
    readonly urn?: string;
}

const RULE_IN_TEXT = /\[(?:rule )?([a-z0-9][a-z0-9.-]*)\]/;

/**
 * Splits a rendered violation into rule, message and fix. It reads every rendering in the repository:
 * the component's `upgrade blocked [RULE]: MESSAGE. Fix: FIX`, the policy pack's
 * `MESSAGE. Fix: FIX. [rule RULE]`, the argument list's `[RULE] MESSAGE` and the text renderer's
 * `RULE: MESSAGE | FIX`; text without a fix is all message.
 */
export function said(text: string): Said {
    const bracketed = RULE_IN_TEXT.exec(text);
    const leading = /^([a-z0-9][a-z0-9.-]*): /.exec(text);
    const rule = bracketed?.[1] ?? leading?.[1];
    const fixAt = [text.indexOf(" Fix: "), text.indexOf(" | ")].filter((i) => i >= 0);
    const cut = fixAt.length > 0 ? Math.min(...fixAt) : -1;
    return cut < 0
        ? { rule, message: text }
        : { rule, message: text.slice(0, cut), fix: text.slice(cut).replace(/^ (Fix:|\|) /, "") };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** True when `text` names `value` as a whole token (`17.4` is not named by `17.4.6` or `117.4`). */
export function names(text: string, value: string): boolean {
    return new RegExp(`(?<![\\w.-])${escape(value)}(?![\\w-]|\\.\\w)`).test(text);
}

/** A rendered line is parsed; so is an object that carries only a rendered message (a policy's report). */
function asSaid(actual: Said | string): Said {
    if (typeof actual === "string") return said(actual);
    return actual.rule === undefined ? { ...actual, ...said(actual.message) } : actual;
}

/** What `actual` shows of `expected`: the fields `expected` asks about, each as `actual` has it. */
function projection(actual: Said | string, expected: Meaning): Record<string, unknown> {
    const a = asSaid(actual);
    const out: Record<string, unknown> = {};
    if (expected.rule !== undefined) out.rule = a.rule;
    if (expected.about !== undefined) {
        out.about =
            a.cluster ?? a.path ?? (names(a.message, expected.about) ? expected.about : `(not named in: ${a.message})`);
    }
    const shown = (text: string | undefined, values: readonly string[]) =>
        values.map((v) => (text !== undefined && names(text, v) ? v : `(${v} not named in: ${text})`));
    if (expected.says !== undefined) out.says = shown(a.message, expected.says);
    if (expected.fix !== undefined) out.fix = shown(a.fix, expected.fix);
    if (expected.urn !== undefined) out.urn = a.urn;
    return out;
}

function asRecord(expected: Meaning): Record<string, unknown> {
    return Object.fromEntries(Object.entries(expected).filter(([, v]) => v !== undefined));
}

/** Asserts `actual` means `expected`: same rule, about the same member or field, naming every key value. */
export function assertMeans(actual: Said | string, expected: Meaning): void {
    assert.deepEqual(projection(actual, expected), asRecord(expected));
}

/** Asserts the list means `expected`, one by one and in order (so an extra or a missing one fails too). */
export function assertMeanings(actual: readonly (Said | string)[], expected: readonly Meaning[]): void {
    assert.deepEqual(
        actual.map((a, i) => projection(a, expected[i] ?? {})),
        expected.map(asRecord),
    );
}

/** Asserts some line of `actual` (notes, warnings, a log) means `expected`; fails listing what each one shows. */
export function assertSomeMeans(actual: readonly (Said | string)[], expected: Meaning): void {
    const want = asRecord(expected);
    const shown = actual.map((a) => projection(a, expected));
    if (shown.some((s) => isDeepStrictEqual(s, want))) return;
    assert.deepEqual(
        shown,
        [want],
        `no line means ${JSON.stringify(want)} among:\n${actual.map((a) => asSaid(a).message).join("\n")}`,
    );
}
