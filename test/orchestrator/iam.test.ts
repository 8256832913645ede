import * as assert from "assert";
import {
    BLUE_GREEN_DELEGATED_ACTIONS,
    iamActionOf,
    iamPolicyDocument,
    RDS_ACTIONS,
} from "../../orchestrator/iam-policy";
import { SeedTopology } from "../../testbeds/simulator";
import { resourceIdentifier } from "../../aws/identifiers";
import { isStrategy } from "../../vocabulary";
import { ACCOUNT_ID } from "../../testbeds/simulator/topology";
import { allowingStatements, wildcardMatches } from "../support/iam-matcher";
import {
    ACTIONS_SEEN,
    cli,
    MYSQL_ARGS,
    MYSQL_BG_SEED,
    MYSQL_SEED,
    PG_ARGS,
    PG_BG_SEED,
    PG_SEED,
    simulate,
} from "./harness";
import { resourcesOfCall } from "./iam-resources";
import { nonEmpty } from "../support/non-empty";

/**
 * Root-level hook: runs after every test file of the run, so the calls of every scenario (resume,
 * safety, steps, … loaded after this file) are checked against the policy too.
 */
after("every RDS call made by any orchestrator scenario of this run is in RDS_ACTIONS", () => {
    assert.deepStrictEqual(
        [...ACTIONS_SEEN].filter((a) => !RDS_ACTIONS.includes(a)),
        [],
    );
    assert.ok(ACTIONS_SEEN.size >= 10, `only ${ACTIONS_SEEN.size} actions seen`);
});

/** Every path of the CLI, each a seed and a command line: both IAM tests run all of them. */
const RUNS: [SeedTopology, string[]][] = [
    [PG_SEED, ["upgrade", ...PG_ARGS, "--target", "17.5"]],
    [PG_SEED, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling"]],
    [
        {
            ...PG_SEED,
            members: PG_SEED.members.map((m) => ({ ...m, pendingActions: [{ targetVersion: "17.4.6" }] })),
        },
        ["patch", ...PG_ARGS],
    ],
    [
        {
            ...PG_SEED,
            version: "16.6",
            members: PG_SEED.members.map((m) => ({
                ...m,
                clusterParameterGroup: { name: "p", parameters: { work_mem: "8192" } },
                instanceParameterGroup: { name: "i", parameters: { work_mem: "4096" } },
            })),
        },
        ["upgrade", ...PG_ARGS, "--target", "17.4", "--allow-major"],
    ],
    [MYSQL_SEED, ["upgrade", ...MYSQL_ARGS, "--target", "8.4.7", "--allow-major"]],
    [MYSQL_SEED, ["status", ...MYSQL_ARGS]],
    // A proxy that targets no member: blue/green reads it (DescribeDBProxies, DescribeDBProxyTargets) and goes on.
    [
        { ...PG_BG_SEED, proxies: [{ name: "reporting-proxy", region: "us-east-1" }] },
        ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"],
    ],
    [
        MYSQL_BG_SEED,
        [
            "upgrade",
            ...MYSQL_ARGS,
            "--target",
            "8.0.mysql_aurora.3.10.0",
            "--strategy",
            "blue-green",
            "--old-clusters",
            "delete",
        ],
    ],
];

describe("orchestrator: least-privilege IAM policy", () => {
    it("every call of every path (and of the scenarios run before) is in RDS_ACTIONS", async () => {
        for (const [seed, argv] of RUNS) {
            const r = await cli(simulate(seed), argv);
            assert.strictEqual(r.code, 0, `${argv.join(" ")}: ${r.stderr}`);
        }
        const missing = [...ACTIONS_SEEN].filter((a) => !RDS_ACTIONS.includes(a));
        assert.deepStrictEqual(missing, []);
        for (const a of [
            "rds:ModifyGlobalCluster",
            "rds:ModifyDBCluster",
            "rds:ApplyPendingMaintenanceAction",
            "rds:CreateDBClusterSnapshot",
            "rds:CreateDBParameterGroup",
            "rds:ModifyDBInstance",
            "rds:CreateBlueGreenDeployment",
            "rds:SwitchoverBlueGreenDeployment",
            "rds:DeleteBlueGreenDeployment",
            "rds:DescribeBlueGreenDeployments",
            "rds:DescribeDBProxies",
            "rds:DescribeDBProxyTargets",
            "rds:DescribeAccountAttributes",
            "rds:RemoveFromGlobalCluster",
            "rds:DeleteGlobalCluster",
            "rds:DeleteDBInstance",
            "rds:DeleteDBCluster",
        ]) {
            assert.ok(ACTIONS_SEEN.has(a), `${a} was exercised`);
        }
    });

    it("the document grants exactly RDS_ACTIONS and what AWS does on the caller's behalf, no wildcard action; '*' only where AWS requires it", () => {
        const doc = iamPolicyDocument();
        assert.strictEqual(doc.Version, "2012-10-17");
        const granted = new Set(doc.Statement.flatMap((s) => s.Action));
        assert.deepStrictEqual([...granted].sort(), [...RDS_ACTIONS, ...BLUE_GREEN_DELEGATED_ACTIONS].sort());
        assert.deepStrictEqual(
            BLUE_GREEN_DELEGATED_ACTIONS.filter((a) => RDS_ACTIONS.includes(a)),
            [],
        );
        assert.ok(RDS_ACTIONS.every((a) => /^rds:[A-Z][A-Za-z]+$/.test(a)));
        assert.strictEqual(new Set(RDS_ACTIONS).size, RDS_ACTIONS.length);
        assert.strictEqual(iamActionOf("ModifyDBClusterCommand"), "rds:ModifyDBCluster");
        // docs/iam.md: exactly these statements stay on '*'.
        const onStar = doc.Statement.filter((s) => s.Resource === "*" || (s.Resource as string[]).includes("*"));
        assert.deepStrictEqual(
            onStar.map((s) => s.Sid),
            ["NoResourceLevelPermissions", "BlueGreen", "AccountQuotas"],
        );
        for (const s of nonEmpty(
            doc.Statement.filter((x) => x.Resource !== "*"),
            "statement scoped to resources",
        ))
            for (const r of s.Resource as string[])
                assert.match(r, /^arn:aws:rds:[a-z0-9*-]*:\*:[a-z-]+:.+$/, `${s.Sid}: ${r}`);
    });

    it("blue/green follows 'Authorizing access to Amazon Aurora blue/green deployment operations': every action it names, on '*' only (no partial resource-name pattern)", () => {
        const doc = iamPolicyDocument({
            account: ACCOUNT_ID,
            globalClusterId: "app-global",
            members: [{ cluster: "app-use1", region: "us-east-1" }],
            strategy: "blue-green",
        });
        const page = [
            ...[
                "CreateBlueGreenDeployment",
                "AddTagsToResource",
                "CreateDBCluster",
                "CreateDBInstance",
                "CreateDBClusterEndpoint",
                "CreateGlobalCluster",
            ],
            ...[
                "SwitchoverBlueGreenDeployment",
                "ModifyDBCluster",
                "PromoteReadReplicaDBCluster",
                "ModifyGlobalCluster",
            ],
            ...[
                "DeleteBlueGreenDeployment",
                "DeleteDBCluster",
                "DeleteDBInstance",
                "DeleteDBClusterEndpoint",
                "DeleteGlobalCluster",
            ],
        ].map((a) => `rds:${a}`);
        const blueGreen = doc.Statement.find((s) => s.Sid === "BlueGreen")!;
        assert.strictEqual(blueGreen.Resource, "*");
        assert.deepStrictEqual(
            page.filter((a) => !blueGreen.Action.includes(a)),
            [],
        );
        assert.deepStrictEqual(blueGreen.Condition, { StringEquals: { "aws:RequestedRegion": ["us-east-1"] } });
        const partial = doc.Statement.flatMap((s) =>
            (s.Resource === "*" ? [] : (s.Resource as string[])).filter((r) => /-(green|old)[^:]*\*$/.test(r)),
        );
        assert.deepStrictEqual(partial, []);
    });

    for (const strategy of ["rolling", "managed", "auto"] as const)
        it(`--strategy ${strategy} cannot be blue/green: no blue/green statement, nothing on '*' but the reads without resource-level permissions (#20)`, () => {
            const doc = iamPolicyDocument({
                account: ACCOUNT_ID,
                globalClusterId: "app-global",
                members: [{ cluster: "app-use1", region: "us-east-1" }],
                strategy,
            });
            const granted = new Set(doc.Statement.flatMap((s) => s.Action));
            for (const a of [
                ...BLUE_GREEN_DELEGATED_ACTIONS,
                "rds:CreateBlueGreenDeployment",
                "rds:DeleteDBCluster",
                "rds:DescribeDBProxies",
            ])
                assert.ok(!granted.has(a), a);
            assert.deepStrictEqual(
                doc.Statement.filter((s) => s.Resource === "*").map((s) => [s.Sid, s.Action]),
                [
                    [
                        "NoResourceLevelPermissions",
                        [
                            "rds:DescribeDBEngineVersions",
                            "rds:DescribeDBMajorEngineVersions",
                            "rds:DescribePendingMaintenanceActions",
                        ],
                    ],
                ],
            );
            assert.deepStrictEqual(
                allowingStatements(doc, "rds:ModifyDBCluster", `arn:aws:rds:us-east-1:${ACCOUNT_ID}:cluster:other-db`),
                [],
            );
        });

    it("scoped to one database: the global cluster's ARN, its members' clusters and snapshots, regions of the rest", () => {
        const doc = iamPolicyDocument({
            account: "123456789012",
            globalClusterId: "app-global",
            members: [
                { cluster: "app-use1", region: "us-east-1" },
                { cluster: "app-apne1", region: "ap-northeast-1" },
            ],
            strategy: "rolling",
        });
        const sid = (id: string) => doc.Statement.find((s) => s.Sid === id)!;
        assert.deepStrictEqual(sid("GlobalCluster").Resource, ["arn:aws:rds::123456789012:global-cluster:app-global"]);
        assert.deepStrictEqual(sid("MemberClusters").Resource, [
            "arn:aws:rds:us-east-1:123456789012:cluster:app-use1",
            "arn:aws:rds:ap-northeast-1:123456789012:cluster:app-apne1",
        ]);
        assert.deepStrictEqual(sid("PreUpgradeSnapshots").Resource, [
            "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:app-use1-before-*",
            "arn:aws:rds:ap-northeast-1:123456789012:cluster-snapshot:app-apne1-before-*",
        ]);
        assert.deepStrictEqual(sid("CreateTaggedParameterGroups").Condition, {
            "ForAnyValue:StringLike": { "aws:TagKeys": ["aurora-global:for:*"] },
        });
        assert.deepStrictEqual(
            allowingStatements(doc, "rds:ModifyDBCluster", "arn:aws:rds:us-east-1:123456789012:cluster:other-db"),
            [],
            "another database's cluster is not granted",
        );
        assert.deepStrictEqual(
            allowingStatements(doc, "rds:ModifyGlobalCluster", "arn:aws:rds::123456789012:global-cluster:other"),
            [],
        );
        assert.deepStrictEqual(
            allowingStatements(
                doc,
                "rds:CreateDBClusterSnapshot",
                "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:x",
            ),
            [],
        );
    });

    it("a member whose snapshot identifier is shortened (63 characters) is still covered by its snapshot pattern", () => {
        const cluster = "orders-platform-prod-ap-southeast-2-primary-cluster-01";
        const doc = iamPolicyDocument({
            account: ACCOUNT_ID,
            members: [{ cluster, region: "us-east-1" }],
            strategy: "rolling",
        });
        const id = resourceIdentifier("cluster-snapshot", cluster, "before", "8.0.mysql_aurora.3.10.0");
        assert.ok(id.length <= 63);
        assert.notDeepStrictEqual(
            allowingStatements(
                doc,
                "rds:CreateDBClusterSnapshot",
                `arn:aws:rds:us-east-1:${ACCOUNT_ID}:cluster-snapshot:${id}`,
            ),
            [],
        );
    });

    it("every call of every scenario is allowed on its resource by the policy scoped to that database", async () => {
        const denied: string[] = [];
        let checked = 0;
        for (const [seed, argv] of RUNS) {
            const sim = simulate(seed);
            const r = await cli(sim, argv);
            assert.strictEqual(r.code, 0, `${argv.join(" ")}: ${r.stderr}`);
            const strategy = argv[argv.indexOf("--strategy") + 1];
            const doc = iamPolicyDocument({
                account: ACCOUNT_ID,
                globalClusterId: seed.globalClusterId,
                members: seed.members.map((m) => ({ cluster: m.id, region: m.region })),
                strategy: isStrategy(strategy) ? strategy : "auto",
            });
            for (const call of sim.calls)
                for (const resource of resourcesOfCall(call)) {
                    checked += 1;
                    if (allowingStatements(doc, iamActionOf(call.command), resource).length === 0)
                        denied.push(`${argv[0]}: ${iamActionOf(call.command)} on ${resource}`);
                }
        }
        assert.deepStrictEqual([...new Set(denied)], []);
        assert.ok(checked > 100, `only ${checked} call resources checked`);
    });

    it("the test matcher follows IAM's wildcards", () => {
        assert.strictEqual(
            wildcardMatches("arn:aws:rds:*:*:cluster:app-*", "arn:aws:rds:us-east-1:1:cluster:app-use1"),
            true,
        );
        assert.strictEqual(
            wildcardMatches("arn:aws:rds:*:*:cluster:app-*", "arn:aws:rds:us-east-1:1:db:app-use1"),
            false,
        );
        assert.strictEqual(wildcardMatches("arn:aws:rds:us-east-?:1:db:x", "arn:aws:rds:us-east-2:1:db:x"), true);
        assert.strictEqual(wildcardMatches("arn:aws:rds:us-east-?:1:db:x", "arn:aws:rds:us-east-12:1:db:x"), false);
        assert.strictEqual(wildcardMatches("*", "arn:aws:rds::1:global-cluster:g"), true);
    });
});

describe("orchestrator: RDS_ACTIONS is exactly what the code can send", () => {
    it("the set of SDK commands constructed under orchestrator/ and aws/ equals RDS_ACTIONS", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fs = require("fs") as typeof import("fs");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const path = require("path") as typeof import("path");
        const sent = new Set<string>();
        for (const dir of ["orchestrator", "aws"]) {
            const root = path.join(__dirname, "..", "..", dir);
            const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
            for (const f of files)
                for (const m of fs.readFileSync(path.join(root, f), "utf8").matchAll(/new ([A-Za-z]+)Command\(/g))
                    sent.add(`rds:${m[1]}`);
        }
        assert.deepStrictEqual([...sent].sort(), [...RDS_ACTIONS].sort());
    });
});
