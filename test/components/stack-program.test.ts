import * as assert from "assert";
import * as path from "path";
import { argsFromConfig, ConfigSource } from "../../components";
import {
    existingDatabase,
    loadProgram,
    loadStackConfig,
    renderResourceTree,
    runProgramUnderMocks,
} from "../../testbeds/offline/mock-engine";
import { PlanJson } from "../../planner";
import { ofType, T } from "./fixtures";
import { assertMeans } from "../support/assert-means";

const ROOT = path.join(__dirname, "..", "..");
const program = loadProgram(path.join(ROOT, "index.ts"));

/** A ConfigSource over a plain map, reading like pulumi.Config (numbers, booleans, JSON lists). */
function source(values: Record<string, unknown>): ConfigSource {
    const raw = (k: string) => values[k];
    return {
        get: (k) => (raw(k) === undefined ? undefined : String(raw(k))),
        getNumber: (k) => (raw(k) === undefined ? undefined : Number(raw(k))),
        getBoolean: (k) => (raw(k) === undefined ? undefined : raw(k) === true || raw(k) === "true"),
        getObject: <U>(k: string) => raw(k) as U | undefined,
    };
}

const DEV_STATE = existingDatabase({
    globalClusterIdentifier: "aurora-global-dev",
    engine: "aurora-postgresql",
    engineVersion: "17.4",
    members: [
        { clusterIdentifier: "aurora-global-dev-us-east-1", region: "us-east-1", instanceCount: 2 },
        { clusterIdentifier: "aurora-global-dev-ap-northeast-1", region: "ap-northeast-1" },
    ],
});

describe("components: stack config and index.ts", () => {
    it("Pulumi.dev.yaml is the seed 001 topology (PostgreSQL 17.4, us-east-1 primary, ap-northeast-1 secondary)", () => {
        const config = loadStackConfig(ROOT, "dev");
        assert.strictEqual(config["aurora-global:engine"], "aurora-postgresql");
        assert.strictEqual(config["aurora-global:engineVersion"], "17.4");
        assert.strictEqual(config["aurora-global:primaryRegion"], "us-east-1");
        assert.deepStrictEqual(config["aurora-global:secondaryRegions"], ["ap-northeast-1"]);
        assert.strictEqual(
            config["aurora-global:upgradeSnapshotBeforeUpgrade"],
            "true",
            "Pulumi.yaml defaults apply, as text like every scalar Pulumi passes",
        );
    });

    it("maps flat config keys and REGION=NAME lists to the component's args", () => {
        const args = argsFromConfig(
            source({
                engine: "aurora-mysql",
                engineVersion: "8.0.mysql_aurora.3.08.0",
                primaryRegion: "us-east-1",
                primaryInstanceCount: 2,
                secondaryRegions: ["eu-west-1", "ap-northeast-1"],
                secondaryInstanceCount: 1,
                secondaryClusterParameterGroups: ["eu-west-1=shop-mysql80"],
                dbSubnetGroups: ["us-east-1=db-use1", "eu-west-1=db-euw1"],
                vpcSecurityGroupIds: ["us-east-1=sg-1", "us-east-1=sg-2"],
                upgradeStrategy: "rolling",
                upgradeApplyPendingPatches: "false",
                upgradeTimeoutMinutes: 45,
                upgradeKeepCompletedSteps: false,
            }),
        );
        assert.deepStrictEqual(args.primary, {
            region: "us-east-1",
            instanceCount: 2,
            dbSubnetGroupName: "db-use1",
            vpcSecurityGroupIds: ["sg-1", "sg-2"],
        });
        assert.deepStrictEqual(args.secondaries, [
            {
                region: "eu-west-1",
                instanceCount: 1,
                clusterParameterGroupName: "shop-mysql80",
                dbSubnetGroupName: "db-euw1",
            },
            { region: "ap-northeast-1", instanceCount: 1 },
        ]);
        assert.deepStrictEqual(args.upgrade, {
            strategy: "rolling",
            timeoutMinutes: 45,
            applyPendingPatches: false,
            keepCompletedSteps: false,
        });
    });

    it("rejects a malformed REGION=NAME entry naming the key, the entry and the fix", () => {
        assert.throws(
            () => argsFromConfig(source({ dbSubnetGroups: ["db-use1"] })),
            (e: Error) => {
                assertMeans(e.message, {
                    about: "dbSubnetGroups",
                    says: ['"db-use1"', "REGION=VALUE", '"us-east-1=my-name"'],
                });
                return true;
            },
        );
    });

    it("index.ts: preview of the dev stack against the running database plans nothing and exports the IAM policy", async () => {
        const r = await runProgramUnderMocks({
            program,
            config: loadStackConfig(ROOT, "dev"),
            currentState: DEV_STATE,
        });
        assert.strictEqual((r.outputs.plan as PlanJson).path, "none");
        assert.strictEqual(r.outputs.failoverReady, true);
        assert.strictEqual(r.outputs.globalClusterIdentifier, "aurora-global-dev");
        const policy = r.outputs.upgradeIamPolicy as { Statement: { Action: string[] }[] };
        assert.ok(policy.Statement[0].Action.includes("rds:ModifyGlobalCluster"));
        assert.deepStrictEqual(
            ofType(r, T.instance).map((i) => i.region),
            ["us-east-1", "us-east-1", "ap-northeast-1"],
        );
    });

    it("index.ts: the one-line change 17.4 → 17.5 plans the managed minor upgrade", async () => {
        const config = { ...loadStackConfig(ROOT, "dev"), "aurora-global:engineVersion": "17.5" };
        const r = await runProgramUnderMocks({ program, config, currentState: DEV_STATE });
        const plan = r.outputs.plan as PlanJson;
        assert.strictEqual(plan.path, "managed");
        assert.deepStrictEqual(
            ofType(r, T.command).map((c) => c.name),
            ["aurora-upgrade-snapshot", "aurora-upgrade-global"],
        );
    });
});

describe("offline mock engine harness", () => {
    it("is re-runnable in one process: each run records only its own resources", async () => {
        const first = await runProgramUnderMocks({ program, config: loadStackConfig(ROOT, "dev") });
        const second = await runProgramUnderMocks({
            program,
            config: { ...loadStackConfig(ROOT, "dev"), "aurora-global:secondaryRegions": [] },
        });
        assert.strictEqual(ofType(first, T.cluster).length, 2);
        assert.strictEqual(ofType(second, T.cluster).length, 1);
        assert.strictEqual(second.resources.filter((r) => r.type === "pulumi:pulumi:Stack").length, 1);
    });

    it("answers getCluster with 'couldn't find resource' for a cluster described in another region", async () => {
        const moved = existingDatabase({
            globalClusterIdentifier: "aurora-global-dev",
            engine: "aurora-postgresql",
            engineVersion: "17.4",
            members: [{ clusterIdentifier: "aurora-global-dev-us-east-1", region: "us-west-2" }],
        });
        const r = await runProgramUnderMocks({ program, config: loadStackConfig(ROOT, "dev"), currentState: moved });
        const versions = r.outputs.memberVersions as Record<string, { new: boolean }>;
        assert.strictEqual(versions["us-east-1"].new, true);
    });

    it("renders the resource graph as an indented tree", async () => {
        const r = await runProgramUnderMocks({ program, config: loadStackConfig(ROOT, "dev") });
        const tree = renderResourceTree(r.resources).split("\n");
        assert.strictEqual(tree[0], "aurora-global-dev (pulumi:pulumi:Stack)");
        assert.strictEqual(tree[1], "└─ aurora (aurora-global:index:AuroraGlobalDatabase)");
        assert.ok(
            tree.includes(
                "   │  ├─ aurora-primary-cluster (aws:rds:Cluster) region=us-east-1 ignoreChanges=[engineVersion, dbClusterParameterGroupName]",
            ),
            tree.join("\n"),
        );
        assert.ok(
            tree.some((l) =>
                l.includes(
                    "aurora-secondary-ap-northeast-1-cluster (aws:rds:Cluster) region=ap-northeast-1 ignoreChanges=[engineVersion, dbClusterParameterGroupName, replicationSourceIdentifier] after=[aurora-primary-cluster,",
                ),
            ),
            tree.join("\n"),
        );
    });
});
