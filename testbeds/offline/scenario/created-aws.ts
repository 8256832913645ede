import * as path from "path";
import { SwitchoverGlobalClusterCommand } from "@aws-sdk/client-rds";
import { loadProgram, loadProject, recordedBeforeFailure, runProgramUnderMocks } from "../mock-engine";
import { createSimulatedRds, SimulatedRds, VirtualClock } from "../../simulator";
import { SWITCHOVER_MS } from "../../simulator/commands/switchover";
import { proxiesOf, simulatedAws } from "./simulated-aws";
import { Scenario } from "./types";
import { createUserParameterGroups } from "./user-groups";

/** The project root (Pulumi.yaml, index.ts). */
const PROJECT_DIR = path.join(__dirname, "..", "..", "..");

/** How the scenario's starting state was made, for section 1 of the run. */
export interface StartingState {
    readonly sim: SimulatedRds;
    /** True when the stack on main was created through the simulator's Create* calls. */
    readonly created: boolean;
    /** What was done, one line each (printed as is). */
    readonly how: readonly string[];
    /** The stack outputs of the creating `pulumi up` ({} when seeded): the next run's self stack reference reads them. */
    readonly outputs: Record<string, unknown>;
    /** Index in `sim.calls` of the first call after the starting state was made (calls before it set the scene). */
    readonly firstCall: number;
}

/** Why a scenario's `aws:` block cannot be reached from the created stack, or undefined when it can. */
export function notCreatable(scenario: Scenario): string | undefined {
    const { aws } = scenario;
    const odd = aws.members.find((m) => m.version !== undefined && m.version !== aws.version);
    if (odd) return `${odd.cluster} runs ${odd.version} while the database runs ${aws.version} (a half-done upgrade)`;
    if (aws.upgradedByAws)
        return `every member runs ${aws.version} while the stack on main declares ${String(scenario.stackConfig.engineVersion)} (AWS, or someone, upgraded it: creation cannot)`;
    const rpo = aws.members.find((m) => m.rpo);
    if (rpo) return `${rpo.cluster} sets rds.global_db_rpo in a parameter group the stack does not declare`;
    return undefined;
}

/**
 * The scenario's starting state, made as AWS makes it where that is possible: `pulumi up` of the
 * stack on main (`before`) under the mock engine, every RDS resource created through the simulated
 * control plane's CreateGlobalCluster / CreateDBCluster / CreateDBInstance, so AWS's create-time
 * rules apply (a refusal fails the run with AWS's code and text). What creation cannot produce is
 * then reached through AWS's own operations (roles moved: SwitchoverGlobalCluster to the scenario's
 * writer), and what AWS decides on its own is set on the simulator: how long each member's upgrade
 * takes, pending maintenance actions, injected faults. The created topology must be the one the
 * `aws:` block describes (clusters, regions, instances, version); a scenario whose state creation
 * cannot reach ({@link notCreatable}) is seeded from its `aws:` block instead, and says so.
 */
export async function startingState(
    scenario: Scenario,
    before: Record<string, unknown>,
    clock: VirtualClock,
    projectDir: string = PROJECT_DIR,
): Promise<StartingState> {
    const reason = notCreatable(scenario);
    if (reason !== undefined) {
        const sim = simulatedAws(scenario, clock);
        return {
            sim,
            created: false,
            how: [`seeded from the scenario file's aws: block (creating the stack cannot reach this state: ${reason})`],
            outputs: {},
            firstCall: sim.calls.length,
        };
    }
    const sim = createSimulatedRds({ clock });
    const groups = await createUserParameterGroups(sim, scenario);
    const outputs = await createStack(sim, before, projectDir);
    const how = [
        ...groups,
        `pulumi up of the stack on main under the mock engine, each RDS resource created through AWS's create calls and their rules: ${createdSummary(sim)}`,
    ];
    checkCreated(sim, scenario);
    const writer = scenario.aws.members.find((m) => m.role === "primary");
    const created = sim.globalCluster(scenario.aws.globalCluster);
    const createdWriter = created.members.find((m) => m.role === "primary");
    if (writer && createdWriter && writer.cluster !== createdWriter.id) {
        const target = created.members.find((m) => m.id === writer.cluster)!;
        await sim.clientFor(target.region).send(
            new SwitchoverGlobalClusterCommand({
                GlobalClusterIdentifier: created.id,
                TargetDbClusterIdentifier: target.arn,
            }),
        );
        await clock.advance(SWITCHOVER_MS);
        how.push(
            `SwitchoverGlobalCluster to ${target.id}: it writes now, ${createdWriter.id} (the stack's primaryRegion) is a secondary`,
        );
    }
    how.push(...applyAwsDecisions(sim, scenario));
    return { sim, created: true, how, outputs, firstCall: sim.calls.length };
}

/** `pulumi up` of the stack program with the stack's config on main, creating in `sim`. */
async function createStack(
    sim: SimulatedRds,
    config: Record<string, unknown>,
    projectDir: string,
): Promise<Record<string, unknown>> {
    try {
        const run = await runProgramUnderMocks({
            projectFile: loadProject(projectDir),
            program: loadProgram(path.join(projectDir, "index.ts")),
            config,
            preview: false,
            controlPlane: sim,
            aws: sim,
        });
        return run.outputs;
    } catch (e) {
        const made = recordedBeforeFailure(e)?.resources.length ?? 0;
        throw new Error(
            `creating the stack on main failed after ${made} registrations: ${e instanceof Error ? e.message : String(e)}`,
            { cause: e },
        );
    }
}

/** `CreateGlobalCluster ×1, CreateDBCluster ×2, CreateDBInstance ×3`: the create calls AWS accepted. */
function createdSummary(sim: SimulatedRds): string {
    const counts = new Map<string, number>();
    for (const c of sim.calls)
        if (c.command.startsWith("Create") && !c.command.endsWith("ParameterGroup") && !c.error)
            counts.set(c.command, (counts.get(c.command) ?? 0) + 1);
    return [...counts].map(([op, n]) => `${op} ×${n}`).join(", ") || "nothing created";
}

/** The created database is the one the scenario's `aws:` block describes, or the scenario is inconsistent. */
function checkCreated(sim: SimulatedRds, scenario: Scenario): void {
    const { aws } = scenario;
    const problems: string[] = [];
    let global;
    try {
        global = sim.globalCluster(aws.globalCluster);
    } catch {
        throw new Error(
            `scenario ${scenario.name}: the stack on main created no global cluster "${aws.globalCluster}" (aws.globalCluster): set globalClusterIdentifier in stackConfig`,
        );
    }
    if (global.engine !== aws.engine) problems.push(`engine ${global.engine}, aws.engine says ${aws.engine}`);
    for (const m of aws.members) {
        const c = global.members.find((x) => x.id === m.cluster);
        if (!c) {
            problems.push(`no cluster ${m.cluster} in ${m.region}`);
            continue;
        }
        if (c.region !== m.region) problems.push(`${m.cluster} is in ${c.region}, the scenario says ${m.region}`);
        if (c.instances !== m.instances)
            problems.push(`${m.cluster} has ${c.instances} instance(s), the scenario says ${m.instances}`);
        if (!sameVersion(c.auroraVersion, aws.version))
            problems.push(`${m.cluster} runs ${c.auroraVersion}, the scenario says ${aws.version}`);
    }
    const extra = global.members.filter((c) => !aws.members.some((m) => m.cluster === c.id));
    for (const c of extra)
        problems.push(`the stack also created ${c.id} (${c.region}), which the scenario does not list`);
    if (problems.length > 0)
        throw new Error(
            `scenario ${scenario.name}: the stack on main (Pulumi.${scenario.stack}.yaml with stackConfig) does not create what aws: describes: ${problems.join("; ")}`,
        );
}

/** `17.4.5` matches `17.4.5` and `17.4` (AWS's EngineVersion of that patch level). */
function sameVersion(full: string, described: string): boolean {
    return full === described || full.startsWith(`${described}.`);
}

/**
 * What AWS decides on its own, set on the simulator: upgrade durations, pending actions, faults;
 * and what others made outside the stack: the RDS Proxies that target members.
 */
function applyAwsDecisions(sim: SimulatedRds, scenario: Scenario): string[] {
    const lines: string[] = [];
    for (const proxy of proxiesOf(scenario)) {
        sim.addProxy(proxy);
        lines.push(
            `made outside the stack: RDS Proxy ${proxy.name} (${proxy.region}) targets ${proxy.targets?.join(", ")}`,
        );
    }
    for (const m of scenario.aws.members) {
        sim.setUpgradeDuration(m.cluster, m.upgradeMinutes * 60_000);
        for (const p of m.pendingActions) {
            sim.schedulePendingAction(m.cluster, {
                action: p.action,
                ...(p.targetVersion !== undefined ? { targetVersion: p.targetVersion } : {}),
                ...(p.minutes !== undefined ? { durationMs: p.minutes * 60_000 } : {}),
            });
        }
        if (m.pendingActions.length > 0)
            lines.push(
                `AWS scheduled on ${m.cluster}: ${m.pendingActions.map((p) => `${p.action}${p.targetVersion ? ` → ${p.targetVersion}` : ""}`).join(", ")}`,
            );
        if (m.failUpgrade) {
            sim.faults.failUpgrade(m.cluster);
            lines.push(`fault: the next engine upgrade of ${m.cluster} ends in upgrade_failed`);
        }
    }
    return lines;
}
