/**
 * Weekly maintenance windows as RDS gives them: `PreferredMaintenanceWindow` is
 * `ddd:hh24:mi-ddd:hh24:mi` in UTC, at least 30 minutes (CreateDBCluster / ModifyDBCluster,
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ModifyDBCluster.html). A pending
 * action opted in with `next-maintenance` is applied in the member's next window; each member
 * has its own window (AWS picks one per region when none is set), so a patch round scheduled for
 * the next windows reaches the members in the order of their windows, not in the plan's order.
 */

const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
const WEEK_MS = 7 * 24 * 3600 * 1000;
const WINDOW =
    /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)-(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):([0-5]\d)$/i;

/** Minutes from Sunday 00:00 UTC to the window's start, or undefined when `window` is not in AWS's format. */
export function windowStartMinute(window: string): number | undefined {
    const m = WINDOW.exec(window.trim());
    if (!m) return undefined;
    const day = DAYS.indexOf(m[1].toLowerCase() as (typeof DAYS)[number]);
    return day * 24 * 60 + Number(m[2]) * 60 + Number(m[3]);
}

/** The next start of the weekly `window` strictly after `now` (ms), or undefined when it does not parse. */
export function nextWindowStart(window: string, now: number): number | undefined {
    const start = windowStartMinute(window);
    if (start === undefined) return undefined;
    const d = new Date(now);
    const sunday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - d.getUTCDay());
    const thisWeek = sunday + start * 60_000;
    return thisWeek > now ? thisWeek : thisWeek + WEEK_MS;
}
