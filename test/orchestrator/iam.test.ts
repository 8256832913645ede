import * as assert from "assert";
import {
    BLUE_GREEN_DELEGATED_ACTIONS,
    iamActionOf,
    iamPolicyDocument,
    RDS_ACTIONS,
} from "../../orchestrator/iam-policy";
import { ACTIONS_SEEN, cli, MYSQL_ARGS, MYSQL_SEED, PG_ARGS, PG_SEED, simulate } from "./harness";

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

describe("orchestrator: least-privilege IAM policy", () => {
    it("every call of every path (and of the scenarios run before) is in RDS_ACTIONS", async () => {
        const runs: [Parameters<typeof simulate>[0], string[]][] = [
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
            [PG_SEED, ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"]],
            [
                MYSQL_SEED,
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
        for (const [seed, argv] of runs) {
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
            "rds:RemoveFromGlobalCluster",
            "rds:DeleteGlobalCluster",
            "rds:DeleteDBInstance",
            "rds:DeleteDBCluster",
        ]) {
            assert.ok(ACTIONS_SEEN.has(a), `${a} was exercised`);
        }
    });

    it("the document grants exactly RDS_ACTIONS and no wildcard action", () => {
        const doc = iamPolicyDocument();
        assert.strictEqual(doc.Version, "2012-10-17");
        assert.strictEqual(doc.Statement.length, 2);
        assert.deepStrictEqual(doc.Statement[0].Action, [...RDS_ACTIONS]);
        // What AWS does with the caller's permissions during a blue/green deployment, never sent by us.
        assert.deepStrictEqual(doc.Statement[1].Action, [...BLUE_GREEN_DELEGATED_ACTIONS]);
        assert.deepStrictEqual(
            BLUE_GREEN_DELEGATED_ACTIONS.filter((a) => RDS_ACTIONS.includes(a)),
            [],
        );
        assert.ok(RDS_ACTIONS.every((a) => /^rds:[A-Z][A-Za-z]+$/.test(a)));
        assert.strictEqual(new Set(RDS_ACTIONS).size, RDS_ACTIONS.length);
        assert.strictEqual(iamActionOf("ModifyDBClusterCommand"), "rds:ModifyDBCluster");
    });
});

describe("orchestrator: RDS_ACTIONS is exactly what the code can send", () => {
    it("the set of SDK commands constructed under orchestrator/ equals RDS_ACTIONS", () => {
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const fs = require("fs") as typeof import("fs");
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        const path = require("path") as typeof import("path");
        const root = path.join(__dirname, "..", "..", "orchestrator");
        const files = (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith(".ts"));
        const sent = new Set<string>();
        for (const f of files)
            for (const m of fs.readFileSync(path.join(root, f), "utf8").matchAll(/new ([A-Za-z]+)Command\(/g))
                sent.add(`rds:${m[1]}`);
        assert.deepStrictEqual([...sent].sort(), [...RDS_ACTIONS].sort());
    });
});
