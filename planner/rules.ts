import { awsEngineVersion, engineLabel } from "../engine-versions";
import { VERSION_FLAGS } from "../cli-contract/flags";
import { blueGreenLimits, blueGreenNotAvailable, mysqlMinorInPlaceRefused, refusedInPlace } from "./blue-green";
import { memberRef, MemberContext, overallChange, PlanContext } from "./context";
import { awsUpgradedOf } from "./aws-upgraded";
import { noFailoverAfterPlan } from "./failover-rule";
import { nextWindowStart } from "./maintenance-window";
import { RuleId, Violation } from "./types";
import { postgresBlueGreenVersions } from "./blue-green";

/**
 * The planner's blocking rules: one table, the single source of truth used by the component,
 * the CLI and the policy pack. Each rule returns every violation it finds.
 */
export interface Rule {
    readonly id: RuleId;
    /** One line on what the rule protects, for docs and policy descriptions. */
    readonly summary: string;
    check(ctx: PlanContext): Violation[];
}

const v = (rule: RuleId, message: string, fix: string, cluster?: string): Violation =>
    cluster === undefined ? { rule, message, fix } : { rule, message, fix, cluster };

const existing = (ctx: PlanContext) => ctx.members.filter((m) => m.current !== undefined);
const isMajor = (ctx: PlanContext) => overallChange(ctx) === "major";

export const RULES: readonly Rule[] = [
    {
        id: "malformed-version",
        summary: "every version string parses for its engine",
        check: (ctx) =>
            ctx.parseErrors.map((p) =>
                v("malformed-version", `${p.where}: ${p.error.message}`, "correct the version string", p.cluster),
            ),
    },
    {
        id: "patch-level-with-version-change",
        summary: "an Aurora PostgreSQL patch level is a target only within its minor version",
        check: patchLevelWithVersionChange,
    },
    {
        id: "engine-change",
        summary: "the engine of an existing global database never changes",
        check: ({ input }) =>
            input.globalCurrentEngine !== undefined && input.globalCurrentEngine !== input.engine
                ? [
                      v(
                          "engine-change",
                          `global cluster "${input.globalClusterId}" runs ${input.globalCurrentEngine}; changing it to ${input.engine} is not an upgrade`,
                          `keep engine "${input.globalCurrentEngine}", or migrate to a new global database (snapshot restore or logical replication)`,
                      ),
                  ]
                : [],
    },
    {
        id: "downgrade",
        summary:
            "Aurora cannot downgrade an engine version (every member alike on a newer version is an AWS-applied upgrade: a warning, not a downgrade)",
        check: (ctx) =>
            awsUpgradedOf(ctx)
                ? []
                : existing(ctx)
                      .filter((m) => m.change === "downgrade")
                      .map((m) =>
                          v(
                              "downgrade",
                              `${memberRef(m.state)} runs ${m.current!.text}; ${ctx.input.target.text} is older and Aurora cannot downgrade`,
                              `set engineVersion to ${m.current!.text} or newer; to go back, restore the pre-upgrade snapshot into a new cluster`,
                              m.state.cluster,
                          ),
                      ),
    },
    {
        id: "major-without-opt-in",
        summary: "a major version upgrade needs an explicit opt-in",
        check: (ctx) =>
            isMajor(ctx) && !ctx.input.options.allowMajorVersionUpgrade
                ? [
                      v(
                          "major-without-opt-in",
                          `${ctx.input.target.text} is a major version upgrade from ${majorFrom(ctx)} and allowMajorVersionUpgrade is false`,
                          `set upgrade.allowMajorVersionUpgrade to true (the CLI: ${VERSION_FLAGS.allowMajor}) after testing the application on the new major version`,
                      ),
                  ]
                : [],
    },
    {
        id: "invalid-upgrade-target",
        summary: "the target is a valid upgrade target of every member's current version",
        check: (ctx) => existing(ctx).flatMap((m) => invalidTarget(ctx, m)),
    },
    {
        id: "target-without-global-support",
        summary: "the target version supports Aurora global databases",
        check: (ctx) =>
            ctx.target && supportsGlobal(ctx) === false
                ? [
                      v(
                          "target-without-global-support",
                          `${engineLabel(ctx.input.engine)} ${ctx.input.target.text} does not support global databases`,
                          "choose a version whose SupportsGlobalDatabases is true (aws rds describe-db-engine-versions --engine " +
                              `${ctx.input.engine} --query "DBEngineVersions[?SupportsGlobalDatabases].EngineVersion")`,
                      ),
                  ]
                : [],
    },
    {
        id: "postgres-major-with-rpo",
        summary: "Aurora PostgreSQL major upgrades need the RPO feature (rds.global_db_rpo) off",
        check: (ctx) =>
            ctx.input.engine === "aurora-postgresql" && isMajor(ctx)
                ? existing(ctx)
                      .filter((m) => m.state.rpoEnabled)
                      .map((m) =>
                          v(
                              "postgres-major-with-rpo",
                              `${memberRef(m.state)} sets rds.global_db_rpo; Aurora PostgreSQL cannot do a major upgrade while the RPO feature is on`,
                              "reset rds.global_db_rpo in the cluster parameter group, apply it, then upgrade; set it again afterwards",
                              m.state.cluster,
                          ),
                      )
                : [],
    },
    {
        id: "mysql-2-to-3-in-place",
        summary: "Aurora MySQL 2 → 3 in place only under the documented conditions",
        check: (ctx) => {
            // Blue/green is not in place: the green clusters are upgraded copies.
            if (ctx.input.options.strategy === "blue-green") return [];
            if (!ctx.target || ctx.target.auroraMysqlGeneration !== 3) return [];
            const fromV2 = existing(ctx).filter((m) => m.current!.auroraMysqlGeneration === 2);
            if (fromV2.length === 0) return [];
            const nonDefault = fromV2.filter((m) => m.state.lowerCaseTableNamesDefault === false);
            if (ctx.input.options.mysqlInPlaceMajorConfirmed && nonDefault.length === 0) return [];
            const why =
                nonDefault.length > 0
                    ? `${nonDefault.map((m) => memberRef(m.state)).join(", ")} sets lower_case_table_names to a non-default value`
                    : "the in-place conditions are not confirmed (upgrade.mysqlInPlaceMajorConfirmed)";
            return [
                v(
                    "mysql-2-to-3-in-place",
                    `Aurora MySQL 2 → 3 in place on a global database needs lower_case_table_names at its default and a reboot: ${why}`,
                    "confirm the conditions with upgrade.mysqlInPlaceMajorConfirmed: true, or remove the secondaries, upgrade the primary, and add them again (or restore a snapshot at version 3)",
                ),
            ];
        },
    },
    {
        id: "mysql-8.4-only-from-3",
        summary: "Aurora MySQL 8.4 is reached in place from version 3 only",
        check: (ctx) =>
            ctx.target?.auroraMysqlGeneration === 8.4
                ? existing(ctx)
                      .filter((m) => m.current!.auroraMysqlGeneration === 2)
                      .map((m) =>
                          v(
                              "mysql-8.4-only-from-3",
                              `${memberRef(m.state)} runs ${m.current!.text}; Aurora MySQL 8.4 is reached in place from version 3 only`,
                              "upgrade to Aurora MySQL version 3 (8.0.mysql_aurora.3.x) first, then to 8.4",
                              m.state.cluster,
                          ),
                      )
                : [],
    },
    {
        id: "managed-not-available",
        summary: "the managed global operation exists for Aurora PostgreSQL minor versions only",
        check: (ctx) => {
            const change = overallChange(ctx);
            if (ctx.input.options.strategy !== "managed" || (change !== "minor" && change !== "patch")) return [];
            if (ctx.input.engine === "aurora-mysql") {
                return [
                    v(
                        "managed-not-available",
                        "strategy managed is not available for Aurora MySQL: ModifyGlobalCluster only does major upgrades",
                        refusedInPlace(ctx).length > 0
                            ? 'use strategy "blue-green": AWS refuses this minor upgrade in place on a global database'
                            : 'use strategy "rolling" or "auto"',
                    ),
                ];
            }
            return change === "patch"
                ? [
                      v(
                          "managed-not-available",
                          "strategy managed does not apply patch levels: AWS's managed minor upgrade does not handle them",
                          'use strategy "auto" (pending maintenance, secondaries first) or "rolling"',
                      ),
                  ]
                : [];
        },
    },
    {
        id: "mysql-minor-in-place-refused",
        summary:
            "AWS refuses an in-place minor upgrade of an Aurora MySQL global database to a newer community MySQL (8.4, 3.04+, 2.12)",
        check: mysqlMinorInPlaceRefused,
    },
    {
        id: "blue-green-not-available",
        summary: `Blue/Green Deployments need Aurora PostgreSQL ${postgresBlueGreenVersions()} (any Aurora MySQL) and an engine version change`,
        check: blueGreenNotAvailable,
    },
    {
        id: "blue-green-limits",
        summary:
            "no member has a Blue/Green Deployment limit (Secrets-Manager-managed master password, volume that cannot be cloned, RDS Proxy, replication roles), and the members' target-family groups share one name (one deployment takes one)",
        check: blueGreenLimits,
    },
    {
        id: "secondary-without-instance",
        summary: "every secondary has at least one DB instance (AWS cannot upgrade a headless secondary)",
        check: (ctx) =>
            ctx.members
                .filter((m) => m.state.role === "secondary" && m.state.instanceCount < 1)
                .map((m) =>
                    v(
                        "secondary-without-instance",
                        `${memberRef(m.state)} has no DB instance; AWS refuses to upgrade it ("Cannot modify engine version without a primary instance in DB cluster")`,
                        "give the secondary at least one instance (instanceCount: 1 or more) before changing the version",
                        m.state.cluster,
                    ),
                ),
    },
    {
        id: "members-at-different-versions",
        summary: "every member declares the same engine version as the global cluster",
        check: (ctx) =>
            ctx.members
                .filter((m) => m.declared && ctx.target && m.declared.text !== ctx.target.text)
                .map((m) =>
                    v(
                        "members-at-different-versions",
                        `${memberRef(m.state)} declares engineVersion ${m.declared!.text} but the global cluster declares ${ctx.input.target.text}; members at different versions cannot fail over`,
                        `declare ${ctx.input.target.text} on every member and on the global cluster (one engineVersion for the whole global database)`,
                        m.state.cluster,
                    ),
                ),
    },
    {
        id: "new-secondary-at-other-version",
        summary: "a new secondary joins at the global cluster's current version",
        check: (ctx) => {
            const running = runningVersion(ctx);
            if (!running || !ctx.target || running.text === ctx.target.text || overallChange(ctx) === "none") return [];
            return ctx.members
                .filter((m) => m.current === undefined && m.state.role === "secondary")
                .map((m) =>
                    v(
                        "new-secondary-at-other-version",
                        `${memberRef(m.state)} is new and would be created at ${ctx.input.target.text} while the global cluster runs ${running.text} (AWS: "Value for engineVersion should match setting for global cluster")`,
                        "add the secondary and change engineVersion in separate updates: finish the upgrade first, then add the region (or add it first at the running version)",
                        m.state.cluster,
                    ),
                );
        },
    },
    {
        id: "maintenance-windows-out-of-order",
        summary:
            "pending patches scheduled for the next maintenance window reach every secondary before the primary (their windows are in that order)",
        check: (ctx) => windowsOutOfOrder(ctx),
    },
    {
        id: "no-failover-after-plan",
        summary:
            "the plan ends with every member on versions AWS can switch over and fail over between (same major and minor; Aurora MySQL the same patch; Aurora PostgreSQL past the same listed patch releases)",
        check: noFailoverAfterPlan,
    },
];

/**
 * Aurora PostgreSQL's EngineVersion has no patch level (`17.4`; docs/aws-rules.md §7): a create,
 * a minor or a major upgrade sets MAJOR.MINOR and AWS chooses the patch level it lands on, so a
 * target naming one (`17.4.5`) would be reported done while AWS runs another. A patch level is a
 * target only when the minor stays (the pending `system-update`).
 */
function patchLevelWithVersionChange(ctx: PlanContext): Violation[] {
    const target = ctx.target;
    if (ctx.input.engine !== "aurora-postgresql" || target?.patch === undefined) return [];
    const change = overallChange(ctx);
    const creates = existing(ctx).length === 0;
    if (!creates && change !== "minor" && change !== "major") return [];
    const aws = awsEngineVersion(target);
    const what = creates ? "a new global database is created" : `a ${change} upgrade sets the engine version`;
    return [
        v(
            "patch-level-with-version-change",
            `${ctx.input.target.text} names patch level ${target.patch}, but ${what} at ${aws} (Aurora PostgreSQL's EngineVersion has no patch level) and AWS chooses the patch level: the result would not be ${ctx.input.target.text}`,
            `give ${aws} (engineVersion "${aws}", the CLI: ${VERSION_FLAGS.target} ${aws}); once every member runs it, ${ctx.input.target.text} is a patch (pending system-update) of its own`,
        ),
    ];
}

/** When a member's pending system-update would be applied with `next-maintenance`: its CurrentApplyDate, else its next window. */
function nextApplyTime(ctx: PlanContext, m: MemberContext): number | undefined {
    const action = (m.state.pendingActions ?? []).find((a) => a.action === "system-update");
    if (!action) return undefined;
    if (action.optInStatus === "next-maintenance" && action.currentApplyDate !== undefined) {
        const at = Date.parse(action.currentApplyDate);
        if (!Number.isNaN(at)) return at;
    }
    const { now } = ctx.input;
    return m.state.maintenanceWindow !== undefined && now !== undefined
        ? nextWindowStart(m.state.maintenanceWindow, now)
        : undefined;
}

/**
 * With `next-maintenance`, AWS applies each member's patch in that member's own window: the plan's
 * "secondaries first" holds only when every secondary's next window comes before the primary's.
 */
function windowsOutOfOrder(ctx: PlanContext): Violation[] {
    if (ctx.input.options.applyPendingPatches !== "next-maintenance") return [];
    const change = overallChange(ctx);
    if (change !== "none" && change !== "patch") return [];
    const primary = ctx.members.find((m) => m.state.role === "primary" && m.current !== undefined);
    const primaryAt = primary ? nextApplyTime(ctx, primary) : undefined;
    if (!primary || primaryAt === undefined) return [];
    const iso = (ms: number) => new Date(ms).toISOString().replace(/:00\.000Z$/, "Z");
    return ctx.members
        .filter((m) => m.state.role === "secondary" && m.current !== undefined)
        .flatMap((m) => {
            const at = nextApplyTime(ctx, m);
            if (at === undefined || at < primaryAt) return [];
            return [
                v(
                    "maintenance-windows-out-of-order",
                    `${memberRef(primary.state)} would be patched at ${iso(primaryAt)} (its next maintenance window${primary.state.maintenanceWindow ? ` ${primary.state.maintenanceWindow}` : ""}), before ${memberRef(m.state)} at ${iso(at)}${m.state.maintenanceWindow ? ` (${m.state.maintenanceWindow})` : ""}: with next-maintenance each member is patched in its own window, so the secondaries would not go first`,
                    `set preferredMaintenanceWindow so that every secondary's window comes before the primary's (e.g. the secondaries sun:03:00-sun:03:30, the primary sun:05:00-sun:05:30), or apply now with applyPendingPatches "immediate" (secondaries first)`,
                    m.state.cluster,
                ),
            ];
        });
}

/** Runs every rule; an empty list means the change is allowed. */
export function checkRules(ctx: PlanContext): Violation[] {
    if (ctx.parseErrors.length > 0) return RULES[0].check(ctx);
    return RULES.flatMap((rule) => rule.check(ctx));
}

function majorFrom(ctx: PlanContext): string {
    const m = ctx.members.find((x) => x.change === "major");
    return m?.current?.text ?? "the running version";
}

/** The version the global database runs now: the primary's, else the global cluster's. */
export function runningVersion(ctx: PlanContext) {
    return ctx.members.find((m) => m.state.role === "primary")?.current ?? ctx.globalCurrent;
}

function invalidTarget(ctx: PlanContext, m: MemberContext): Violation[] {
    const targets = ctx.input.catalogue?.upgradeTargets?.[awsEngineVersion(m.current!)];
    if (!targets || !ctx.target || m.change === "none" || m.change === "downgrade") return [];
    const wanted = awsEngineVersion(ctx.target);
    if (wanted === awsEngineVersion(m.current!)) return []; // a patch level within one EngineVersion
    if (targets.some((t) => t.version === wanted)) return [];
    const valid = targets.map((t) => t.version);
    return [
        v(
            "invalid-upgrade-target",
            `${wanted} is not a valid upgrade target of ${awsEngineVersion(m.current!)} for ${memberRef(m.state)}`,
            valid.length > 0
                ? `choose one of: ${valid.join(", ")}`
                : `no upgrade target is offered from ${awsEngineVersion(m.current!)}; contact AWS support`,
            m.state.cluster,
        ),
    ];
}

function supportsGlobal(ctx: PlanContext): boolean | undefined {
    const wanted = awsEngineVersion(ctx.target!);
    const direct = ctx.input.catalogue?.supportsGlobal?.[wanted];
    if (direct !== undefined) return direct;
    for (const targets of Object.values(ctx.input.catalogue?.upgradeTargets ?? {})) {
        const hit = targets.find((t) => t.version === wanted && t.supportsGlobalDatabases !== undefined);
        if (hit) return hit.supportsGlobalDatabases;
    }
    return undefined;
}
