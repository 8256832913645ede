import { SimulatedRds } from "../../simulator";
import { StartingState } from "../scenario/created-aws";
import { scenarioFile } from "../scenario/load";
import { Scenario } from "../scenario/types";
import { Drift, Preview } from "./preview";
import { memberLine, Out } from "./upgrade";
import { RESOURCE_TYPES } from "../../../vocabulary";

export { OUTPUT_WIDTH, wrap, wrapLine } from "./wrap";

/** `── 2. Title ───…` */
export function heading(out: Out, title: string): void {
    out("");
    out(`── ${title} ${"─".repeat(Math.max(3, 96 - title.length))}`);
}

const show = (v: unknown): string =>
    v === undefined ? "(not set)" : typeof v === "string" ? JSON.stringify(v) : JSON.stringify(v);

/** What runs in AWS now (read from the simulator) and the pull request as a config diff. */
export function printScenario(
    out: Out,
    scenario: Scenario,
    sim: SimulatedRds,
    before: Record<string, unknown>,
    after: Record<string, unknown>,
    start: Pick<StartingState, "how">,
): void {
    const global = sim.globalCluster(scenario.aws.globalCluster);
    out("How AWS got here (the simulated control plane):");
    for (const line of start.how) out(`  ${line}`);
    out("");
    out(`What runs in AWS now (${scenarioFile(scenario.name)}):`);
    out(`  global cluster ${global.id}: ${global.engine} ${global.engineVersion}, ${global.status}`);
    for (const m of global.members) {
        const seeded = scenario.aws.members.find((x) => x.cluster === m.id);
        const extras = [
            `${m.instances} instance${m.instances === 1 ? "" : "s"}`,
            `an upgrade takes ~${seeded?.upgradeMinutes ?? "?"}m`,
            ...(seeded?.rpo ? ["rds.global_db_rpo set"] : []),
            ...(seeded && seeded.pendingActions.length > 0
                ? [
                      `pending: ${seeded.pendingActions.map((p) => `${p.action}${p.targetVersion ? ` → ${p.targetVersion}` : ""}`).join(", ")}`,
                  ]
                : []),
        ];
        out(`  ${memberLine(m)}  ${extras.join(", ")}`);
    }
    out("");
    out(`The pull request (Pulumi.${scenario.stack}.yaml):`);
    for (const key of Object.keys(scenario.pullRequest)) {
        const k = key.includes(":") ? key : `aurora-global:${key}`;
        out(`  - ${k}: ${show(before[k])}`);
        out(`  + ${k}: ${show(after[k])}`);
    }
}

/**
 * The next preview's differences. The upgrade steps of the last update (`local.Command`s with no
 * delete command) are not registered again once the plan has nothing to do: the engine lists
 * them as deletes of state entries, which touches nothing in AWS; they are shown apart.
 */
export function printDrift(out: Out, drift: readonly Drift[]): { database: number; steps: number } {
    const isStep = (d: Drift) => d.op === "delete" && d.type === RESOURCE_TYPES.command;
    const database = drift.filter((d) => !isStep(d));
    const steps = drift.filter(isStep);
    if (database.length === 0)
        out(
            "database resources: no changes (no drift): every cluster, instance and the global cluster match what the update left",
        );
    else {
        out(
            `database resources: ${database.length} change${database.length === 1 ? "" : "s"} the next preview would show:`,
        );
        for (const d of database)
            out(
                `  ${d.op === "create" ? "+" : d.op === "delete" ? "-" : "~"} ${d.name} (${d.type})${d.properties ? ` [${d.properties.join(", ")}]` : ""}`,
            );
    }
    if (steps.length > 0) {
        out(`upgrade steps of the finished upgrade, no longer registered: ${steps.map((d) => d.name).join(", ")}`);
        out(
            "  (pulumi lists them as deletes of their state entries; they have no delete command, so nothing in AWS changes)",
        );
    }
    return { database: database.length, steps: steps.length };
}

/** `getCluster ×2, getGlobalCluster ×1`: the preview's live reads by function, in first-call order ("" for none). */
export function liveReads(preview: Pick<Preview, "invokes">): string {
    const counts = new Map<string, number>();
    for (const token of preview.invokes) counts.set(token, (counts.get(token) ?? 0) + 1);
    return [...counts].map(([token, n]) => `${token.split(":").pop()} ×${n}`).join(", ");
}

/**
 * What the program read live (answered from the simulator), and what the preview changes against
 * the same program run with the stack's config on main (what is deployed now).
 */
export function printLiveReads(out: Out, preview: Preview, changes: readonly Drift[]): void {
    const reads = liveReads(preview);
    const clusters = (preview.currentState.clusters ?? [])
        .map((c) => `${c.clusterIdentifier} ${c.engineVersion}`)
        .join(", ");
    out(`live reads answered by the simulator: ${reads || "none"} (${clusters || "no cluster exists"})`);
    if (changes.length === 0) {
        out("changes against the deployed stack: none");
        return;
    }
    const sign = { create: "+", delete: "-", update: "~" } as const;
    out(
        `changes against the deployed stack: ${changes.map((d) => `${sign[d.op]} ${d.name}${d.properties ? ` [${d.properties.join(", ")}]` : ""}`).join(", ")}`,
    );
    out(
        "every other resource is unchanged (engineVersion is in ignoreChanges: the upgrade steps change it, not the provider)",
    );
}
