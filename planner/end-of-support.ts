import { Engine, engineLabel, EngineVersion, tryParseVersion, VersionParseError } from "../engine-versions";
import { vcpusOf } from "./instance-vcpus";

/** What DescribeDBMajorEngineVersions says of one major version (SupportedEngineLifecycles). */
export interface MajorLifecycle {
    /** `17`, `16` (PostgreSQL); `8.0`, `5.7`, `8.4` (MySQL). */
    readonly major: string;
    /** End of Aurora standard support (`open-source-rds-standard-support` LifecycleSupportEndDate), ISO date. */
    readonly standardSupportEnds?: string;
    /** End of RDS Extended Support (`open-source-rds-extended-support` LifecycleSupportEndDate), ISO date. */
    readonly extendedSupportEnds?: string;
}

/**
 * RDS Extended Support price per vCPU-hour, provisioned instances, US East: $0.100 in years 1 and 2,
 * $0.200 in year 3 (published price summaries of AWS's pricing pages, 2026-05: Usage.ai "RDS
 * Extended Support Pricing", CloudYali; docs/aws-rules.md §11). Charged "beginning the day after the
 * Aurora end of standard support date" (Aurora User Guide, "Amazon RDS Extended Support charges").
 * Other regions differ slightly: the estimate says which rate it used.
 */
export const EXTENDED_SUPPORT_USD_PER_VCPU_HOUR = { years1to2: 0.1, year3: 0.2 } as const;
/** Hours in a month for a monthly figure (AWS's pricing pages use 730). */
export const HOURS_PER_MONTH = 730;

/** The Extended Support charge of the database's instances now. */
export interface ExtendedSupportCharge {
    readonly vcpus: number;
    readonly usdPerVcpuHour: number;
    /** 1, 2 or 3: the year of Extended Support the date falls in. */
    readonly year: number;
    readonly usdPerMonth: number;
    /** Instance classes whose vCPUs the table does not know (not counted). */
    readonly unknownClasses: readonly string[];
}

/** The end-of-support facts of one database: its running major's dates and, past the first, its charge. */
export interface EndOfSupportFacts {
    readonly engine: Engine;
    readonly major: string;
    readonly standardSupportEnds?: string;
    readonly extendedSupportEnds?: string;
    readonly pastStandardSupport: boolean;
    readonly pastExtendedSupport: boolean;
    /** Only past the end of standard support, when the instance classes are known. */
    readonly charge?: ExtendedSupportCharge;
}

/** What {@link endOfSupportFacts} needs: pure input, no AWS call. */
export interface EndOfSupportInput {
    readonly engine: Engine;
    /** The version the database runs (as AWS reports it, parsed here) or declares (the parsed target). */
    readonly version: string | EngineVersion;
    /** DescribeDBMajorEngineVersions' dates, by major. */
    readonly lifecycles: Readonly<Record<string, MajorLifecycle>>;
    /** The instance class of every DB instance of every member (each is charged). */
    readonly instanceClasses?: readonly string[];
    /** The date to judge at (ms since the epoch). */
    readonly now: number;
}

const DAY_MS = 86_400_000;

/**
 * End-of-support facts of one database: pure, for the planner and for any caller that has the
 * lifecycle dates (a fleet rollout ranks databases by them). Undefined when the version does not
 * parse or AWS gave no dates for its major.
 */
export function endOfSupportFacts(input: EndOfSupportInput): EndOfSupportFacts | undefined {
    const parsed = typeof input.version === "string" ? tryParseVersion(input.engine, input.version) : input.version;
    if (parsed instanceof VersionParseError) return undefined;
    const life = input.lifecycles[parsed.major];
    if (!life || (life.standardSupportEnds === undefined && life.extendedSupportEnds === undefined)) return undefined;
    const after = (date?: string) => date !== undefined && input.now >= Date.parse(date) + DAY_MS;
    const pastStandard = after(life.standardSupportEnds);
    const charge =
        pastStandard && input.instanceClasses !== undefined
            ? chargeOf(input.instanceClasses, Date.parse(life.standardSupportEnds!) + DAY_MS, input.now)
            : undefined;
    return {
        engine: input.engine,
        major: parsed.major,
        ...(life.standardSupportEnds ? { standardSupportEnds: life.standardSupportEnds } : {}),
        ...(life.extendedSupportEnds ? { extendedSupportEnds: life.extendedSupportEnds } : {}),
        pastStandardSupport: pastStandard,
        pastExtendedSupport: after(life.extendedSupportEnds),
        ...(charge ? { charge } : {}),
    };
}

function chargeOf(classes: readonly string[], chargedFrom: number, now: number): ExtendedSupportCharge {
    const known = classes.map((c) => ({ c, v: vcpusOf(c) }));
    const vcpus = known.reduce((sum, x) => sum + (x.v ?? 0), 0);
    const year = Math.min(3, Math.floor((now - chargedFrom) / (365 * DAY_MS)) + 1);
    const rate = year >= 3 ? EXTENDED_SUPPORT_USD_PER_VCPU_HOUR.year3 : EXTENDED_SUPPORT_USD_PER_VCPU_HOUR.years1to2;
    return {
        vcpus,
        usdPerVcpuHour: rate,
        year,
        usdPerMonth: Math.round(vcpus * rate * HOURS_PER_MONTH * 100) / 100,
        unknownClasses: [...new Set(known.filter((x) => x.v === undefined).map((x) => x.c))],
    };
}

/** The facts in words, for the plan. */
export function endOfSupportWords(f: EndOfSupportFacts): string {
    const name = `${engineLabel(f.engine)} ${f.major}`;
    const standard = f.standardSupportEnds
        ? `standard support ends ${f.standardSupportEnds}`
        : "end of standard support unknown";
    const extended = f.extendedSupportEnds ? `, Extended Support ends ${f.extendedSupportEnds}` : "";
    if (!f.pastStandardSupport) return `${name}: ${standard}${extended}`;
    const charge = f.charge
        ? `; Extended Support charge about $${f.charge.usdPerMonth.toFixed(2)} per month (${f.charge.vcpus} vCPUs × $${f.charge.usdPerVcpuHour.toFixed(3)} per vCPU-hour, year ${f.charge.year}, US East price)${f.charge.unknownClasses.length > 0 ? `, not counting ${f.charge.unknownClasses.join(", ")}` : ""}`
        : "; Extended Support is charged per vCPU-hour (instance classes not read)";
    const past = f.pastExtendedSupport ? " and of Extended Support: AWS upgrades the major version itself" : "";
    return `${name}: past the end of standard support (${f.standardSupportEnds})${past}${extended}${charge}`;
}
