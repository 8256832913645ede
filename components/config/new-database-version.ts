import * as pulumi from "@pulumi/pulumi";
import {
    awsEngineVersionOf,
    compareVersions,
    Engine,
    EngineVersion,
    Target,
    targetVersion,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";
import { describeAwsError } from "../../aws/errors";
import { RdsGateway } from "../../aws/gateway";
import { endsTheRun } from "../../aws/run-errors";
import { catalogueOf, globalVersionsOffered } from "../../aws/topology/facts";
import { ArgsProblem, AuroraGlobalDatabaseArgsError } from "./args-error";

/** How many of the versions AWS offers the fix names. */
const NEAREST = 3;

/** What the engine catalogue of one region says about the target of a new global database. */
export interface RegionCatalogueAnswer {
    readonly region: string;
    /** The target is listed (DescribeDBEngineVersions with Engine and EngineVersion). */
    readonly listed: boolean;
    /** Its SupportsGlobalDatabases, when listed. */
    readonly supportsGlobal?: boolean;
    /** The versions offered there with SupportsGlobalDatabases true (asked only when the target fails). */
    readonly offeredWithGlobal?: readonly string[];
}

/** The `count` offered versions nearest to `target` (the newer first on a tie), oldest first. */
export function nearestVersions(
    engine: Engine,
    target: string | EngineVersion,
    offered: readonly string[],
    count = NEAREST,
): string[] {
    const parsed = (v: string) => tryParseVersion(engine, v);
    const wanted = typeof target === "string" ? parsed(target) : target;
    const known = offered
        .map(parsed)
        .filter((v): v is EngineVersion => !(v instanceof VersionParseError))
        .sort(compareVersions);
    if (wanted instanceof VersionParseError) return known.slice(-count).map((v) => v.text);
    let right = known.findIndex((v) => compareVersions(v, wanted) > 0);
    if (right < 0) right = known.length;
    let left = right - 1;
    const picked: EngineVersion[] = [];
    while (picked.length < count && (left >= 0 || right < known.length)) {
        if (right < known.length) picked.push(known[right++]);
        if (picked.length < count && left >= 0) picked.push(known[left--]);
    }
    return picked.sort(compareVersions).map((v) => v.text);
}

/**
 * The problem a new global database at `target` (AWS form) meets in one region, or undefined when
 * AWS offers it there with global database support. Pure: tested alone.
 */
export function newDatabaseVersionProblem(
    engine: Engine,
    target: string | EngineVersion,
    answer: RegionCatalogueAnswer,
): ArgsProblem | undefined {
    if (answer.listed && answer.supportsGlobal === true) return undefined;
    const text = typeof target === "string" ? target : target.text;
    const nearest = nearestVersions(engine, target, answer.offeredWithGlobal ?? []);
    const fix =
        nearest.length > 0
            ? `use a version AWS offers there with global database support, e.g. ${nearest.map((v) => `"${v}"`).join(", ")}`
            : `AWS offers no ${engine} version with global database support there: choose another region`;
    const why = answer.listed
        ? `does not support global databases in ${answer.region} (DescribeDBEngineVersions: SupportsGlobalDatabases false)`
        : `is not an engine version AWS offers for ${engine} in ${answer.region} (DescribeDBEngineVersions lists no such version)`;
    return {
        rule: answer.listed ? "target-without-global-support" : "engine-version-not-offered",
        path: "engineVersion",
        message: `engineVersion "${text}" ${why}; AWS would refuse CreateGlobalCluster at up: ${fix}`,
    };
}

/**
 * Before a new global database is created: AWS must offer the target (AWS form) with global
 * database support in every member region, read with the CLI's catalogue reader
 * (`aws/topology/facts`), as CreateGlobalCluster/CreateDBCluster check it at `up`
 * ("The requested engine version was not found or does not support global functionality",
 * docs/aws-rules.md §9). A refused target stops the preview with an
 * {@link AuroraGlobalDatabaseArgsError} naming the version, the region and the nearest versions
 * offered; nothing is written. A catalogue AWS does not answer (permission) is a warning.
 */
export async function checkNewDatabaseVersion(
    api: RdsGateway,
    name: string,
    engine: Engine,
    target: Target,
    regions: readonly string[],
    parent: pulumi.Resource,
): Promise<void> {
    const version = targetVersion(target, engine);
    if (version === undefined) return; // reported by the args validation
    const aws = awsEngineVersionOf(version);
    const wanted = aws.text;
    const answers = await Promise.all(
        [...new Set(regions)].map(async (region): Promise<RegionCatalogueAnswer | undefined> => {
            try {
                const catalogue = await catalogueOf(api, region, engine, [wanted]);
                const supportsGlobal = catalogue.supportsGlobal?.[wanted];
                const listed = supportsGlobal !== undefined || catalogue.upgradeTargets?.[wanted] !== undefined;
                if (listed && supportsGlobal === true) return { region, listed, supportsGlobal };
                const offeredWithGlobal = await globalVersionsOffered(api, region, engine);
                return { region, listed, ...(listed ? { supportsGlobal } : {}), offeredWithGlobal };
            } catch (e) {
                if (endsTheRun(e)) throw e;
                void pulumi.log.warn(
                    `engine catalogue unavailable in ${region} (DescribeDBEngineVersions: ${describeAwsError(e)}): could not check that AWS offers ${engine} ${wanted} with global database support there before creating the database`,
                    parent,
                );
                return undefined;
            }
        }),
    );
    const problems = answers
        .filter((a): a is RegionCatalogueAnswer => a !== undefined)
        .map((a) => newDatabaseVersionProblem(engine, aws, a))
        .filter((p): p is ArgsProblem => p !== undefined);
    if (problems.length > 0) throw new AuroraGlobalDatabaseArgsError(name, problems);
}
