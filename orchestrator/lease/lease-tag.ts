/**
 * The run lease as tags on the global cluster: one tag per run, key `aurora-global:lease:<run id>`,
 * value `expires=<ISO> state=<candidate|held> group=<group> holder=<holder>`.
 *
 * AWS's Tag data type (API_Tag): keys 1-128 and values 0-256 characters, neither starting with
 * `aws:` or `rds:`, only Unicode letters, digits, white space and `_ . : / = + - @`. ISO times
 * fit; the holder is cleaned to fit.
 */

import { TAG_PREFIXES } from "../../vocabulary";
export const LEASE_TAG_PREFIX = TAG_PREFIXES.lease;

export type LeaseState = "candidate" | "held";

/** One run's lease tag, parsed. */
export interface LeaseTag {
    readonly runId: string;
    readonly expiresAt: number;
    readonly state: LeaseState;
    /** Runs of one group share the lease (the steps of one Pulumi update run in parallel). */
    readonly group: string;
    /** Who runs it: `user@host pid N`, or the CI job. */
    readonly holder: string;
}

const NOT_TAG_TEXT = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

/** `text` with every character a tag may not carry replaced by `-`, at most `max` characters. */
export function tagText(text: string, max: number): string {
    return text
        .replace(NOT_TAG_TEXT, "-")
        .replace(/^(aws|rds):/i, "$1-")
        .slice(0, max);
}

export function leaseTagKey(runId: string): string {
    return `${LEASE_TAG_PREFIX}${tagText(runId, 128 - LEASE_TAG_PREFIX.length)}`;
}

export function leaseTagValue(t: Omit<LeaseTag, "runId">): string {
    const head = `expires=${new Date(t.expiresAt).toISOString()} state=${t.state} group=${tagText(t.group, 40)} holder=`;
    return head + tagText(t.holder, 256 - head.length);
}

/** The lease tag of a key and value, or undefined when the key is not a lease's or the value does not parse. */
export function parseLeaseTag(key: string | undefined, value: string | undefined): LeaseTag | undefined {
    if (!key?.startsWith(LEASE_TAG_PREFIX) || value === undefined) return undefined;
    const m = /^expires=(\S+) state=(candidate|held) group=(\S*) holder=(.*)$/.exec(value);
    const expiresAt = m ? Date.parse(m[1]) : NaN;
    if (!m || Number.isNaN(expiresAt)) return undefined;
    return {
        runId: key.slice(LEASE_TAG_PREFIX.length),
        expiresAt,
        state: m[2] as LeaseState,
        group: m[3],
        holder: m[4],
    };
}

/** Who this process is, for the lease: the CI job when one runs it, else `user@host pid N`. */
export function defaultHolder(
    env: Readonly<Record<string, string | undefined>>,
    pid: number,
    user: string,
    host: string,
): string {
    if (env.GITHUB_RUN_ID)
        return `github ${env.GITHUB_REPOSITORY ?? ""}/actions/runs/${env.GITHUB_RUN_ID} job ${env.GITHUB_JOB ?? ""}`.trim();
    if (env.CI_JOB_URL) return `gitlab ${env.CI_JOB_URL}`;
    if (env.BUILD_URL) return `ci ${env.BUILD_URL}`;
    return `${user}@${host} pid ${pid}`;
}
