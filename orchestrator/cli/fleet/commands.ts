import * as path from "path";
import { PlanFormat } from "../../../planner";
import { EXIT, gateway } from "../commands";
import { ResolvedDeps } from "../deps";
import { planFleet } from "./fleet-plan";
import { runFleet } from "./fleet-run";
import { fleetStatus, renderFleetStatus } from "./fleet-status";
import { renderFleetPlan } from "./render-plan";
import { readRolloutFile } from "./rollout-file";
import { DatabaseRunOptions } from "./run-database";
import { automationStacks } from "./stacks";
import { SharedDescribes } from "./shared-describe";

/** A rollout's dependencies: every call through its clients (shared describes, paced per region). */
function fleetDeps(deps: ResolvedDeps): { deps: ResolvedDeps; shared: SharedDescribes } {
    const shared = new SharedDescribes(deps.clients, deps.clock);
    return { deps: { ...deps, clients: shared.factory }, shared };
}

/** `aurora-global fleet plan --file F`: every database, its wave, path, steps, what is blocked; exit 2 when blocked. */
export async function runFleetPlan(deps: ResolvedDeps, a: { file: string; format: PlanFormat }): Promise<number> {
    const rollout = readRolloutFile(a.file);
    const plan = await planFleet(gateway(fleetDeps(deps).deps), rollout);
    deps.stdout(renderFleetPlan(plan, a.format) + "\n");
    return plan.blocked ? EXIT.input : EXIT.ok;
}

/** `aurora-global fleet run --file F`: wave by wave, each database as `upgrade` does it; halts at the first failure. */
export async function runFleetRun(
    deps: ResolvedDeps,
    a: DatabaseRunOptions & { file: string; format: PlanFormat },
): Promise<number> {
    const rollout = readRolloutFile(a.file);
    const { deps: paced, shared } = fleetDeps(deps);
    const api = gateway(paced);
    const plan = await planFleet(api, rollout);
    const base = rollout.directory;
    const stacks = () =>
        (deps.stacks ?? automationStacks)({
            workDir: path.resolve(base, rollout.pulumi.workDir),
            policyPacks: rollout.pulumi.policyPacks.map((p) => path.resolve(base, p)),
            log: (l) => deps.stderr(`${l}\n`),
        });
    const result = await runFleet(paced, api, plan, { ...a, stacks, shared });
    return result.code;
}

/** `aurora-global fleet status --file F`: where each wave and database stands; changes nothing. */
export async function runFleetStatus(deps: ResolvedDeps, a: { file: string; format: PlanFormat }): Promise<number> {
    const rollout = readRolloutFile(a.file);
    deps.stdout(renderFleetStatus(rollout, await fleetStatus(gateway(fleetDeps(deps).deps), rollout), a.format) + "\n");
    return EXIT.ok;
}
