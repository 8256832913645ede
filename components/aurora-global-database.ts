import * as aws from "@pulumi/aws";
import * as command from "@pulumi/command";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { Plan, planUpgrade, PlanJson, toPlanJson } from "../planner";
import { readTarget, Target } from "../engine-versions";
import { AuroraGlobalDatabaseArgs, DEFAULTS, ResolvedMember, resolveMembers, resolveUpgrade } from "./config/args";
import { specOf, stepsToDeclare, UpgradeStepsRecord } from "./steps/kept-steps";
import { readLastUpgradeSteps } from "./steps/last-deployment";
import { declaredGroupOverrides, LiveState, movedWriter, readPlanInput } from "./resources/live-state";
import { failoverReady, MemberVersion, memberVersions } from "./resources/member-versions";
import {
    AuroraRegionalMember,
    AuroraRegionalMemberArgs,
    resourceEngineVersion,
    SharedClusterSettings,
} from "./resources/regional-member";
import { StepSpec, stepGraph } from "./steps/step-graph";
import { updateId } from "./steps/update-id";
import { stepIdentity } from "./steps/step-identity";
import { createUpgradeSteps, reportPlan } from "./steps/upgrade-steps";
import { AuroraGlobalDatabaseArgsError, validateArgs } from "./config/validate";
import { RESOURCE_TYPES, TAGS } from "../vocabulary";

export const GLOBAL_CLUSTER_IGNORE_CHANGES = ["engineVersion"];

/** The plan, its steps and what was read live, once the invokes are answered. */
interface Planned {
    readonly plan: Plan;
    readonly live: LiveState;
    readonly record: UpgradeStepsRecord;
    readonly steps: command.local.Command[];
}

/**
 * An Aurora global database whose engine version is one declarative input.
 *
 * Owns the `aws.rds.GlobalCluster`, one {@link AuroraRegionalMember} per region (the primary
 * first, secondaries after it), a master password from `@pulumi/random`, and — when the plan
 * has work — the upgrade steps (`local.Command`s running the `aurora-global` CLI). At preview and
 * up it reads each member's running version, plans the change with the shared planner, logs the
 * plan, and records it (with its violations) in its registered outputs.
 *
 * Completed steps are kept (`upgrade.keepCompletedSteps`, on by default): once an upgrade has
 * run, the next plan has no work, yet the component declares the last upgrade's steps again,
 * unchanged (names, commands, triggers, environment, dependsOn graph), so they neither run again
 * nor show a diff and the preview after a successful `up` shows no change. It learns them from
 * its own stack's last deployed outputs: a self `StackReference` (`<name>-last-deployment`,
 * `org/project/stack`) reads the `upgradeSteps` output that the stack program exports from
 * {@link upgradeStepsRecord}. They are kept only while `engineVersion` is still their target,
 * the global cluster is the same and the plan is neither blocked nor has other work; a new
 * version's steps replace them (their triggers change, so they run). New work at the same target
 * (a resumed or repeated upgrade) whose step would equal a kept one gets a run counter in its
 * triggers (`[to, "run-2"]`), so it runs. No output yet or an output in another shape means
 * nothing to keep; so does an unknown stack name (warned); a read the engine refuses fails the
 * preview, like any failed read. `keepCompletedSteps: false` reads nothing and keeps nothing.
 */
export class AuroraGlobalDatabase extends pulumi.ComponentResource {
    public readonly globalClusterIdentifier: string;
    public readonly globalCluster: aws.rds.GlobalCluster;
    public readonly primary: AuroraRegionalMember;
    public readonly secondaries: AuroraRegionalMember[];
    /** The plan as JSON (`steps[]`, `violations[]`, `blocked`, `path`, ...). */
    public readonly plan: pulumi.Output<PlanJson>;
    /** Every member's version by region: the live EngineVersion, or the declared one for a new member. */
    public readonly memberVersions: pulumi.Output<Record<string, MemberVersion>>;
    /** True when every member exists and runs the same version, so cross-region failover is possible. */
    public readonly failoverReady: pulumi.Output<boolean>;
    /** The upgrade steps declared: the plan's, or the last upgrade's kept ones (empty otherwise). */
    public readonly upgradeSteps: pulumi.Output<StepSpec[]>;
    /**
     * The declared steps with everything their inputs are built from (secret-free). Export it as
     * the stack output `upgradeSteps` (a list of them for several databases in one stack): the
     * next run reads it back to keep completed steps (`upgrade.keepCompletedSteps`).
     */
    public readonly upgradeStepsRecord: pulumi.Output<UpgradeStepsRecord>;
    /** The master user name of the primary. The password is never an output. */
    public readonly masterUsername: string;

    constructor(name: string, args: AuroraGlobalDatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        // Malformed input fails before anything is declared, the component itself included.
        throwIfMalformed(name, args);
        super(RESOURCE_TYPES.component, name, plainArgs(name, args), opts);

        const members = resolveMembers(name, args);
        const [primary, ...secondaries] = members;
        // The declared version, read once: the resources, the live read, the plan and the outputs carry it.
        const target = readTarget(args.engineVersion);
        this.globalClusterIdentifier = args.globalClusterIdentifier ?? name;
        this.masterUsername = args.masterUsername ?? DEFAULTS.masterUsername;
        const shared = sharedSettings(args, target, this.globalClusterIdentifier);
        this.globalCluster = this.createGlobalCluster(name, args, shared, primary.region);
        const password = this.createMasterPassword(name);
        this.primary = this.createPrimary(name, primary, shared, password.result, args.databaseName);
        this.secondaries = secondaries.map((s) => this.createSecondary(name, s, shared));

        const planned = this.planAndCreateSteps(name, args, target, members, [
            this.globalCluster,
            this.primary,
            ...this.secondaries,
        ]);
        this.plan = pulumi.output(planned.then((p) => toPlanJson(p.plan)));
        this.upgradeSteps = pulumi.output(planned.then((p) => p.record.steps.map(specOf)));
        this.upgradeStepsRecord = pulumi.output(planned.then((p) => p.record));
        const versions = planned.then((p) => memberVersions(members, p.live, target.text, p.plan));
        this.memberVersions = pulumi.output(versions);
        this.failoverReady = pulumi.output(versions.then((v) => failoverReady(args.engine, v)));
        this.registerOutputs(this.outputsToRegister(args));
    }

    /** The global cluster, in the primary's region; its engine version is set at creation and then ignored. */
    private createGlobalCluster(
        name: string,
        args: AuroraGlobalDatabaseArgs,
        shared: SharedClusterSettings,
        region: string,
    ): aws.rds.GlobalCluster {
        return new aws.rds.GlobalCluster(
            `${name}-global`,
            {
                region,
                globalClusterIdentifier: this.globalClusterIdentifier,
                engine: args.engine,
                engineVersion: resourceEngineVersion(args.engine, shared.target),
                storageEncrypted: shared.storageEncrypted,
                deletionProtection: shared.deletionProtection,
                tags: shared.tags,
            },
            { parent: this, ignoreChanges: GLOBAL_CLUSTER_IGNORE_CHANGES },
        );
    }

    /** The master password, a secret that never leaves the primary cluster's inputs. */
    private createMasterPassword(name: string): random.RandomPassword {
        return new random.RandomPassword(
            `${name}-master-password`,
            // RDS refuses "/", "@", '"' and spaces in master passwords.
            { length: 32, special: true, overrideSpecial: "!#$%&*()-_=+[]{}<>:?" },
            { parent: this },
        );
    }

    private memberArgs(member: ResolvedMember, shared: SharedClusterSettings): AuroraRegionalMemberArgs {
        return { member, shared, globalClusterIdentifier: this.globalCluster.id };
    }

    /** The primary member, the only one with the master user. */
    private createPrimary(
        name: string,
        member: ResolvedMember,
        shared: SharedClusterSettings,
        password: pulumi.Output<string>,
        databaseName: string | undefined,
    ): AuroraRegionalMember {
        return new AuroraRegionalMember(
            `${name}-primary`,
            { ...this.memberArgs(member, shared), master: { username: this.masterUsername, password, databaseName } },
            { parent: this },
        );
    }

    /** A secondary member: it joins once the primary exists. */
    private createSecondary(name: string, member: ResolvedMember, shared: SharedClusterSettings): AuroraRegionalMember {
        return new AuroraRegionalMember(`${name}-secondary-${member.region}`, this.memberArgs(member, shared), {
            parent: this,
            dependsOn: [this.primary],
        });
    }

    /** What the component registers as its outputs (where the policy pack reads the plan). */
    private outputsToRegister(args: AuroraGlobalDatabaseArgs): pulumi.Inputs {
        return {
            globalClusterIdentifier: this.globalClusterIdentifier,
            engine: args.engine,
            engineVersion: args.engineVersion,
            plan: this.plan,
            planBlocked: this.plan.apply((p) => p.blocked),
            violations: this.plan.apply((p) => p.violations),
            memberVersions: this.memberVersions,
            failoverReady: this.failoverReady,
            upgradeSteps: this.upgradeSteps,
        };
    }

    /**
     * Reads the live state (and, keeping completed steps, the last update's steps), plans,
     * reports, and declares the upgrade steps: the plan's when it has work, else the kept ones.
     */
    private async planAndCreateSteps(
        name: string,
        args: AuroraGlobalDatabaseArgs,
        target: Target,
        members: ResolvedMember[],
        database: pulumi.Resource[],
    ): Promise<Planned> {
        const upgrade = resolveUpgrade(args.upgrade);
        const previous = upgrade.keepCompletedSteps ? await readLastUpgradeSteps(name, this) : undefined;
        // One identity for the preview's reads and the steps (step-identity.ts).
        const identity = await stepIdentity(this, upgrade.identity, false);
        const { live, input } = await readPlanInput(
            this,
            name,
            args.engine,
            this.globalClusterIdentifier,
            members,
            target,
            upgrade,
            { identity, existed: previous?.globalClusterId === this.globalClusterIdentifier },
        );
        const moved = movedWriter(members, live);
        if (moved)
            void pulumi.log.warn(
                `the configured primary, cluster "${moved.configured.clusterIdentifier}" (${moved.configured.region}), is not the writer: AWS reports cluster "${moved.writer.cluster}" (${moved.writer.region}) writing (after a switchover or failover). The plan follows AWS: "${moved.writer.cluster}" is snapshotted and upgraded last. Fix: switch the writer back (aws rds switchover-global-cluster --global-cluster-identifier ${this.globalClusterIdentifier} --target-db-cluster-identifier <ARN of ${moved.configured.clusterIdentifier}>); changing the configured primary region instead would replace the member clusters`,
                this,
            );
        const plan = planUpgrade(input);
        reportPlan(plan, this);
        const homeRegion = members[0].region;
        // Static keys refused only where a step would act as them (step-identity.ts).
        const stepsAs = plan.steps.length > 0 ? await stepIdentity(this, upgrade.identity) : identity;
        const specs = stepGraph(plan, upgrade, homeRegion, stepsAs, declaredGroupOverrides(members));
        const { record, kept } = stepsToDeclare({
            component: name,
            globalClusterId: this.globalClusterIdentifier,
            homeRegion,
            plan,
            specs,
            previous,
            leaseGroup: updateId(),
        });
        if (kept)
            void pulumi.log.info(
                `keeping the ${record.steps.length} completed upgrade step(s) to ${record.target} unchanged (they do not run again)`,
                this,
            );
        const steps = createUpgradeSteps(name, record, database, this);
        return { plan, live, record, steps };
    }
}

/** Malformed input: one error listing every problem, each with its rule id and property path. */
function throwIfMalformed(name: string, args: AuroraGlobalDatabaseArgs): void {
    const problems = validateArgs(args, name);
    if (problems.length > 0) throw new AuroraGlobalDatabaseArgsError(name, problems);
}

/** Settings every member shares. */
function sharedSettings(
    args: AuroraGlobalDatabaseArgs,
    target: Target,
    globalClusterIdentifier: string,
): SharedClusterSettings {
    return {
        engine: args.engine,
        target,
        storageEncrypted: args.storageEncrypted ?? true,
        deletionProtection: args.deletionProtection ?? true,
        port: args.port,
        backupRetentionPeriod: args.backupRetentionPeriod ?? DEFAULTS.backupRetentionPeriod,
        preferredBackupWindow: args.preferredBackupWindow,
        preferredMaintenanceWindow: args.preferredMaintenanceWindow,
        tags: { ...(args.tags ?? {}), [TAGS.globalCluster]: globalClusterIdentifier },
    };
}

/** The plain, structural arguments recorded with the component (never Inputs or secrets). */
function plainArgs(name: string, args: AuroraGlobalDatabaseArgs): Record<string, unknown> {
    const upgrade = resolveUpgrade(args.upgrade);
    return {
        engine: args.engine,
        engineVersion: args.engineVersion,
        globalClusterIdentifier: args.globalClusterIdentifier ?? name,
        members: resolveMembers(name, args).map((m) => ({
            role: m.role,
            region: m.region,
            clusterIdentifier: m.clusterIdentifier,
            instanceCount: m.instanceCount,
            instanceClass: m.instanceClass,
            ...(m.engineVersion !== undefined ? { engineVersion: m.engineVersion } : {}),
        })),
        upgrade: {
            strategy: upgrade.strategy,
            allowMajorVersionUpgrade: upgrade.allowMajorVersionUpgrade,
            snapshotBeforeUpgrade: upgrade.snapshotBeforeUpgrade,
            timeoutMinutes: upgrade.timeoutMinutes,
            pollSeconds: upgrade.pollSeconds,
            applyPendingPatches: upgrade.applyPendingPatches,
            keepCompletedSteps: upgrade.keepCompletedSteps,
        },
        storageEncrypted: args.storageEncrypted ?? true,
        deletionProtection: args.deletionProtection ?? true,
    };
}
