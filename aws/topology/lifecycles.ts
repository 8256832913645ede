import {
    DBMajorEngineVersion,
    DescribeDBInstancesCommand,
    DescribeDBInstancesCommandOutput,
    DescribeDBMajorEngineVersionsCommand,
    DescribeDBMajorEngineVersionsCommandOutput,
} from "@aws-sdk/client-rds";
import { Engine } from "../../engine-versions";
import { endOfSupportFacts, MajorLifecycle } from "../../planner";
import { describeAwsError } from "../errors";
import { RdsGateway } from "../gateway";
import { endsTheRun } from "../run-errors";
import { OPTIONAL_FACT_RETRY } from "./facts";
import { MemberTopology } from "./types";

const isoDay = (d: Date | undefined) =>
    d instanceof Date && !Number.isNaN(d.getTime()) ? d.toISOString().slice(0, 10) : undefined;

/** One DBMajorEngineVersion as the planner's MajorLifecycle (SupportedEngineLifecycles' end dates). */
export function lifecycleOf(entry: DBMajorEngineVersion): MajorLifecycle | undefined {
    if (!entry.MajorEngineVersion) return undefined;
    const end = (name: string) =>
        isoDay(entry.SupportedEngineLifecycles?.find((l) => l.LifecycleSupportName === name)?.LifecycleSupportEndDate);
    const standard = end("open-source-rds-standard-support");
    const extended = end("open-source-rds-extended-support");
    return {
        major: entry.MajorEngineVersion,
        ...(standard ? { standardSupportEnds: standard } : {}),
        ...(extended ? { extendedSupportEnds: extended } : {}),
    };
}

/**
 * DescribeDBMajorEngineVersions (Engine; every page, MaxRecords 100): the lifecycle dates of each
 * major version, the one place they are read. Unavailable is a warning, not a stop: the plan is
 * made without end-of-support facts.
 */
export async function readLifecycles(
    api: RdsGateway,
    region: string,
    engine: Engine,
    warnings: string[],
): Promise<Record<string, MajorLifecycle> | undefined> {
    const out: Record<string, MajorLifecycle> = {};
    try {
        let marker: string | undefined;
        do {
            const page = await api.send<DescribeDBMajorEngineVersionsCommandOutput>(
                region,
                new DescribeDBMajorEngineVersionsCommand({ Engine: engine, MaxRecords: 100, Marker: marker }),
                OPTIONAL_FACT_RETRY,
            );
            for (const entry of page.DBMajorEngineVersions ?? []) {
                const life = entry.Engine === undefined || entry.Engine === engine ? lifecycleOf(entry) : undefined;
                if (life) out[life.major] = life;
            }
            marker = page.Marker;
        } while (marker);
        return out;
    } catch (e) {
        if (endsTheRun(e)) throw e;
        warnings.push(
            `end-of-support dates unavailable (DescribeDBMajorEngineVersions: ${describeAwsError(e)}): planned without them`,
        );
        return undefined;
    }
}

/**
 * The instance classes of every member (DescribeDBInstances per member, in its region), read only
 * when the running major is past its end of standard support: the Extended Support charge counts
 * their vCPUs. Unavailable leaves the classes unknown (the plan says so).
 */
export async function withInstanceClasses(
    api: RdsGateway,
    engine: Engine,
    members: readonly MemberTopology[],
    lifecycles: Readonly<Record<string, MajorLifecycle>> | undefined,
    warnings: string[],
): Promise<readonly MemberTopology[]> {
    const running = members.find((m) => m.role === "primary")?.engineVersion;
    if (!lifecycles || !running) return members;
    const facts = endOfSupportFacts({ engine, version: running, lifecycles, now: api.clock.now() });
    if (!facts?.pastStandardSupport) return members;
    try {
        return await Promise.all(members.map(async (m) => ({ ...m, instanceClasses: await classesOf(api, m) })));
    } catch (e) {
        if (endsTheRun(e)) throw e;
        warnings.push(
            `instance classes unavailable (DescribeDBInstances: ${describeAwsError(e)}): no Extended Support charge`,
        );
        return members;
    }
}

async function classesOf(api: RdsGateway, m: MemberTopology): Promise<string[]> {
    const out = await api.send<DescribeDBInstancesCommandOutput>(
        m.region,
        new DescribeDBInstancesCommand({ Filters: [{ Name: "db-cluster-id", Values: [m.cluster] }] }),
        OPTIONAL_FACT_RETRY,
    );
    return (out.DBInstances ?? []).map((i) => i.DBInstanceClass).filter((c): c is string => typeof c === "string");
}
