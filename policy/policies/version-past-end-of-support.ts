import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { EndOfSupportFacts, endOfSupportFacts, endOfSupportWords, MajorLifecycle } from "aurora-global/planner";
import { isEngine } from "aurora-global/vocabulary";
import { componentSettings } from "../lib/component-contract";
import { configWithDefaults } from "../lib/config";
import { findGlobalDatabases, GlobalDatabaseView } from "../lib/global-topology";
import { str } from "../lib/props";

const configSchema: PolicyConfigSchema = {
    properties: {
        endOfStandardSupport: {
            type: "object",
            description:
                'For programs without the component\'s recorded plan: the end of standard support by engine and major, as DescribeDBMajorEngineVersions reports it, e.g. { "aurora-postgresql": { "11": "2024-02-29" } }.',
        },
    },
};

interface Config {
    readonly endOfStandardSupport?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

/** The declared version's facts: the component's recorded plan, else the configured dates. */
function declaredSupport(view: GlobalDatabaseView, config: Config, now: number): EndOfSupportFacts | undefined {
    const settings = view.component ? componentSettings(view.component.props) : undefined;
    if (settings?.recordedDeclaredSupport) return settings.recordedDeclaredSupport;
    const engine = settings?.engine ?? str(view.globalCluster?.props, "engine");
    const version = settings?.engineVersion ?? str(view.globalCluster?.props, "engineVersion");
    const dates = engine ? config.endOfStandardSupport?.[engine] : undefined;
    if (!engine || !isEngine(engine) || !version || !dates) return undefined;
    const lifecycles: Record<string, MajorLifecycle> = Object.fromEntries(
        Object.entries(dates).map(([major, end]) => [major, { major, standardSupportEnds: end }]),
    );
    return endOfSupportFacts({ engine, version, lifecycles, now });
}

/**
 * A stack that declares a version past its end of standard support: RDS Extended Support charges
 * per vCPU-hour from the next day, and after it AWS upgrades the major version itself. Advisory by
 * default (a version past support still runs); an organisation may make it mandatory.
 */
export const versionPastEndOfSupport: StackValidationPolicy = {
    name: "version-past-end-of-support",
    description:
        "Warns when an Aurora global database declares a version past its end of standard support (DescribeDBMajorEngineVersions): Extended Support is charged per vCPU-hour, and AWS upgrades the major itself after it.",
    enforcementLevel: "advisory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const config = configWithDefaults<Config>(args, configSchema);
        for (const view of findGlobalDatabases(args.resources)) {
            const facts = declaredSupport(view, config, Date.now());
            if (!facts?.pastStandardSupport) continue;
            const urn = (view.component ?? view.globalCluster ?? view.members[0]?.resource)?.urn;
            reportViolation(
                `global database "${view.identifier}": ${endOfSupportWords(facts)}. Fix: upgrade to a major version in standard support.`,
                urn,
            );
        }
    },
};
