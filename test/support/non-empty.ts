import * as assert from "node:assert/strict";

/**
 * `items` as an array, after asserting there is at least one: assertions inside a loop over
 * nothing pass without checking anything, so every loop over a computed collection goes through this.
 */
export function nonEmpty<T>(items: Iterable<T>, what: string): T[] {
    const all = [...items];
    assert.ok(
        all.length > 0,
        `expected at least one ${what}, found none: the assertions over them would check nothing`,
    );
    return all;
}
