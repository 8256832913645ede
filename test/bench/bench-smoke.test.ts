import * as assert from "node:assert/strict";
import * as path from "node:path";
import { COMMITTED_RESULTS, parseBenchArgs } from "../../testbeds/bench/args";
import { benchBlueGreen } from "../../testbeds/bench/blue-green";
import { benchCriticalPath } from "../../testbeds/bench/critical-path";
import { benchDetection } from "../../testbeds/bench/control-plane-detection";
import { benchFleet, peakInWindow } from "../../testbeds/bench/control-plane-fleet";
import { benchFleetRollout } from "../../testbeds/bench/fleet-rollout";
import { benchPolicy } from "../../testbeds/bench/policy-cost";
import { policies } from "../../policy/policies";
import { benchPreview } from "../../testbeds/bench/preview-cost";
import { BenchOutput, collect, renderMarkdownTable, renderTable } from "../../testbeds/bench/results-writer";
import { nonEmpty } from "../support/non-empty";

// Shape only: each bench at its smallest size. Speed is what `npm run bench` measures, not tests.

/** Every key named `…Ratio` anywhere under `value`, with its value. */
function ratioKeys(value: unknown, prefix = ""): [string, unknown][] {
    if (value === null || typeof value !== "object") return [];
    return Object.entries(value).flatMap(([k, v]) => [
        ...(/Ratio$/.test(k) ? [[`${prefix}${k}`, v] as [string, unknown]] : []),
        ...ratioKeys(v, `${prefix}${k}.`),
    ]);
}

function assertRows(out: BenchOutput): void {
    assert.ok(out.rows.length > 0);
    for (const row of nonEmpty(out.rows, "bench row")) {
        assert.equal(row.section, out.section);
        assert.ok(row.metric.length > 0 && row.value.length > 0);
        // A row without a verdict is informative and says so in its target.
        if (row.met === undefined) assert.match(row.target, /^\(info\)/);
        else assert.equal(typeof row.met, "boolean");
    }
    assert.ok(out.rows.some((r) => r.met !== undefined));
}

describe("bench (smoke: smallest sizes, result shape)", function () {
    this.timeout(120_000);

    it("blue/green: total / AWS's own time ≥ 1 and a downtime per region measured by the watch probe", async () => {
        const out = await benchBlueGreen("smoke");
        assertRows(out);
        for (const key of ["blueGreenPg", "blueGreenMysql"]) {
            const f = out.data[key] as {
                p95CriticalRatio: number;
                watchedTrials: number;
                maxDowntimeSeconds: number;
                downtimeByRegionMaxSeconds: Record<string, number>;
            };
            assert.ok(f.p95CriticalRatio >= 1, `${key}: ${f.p95CriticalRatio}`);
            assert.equal(f.watchedTrials, 2, `${key}: the first seed's trials are watched`);
            assert.ok(f.maxDowntimeSeconds > 0, `${key}: the switchover has a downtime`);
            assert.equal(Object.keys(f.downtimeByRegionMaxSeconds).length, 3);
        }
    });

    it("critical path: rolling1, managed and major with ratios ≥ 1", async () => {
        const out = await benchCriticalPath("smoke");
        assert.equal(out.section, "criticalPath");
        for (const key of ["rolling1", "managed", "major"]) {
            const s = out.data[key] as Record<string, number>;
            assert.equal(s.trials, 2);
            assert.equal(s.seeds, 1);
            assert.ok(
                s.p50CriticalRatio >= 1 &&
                    s.p95CriticalRatio >= s.p50CriticalRatio &&
                    s.maxCriticalRatio >= s.p95CriticalRatio,
                `${key}: ${JSON.stringify(s)}`,
            );
        }
        assertRows(out);
    });

    it("control-plane detection: rates and latencies per path", async () => {
        const out = await benchDetection("smoke");
        const d = out.data.detection as { overall: Record<string, number>; byPath: Record<string, unknown> };
        assert.deepEqual(Object.keys(d.byPath), ["rolling", "managed", "major"]);
        assert.equal(d.overall.members, 2 * 4 + 2 * 3 + 2 * 3);
        assert.ok(
            d.overall.waitingDescribesPerMemberMinute > 0 &&
                d.overall.allDescribesPerMemberMinute >= d.overall.waitingDescribesPerMemberMinute,
        );
        assert.ok(
            d.overall.maxDetectionSeconds >= d.overall.meanDetectionSeconds && d.overall.meanDetectionSeconds >= 0,
        );
        assertRows(out);
    });

    it("control-plane fleet: per-region rates and the throttled count", async () => {
        const out = await benchFleet("smoke");
        const f = out.data.fleet as {
            databases: number;
            throttled: number;
            perRegion: Record<string, Record<string, number>>;
        };
        assert.equal(f.databases, 3);
        assert.deepEqual(Object.keys(f.perRegion), ["us-east-1", "us-west-2", "eu-west-1"]);
        for (const r of nonEmpty(Object.values(f.perRegion), "region"))
            assert.ok(r.requests > 0 && r.peak1sRps >= r.peak60sRps);
        assert.equal(typeof f.throttled, "number");
        assertRows(out);
    });

    it("fleet rollout: requests/s per region, throttled count, each database's time against AWS's own", async () => {
        const out = await benchFleetRollout("smoke");
        const f = out.data.fleetRollout as {
            databases: number;
            completed: number;
            throttled: number;
            p95DatabaseRatio: number;
            perRegion: Record<string, Record<string, number>>;
            sharedReadsPerRegion: Record<string, number>;
        };
        assert.deepEqual([f.databases, f.completed], [6, 6]);
        assert.deepEqual(Object.keys(f.perRegion), ["us-east-1", "us-west-2", "eu-west-1"]);
        for (const [region, r] of Object.entries(f.perRegion)) {
            assert.ok(r.requests > 0 && r.peak1sRps >= r.peak60sRps, region);
            assert.ok(
                (f.sharedReadsPerRegion[region] ?? 0) > 0,
                `${region}: the waits read through one shared describe`,
            );
        }
        assert.ok(f.p95DatabaseRatio >= 1, String(f.p95DatabaseRatio));
        assert.equal(typeof f.throttled, "number");
        assertRows(out);
    });

    it("peakInWindow counts the busiest sliding window", () => {
        assert.equal(peakInWindow([], 1000), 0);
        assert.equal(peakInWindow([0, 100, 999, 1000, 1500, 5000], 1000), 3);
        assert.equal(peakInWindow([0, 1000, 2000], 1000), 1);
    });

    it("preview: component and plain timings at one database", async () => {
        const out = await benchPreview("smoke");
        const n1 = out.data.n1 as Record<string, number>;
        assert.equal(n1.databases, 1);
        assert.ok(
            n1.componentCpuMsPerDatabase > 0 && n1.plainCpuMsPerDatabase > 0 && n1.componentWallMsPerDatabase > 0,
        );
        // One AuroraGlobalDatabase registers more than the 7 plain resources (components, password, steps).
        assert.equal(n1.plainResources, 1 + 7);
        assert.ok(n1.componentResources > n1.plainResources, JSON.stringify(n1));
        assert.ok(
            Math.abs(n1.costRatio - n1.componentCpuMsPerDatabase / n1.plainCpuMsPerDatabase) < 0.01,
            JSON.stringify(n1),
        );
        assertRows(out);
    });

    it("policy: the whole pack over recorded resources", async () => {
        const out = await benchPolicy("smoke");
        assert.ok((out.data.resources as number) >= 50);
        assert.ok((out.data.msPerResource as number) > 0);
        // every policy of the pack (policy/policies.ts), the two advisory ones of issue #21 included
        assert.equal(Object.keys(out.data.perPolicyCpuMs as object).length, policies.length);
        assert.equal(typeof out.data.growthRatio, "number");
        assertRows(out);
    });

    it("results file: the four sections, every ratio key ends in Ratio and is a number", async () => {
        const outputs = [await benchCriticalPath("smoke"), await benchFleet("smoke")];
        const results = collect(outputs, "smoke", 1.5);
        assert.ok(results.criticalPath && results.controlPlaneCalls);
        assert.equal(results.table.length, outputs.flatMap((o) => o.rows).length);
        const ratios = ratioKeys(results);
        assert.ok(
            ratios.some(([k]) => k === "criticalPath.rolling1.p95CriticalRatio"),
            ratios.map(([k]) => k).join(", "),
        );
        for (const [k, v] of ratios) assert.equal(typeof v, "number", k);
        assert.match(renderTable(results.table), /^section\s+metric\s+value\s+target\s+met/);
        assert.match(
            renderMarkdownTable(results.table),
            /^\*\*Critical path[^\n]*\*\*\n\n\| metric \| value \| target \| met \|\n\|---/,
        );
        assert.ok(results.machine.nproc >= 1 && results.machine.node.startsWith("v"));
    });

    it("a smoke run writes no file unless --out says where; a full run writes the committed results.json", () => {
        assert.deepEqual(parseBenchArgs(["--smoke"]), { size: "smoke", markdown: false });
        assert.deepEqual(parseBenchArgs(["--smoke", "--out", "/tmp/smoke.json"]), {
            size: "smoke",
            out: "/tmp/smoke.json",
            markdown: false,
        });
        assert.deepEqual(parseBenchArgs([]), { size: "full", out: COMMITTED_RESULTS, markdown: false });
        assert.equal(path.relative(path.join(__dirname, "..", ".."), COMMITTED_RESULTS), "testbeds/bench/results.json");
        assert.throws(() => parseBenchArgs(["--fast"]), /bench: unknown argument "--fast"/);
    });

    it("a smoke or partial run never writes the committed results.json, even when told to", () => {
        assert.throws(() => parseBenchArgs(["--smoke", "--out", COMMITTED_RESULTS]), /--smoke never writes/);
        assert.throws(
            () => parseBenchArgs(["--only", "preview", "--out", "testbeds/bench/results.json"]),
            /--only never writes/,
        );
        assert.deepEqual(parseBenchArgs(["--only", "preview"]), { size: "full", only: "preview", markdown: false });
    });
});
