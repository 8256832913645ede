import type { DBEngineVersion } from "@aws-sdk/client-rds";
import {
    classifyChange,
    compareVersions,
    Engine,
    engineLabel,
    parameterGroupFamily,
    parseVersion,
} from "../../engine-versions";

/** One engine version the simulated region offers (DescribeDBEngineVersions). */
export interface CatalogueEntry {
    readonly engine: Engine;
    /** AWS's EngineVersion string: `17.4`, `8.0.mysql_aurora.3.08.0`, `8.4.7`. */
    readonly version: string;
    /** Default true. */
    readonly supportsGlobalDatabases?: boolean;
    /**
     * PostgreSQL: the patch level a cluster lands on when upgraded to this version
     * (`aurora_version()`, e.g. `17.5.4`). Default `<version>.0`.
     */
    readonly patchLevel?: string;
    /**
     * Explicit ValidUpgradeTarget versions. When omitted: every newer version of the same major
     * line in the catalogue, plus {@link majorTargets}.
     */
    readonly upgradeTargets?: readonly string[];
    /** Major-version targets added to the computed list. */
    readonly majorTargets?: readonly string[];
}

const PG_16 = ["16.6", "16.8"];
const PG_17 = ["17.4", "17.5"];
const MYSQL_3 = [
    "8.0.mysql_aurora.3.08.0",
    "8.0.mysql_aurora.3.08.1",
    "8.0.mysql_aurora.3.08.2",
    "8.0.mysql_aurora.3.09.0",
    "8.0.mysql_aurora.3.10.0",
];

/**
 * A realistic catalogue for both engines. `16.1` is listed without global database support;
 * Aurora MySQL 8.4 is reached from version 3 only.
 */
export function defaultCatalogue(): CatalogueEntry[] {
    const pg = (version: string, patchLevel: string, extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
        engine: "aurora-postgresql",
        version,
        patchLevel,
        ...extra,
    });
    const my = (version: string, extra: Partial<CatalogueEntry> = {}): CatalogueEntry => ({
        engine: "aurora-mysql",
        version,
        ...extra,
    });
    return [
        pg("15.6", "15.6.3", { majorTargets: ["16.1", ...PG_16] }),
        pg("15.10", "15.10.2", { majorTargets: [...PG_16, ...PG_17] }),
        pg("16.1", "16.1.6", { supportsGlobalDatabases: false, majorTargets: PG_17 }),
        pg("16.6", "16.6.4", { majorTargets: PG_17 }),
        pg("16.8", "16.8.3", { majorTargets: PG_17 }),
        pg("17.4", "17.4.5"),
        pg("17.5", "17.5.4"),
        my("5.7.mysql_aurora.2.12.1", { majorTargets: MYSQL_3 }),
        my("5.7.mysql_aurora.2.12.4", { majorTargets: MYSQL_3 }),
        ...MYSQL_3.map((v) => my(v, { majorTargets: ["8.4.7"] })),
        my("8.4.7"),
    ];
}

/** Looks versions up in a catalogue and answers DescribeDBEngineVersions. */
export class EngineCatalogue {
    constructor(readonly entries: readonly CatalogueEntry[] = defaultCatalogue()) {}

    find(engine: string, version: string): CatalogueEntry | undefined {
        return this.entries.find((e) => e.engine === engine && e.version === version);
    }

    /** The ValidUpgradeTarget versions of `version`, oldest first. */
    upgradeTargets(entry: CatalogueEntry): string[] {
        if (entry.upgradeTargets) return [...entry.upgradeTargets];
        const from = parseVersion(entry.engine, entry.version);
        const sameLine = this.entries
            .filter((e) => e.engine === entry.engine)
            .map((e) => parseVersion(e.engine, e.version))
            .filter((v) => v.majorRank === from.majorRank && compareVersions(v, from) > 0)
            .sort(compareVersions)
            .map((v) => v.text);
        return [...sameLine, ...(entry.majorTargets ?? [])];
    }

    /** True when `to` is a ValidUpgradeTarget of `from` for `engine`. */
    isValidTarget(engine: string, from: string, to: string): boolean {
        const entry = this.find(engine, from);
        return entry !== undefined && this.upgradeTargets(entry).includes(to);
    }

    /** True when the catalogue lists `version` with global database support. */
    supportsGlobal(engine: string, version: string): boolean {
        const entry = this.find(engine, version);
        return entry !== undefined && entry.supportsGlobalDatabases !== false;
    }

    /** The PostgreSQL patch level an upgrade to `version` lands on. */
    patchLevelOf(engine: string, version: string): string {
        const entry = this.find(engine, version);
        if (engine !== "aurora-postgresql") return version;
        return entry?.patchLevel ?? `${version}.0`;
    }

    /** DescribeDBEngineVersions: filters by Engine and EngineVersion when given. */
    describe(engine?: string, version?: string): DBEngineVersion[] {
        return this.entries
            .filter(
                (e) =>
                    (engine === undefined || e.engine === engine) && (version === undefined || e.version === version),
            )
            .map((e) => this.shape(e));
    }

    private shape(entry: CatalogueEntry): DBEngineVersion {
        const from = parseVersion(entry.engine, entry.version);
        const targets = this.upgradeTargets(entry);
        const latestSameLine = targets
            .filter((t) => classifyChange(from, parseVersion(entry.engine, t)) !== "major")
            .pop();
        return {
            Engine: entry.engine,
            EngineVersion: entry.version,
            DBParameterGroupFamily: parameterGroupFamily(from),
            DBEngineDescription: engineLabel(entry.engine),
            DBEngineVersionDescription: `${engineLabel(entry.engine)} ${entry.version}`,
            Status: "available",
            SupportsGlobalDatabases: entry.supportsGlobalDatabases !== false,
            ValidUpgradeTarget: targets.map((t) => {
                const target = this.find(entry.engine, t);
                return {
                    Engine: entry.engine,
                    EngineVersion: t,
                    Description: `${engineLabel(entry.engine)} ${t}`,
                    AutoUpgrade: t === latestSameLine,
                    IsMajorVersionUpgrade: classifyChange(from, parseVersion(entry.engine, t)) === "major",
                    SupportsGlobalDatabases: target ? target.supportsGlobalDatabases !== false : false,
                };
            }),
        };
    }
}
