import * as assert from "node:assert/strict";

/**
 * What a message means, asserted without its wording: the identifiers, regions, versions, flags
 * and their values, AWS codes, counts and commands it names. One test per message family pins
 * the rendered wording; every other test asserts through these, so a reworded sentence breaks one
 * test and a wrong member, value or fix breaks the tests about it.
 *
 * One helper per job in test/support/: meaning.ts (what a CLI run prints: the phrases and values a
 * line names, exit codes, a blocked plan's rules), assert-means.ts (a planner violation, note or
 * policy report by rule, member or field, key values and fix values, matched as whole tokens),
 * refusal.ts (a bad-input refusal: `<field> <value> …: <fix>`).
 */

/** What a CLI run gave back (the orchestrator's, the probe's and the offline runner's alike). */
export interface Run {
    readonly code: number;
    readonly stdout: string;
    readonly stderr: string;
}

/** Asserts `text` names each of `keyValues`. */
export function assertNames(text: string | undefined, keyValues: readonly string[]): void {
    assert.ok(keyValues.length > 0, "assertNames: name at least one value");
    assert.ok(text !== undefined, `no text to find ${JSON.stringify(keyValues)} in`);
    const missing = keyValues.filter((v) => !text.includes(v));
    assert.deepEqual(missing, [], `not named in: ${text}`);
}

/** The first line of `text` that names every one of `keyValues`; fails, showing `text`, when none does. */
export function lineNaming(text: string, ...keyValues: string[]): string {
    assert.ok(keyValues.length > 0, "lineNaming: name at least one value");
    const line = text.split("\n").find((l) => keyValues.every((v) => l.includes(v)));
    assert.ok(line !== undefined, `no line names all of ${JSON.stringify(keyValues)} in:\n${text}`);
    return line;
}

/** Asserts the run exited with `code` and one line of its stderr names each of `keyValues`; returns that line. */
export function expectErrorLine(run: Run, code: number, ...keyValues: string[]): string {
    assert.equal(run.code, code, `exit code ${run.code}, expected ${code}; stderr: ${run.stderr}`);
    return lineNaming(run.stderr, ...keyValues);
}

/** One violation as a plan's text prints it: `  [rule] message` and its `      fix: …` line. */
export interface PrintedViolation {
    readonly rule: string;
    readonly message: string;
    readonly fix: string;
}

/** The violations a plan's text (`plan`, or a blocked `upgrade`'s stdout) lists, in order. */
export function violationsIn(planText: string): PrintedViolation[] {
    const lines = planText.split("\n");
    return lines.flatMap((line, i) => {
        const m = /^ {2}\[([a-z0-9-]+)\] (.*)$/.exec(line);
        const fix = /^ {6}fix: (.*)$/.exec(lines[i + 1] ?? "");
        return m && fix ? [{ rule: m[1], message: m[2], fix: fix[1] }] : [];
    });
}

/**
 * Asserts the run was refused as blocked (exit 2, the stderr's blocked line counting the
 * violations, nothing else on stderr) with exactly these rules, in order; returns the violations
 * so a test can assert what each names.
 */
export function expectBlocked(run: Run, ...rules: string[]): PrintedViolation[] {
    assert.equal(run.code, 2, run.stderr);
    const violations = violationsIn(run.stdout);
    assert.deepEqual(
        violations.map((v) => v.rule),
        rules,
        run.stdout,
    );
    const count = `${rules.length} violation${rules.length === 1 ? "" : "s"}`;
    assert.equal(run.stderr.split("\n").filter(Boolean).length, 1, run.stderr);
    assertNames(run.stderr, ["blocked", `(${count})`, "nothing was changed"]);
    return violations;
}
