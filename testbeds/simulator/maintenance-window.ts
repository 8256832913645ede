/**
 * Weekly maintenance windows, as RDS keeps them per cluster (written here, not imported from the
 * product, so a mistake in one is not mirrored in the other).
 *
 * - `PreferredMaintenanceWindow`: "The weekly time range during which system maintenance can
 *   occur, in Universal Coordinated Time (UTC). Format: ddd:hh24:mi-ddd:hh24:mi. … Valid Days:
 *   Mon, Tue, Wed, Thu, Fri, Sat, Sun. Constraints: Minimum 30-minute window." When none is
 *   given AWS picks "a 30-minute window selected at random from an 8-hour block of time for each
 *   AWS Region, occurring on a random day of the week"
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html,
 *   API_ModifyDBCluster.html). The simulator's pick is fixed: {@link DEFAULT_MAINTENANCE_WINDOW}.
 * - A pending action opted in with `next-maintenance` is applied in the resource's next window;
 *   `CurrentApplyDate` is "the effective date when the pending maintenance action is applied to
 *   the resource", blank until an opt-in is received
 *   (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_PendingMaintenanceAction.html).
 */
export const DEFAULT_MAINTENANCE_WINDOW = "sun:05:00-sun:05:30";

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const FORMAT = /^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$/i;
const WEEK_MINUTES = 7 * 24 * 60;

function minuteOfWeek(day: string, hh: string, mi: string): number | undefined {
    const d = DAYS.indexOf(day.toLowerCase());
    const h = Number(hh);
    const m = Number(mi);
    return d < 0 || h > 23 || m > 59 ? undefined : d * 24 * 60 + h * 60 + m;
}

/**
 * The window's start in minutes from Sunday 00:00 UTC. Only seeds set windows here (no API sets
 * one yet), so a window AWS would refuse (format, under 30 minutes) is a test-bed error.
 */
export function checkedWindow(window: string): { readonly start: number } {
    const m = FORMAT.exec(window);
    const start = m ? minuteOfWeek(m[1], m[2], m[3]) : undefined;
    const end = m ? minuteOfWeek(m[4], m[5], m[6]) : undefined;
    if (start === undefined || end === undefined)
        throw new Error(`seed: maintenance window "${window}" is not ddd:hh24:mi-ddd:hh24:mi (UTC)`);
    if ((end - start + WEEK_MINUTES) % WEEK_MINUTES < 30)
        throw new Error(`seed: maintenance window "${window}" is shorter than AWS's minimum of 30 minutes`);
    return { start };
}

/** The next start of the cluster's weekly window strictly after `now`. */
export function nextWindowStart(window: string, now: number): number {
    const { start } = checkedWindow(window);
    const d = new Date(now);
    const sunday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - d.getUTCDay());
    const slot = sunday + start * 60_000;
    return slot > now ? slot : slot + WEEK_MINUTES * 60_000;
}

/** The window a seeded cluster gets: its own (checked), else {@link DEFAULT_MAINTENANCE_WINDOW}. */
export function seedWindow(window: string | undefined): string {
    const chosen = window ?? DEFAULT_MAINTENANCE_WINDOW;
    checkedWindow(chosen);
    return chosen;
}
