import { EARLIEST_UPGRADE_FINISH_MS, BASE_POLL_MS } from "../../orchestrator/execute/poll-schedule";
import { BenchSize, TableRow } from "./results-writer";
import { round } from "./support/stats";
import { searchSchedule, ScheduleSearch } from "./support/schedule-search";
import { MAX_UPGRADE_MS, MIN_UPGRADE_MS, SHORT_MAX_UPGRADE_MS, SHORT_MIN_UPGRADE_MS } from "./support/scenarios";

/** The rows' budget: 4 describes per member-minute (issue #23). */
const DESCRIBES_PER_MINUTE = 4;
/** Half a minute of elapsed time per interval the search chooses. */
const SLOT_MS = 30_000;

/**
 * Computed rows for issue #23's decision (support/schedule-search.ts): the p95 a poll schedule
 * FITTED to each row's duration draws reaches for a rolling upgrade with one secondary, with the
 * budget counted over the row and no read charged but the polls. Not a measurement of the
 * orchestrator, which knows no duration range and keeps its budget per run.
 */
export function fittedScheduleRows(data: Record<string, unknown>, size: BenchSize): TableRow[] {
    const rows: TableRow[] = [];
    for (const [key, label, minMs, maxMs] of [
        ["fittedScheduleRolling1", "6–20 min", MIN_UPGRADE_MS, MAX_UPGRADE_MS],
        ["fittedScheduleShortRolling1", "3–8 min", SHORT_MIN_UPGRADE_MS, SHORT_MAX_UPGRADE_MS],
    ] as const) {
        const search: ScheduleSearch = {
            minMs,
            maxMs,
            earliestMs: EARLIEST_UPGRADE_FINISH_MS,
            slotMs: SLOT_MS,
            maxIntervalMs: BASE_POLL_MS,
            describesPerMinute: DESCRIBES_PER_MINUTE,
            readsPerWait: 0,
            trials: size === "smoke" ? 50 : 2000,
            seed: 2300 + minMs / 60_000,
        };
        const found = searchSchedule(search);
        data[key] = {
            kind: "computed (support/schedule-search.ts): a schedule fitted to the row's draws, not a measurement",
            trials: search.trials,
            p95InSample: round(found.p95InSample, 4),
            p95HeldOut: round(found.p95HeldOut, 4),
            describesPerMemberMinute: round(found.describesPerMinute, 2),
            intervalsSeconds: found.intervalsSeconds,
        };
        rows.push({
            section: "criticalPath",
            metric: `bound: rolling, 1 secondary (${label}), fitted schedule`,
            value: `p95 ${found.p95HeldOut.toFixed(4)} held out; ${round(found.describesPerMinute, 2)}/min`,
            target: "(info) computed",
        });
    }
    return rows;
}
