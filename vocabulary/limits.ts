/** An inclusive range of whole numbers. */
export interface Bounds {
    readonly min: number;
    readonly max: number;
}

/** How long one upgrade step may take (component `upgrade.timeoutMinutes`, CLI `--timeout-minutes`). */
export const TIMEOUT_MINUTES: Bounds = { min: 1, max: 10080 };

/** Fixed seconds between status polls (component `upgrade.pollSeconds`, CLI `--poll-seconds`). */
export const POLL_SECONDS: Bounds = { min: 1, max: 3600 };

/** A random start delay of up to N seconds (CLI `--start-jitter-seconds`). */
export const START_JITTER_SECONDS: Bounds = { min: 0, max: 300 };

/**
 * DB instances per member: at least one (AWS cannot upgrade a secondary without one), at most
 * 16 (one writer and 15 Aurora Replicas).
 */
export const INSTANCE_COUNT: Bounds = { min: 1, max: 16 };

/** Secondary regions of one global database. */
export const MAX_SECONDARIES = 10;

/** The port of every cluster. */
export const PORT: Bounds = { min: 1150, max: 65535 };

/** Days of automated backups. */
export const BACKUP_RETENTION_DAYS: Bounds = { min: 1, max: 35 };

export function isWithin(value: unknown, bounds: Bounds): value is number {
    return typeof value === "number" && Number.isInteger(value) && value >= bounds.min && value <= bounds.max;
}
