import * as crypto from "crypto";

/**
 * The id of this Pulumi update: one program run declares the steps of one update, and every step
 * passes it as `--lease-group`, so the steps the update starts in parallel share the run lease
 * while steps of another update (or an operator's run) do not (orchestrator/lease/acquire.ts).
 * A preview and the update that follows are two program runs: their ids differ, which only shows
 * in the steps' command lines.
 */
let current: string | undefined;

export function updateId(): string {
    current ??= `u-${Date.now().toString(36)}-${crypto.randomBytes(3).toString("hex")}`;
    return current;
}

/** Starts a new update with a fixed id (the offline engine and tests: a reproducible transcript). */
export function startUpdate(id: string): void {
    current = id;
}
