/** An error to answer a call with instead of running it. */
export interface InjectedError {
    /** AWS error code, e.g. `InternalFailure`, `InvalidDBClusterStateFault`. */
    readonly code: string;
    readonly message: string;
    /** Default 400 (500 and above mark a server fault). */
    readonly httpStatusCode?: number;
}

/** Fault injection: throttling bursts, failed upgrades, injected errors, slow upgrades. */
export class Faults {
    private readonly throttles: { region?: string; left: number }[] = [];
    private readonly failing = new Set<string>();
    private readonly nextErrors: { command: string; region?: string; error: InjectedError }[] = [];
    private readonly slow = new Map<string, number>();
    private switchoverDelayMs = 0;
    private readonly lag = new Map<string, number>();
    private readonly unhealthy = new Set<string>();
    private readonly always: { command: string; region?: string; error: InjectedError }[] = [];

    /** The next `count` calls (in `region`, or anywhere) fail with `ThrottlingException: Rate exceeded`. */
    throttle(options: { region?: string; count: number }): void {
        if (!Number.isInteger(options.count) || options.count < 1) {
            throw new Error(`faults.throttle: count must be a positive integer, got ${options.count}`);
        }
        this.throttles.push({ region: options.region, left: options.count });
    }

    /** The next engine upgrade of `clusterId` ends in `upgrade_failed` (a global one rolls back). */
    failUpgrade(clusterId: string): void {
        this.failing.add(clusterId);
    }

    /** The next call of `command` (in `region`, or anywhere) fails with `error`; the call changes nothing. */
    failNext(command: string, error: InjectedError & { readonly region?: string }): void {
        this.nextErrors.push({ command: command.replace(/Command$/, ""), region: error.region, error });
    }

    /** Every call of `command` (in `region`, or anywhere) fails with `error` from now on (e.g. AccessDenied). */
    failAlways(command: string, error: InjectedError & { readonly region?: string }): void {
        this.always.push({ command: command.replace(/Command$/, ""), region: error.region, error });
    }

    /** The next engine upgrade of `clusterId` takes `ms` longer than its configured duration. */
    slowUpgrade(clusterId: string, ms: number): void {
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`faults.slowUpgrade: ms must be >= 0, got ${ms}`);
        this.slow.set(clusterId, (this.slow.get(clusterId) ?? 0) + ms);
    }

    /**
     * The next blue/green switchover takes `ms` longer than usual: past its SwitchoverTimeout it
     * fails and AWS rolls every change back (SWITCHOVER_FAILED, production unchanged).
     */
    slowSwitchover(ms: number): void {
        if (!Number.isFinite(ms) || ms < 0) throw new Error(`faults.slowSwitchover: ms must be >= 0, got ${ms}`);
        this.switchoverDelayMs += ms;
    }

    /**
     * Replica lag of the green copy of `blueClusterId` (identifier of the blue cluster) until
     * {@link clearReplication}: AWS's switchover guardrail refuses when it is not within the
     * switchover timeout.
     */
    replicaLag(blueClusterId: string, seconds: number): void {
        if (!Number.isFinite(seconds) || seconds < 0)
            throw new Error(`faults.replicaLag: seconds must be >= 0, got ${seconds}`);
        this.lag.set(blueClusterId, seconds);
    }

    /** Replication from `blueClusterId` to its green copy is unhealthy until {@link clearReplication}. */
    unhealthyReplication(blueClusterId: string): void {
        this.unhealthy.add(blueClusterId);
    }

    /** Lag and health back to normal. */
    clearReplication(): void {
        this.lag.clear();
        this.unhealthy.clear();
    }

    /** @internal Replica lag (s) and health of the green copy of `blueClusterId`. */
    replication(blueClusterId: string): { readonly lagSeconds: number; readonly healthy: boolean } {
        return { lagSeconds: this.lag.get(blueClusterId) ?? 0, healthy: !this.unhealthy.has(blueClusterId) };
    }

    /** @internal Consumes the extra switchover duration. */
    takeSwitchoverDelay(): number {
        const ms = this.switchoverDelayMs;
        this.switchoverDelayMs = 0;
        return ms;
    }

    /** @internal Consumes one injected throttle for `region`, if any. */
    takeThrottle(region: string): boolean {
        const entry = this.throttles.find((t) => t.left > 0 && (t.region === undefined || t.region === region));
        if (!entry) return false;
        entry.left -= 1;
        return true;
    }

    /** @internal Consumes the injected error for `command` in `region`, if any. */
    takeError(command: string, region: string): InjectedError | undefined {
        const index = this.nextErrors.findIndex(
            (e) => e.command === command && (e.region === undefined || e.region === region),
        );
        if (index < 0)
            return this.always.find((e) => e.command === command && (e.region === undefined || e.region === region))
                ?.error;
        return this.nextErrors.splice(index, 1)[0].error;
    }

    /** @internal Consumes the failure armed for `clusterId`. */
    takeFailUpgrade(clusterId: string): boolean {
        return this.failing.delete(clusterId);
    }

    /** @internal Consumes the extra duration armed for `clusterId`. */
    takeSlowdown(clusterId: string): number {
        const ms = this.slow.get(clusterId) ?? 0;
        this.slow.delete(clusterId);
        return ms;
    }
}
