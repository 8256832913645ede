import { PolicyConfigSchema, StackValidationPolicy } from "@pulumi/policy";
import { EngineCatalogue, RULES } from "aurora-global/planner";
import { assessStack, optionProblemMessage, urnFor, violationMessage } from "../lib/assess";
import { configWithDefaults } from "../lib/config";
import { FAILOVER_RULES } from "./global-members-same-version";

const configSchema: PolicyConfigSchema = {
    properties: {
        engineCatalogue: {
            type: "object",
            description:
                "What DescribeDBEngineVersions says, for the invalid-upgrade-target and target-without-global-support rules on programs that do not record a plan: " +
                '{ "upgradeTargets": { "<current EngineVersion>": [{ "version": "...", "isMajorVersionUpgrade": false, "supportsGlobalDatabases": true }] }, "supportsGlobal": { "<EngineVersion>": true } }.',
            properties: {
                upgradeTargets: { type: "object" },
                supportsGlobal: { type: "object" },
            },
        },
    },
};

interface Config {
    readonly engineCatalogue?: EngineCatalogue;
}

/**
 * Every change the upgrade planner blocks (downgrade, engine change, major without opt-in, invalid
 * target, target without global support, PostgreSQL major with rds.global_db_rpo, MySQL 2 → 3 in
 * place, a secondary without instances, a new secondary at another version, …) fails the preview.
 * The rules are the planner's (planner/rules.ts); this policy only feeds them what the stack shows.
 */
export const noBlockedVersionChange: StackValidationPolicy = {
    name: "no-blocked-version-change",
    description: `Blocks every engine-version change the upgrade planner refuses: ${RULES.filter(
        (r) => !FAILOVER_RULES.includes(r.id),
    )
        .map((r) => r.summary)
        .join("; ")}.`,
    enforcementLevel: "mandatory",
    configSchema,
    validateStack: (args, reportViolation) => {
        const config = configWithDefaults<Config>(args, configSchema);
        for (const a of assessStack(args.resources, config.engineCatalogue)) {
            for (const v of a.violations.filter((x) => !FAILOVER_RULES.includes(x.rule)))
                reportViolation(violationMessage(a.view, v), urnFor(a.view, v));
            for (const p of a.optionProblems ?? [])
                reportViolation(optionProblemMessage(a.view, p), a.view.component?.urn);
        }
    },
};
