import { readTarget } from "../../engine-versions";
import * as assert from "assert";
import { RdsGateway } from "../../aws/gateway";
import { InputError } from "../../aws/run-errors";
import { describeTopology } from "../../aws/topology/describe";
import { factsNeeded } from "../../aws/topology/fact-needs";
import { proxiesTargeting, targetsCluster } from "../../aws/topology/rds-proxies";
import { SeedProxy, SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { assertNames, expectBlocked, expectErrorLine } from "../support/meaning";
import { cli, mutatingCalls, PG_ARGS, PG_BG_SEED, simulate } from "./harness";

const gateway = (sim: SimulatedRds) => new RdsGateway({ clients: sim.clientFor, clock: sim.clock, random: () => 0.5 });

const withProxies = (proxies: SeedProxy[], seed: SeedTopology = PG_BG_SEED): SeedTopology => ({ ...seed, proxies });

/** A standalone Aurora PostgreSQL cluster in us-east-1 beside the global database (another application's). */
function withOtherCluster(sim: SimulatedRds, instances = 1): void {
    sim.seed({
        engine: "aurora-postgresql",
        version: "17.4.5",
        members: [{ id: "reports-db", region: "us-east-1", role: "primary", instances }],
    });
}

const calls = (sim: SimulatedRds, command: string) => sim.callsOf(command);

const DENIED = {
    code: "AccessDenied",
    message:
        "User: arn:aws:iam::123456789012:user/ci is not authorized to perform: rds:DescribeDBProxies on resource: arn:aws:rds:ap-northeast-1:123456789012:db-proxy:* because no identity-based policy allows the rds:DescribeDBProxies action",
};

/** The one test of this message's wording (the topology read's); the CLI's asserts what it names. */
const DENIED_TEXT =
    `cannot tell whether an RDS Proxy targets cluster "app-apne1" (ap-northeast-1): DescribeDBProxies was denied (AccessDenied: ${DENIED.message}). ` +
    "AWS does not support RDS Proxy with blue/green deployments of a global database, so the blue/green plan is not made without knowing; nothing was changed. " +
    "Fix: grant rds:DescribeDBProxies and rds:DescribeDBProxyTargets (aurora-global's IAM policy lists them: the stack output upgradeIamPolicy, iamPolicyDocument()), or use another strategy";

describe("orchestrator topology: the RDS Proxies that target a member (DescribeDBProxies, DescribeDBProxyTargets)", () => {
    it("a proxy whose target group holds the member: its name; a proxy of another cluster: none", async () => {
        const sim = simulate(
            withProxies([
                { name: "app-proxy", region: "us-east-1", targets: ["app-use1"] },
                { name: "apne-proxy", region: "ap-northeast-1", targets: ["app-apne1"] },
            ]),
        );
        withOtherCluster(sim);
        sim.seed({
            engine: "aurora-postgresql",
            version: "17.4.5",
            members: [{ id: "audit-db", region: "us-east-1", role: "primary" }],
            proxies: [{ name: "reports-proxy", region: "us-east-1", targets: ["reports-db", "audit-db"] }],
        });
        const api = gateway(sim);
        assert.deepStrictEqual(await proxiesTargeting(api, "us-east-1", "app-use1", "aurora-postgresql"), [
            "app-proxy",
        ]);
        assert.deepStrictEqual(await proxiesTargeting(api, "us-east-1", "reports-db", "aurora-postgresql"), [
            "reports-proxy",
        ]);
        assert.deepStrictEqual(await proxiesTargeting(api, "us-east-1", "audit-db", "aurora-postgresql"), [
            "reports-proxy",
        ]);
        assert.deepStrictEqual(await proxiesTargeting(api, "us-east-1", "nobody", "aurora-postgresql"), []);
        // DescribeDBProxies lists the region's proxies; each one's targets are read by its name.
        assert.deepStrictEqual(
            calls(sim, "DescribeDBProxyTargets")
                .slice(0, 2)
                .map((c) => [c.region, c.input.DBProxyName]),
            [
                ["us-east-1", "app-proxy"],
                ["us-east-1", "reports-proxy"],
            ],
        );
    });

    it("a proxy of the other engine family is not asked for its targets", async () => {
        const sim = simulate(withProxies([{ name: "mysql-proxy", region: "us-east-1", engineFamily: "MYSQL" }]));
        assert.deepStrictEqual(await proxiesTargeting(gateway(sim), "us-east-1", "app-use1", "aurora-postgresql"), []);
        assert.strictEqual(calls(sim, "DescribeDBProxies").length, 1);
        assert.strictEqual(calls(sim, "DescribeDBProxyTargets").length, 0);
    });

    it("reads every page of DescribeDBProxies and of DescribeDBProxyTargets (Marker)", async () => {
        const sim = simulate(PG_BG_SEED);
        withOtherCluster(sim, 120);
        sim.seed({
            engine: "aurora-postgresql",
            version: "17.4.5",
            members: [{ id: "spare", region: "eu-west-1", role: "primary" }],
            proxies: [
                ...Array.from({ length: 120 }, (_, i) => ({ name: `idle-${i}`, region: "us-east-1" })),
                // Page 2 of the proxies; its targets: reports-db and its 120 instances, then app-use1 on page 2.
                { name: "shared-proxy", region: "us-east-1", targets: ["reports-db", "app-use1"] },
            ],
        });
        assert.deepStrictEqual(await proxiesTargeting(gateway(sim), "us-east-1", "app-use1", "aurora-postgresql"), [
            "shared-proxy",
        ]);
        assert.deepStrictEqual(
            calls(sim, "DescribeDBProxies").map((c) => c.input.Marker ?? null),
            [null, "100"],
        );
        const shared = calls(sim, "DescribeDBProxyTargets").filter((c) => c.input.DBProxyName === "shared-proxy");
        assert.deepStrictEqual(
            shared.map((c) => c.input.Marker ?? null),
            [null, "100"],
        );
        assert.strictEqual(calls(sim, "DescribeDBProxyTargets").length, 122);
    });

    it("a proxy deleted between the two calls (DBProxyNotFoundFault) targets nothing", async () => {
        const sim = simulate(withProxies([{ name: "app-proxy", region: "us-east-1", targets: ["app-use1"] }]));
        sim.faults.failNext("DescribeDBProxyTargets", {
            code: "DBProxyNotFoundFault",
            message: "DBProxy app-proxy not found",
        });
        assert.deepStrictEqual(await proxiesTargeting(gateway(sim), "us-east-1", "app-use1", "aurora-postgresql"), []);
    });

    it("AccessDenied is not taken for 'no proxy': the read stops as bad input, naming the permission to grant", async () => {
        const sim = simulate(PG_BG_SEED);
        sim.faults.failAlways("DescribeDBProxies", { ...DENIED, region: "ap-northeast-1" });
        await assert.rejects(
            describeTopology(gateway(sim), "us-east-1", "app-global", {
                target: readTarget("17.5"),
                strategy: "blue-green",
            }),
            (e: unknown) => {
                assert.ok(e instanceof InputError);
                assert.strictEqual(e.message, DENIED_TEXT);
                return true;
            },
        );
    });

    it("targetsCluster: the cluster's TRACKED_CLUSTER target or one of its instances' RDS_INSTANCE targets (pure)", () => {
        assert.strictEqual(targetsCluster({ Type: "TRACKED_CLUSTER", RdsResourceId: "db1" }, "db1"), true);
        assert.strictEqual(
            targetsCluster({ Type: "RDS_INSTANCE", RdsResourceId: "db1-instance-1", TrackedClusterId: "db1" }, "db1"),
            true,
        );
        assert.strictEqual(targetsCluster({ Type: "TRACKED_CLUSTER", RdsResourceId: "db10" }, "db1"), false);
        assert.strictEqual(targetsCluster({ Type: "RDS_INSTANCE", RdsResourceId: "db1" }, "db1"), false);
    });

    it("describeTopology: blue-green sets the member's rds-proxy limit and names the proxy; other strategies make no proxy call", async () => {
        const seed = withProxies([{ name: "apne-proxy", region: "ap-northeast-1", targets: ["app-apne1"] }]);
        const sim = simulate(seed);
        const t = await describeTopology(gateway(sim), "us-east-1", "app-global", {
            target: readTarget("17.5"),
            strategy: "blue-green",
        });
        assert.deepStrictEqual(
            t.members.map((m) => [m.cluster, m.blueGreenLimits ?? [], m.rdsProxies]),
            [
                ["app-use1", [], []],
                ["app-apne1", ["rds-proxy"], ["apne-proxy"]],
            ],
        );
        assert.deepStrictEqual(
            calls(sim, "DescribeDBProxies").map((c) => c.region),
            ["us-east-1", "ap-northeast-1"],
        );
        for (const strategy of ["auto", "rolling", "managed"] as const) {
            const other = simulate(seed);
            const read = await describeTopology(gateway(other), "us-east-1", "app-global", {
                target: readTarget("17.5"),
                strategy,
            });
            assert.deepStrictEqual(
                read.members.map((m) => m.blueGreenLimits ?? []),
                [[], []],
            );
            assert.strictEqual(calls(other, "DescribeDBProxies").length, 0, strategy);
        }
    });

    it("factsNeeded: the proxies for a blue/green change only (pure)", () => {
        const proxies = (strategy: "blue-green" | "rolling", target?: string) =>
            factsNeeded({
                engine: "aurora-postgresql",
                memberVersions: ["17.4", "17.4"],
                strategy,
                ...(target ? { target: readTarget(target) } : {}),
            }).rdsProxies;
        assert.strictEqual(proxies("blue-green", "17.5"), true);
        assert.strictEqual(proxies("blue-green", "17.4"), false, "nothing to change");
        assert.strictEqual(proxies("blue-green"), false, "status and patch");
        assert.strictEqual(proxies("rolling", "17.5"), false);
    });
});

describe("orchestrator CLI: an RDS Proxy on a member blocks --strategy blue-green", () => {
    const BG = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"];
    const seed = withProxies([{ name: "apne-proxy", region: "ap-northeast-1", targets: ["app-apne1"] }]);

    it("exit 2, the plan names the proxy and the fix, and no AWS change", async () => {
        const sim = simulate(seed);
        const r = await cli(sim, BG);
        const [v] = expectBlocked(r, "blue-green-limits");
        assertNames(v.message, ['secondary cluster "app-apne1" (ap-northeast-1)', 'RDS Proxy "apne-proxy"']);
        assertNames(v.fix, [
            "aws rds deregister-db-proxy-targets --region ap-northeast-1 --db-proxy-name apne-proxy --db-cluster-identifiers app-apne1",
            "another strategy (auto, rolling, managed)",
        ]);
        assert.deepStrictEqual(
            sim.calls.filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List")),
            [],
        );
        assert.deepStrictEqual(mutatingCalls(sim), []);
    });

    it("DescribeDBProxies denied: exit 2 with the permission to grant, nothing changed", async () => {
        const sim = simulate(seed);
        sim.faults.failAlways("DescribeDBProxies", { ...DENIED, region: "ap-northeast-1" });
        const r = await cli(sim, BG);
        expectErrorLine(
            r,
            2,
            'RDS Proxy targets cluster "app-apne1" (ap-northeast-1)',
            "DescribeDBProxies was denied (AccessDenied: ",
            "nothing was changed",
            "grant rds:DescribeDBProxies and rds:DescribeDBProxyTargets",
        );
        assert.deepStrictEqual(
            sim.calls.filter((c) => !c.command.startsWith("Describe") && !c.command.startsWith("List")),
            [],
        );
    });

    it("--strategy rolling on the same database upgrades without a single DescribeDBProxies call", async () => {
        const sim = simulate(seed);
        const r = await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.5");
        assert.strictEqual(calls(sim, "DescribeDBProxies").length, 0);
        assert.strictEqual(calls(sim, "DescribeDBProxyTargets").length, 0);
    });

    it("plan --strategy blue-green reports the same violation (exit 2)", async () => {
        const sim = simulate(seed);
        const r = await cli(sim, [
            "plan",
            ...PG_ARGS,
            "--target",
            "17.5",
            "--strategy",
            "blue-green",
            "--format",
            "json",
        ]);
        assert.strictEqual(r.code, 2);
        const plan = JSON.parse(r.stdout) as { violations: { rule: string; message: string; cluster?: string }[] };
        assert.deepStrictEqual(
            plan.violations.map((v) => [v.rule, v.cluster]),
            [["blue-green-limits", "app-apne1"]],
        );
        assertNames(plan.violations[0].message, ['RDS Proxy "apne-proxy"']);
    });
});
