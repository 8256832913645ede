/**
 * Validation of the `watch` inputs. Every error names the flag, the value (passwords redacted)
 * and the fix; nothing connects before all inputs are valid.
 */
import { redactUrl } from "./redact";
import { Endpoint, Engine } from "./types";
import { WATCH_FLAGS } from "../cli-contract/flags";

/** Bad `watch` input; the command prints `error: <message>` and exits with code 2. */
export class WatchInputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "WatchInputError";
    }
}

const SCHEMES: Readonly<Record<string, Engine>> = { postgres: "postgres", postgresql: "postgres", mysql: "mysql" };
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;
const EXAMPLE_URL = "postgres://user:password@host:5432/postgres";

/** Parses one `NAME=URL` (the value of one `--endpoint`). Throws `WatchInputError`. */
export function parseEndpoint(spec: string): Endpoint {
    const eq = spec.indexOf("=");
    if (eq < 0) {
        throw new WatchInputError(
            `${WATCH_FLAGS.endpoint} "${redactUrl(spec)}": expected NAME=URL; use e.g. ${WATCH_FLAGS.endpoint} us-east-1=${EXAMPLE_URL}`,
        );
    }
    const name = spec.slice(0, eq);
    const url = spec.slice(eq + 1);
    const shown = `${WATCH_FLAGS.endpoint} "${name}=${redactUrl(url)}"`;
    const example = `e.g. ${WATCH_FLAGS.endpoint} ${NAME.test(name) ? name : "us-east-1"}=${EXAMPLE_URL}`;
    if (name.length === 0) {
        throw new WatchInputError(`${shown}: NAME is empty; put a name before "=", ${example}`);
    }
    if (!NAME.test(name)) {
        throw new WatchInputError(
            `${shown}: NAME "${name}" is not valid; use up to 63 letters, digits, '.', '_' or '-', ${example}`,
        );
    }
    if (url.length === 0) throw new WatchInputError(`${shown}: URL is empty; put the URL after "=", ${example}`);
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(url)?.[1];
    if (scheme === undefined) {
        throw new WatchInputError(
            `${shown}: URL has no scheme; start it with postgres://, postgresql:// or mysql://, ${example}`,
        );
    }
    const engine = SCHEMES[scheme.toLowerCase()];
    if (engine === undefined) {
        throw new WatchInputError(
            `${shown}: unsupported scheme "${scheme}://"; use postgres://, postgresql:// or mysql://`,
        );
    }
    let host: string;
    try {
        host = new URL(url).hostname;
    } catch {
        throw new WatchInputError(
            `${shown}: URL is not valid; fix it (percent-encode special characters in the user and password), ${example}`,
        );
    }
    if (host.length === 0) throw new WatchInputError(`${shown}: URL has no host; put the host after "//", ${example}`);
    return { name, engine, url, displayUrl: redactUrl(url) };
}

/** Parses every `--endpoint`; rejects none given and duplicate names. */
export function parseEndpoints(specs: readonly string[]): Endpoint[] {
    if (specs.length === 0) {
        throw new WatchInputError(
            `${WATCH_FLAGS.endpoint} is required; give at least one, e.g. ${WATCH_FLAGS.endpoint} us-east-1=${EXAMPLE_URL}`,
        );
    }
    const endpoints: Endpoint[] = [];
    for (const spec of specs) {
        const endpoint = parseEndpoint(spec);
        if (endpoints.some((e) => e.name === endpoint.name)) {
            throw new WatchInputError(
                `${WATCH_FLAGS.endpoint} "${endpoint.name}=${endpoint.displayUrl}": NAME "${endpoint.name}" is already used by another ${WATCH_FLAGS.endpoint}; give each endpoint a unique NAME`,
            );
        }
        endpoints.push(endpoint);
    }
    return endpoints;
}

/** Parses a whole number of milliseconds in [min, max] given to `flag`. */
export function parseMilliseconds(flag: string, value: string, min: number, max: number, example: number): number {
    const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        throw new WatchInputError(
            `${flag} "${value}" is not valid; use a whole number of milliseconds from ${min} to ${max}, e.g. ${flag} ${example}`,
        );
    }
    return n;
}

/** Parses `--duration SECONDS` (decimals allowed) into milliseconds. */
export function parseDurationSeconds(value: string): number {
    const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!(n > 0) || n > 7 * 24 * 3600) {
        throw new WatchInputError(
            `${WATCH_FLAGS.duration} "${value}" is not valid; use a positive number of seconds up to 604800, e.g. ${WATCH_FLAGS.duration} 60 (leave it out to watch until Ctrl-C)`,
        );
    }
    return Math.round(n * 1000);
}

/** Output formats of `watch`. */
export type WatchFormat = "text" | "json";

/** Parses `--format`. */
export function parseFormat(value: string): WatchFormat {
    if (value === "text" || value === "json") return value;
    throw new WatchInputError(
        `${WATCH_FLAGS.format} "${value}" is not valid; use ${WATCH_FLAGS.format} text or ${WATCH_FLAGS.format} json`,
    );
}

/** The raw option values of `watch`, as commander hands them over (all strings). */
export interface RawWatchOptions {
    readonly endpoint?: readonly string[];
    readonly intervalMs?: string;
    readonly duration?: string;
    readonly timeoutMs?: string;
    readonly format?: string;
}

/** Validated `watch` inputs. */
export interface WatchRequest {
    readonly endpoints: Endpoint[];
    readonly intervalMs: number;
    /** Undefined: until Ctrl-C. */
    readonly durationMs?: number;
    readonly timeoutMs: number;
    readonly format: WatchFormat;
}

/**
 * Validates every `watch` option (endpoints first, then interval, duration, timeout, format).
 * Throws `WatchInputError` naming the flag, the value and the fix.
 */
export function parseWatchOptions(raw: RawWatchOptions): WatchRequest {
    const endpoints = parseEndpoints(raw.endpoint ?? []);
    const intervalMs = parseMilliseconds(WATCH_FLAGS.intervalMs, raw.intervalMs ?? "500", 10, 3_600_000, 500);
    const durationMs = raw.duration === undefined ? undefined : parseDurationSeconds(raw.duration);
    const timeoutMs = parseMilliseconds(WATCH_FLAGS.timeoutMs, raw.timeoutMs ?? "2000", 100, 600_000, 2000);
    const format = parseFormat(raw.format ?? "text");
    return { endpoints, intervalMs, durationMs, timeoutMs, format };
}
