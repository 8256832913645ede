import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { shortfalls, withQuotaLimit } from "../../aws/topology/account-quotas";
import { describeTopology } from "../../aws/topology/describe";
import { factsNeeded } from "../../aws/topology/fact-needs";
import { SimulatedRds } from "../../testbeds/simulator";
import { assertNames, expectBlocked } from "../support/meaning";
import { cli, mutatingCalls, PG_ARGS, PG_BG_SEED, simulate } from "./harness";

const gateway = (sim: SimulatedRds) => new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });
const calls = (sim: SimulatedRds, command: string) => sim.callsOf(command);

/** Other applications' clusters in `region`, one instance each: `n` of them. */
function fill(sim: SimulatedRds, region: string, n: number): void {
    for (let i = 0; i < n; i++)
        sim.seed({
            engine: "aurora-postgresql",
            version: "17.4.5",
            members: [{ id: `other-${region}-${i}`, region, role: "primary", instances: 1 }],
        });
}

describe("orchestrator topology: the account quotas a green copy needs (DescribeAccountAttributes)", () => {
    it("shortfalls: a quota the green copy would pass, with used, max and what green adds; room or no report: none (pure)", () => {
        const quotas = [
            { AccountQuotaName: "DBClusters", Used: 40, Max: 40 },
            { AccountQuotaName: "DBInstances", Used: 37, Max: 40 },
            { AccountQuotaName: "AllocatedStorage", Used: 1, Max: 100000 },
        ];
        assert.deepStrictEqual(shortfalls(quotas, { DBClusters: 1, DBInstances: 3 }), [
            { quota: "DBClusters", used: 40, max: 40, needed: 1 },
        ]);
        assert.deepStrictEqual(shortfalls(quotas, { DBClusters: 1, DBInstances: 4 }), [
            { quota: "DBClusters", used: 40, max: 40, needed: 1 },
            { quota: "DBInstances", used: 37, max: 40, needed: 4 },
        ]);
        assert.deepStrictEqual(
            shortfalls([{ AccountQuotaName: "DBClusters", Used: 39, Max: 40 }], { DBClusters: 1, DBInstances: 9 }),
            [],
            "exactly full after green is room enough; a quota AWS does not report is not judged",
        );
    });

    it("withQuotaLimit: any shortfall is the account-quota limit, once, beside the others; none changes nothing", () => {
        const short = [{ quota: "DBInstances" as const, used: 40, max: 40, needed: 2 }];
        assert.deepStrictEqual(withQuotaLimit({ blueGreenLimits: ["rds-proxy"] }, short), {
            blueGreenLimits: ["rds-proxy", "account-quota"],
            quotaShortfalls: short,
        });
        assert.deepStrictEqual(withQuotaLimit({ blueGreenLimits: ["account-quota"] }, short).blueGreenLimits, [
            "account-quota",
        ]);
        assert.deepStrictEqual(withQuotaLimit({}, []), { quotaShortfalls: [] });
    });

    it("describeTopology: blue-green reads each member region's quotas; other strategies make no such call", async () => {
        const sim = simulate(PG_BG_SEED);
        sim.setAccountQuota("ap-northeast-1", "DBClusters", 1);
        const t = await describeTopology(gateway(sim), "us-east-1", "app-global", {
            target: readTarget("17.5"),
            strategy: "blue-green",
        });
        assert.deepStrictEqual(
            t.members.map((m) => [m.cluster, m.blueGreenLimits ?? [], m.quotaShortfalls]),
            [
                ["app-use1", [], []],
                ["app-apne1", ["account-quota"], [{ quota: "DBClusters", used: 1, max: 1, needed: 1 }]],
            ],
        );
        assert.deepStrictEqual(
            calls(sim, "DescribeAccountAttributes").map((c) => c.region),
            ["us-east-1", "ap-northeast-1"],
        );
        for (const strategy of ["auto", "rolling", "managed"] as const) {
            const other = simulate(PG_BG_SEED);
            await describeTopology(gateway(other), "us-east-1", "app-global", { target: readTarget("17.5"), strategy });
            assert.strictEqual(calls(other, "DescribeAccountAttributes").length, 0, strategy);
        }
        assert.strictEqual(
            factsNeeded({
                engine: "aurora-postgresql",
                memberVersions: ["17.4"],
                strategy: "blue-green",
                target: readTarget("17.4"),
            }).accountQuotas,
            false,
            "nothing to change: no quota read",
        );
    });
});

describe("orchestrator CLI: a region without room for the green copy blocks --strategy blue-green", () => {
    const BG = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"];

    it("exit 2, the plan names the quota, its use and the fix, and no AWS change", async () => {
        const sim = simulate(PG_BG_SEED);
        sim.setAccountQuota("us-east-1", "DBInstances", 4);
        fill(sim, "us-east-1", 2);
        const r = await cli(sim, BG);
        const [v] = expectBlocked(r, "blue-green-limits");
        // 4 used: the other clusters' 2 instances and the primary's 2; green copies the primary's 2.
        assertNames(v.message, [
            'primary cluster "app-use1" (us-east-1)',
            "DB instances quota in us-east-1",
            "(4 used of 4; green adds 2)",
        ]);
        assertNames(v.fix, [
            "raise the quota in us-east-1",
            "Amazon RDS: DB instances",
            "another strategy (auto, rolling, managed)",
        ]);
        // The wording of the blocked line, pinned once for every test that counts its violations (expectBlocked).
        assert.strictEqual(r.stderr, "aurora-global: the plan is blocked (1 violation): nothing was changed\n");
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("with room (AWS's defaults: 40 clusters, 40 instances per region) the same upgrade goes ahead", async () => {
        const sim = simulate(PG_BG_SEED);
        const r = await cli(sim, [...BG, "--no-snapshot"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.5");
    });

    it("--strategy rolling on a full region upgrades without a DescribeAccountAttributes call (it adds no cluster)", async () => {
        const sim = simulate(PG_BG_SEED);
        sim.setAccountQuota("us-east-1", "DBClusters", 1);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(calls(sim, "DescribeAccountAttributes").length, 0);
    });
});
