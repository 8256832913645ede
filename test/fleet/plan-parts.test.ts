import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { planFleet } from "../../orchestrator/cli/fleet/fleet-plan";
import { planEstimateMs, waveEstimateMs } from "../../orchestrator/cli/fleet/estimate";
import { parseProgressTag, progressTagValue } from "../../orchestrator/cli/fleet/progress-tag";
import { renderFleetPlan } from "../../orchestrator/cli/fleet/render-plan";
import { parseRollout } from "../../orchestrator/cli/fleet/rollout-file";
import { Plan } from "../../planner";
import { ROLLOUT, simulateFleet } from "./fleet-seeds";

/** AWS's Tag value rules (API_Tag): at most 256 characters of letters, digits, white space and _ . : / = + - @. */
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

describe("fleet: progress tag, estimate, end-of-support hook", () => {
    it("the progress tag fits AWS's tag rules and reads back; names are cleaned", () => {
        const value = progressTagValue({
            rollout: "Q4 rollout!",
            wave: "canary#1",
            state: "running",
            target: "8.0.mysql_aurora.3.08.2",
            at: Date.UTC(2026, 11, 7),
        });
        assert.match(value, TAG_VALUE);
        assert.strictEqual(
            value,
            "rollout=Q4-rollout- wave=canary-1 state=running target=8.0.mysql_aurora.3.08.2 at=2026-12-07T00:00:00.000Z",
        );
        assert.deepStrictEqual(parseProgressTag(value), {
            rollout: "Q4-rollout-",
            wave: "canary-1",
            state: "running",
            target: "8.0.mysql_aurora.3.08.2",
            at: Date.UTC(2026, 11, 7),
        });
        assert.strictEqual(
            parseProgressTag("rollout=x wave=y state=exploded target=1 at=2026-01-01T00:00:00Z"),
            undefined,
        );
        assert.strictEqual(parseProgressTag(undefined), undefined);
    });

    it("estimate: a plan's waves one after another; a wave in batches of maxParallel plus its bake time", () => {
        const step = (wave: number, action: "snapshot" | "modify-db-cluster") => ({
            wave,
            action,
            cluster: "c",
            region: "r",
            role: "secondary" as const,
            impact: "",
        });
        const plan = {
            path: "rolling",
            steps: [
                step(1, "snapshot"),
                step(2, "modify-db-cluster"),
                step(2, "modify-db-cluster"),
                step(3, "modify-db-cluster"),
            ],
        } as unknown as Plan;
        assert.strictEqual(planEstimateMs(plan), (5 + 10 + 10) * 60_000);
        assert.strictEqual(waveEstimateMs([10, 30, 20, 5], 2, 1), 30 + 10 + 60_000, "batches 30+20, 10+5");
    });

    it("end of support: a lookup passed to planFleet fills a column (the lifecycle read plugs in here)", async () => {
        const sim = simulateFleet();
        const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock });
        const rollout = parseRollout(ROLLOUT, "rollout.yaml");
        const plan = await planFleet(api, rollout, {
            endOfSupport: async (d) =>
                d.engine === "aurora-mysql"
                    ? { endOfStandardSupport: "2028-04-30", extendedSupportMonthlyUsd: 146 }
                    : undefined,
        });
        const md = renderFleetPlan(plan, "markdown");
        assert.match(md, /\| state \| end of support \|/);
        assert.match(md, /`my-dev-a` .* end of standard support 2028-04-30 \(Extended Support \$146\/month\) \|/);
        const json = JSON.parse(renderFleetPlan(plan, "json")) as {
            waves: { databases: { id: string; endOfSupport?: unknown }[] }[];
        };
        assert.deepStrictEqual(json.waves[0].databases.find((d) => d.id === "my-dev-a")?.endOfSupport, {
            endOfStandardSupport: "2028-04-30",
            extendedSupportMonthlyUsd: 146,
        });
    });

    it("end of support without a lookup: each database's own plan gives it (DescribeDBMajorEngineVersions)", async () => {
        const sim = simulateFleet();
        const api = new RdsGateway({ clients: sim.clientFor, clock: sim.clock });
        const plan = await planFleet(api, parseRollout(ROLLOUT, "rollout.yaml"));
        const entries = plan.waves.flatMap((w) => w.entries).filter((e) => e.plan?.endOfSupport);
        assert.ok(entries.length > 0, "the simulator answers the lifecycle dates");
        for (const e of entries)
            assert.strictEqual(e.endOfSupport?.endOfStandardSupport, e.plan?.endOfSupport?.standardSupportEnds, e.id);
        assert.match(renderFleetPlan(plan, "markdown"), /\| state \| end of support \|/);
    });
});
