import {
    awsEngineVersion,
    awsEngineVersionOf,
    reportsVersion,
    Engine,
    EngineVersion,
    parseVersion,
    Target,
    targetVersion,
    tryParseVersion,
} from "../../engine-versions";
import { RdsGateway } from "../../aws/gateway";
import { UpgradeStopped } from "../../aws/run-errors";
import { formatDuration } from "../../aws/logger";
import { MemberTopology, Topology } from "../../aws/topology/types";
import { BASE_POLL_MS } from "./poll-schedule";
import { ExecuteHooks, ExecuteOptions } from "./types";

export const DEFAULT_TIMEOUT_MINUTES = 180;

/** Reads before a wait counted against its budget at most (a gateway shared across runs counts older ones too). */
export const MAX_PRIOR_READS = 3;

/** One wait's account in the run's poll pool: calls earned (one per 15 s waited) and spent. */
export interface WaitAccount {
    readonly since: number;
    polls: number;
}

/** State shared by the steps of one run. */
export class RunContext {
    readonly startedAt: number;
    readonly deadline: number;
    readonly memberDurationsMs: Record<string, number> = {};
    readonly skipped: string[] = [];
    /** Set when a sibling step failed: every wait stops at its next turn. */
    private stopReason?: unknown;
    /** DescribeDBClusters counted for each member when its last wait ended. */
    private readonly readMarks = new Map<string, number>();
    scheduled = false;
    /** Waits in progress, and what the ended ones left unspent (poll-schedule.ts: the critical wait). */
    private readonly openWaits = new Set<WaitAccount>();
    private closedSurplus = 0;
    /** The run's target and its AWS form, read once where the run started (ExecuteOptions.target). */
    private readonly known: ReadonlyMap<string, EngineVersion>;

    constructor(
        readonly api: RdsGateway,
        readonly topology: Topology,
        readonly options: ExecuteOptions,
        readonly hooks: ExecuteHooks = {},
    ) {
        this.startedAt = api.clock.now();
        // The gateway's deadline counts from the command's start (reads included), when it has one.
        this.deadline = api.deadlineAt ?? this.startedAt + this.timeoutMinutes * 60_000;
        this.known = knownVersions(options.target, topology.engine);
    }

    get engine(): Engine {
        return this.topology.engine;
    }

    get timeoutMinutes(): number {
        return this.options.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES;
    }

    get log() {
        return this.api.log;
    }

    now(): number {
        return this.api.clock.now();
    }

    member(cluster: string): MemberTopology {
        const m = this.topology.members.find((x) => x.cluster === cluster);
        if (!m)
            throw new UpgradeStopped(
                `cluster "${cluster}" is in the plan but not a member of global cluster "${this.topology.globalClusterId}": run the command again to re-read the topology`,
            );
        return m;
    }

    secondaries(): MemberTopology[] {
        return this.topology.members.filter((m) => m.role === "secondary");
    }

    /**
     * The version a step goes to: its `to`, which on every version-changing step of a plan is the
     * run's target (already read); another version (a plan built by hand) is parsed here.
     */
    stepVersion(to: string | undefined): EngineVersion {
        return this.known.get(to ?? "") ?? parseVersion(this.engine, to ?? "");
    }

    /** True when `engineVersion` (AWS's) is `target` at the precision both carry. */
    atVersion(engineVersion: string | undefined, target: string): boolean {
        const version = this.known.get(target) ?? tryParseVersion(this.engine, target);
        return reportsVersion(this.engine, engineVersion, { text: target, version });
    }

    stop(reason: unknown): void {
        this.stopReason ??= reason;
    }

    /** Throws when the run was aborted or a sibling step failed. */
    checkStopped(): void {
        this.api.throwIfAborted();
        if (this.stopReason !== undefined)
            throw new UpgradeStopped("stopped because another step of the same wave failed");
    }

    /** Sleeps `ms` on the run's clock, then checks for a stop. */
    async sleep(ms: number): Promise<void> {
        this.checkStopped();
        await this.api.sleep(ms);
        this.checkStopped();
    }

    /** "[12m03s]" elapsed since the run started. */
    elapsed(from: number = this.startedAt): string {
        return formatDuration(this.now() - from);
    }

    /**
     * DescribeDBClusters calls made for `cluster` by this run's gateway since its last wait ended
     * (the topology read, the step's own read, checks), at most {@link MAX_PRIOR_READS}: a wait
     * counts them against its budget.
     */
    readsSinceLastWait(cluster: string): number {
        const made = (this.api.stats.describesPerCluster[cluster] ?? 0) - (this.readMarks.get(cluster) ?? 0);
        return Math.min(MAX_PRIOR_READS, Math.max(0, made));
    }

    /** Marks the end of a wait for `cluster`: later reads count towards its next wait. */
    markWaitEnd(cluster: string): void {
        this.readMarks.set(cluster, this.api.stats.describesPerCluster[cluster] ?? 0);
    }

    /** Opens a wait's account: `polls` already counted against it (reads before and reserved after). */
    openWait(since: number, polls: number): WaitAccount {
        const account = { since, polls };
        this.openWaits.add(account);
        return account;
    }

    closeWait(account: WaitAccount): void {
        if (!this.openWaits.delete(account)) return;
        this.closedSurplus += (this.now() - account.since) / BASE_POLL_MS - account.polls;
    }

    /** True when `account` is the only wait of the run in progress: the run waits on it alone. */
    isOnlyWait(account: WaitAccount): boolean {
        return this.openWaits.size === 1 && this.openWaits.has(account);
    }

    /** Calls the run's waits have earned by `at` (one per 15 s each) and not spent. */
    pooledPolls(at: number): number {
        let pool = this.closedSurplus;
        for (const w of this.openWaits) pool += Math.max(0, at - w.since) / BASE_POLL_MS - w.polls;
        return pool;
    }

    /** Records a member's observed duration. */
    noteDuration(cluster: string, ms: number): void {
        this.memberDurationsMs[cluster] = ms;
    }
}

/** The run's target by its text and by its AWS form (PostgreSQL without the patch level); none when it is no version of `engine`. */
function knownVersions(target: Target | undefined, engine: Engine): Map<string, EngineVersion> {
    const version = target === undefined ? undefined : targetVersion(target, engine);
    if (version === undefined || target === undefined) return new Map();
    return new Map([
        [awsEngineVersion(version), awsEngineVersionOf(version)],
        [target.text, version],
    ]);
}

/** "secondary cluster "app-apne1" (ap-northeast-1)". */
export function ref(m: Pick<MemberTopology, "role" | "cluster" | "region">): string {
    return `${m.role} cluster "${m.cluster}" (${m.region})`;
}
