import * as assert from "node:assert/strict";

/**
 * What a bad-input message must say, as every refusal of aurora-global is written:
 * `<field> <value> <what is wrong>: <fix>`. The catalogues assert this meaning, not the prose;
 * one test per message family pins the rendered text.
 *
 * One helper per job in test/support/: meaning.ts (what a CLI run prints: the phrases and values a
 * line names, exit codes, a blocked plan's rules), assert-means.ts (a planner violation, note or
 * policy report by rule, member or field, key values and fix values, matched as whole tokens),
 * refusal.ts (a bad-input refusal: `<field> <value> …: <fix>`).
 */
export interface Refusal {
    /** The field as the user wrote it: `--strategy`, `upgrade.strategy`, `secondaries[0].region`. */
    readonly field: string;
    /** The value as the message shows it (`"fast"`, `0`, `null`); undefined: a missing field, no value shown. */
    readonly value?: string;
    /** A key part of the fix (the suggested version, the allowed values). */
    readonly fix?: string;
    /** Key values the message names anywhere (the bounds, the region the key belongs to). */
    readonly says?: readonly string[];
}

/** The part of a message after its field and value, split at the first `: ` into what is wrong and the fix. */
function afterHead(message: string, head: string): { wrong: string; fix: string } {
    assert.ok(message.startsWith(head), `${JSON.stringify(message)} does not start with ${JSON.stringify(head)}`);
    const rest = message.slice(head.length);
    const colon = rest.indexOf(": ");
    assert.ok(colon >= 0, `${JSON.stringify(message)} gives no fix after ": "`);
    return { wrong: rest.slice(0, colon), fix: rest.slice(colon + 2) };
}

/** Asserts `message` names the field first, then the value, and ends with a fix (holding `fix` when given). */
export function assertRefusal(message: string, expected: Refusal): void {
    const head = expected.value === undefined ? expected.field : `${expected.field} ${expected.value}`;
    const { fix } = afterHead(message, head);
    assert.ok(fix.trim().length > 0, `${JSON.stringify(message)}: the fix is empty`);
    if (expected.fix !== undefined)
        assert.ok(fix.includes(expected.fix), `${JSON.stringify(message)}: the fix does not say ${expected.fix}`);
    for (const fragment of expected.says ?? [])
        assert.ok(message.includes(fragment), `${JSON.stringify(message)} does not say ${fragment}`);
}

/** The CLI's refusal lines (`aurora-global: …`, the watch command's `error: …`) without their prefix. */
export function cliRefusalLines(stderr: string): string[] {
    return stderr
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => line.replace(/^(aurora-global|error): /, ""));
}
