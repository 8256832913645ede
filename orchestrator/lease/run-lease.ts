import * as os from "os";
import {
    AddTagsToResourceCommand,
    ListTagsForResourceCommand,
    ListTagsForResourceCommandOutput,
    RemoveTagsFromResourceCommand,
} from "@aws-sdk/client-rds";
import { CallGuard, isReadOnly, RdsGateway } from "../../aws/gateway";
import { describeAwsError } from "../../aws/errors";
import { InputError, UpgradeStopped } from "../../aws/run-errors";
import { LeaseState, LeaseTag, leaseTagKey, leaseTagValue, parseLeaseTag } from "./lease-tag";
import { RUN_FLAGS } from "../../cli-contract";

/** A held lease lasts this long unless renewed; a crashed run's lease is taken over after it. */
export const LEASE_TTL_MS = 10 * 60_000;
/** The lease is renewed (and checked) at the first call or wait after this long. */
export const LEASE_RENEW_MS = 2 * 60_000;
/** A candidate's tag (written, not yet confirmed) lasts this long. */
export const CANDIDATE_TTL_MS = 60_000;
/** Time between writing the tag and reading it back: concurrent writers' tags become visible. */
export const LEASE_SETTLE_MS = 2_000;
/**
 * How long past its expiry another run's tag still counts: lease times are each host's view of
 * AWS's time (RdsGateway.awsNow: the host clock, corrected by the SDK from AWS's `Date` header
 * once it is 5 minutes or more off), so two hosts may disagree by up to twice 5 minutes; a tag is
 * taken over only once it is expired by more than that. A killed run on this very host is taken
 * over at once (its pid no longer exists).
 */
export const LEASE_SKEW_MARGIN_MS = 10 * 60_000;
/** While waiting for another run's lease, its tags are read this often. */
export const LEASE_WAIT_POLL_MS = 30_000;
/** Rounds of contention between candidates before giving up (each a few seconds). */
const MAX_ROUNDS = 40;

export interface LeaseOptions {
    /** This run's id (the tag key's suffix). */
    readonly runId: string;
    /** Who runs it (user@host pid N, or the CI job). */
    readonly holder: string;
    /** Runs of the same group share the lease; default: the run id (alone). */
    readonly group?: string;
    /** How long to wait for another run's lease before exit 2. Default 0. */
    readonly waitSeconds?: number;
    /** This host's name (holders `user@host pid N` of this host whose process is gone are taken over). Default os.hostname(). */
    readonly host?: string;
    /** Whether process `pid` runs on this host. Default: `process.kill(pid, 0)` (EPERM: it runs, as another user). */
    readonly processAlive?: (pid: number) => boolean;
}

/** Whether a process of this host runs (signal 0 tests without sending anything). */
export function processAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch (e) {
        return (e as NodeJS.ErrnoException).code === "EPERM";
    }
}

/** Another run holds the lease (exit 2): names it, its holder and its expiry. */
export class LeaseHeld extends InputError {
    constructor(globalClusterId: string, other: LeaseTag, waitedSeconds: number) {
        super(
            `global cluster "${globalClusterId}" is being changed by another aurora-global run: run ${other.runId} held by ${other.holder} ` +
                `(lease expires ${new Date(other.expiresAt).toISOString()} unless renewed; it is renewed while that run lasts)` +
                `${waitedSeconds > 0 ? `, still held after waiting ${waitedSeconds}s` : ""}. Nothing was changed. ` +
                `Wait for it to finish and run the same command again, or pass ${RUN_FLAGS.leaseWaitSeconds} N to wait up to N seconds; ` +
                `the lease of a run that crashed expires by itself and is then taken over`,
        );
        this.name = "LeaseHeld";
    }
}

/**
 * One run at a time per global database: a lease tag on the global cluster (lease-tag.ts), written
 * as a candidate, read back after {@link LEASE_SETTLE_MS}, and held only when no other group's
 * unexpired tag is there. Each run writes its own key (no run overwrites another's), so of two
 * runs racing, the one reading back later sees the other's tag: both proceeding would need each
 * read-back to precede the other's write, which cannot be. Of two candidates seeing each other,
 * the smaller run id keeps its tag and the other backs off. Expired tags (a crashed run) are
 * removed with a warning. While held, the lease is renewed at the gateway's calls and waits, and a
 * mutating call is refused once it could have expired or was taken over.
 */
export class RunLease implements CallGuard {
    private expiresAt = 0;
    private renewedAt = 0;
    private held = false;
    private readonly key: string;
    private readonly group: string;

    constructor(
        private readonly api: RdsGateway,
        private readonly region: string,
        private readonly arn: string,
        private readonly globalClusterId: string,
        private readonly o: LeaseOptions,
    ) {
        this.key = leaseTagKey(o.runId);
        this.group = o.group ?? o.runId;
    }

    /** Acquires the lease; resolves with whether another run held it first (the caller re-reads AWS). */
    async acquire(): Promise<{ waited: boolean }> {
        const started = this.api.clock.now();
        const waitUntil = started + (this.o.waitSeconds ?? 0) * 1000;
        let waited = false;
        let written = false;
        for (let round = 0; ; round++) {
            const rivals = await this.rivals();
            const held = rivals.find((r) => r.state === "held") ?? (round >= MAX_ROUNDS ? rivals[0] : undefined);
            if (held) {
                if (written) await this.remove();
                written = false;
                const now = this.api.clock.now();
                if (now >= waitUntil)
                    throw new LeaseHeld(
                        this.globalClusterId,
                        held,
                        this.o.waitSeconds ? Math.round((now - started) / 1000) : 0,
                    );
                this.api.log.info(
                    `global cluster "${this.globalClusterId}": waiting for run ${held.runId} (${held.holder}) to finish, up to ${Math.ceil((waitUntil - now) / 1000)}s more`,
                );
                waited = true;
                await this.api.sleep(Math.min(LEASE_WAIT_POLL_MS, waitUntil - now));
                continue;
            }
            if (!written) {
                if (rivals.length > 0) {
                    // Another run is acquiring: let it settle first.
                    waited = true;
                    await this.api.sleep(LEASE_SETTLE_MS * (1 + this.api.random()));
                    continue;
                }
                await this.write("candidate", CANDIDATE_TTL_MS);
                written = true;
                // Always: tags written concurrently by another run become visible before the read-back
                // (the safety argument assumes a read after a write sees it; docs/lease.md).
                await this.api.sleep(LEASE_SETTLE_MS);
                continue;
            }
            if (rivals.length === 0) {
                await this.write("held", LEASE_TTL_MS);
                this.held = true;
                this.api.setGuard(this);
                return { waited };
            }
            if (rivals.every((r) => this.o.runId < r.runId)) {
                await this.api.sleep(LEASE_SETTLE_MS);
                continue;
            }
            await this.remove();
            written = false;
            waited = true;
            await this.api.sleep(LEASE_SETTLE_MS * (1 + this.api.random()));
        }
    }

    /** Removes the lease tag (at the end of a run, failed or not); a failure only warns: the tag expires. */
    async release(): Promise<void> {
        if (!this.held) return;
        this.held = false;
        this.api.setGuard(undefined);
        try {
            await this.remove();
        } catch (e) {
            this.api.log.warn(
                `the run lease on global cluster "${this.globalClusterId}" could not be removed (${describeAwsError(e)}): it expires at ${new Date(this.expiresAt).toISOString()}`,
            );
        }
    }

    /** Before each gateway call: renews when due; refuses a mutating call without a valid lease. */
    async beforeCall(operation: string): Promise<void> {
        if (!this.held) return;
        const now = this.api.clock.now();
        if (now - this.renewedAt >= LEASE_RENEW_MS) await this.renew();
        if (operation !== "Sleep" && !isReadOnly(operation) && this.now() >= this.expiresAt)
            throw this.lost(`it expired at ${new Date(this.expiresAt).toISOString()} before ${operation}`);
    }

    /** The longest sleep that keeps the lease renewed. */
    get renewEveryMs(): number {
        return LEASE_RENEW_MS;
    }

    private async renew(): Promise<void> {
        await this.write("held", LEASE_TTL_MS);
        const tags = await this.tags();
        const mine = tags.find((t) => t.runId === this.o.runId);
        const now = this.now();
        const rival = tags.find((t) => t.group !== this.group && t.state === "held" && !this.gone(t, now));
        if (!mine || rival)
            throw this.lost(rival ? `run ${rival.runId} (${rival.holder}) took it over` : "its tag was removed");
    }

    private lost(why: string): UpgradeStopped {
        this.held = false;
        this.api.setGuard(undefined);
        return new UpgradeStopped(
            `the run lease on global cluster "${this.globalClusterId}" was lost (${why}): stopped before any further change. Check that no other run is changing it (aws rds list-tags-for-resource --resource-name ${this.arn}), then run the same command again: it resumes from what AWS reports`,
        );
    }

    /**
     * Live lease tags of other groups. Gone ones (expired past the clock margin, or of a killed run
     * of this host) are removed with a warning.
     */
    private async rivals(): Promise<LeaseTag[]> {
        const now = this.now();
        const others = (await this.tags()).filter((t) => t.runId !== this.o.runId && t.group !== this.group);
        const gone = others.filter((t) => this.gone(t, now));
        for (const t of gone) this.api.log.warn(`global cluster "${this.globalClusterId}": ${this.takeOver(t, now)}`);
        if (gone.length > 0) await this.removeKeys(gone.map((t) => leaseTagKey(t.runId)));
        return others.filter((t) => !gone.includes(t));
    }

    /** A tag nobody holds any more: expired past the clock margin, or its process is gone from this host. */
    private gone(t: LeaseTag, now: number): boolean {
        return t.expiresAt + LEASE_SKEW_MARGIN_MS <= now || this.deadHere(t) !== undefined;
    }

    /** The pid of a holder `user@HOST pid N` of this host whose process no longer exists. */
    private deadHere(t: LeaseTag): number | undefined {
        const m = /@(\S+) pid (\d+)$/.exec(t.holder);
        if (!m || m[1] !== (this.o.host ?? os.hostname())) return undefined;
        const pid = Number(m[2]);
        return (this.o.processAlive ?? processAlive)(pid) ? undefined : pid;
    }

    private takeOver(t: LeaseTag, now: number): string {
        const pid = this.deadHere(t);
        if (pid !== undefined && t.expiresAt + LEASE_SKEW_MARGIN_MS > now)
            return `taking over the lease of run ${t.runId} (${t.holder}) at once: its process ${pid} no longer runs on this host (a killed run)`;
        return `taking over the expired lease of run ${t.runId} (${t.holder}, expired ${new Date(t.expiresAt).toISOString()}, more than ${LEASE_SKEW_MARGIN_MS / 60_000} minutes ago, the margin for clocks): that run stopped without releasing it`;
    }

    /** AWS's time as this host knows it (lease expiries are written and compared in it). */
    private now(): number {
        return this.api.awsNow(this.region);
    }

    /**
     * The global cluster was renamed under its identifier (a blue/green switchover: the green one
     * now bears the name, and the lease's ARN names it): the lease is written there at once and
     * checked, so no other run finds the database unleased until the next renewal.
     */
    async resourceRenamed(): Promise<void> {
        if (!this.held) return;
        this.api.log.info(
            `global cluster "${this.globalClusterId}" renamed by the switchover: the run lease moves with the name`,
        );
        await this.renew();
    }

    private async tags(): Promise<LeaseTag[]> {
        const out = await this.api.send<ListTagsForResourceCommandOutput>(
            this.region,
            new ListTagsForResourceCommand({ ResourceName: this.arn }),
            undefined,
            { unguarded: true },
        );
        return (out.TagList ?? [])
            .map((t) => parseLeaseTag(t.Key, t.Value))
            .filter((t): t is LeaseTag => t !== undefined);
    }

    private async write(state: LeaseState, ttlMs: number): Promise<void> {
        const expiresAt = this.now() + ttlMs;
        await this.api.send(
            this.region,
            new AddTagsToResourceCommand({
                ResourceName: this.arn,
                Tags: [
                    {
                        Key: this.key,
                        Value: leaseTagValue({ expiresAt, state, group: this.group, holder: this.o.holder }),
                    },
                ],
            }),
            undefined,
            { unguarded: true },
        );
        this.expiresAt = expiresAt;
        this.renewedAt = this.api.clock.now();
    }

    private async remove(): Promise<void> {
        await this.removeKeys([this.key]);
    }

    /** Also on the way out of a stopped run (an interrupted run releases its lease; only a killed process cannot). */
    private async removeKeys(keys: string[]): Promise<void> {
        await this.api.send(
            this.region,
            new RemoveTagsFromResourceCommand({ ResourceName: this.arn, TagKeys: keys }),
            undefined,
            { unguarded: true, ignoreAbort: true },
        );
    }
}
