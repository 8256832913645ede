/**
 * Backup and maintenance windows as AWS's CreateDBCluster/ModifyDBCluster take them (API
 * reference, `PreferredBackupWindow`: "Must be in the format hh24:mi-hh24:mi", UTC, "Must not
 * conflict with the preferred maintenance window", "Must be at least 30 minutes";
 * `PreferredMaintenanceWindow`: "ddd:hh24:mi-ddd:hh24:mi", days Mon | Tue | Wed | Thu | Fri |
 * Sat | Sun, UTC, "Must be at least 30 minutes"). Pure: minutes of the day / of the week.
 */
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
/** AWS's minimum length of either window. */
export const MIN_WINDOW_MINUTES = 30;

/** A window as start and length in minutes (from 00:00 UTC, or from Monday 00:00 UTC). */
export interface Window {
    readonly start: number;
    readonly minutes: number;
}

const TIME = "([01]\\d|2[0-3]):([0-5]\\d)";
const BACKUP = new RegExp(`^${TIME}-${TIME}$`);
const MAINTENANCE = new RegExp(`^([a-z]{3}):${TIME}-([a-z]{3}):${TIME}$`, "i");

/** `hh24:mi-hh24:mi` as a daily window (it may cross midnight), or a reason it is not one. */
export function parseBackupWindow(text: string): Window | string {
    const m = BACKUP.exec(text);
    if (!m) return 'expected hh24:mi-hh24:mi in UTC, e.g. "03:00-03:30"';
    const start = Number(m[1]) * 60 + Number(m[2]);
    const minutes = (Number(m[3]) * 60 + Number(m[4]) - start + DAY_MINUTES) % DAY_MINUTES;
    if (minutes < MIN_WINDOW_MINUTES) return `it lasts ${minutes} minutes; AWS needs at least ${MIN_WINDOW_MINUTES}`;
    return { start, minutes };
}

/** `ddd:hh24:mi-ddd:hh24:mi` as a weekly window (it may cross Sunday night), or a reason it is not one. */
export function parseMaintenanceWindow(text: string): Window | string {
    const m = MAINTENANCE.exec(text);
    const day = (d: string) => (DAYS as readonly string[]).indexOf(d.toLowerCase());
    if (!m || day(m[1]) < 0 || day(m[4]) < 0)
        return 'expected ddd:hh24:mi-ddd:hh24:mi in UTC with days mon, tue, wed, thu, fri, sat or sun, e.g. "sun:05:00-sun:05:30"';
    const start = day(m[1]) * DAY_MINUTES + Number(m[2]) * 60 + Number(m[3]);
    const end = day(m[4]) * DAY_MINUTES + Number(m[5]) * 60 + Number(m[6]);
    const minutes = (end - start + WEEK_MINUTES) % WEEK_MINUTES;
    if (minutes < MIN_WINDOW_MINUTES) return `it lasts ${minutes} minutes; AWS needs at least ${MIN_WINDOW_MINUTES}`;
    return { start, minutes };
}

/** True when the daily backup window meets the weekly maintenance window on any day. */
export function windowsOverlap(backup: Window, maintenance: Window): boolean {
    const inMaintenance = (minute: number) =>
        (minute - maintenance.start + WEEK_MINUTES) % WEEK_MINUTES < maintenance.minutes;
    for (let day = 0; day < 7; day++)
        for (let i = 0; i < backup.minutes; i++)
            if (inMaintenance((day * DAY_MINUTES + backup.start + i) % WEEK_MINUTES)) return true;
    return false;
}
