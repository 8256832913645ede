import type { DBMajorEngineVersion } from "@aws-sdk/client-rds";

/**
 * What the simulated DescribeDBMajorEngineVersions answers: each Aurora major's end of standard
 * support and of RDS Extended Support. Sources: AWS's release calendars as endoflife.date copies
 * them ("Aurora end of standard support date", "End of RDS Extended Support date"):
 * Aurora PostgreSQL (aurorapostgresql-release-calendar.html) 11: 2024-02-29 / 2027-03-31,
 * 12: 2025-02-28 / 2028-02-29 (the Extended Support end is the calendar's three-year pattern, not
 * read), 13: 2026-02-28 / 2029-02-28, 14: 2027-02-28 / 2030-02-28, 15: 2028-02-29 / 2031-02-28,
 * 16: 2029-02-28 / 2032-02-28, 17: 2030-02-28 / 2033-02-28; Aurora MySQL
 * (AuroraMySQL.release-calendars.html) 5.7 (version 2): 2024-10-31 / 2027-02-28, 8.0 (version 3):
 * 2028-04-30 / 2029-07-31, 8.4: 2032-04-30 (no Extended Support date published).
 *
 * Shape: SupportedEngineLifecycles[] of {LifecycleSupportName (`open-source-rds-standard-support`
 * | `open-source-rds-extended-support`), LifecycleSupportStartDate, LifecycleSupportEndDate}
 * (@aws-sdk/client-rds models; "Viewing support dates for engine versions in Amazon RDS Extended
 * Support"). Extended Support starts the day after standard support ends.
 */
export const MAJOR_LIFECYCLES: Readonly<Record<string, Readonly<Record<string, readonly [string, string?]>>>> = {
    "aurora-postgresql": {
        "11": ["2024-02-29", "2027-03-31"],
        "12": ["2025-02-28", "2028-02-29"],
        "13": ["2026-02-28", "2029-02-28"],
        "14": ["2027-02-28", "2030-02-28"],
        "15": ["2028-02-29", "2031-02-28"],
        "16": ["2029-02-28", "2032-02-28"],
        "17": ["2030-02-28", "2033-02-28"],
    },
    "aurora-mysql": {
        "5.7": ["2024-10-31", "2027-02-28"],
        "8.0": ["2028-04-30", "2029-07-31"],
        "8.4": ["2032-04-30"],
    },
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const dayAfter = (iso: string) => new Date(day(iso).getTime() + 86_400_000);

/** DescribeDBMajorEngineVersions' entries for an engine (and a major, when asked). */
export function describeMajorEngineVersions(engine?: string, major?: string): DBMajorEngineVersion[] {
    return Object.entries(MAJOR_LIFECYCLES)
        .filter(([e]) => engine === undefined || e === engine)
        .flatMap(([e, majors]) =>
            Object.entries(majors)
                .filter(([m]) => major === undefined || m === major)
                .map(([m, [standardEnd, extendedEnd]]) => ({
                    Engine: e,
                    MajorEngineVersion: m,
                    SupportedEngineLifecycles: [
                        {
                            LifecycleSupportName: "open-source-rds-standard-support" as const,
                            LifecycleSupportStartDate: day("2018-01-01"),
                            LifecycleSupportEndDate: day(standardEnd),
                        },
                        ...(extendedEnd
                            ? [
                                  {
                                      LifecycleSupportName: "open-source-rds-extended-support" as const,
                                      LifecycleSupportStartDate: dayAfter(standardEnd),
                                      LifecycleSupportEndDate: day(extendedEnd),
                                  },
                              ]
                            : []),
                    ],
                })),
        );
}
