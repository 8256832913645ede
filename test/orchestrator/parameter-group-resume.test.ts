import * as assert from "assert";
import { CreateDBClusterParameterGroupCommand } from "@aws-sdk/client-rds";
import { SeedTopology, SimulatedRds } from "../../testbeds/simulator";
import { expectErrorLine, lineNaming } from "../support/meaning";
import { cli, mutatingCalls, PG_ARGS, simulate } from "./harness";

const MIN = 60_000;

/** The tag that says which member a prepared group is for, and the member's group it was made from. */
const forMember = (cluster: string, madeFrom: string) => ({ Key: `aurora-global:for:${cluster}`, Value: madeFrom });

/** Aurora PostgreSQL 16 with custom cluster parameter groups in two regions (and a custom instance group on the primary). */
const PG16_CUSTOM: SeedTopology = {
    globalClusterId: "app-global",
    engine: "aurora-postgresql",
    version: "16.6",
    members: [
        {
            id: "app-use1",
            region: "us-east-1",
            role: "primary",
            instances: 2,
            upgradeDurationMs: 20 * MIN,
            clusterParameterGroup: { name: "app-cluster-params", parameters: { log_min_duration_statement: "500" } },
            instanceParameterGroup: { name: "app-instance-params", parameters: { work_mem: "8192" } },
        },
        {
            id: "app-apne1",
            region: "ap-northeast-1",
            role: "secondary",
            upgradeDurationMs: 5 * MIN,
            clusterParameterGroup: { name: "app-cluster-params-apne1", parameters: { work_mem: "4096" } },
        },
    ],
};

const MAJOR = ["upgrade", ...PG_ARGS, "--target", "17.4", "--allow-major", "--no-snapshot"];

const successful = (sim: SimulatedRds, command: string) => sim.callsOf(command).filter((c) => !c.error).length;

function assertTargetGroups(sim: SimulatedRds): void {
    assert.strictEqual(sim.cluster("app-use1").clusterParameterGroup, "app-cluster-params-aurora-postgresql17");
    assert.strictEqual(sim.cluster("app-apne1").clusterParameterGroup, "app-cluster-params-apne1-aurora-postgresql17");
    assert.deepStrictEqual(sim.cluster("app-use1").instanceParameterGroups, [
        "app-instance-params-aurora-postgresql17",
        "app-instance-params-aurora-postgresql17",
    ]);
}

describe("orchestrator: resume of a major upgrade killed before the parameter groups are applied", () => {
    it("killed after the global upgrade finished: the re-run finds the tagged groups and applies them, without ModifyGlobalCluster", async () => {
        const sim = simulate(PG16_CUSTOM);
        const first = await cli(sim, MAJOR, {
            hooks: {
                onStepStart: (step) => {
                    if (step.action === "apply-parameter-groups")
                        throw new Error("killed before the groups are applied");
                },
            },
        });
        assert.strictEqual(first.code, 1);
        assert.match(first.stderr, /killed before the groups are applied/);
        // AWS reset every member to the new family's defaults: the custom settings are not in effect.
        for (const id of ["app-use1", "app-apne1"]) {
            assert.strictEqual(sim.cluster(id).engineVersion, "17.4");
            assert.strictEqual(sim.cluster(id).clusterParameterGroup, "default.aurora-postgresql17");
        }
        assert.deepStrictEqual(sim.cluster("app-use1").instanceParameterGroups, [
            "default.aurora-postgresql17",
            "default.aurora-postgresql17",
        ]);
        assert.strictEqual(successful(sim, "ModifyGlobalCluster"), 1);

        const plan = await cli(sim, ["plan", ...PG_ARGS, "--target", "17.4", "--allow-major"]);
        assert.strictEqual(plan.code, 0, plan.stderr);
        lineNaming(plan.stdout, "path: major (resumed)", "target-family parameter groups", "secondaries first");
        lineNaming(
            plan.stdout,
            "resuming a major upgrade",
            "every member runs 17.4",
            'secondary cluster "app-apne1" (ap-northeast-1)',
            'primary cluster "app-use1" (us-east-1)',
        );

        const before = sim.calls.length;
        const again = await cli(sim, MAJOR);
        assert.strictEqual(again.code, 0, again.stderr);
        const rerun = sim.calls.slice(before);
        assert.deepStrictEqual(
            rerun.filter((c) => c.command === "ModifyGlobalCluster"),
            [],
        );
        assert.deepStrictEqual(
            rerun.filter((c) => c.command.startsWith("Create")),
            [],
        );
        assertTargetGroups(sim);
        // Secondary first, then the primary (its cluster, then its instances).
        assert.deepStrictEqual(mutatingCalls(sim).slice(-4), [
            "ap-northeast-1 ModifyDBCluster app-apne1",
            "us-east-1 ModifyDBCluster app-use1",
            "us-east-1 ModifyDBInstance app-use1-instance-1",
            "us-east-1 ModifyDBInstance app-use1-instance-2",
        ]);
        const lease = (c: { input: Record<string, unknown> }) =>
            String(c.input.ResourceName ?? "").includes(":global-cluster:");
        assert.ok(
            rerun.every(
                (c) =>
                    lease(c) ||
                    c.command.startsWith("Describe") ||
                    c.command.startsWith("List") ||
                    c.command.startsWith("Modify"),
            ),
            rerun.map((c) => c.command).join(","),
        );

        const third = await cli(sim, MAJOR);
        assert.strictEqual(third.code, 0, third.stderr);
        assert.match(third.stdout, /nothing to do: global cluster "app-global" already runs 17\.4 everywhere/);
    });

    it("the prepared groups carry the member tag, written before ModifyGlobalCluster", async () => {
        const sim = simulate(PG16_CUSTOM);
        const r = await cli(sim, MAJOR);
        assert.strictEqual(r.code, 0, r.stderr);
        const creates = sim.calls.filter((c) => c.command.startsWith("Create") && c.command.endsWith("ParameterGroup"));
        assert.deepStrictEqual(
            creates
                .map((c) => [
                    c.region,
                    c.input.DBClusterParameterGroupName ?? c.input.DBParameterGroupName,
                    c.input.Tags,
                ])
                .sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
            [
                [
                    "ap-northeast-1",
                    "app-cluster-params-apne1-aurora-postgresql17",
                    [forMember("app-apne1", "app-cluster-params-apne1")],
                ],
                ["us-east-1", "app-cluster-params-aurora-postgresql17", [forMember("app-use1", "app-cluster-params")]],
                [
                    "us-east-1",
                    "app-instance-params-aurora-postgresql17",
                    [forMember("app-use1", "app-instance-params")],
                ],
            ],
        );
        const globalAt = sim.calls.findIndex((c) => c.command === "ModifyGlobalCluster");
        assert.ok(creates.every((c) => sim.calls.indexOf(c) < globalAt));
        assertTargetGroups(sim);
    });

    it("a target group that already existed (untagged) is tagged for the member with AddTagsToResource", async () => {
        const sim = simulate({
            ...PG16_CUSTOM,
            members: [
                PG16_CUSTOM.members[0],
                { ...PG16_CUSTOM.members[1], clusterParameterGroup: "app-cluster-params-apne1" },
            ],
        });
        const apne1 = sim.clientFor("ap-northeast-1");
        await apne1.send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "app-cluster-params-apne1-aurora-postgresql17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "made by hand",
            }),
        );
        const first = await cli(sim, MAJOR, {
            hooks: {
                onStepStart: (step) => {
                    if (step.action === "apply-parameter-groups") throw new Error("killed");
                },
            },
        });
        assert.strictEqual(first.code, 1);
        const tagged = sim
            .callsOf("AddTagsToResource")
            .filter((c) => !c.error && !String(c.input.ResourceName).includes(":global-cluster:"));
        assert.deepStrictEqual(
            tagged.map((c) => [c.region, c.input.ResourceName, c.input.Tags]),
            [
                [
                    "ap-northeast-1",
                    "arn:aws:rds:ap-northeast-1:123456789012:cluster-pg:app-cluster-params-apne1-aurora-postgresql17",
                    [forMember("app-apne1", "app-cluster-params-apne1")],
                ],
            ],
        );
        const again = await cli(sim, MAJOR);
        assert.strictEqual(again.code, 0, again.stderr);
        assertTargetGroups(sim);
    });

    it("killed during the global upgrade after the secondary finished: the re-run waits and applies the groups to both", async () => {
        const sim = simulate(PG16_CUSTOM);
        const kill = new AbortController();
        void sim.clock.sleep(12 * MIN).then(() => kill.abort(new Error("killed")));
        const first = await cli(sim, MAJOR, { signal: kill.signal });
        assert.strictEqual(first.code, 1);
        assert.strictEqual(sim.cluster("app-apne1").engineVersion, "17.4");
        assert.strictEqual(sim.cluster("app-apne1").clusterParameterGroup, "default.aurora-postgresql17");
        assert.strictEqual(sim.cluster("app-use1").status, "upgrading");
        const again = await cli(sim, MAJOR);
        assert.strictEqual(again.code, 0, again.stderr);
        assert.strictEqual(successful(sim, "ModifyGlobalCluster"), 1);
        assertTargetGroups(sim);
    });

    it("a member on default groups that aurora-global never prepared anything for stays as it is", async () => {
        const sim = simulate({
            ...PG16_CUSTOM,
            version: "17.4",
            members: PG16_CUSTOM.members.map((m) => ({
                ...m,
                clusterParameterGroup: undefined,
                instanceParameterGroup: undefined,
            })),
        });
        const before = sim.calls.length;
        const r = await cli(sim, MAJOR);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /nothing to do/);
        assert.deepStrictEqual(
            sim.calls
                .slice(before)
                .filter((c) => !c.command.startsWith("Describe"))
                .map((c) => c.command),
            [],
        );
    });
});

describe("orchestrator: explicit target groups (hidden --cluster-parameter-group / --instance-parameter-group CLUSTER=NAME)", () => {
    /** Every member at 17.4 on AWS's defaults: a major upgrade interrupted by a version that did not tag its groups. */
    const AT_17_ON_DEFAULTS: SeedTopology = {
        ...PG16_CUSTOM,
        version: "17.4",
        members: PG16_CUSTOM.members.map((m) => ({
            ...m,
            clusterParameterGroup: undefined,
            instanceParameterGroup: undefined,
        })),
    };
    const UPGRADE = ["upgrade", ...PG_ARGS, "--target", "17.4", "--no-snapshot"];

    it("names untagged groups of the target family: they are applied, secondaries first, with no ModifyGlobalCluster", async () => {
        const sim = simulate(AT_17_ON_DEFAULTS);
        await sim.clientFor("us-east-1").send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "legacy-use1-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "by hand",
            }),
        );
        await sim.clientFor("ap-northeast-1").send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "legacy-apne1-17",
                DBParameterGroupFamily: "aurora-postgresql17",
                Description: "by hand",
            }),
        );
        const r = await cli(sim, [
            ...UPGRADE,
            "--cluster-parameter-group",
            "app-use1=legacy-use1-17",
            "--cluster-parameter-group",
            "app-apne1=legacy-apne1-17",
        ]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.cluster("app-use1").clusterParameterGroup, "legacy-use1-17");
        assert.strictEqual(sim.cluster("app-apne1").clusterParameterGroup, "legacy-apne1-17");
        assert.deepStrictEqual(mutatingCalls(sim).slice(2), [
            "ap-northeast-1 ModifyDBCluster app-apne1",
            "us-east-1 ModifyDBCluster app-use1",
        ]);
        assert.strictEqual(sim.callsOf("ModifyGlobalCluster").length, 0);
    });

    it("a malformed or conflicting value is bad input: exit 2 naming the flag, the value and the fix, no AWS call", async () => {
        const sim = simulate(AT_17_ON_DEFAULTS);
        const r = await cli(sim, [
            ...UPGRADE,
            "--cluster-parameter-group",
            "app-use1",
            "--instance-parameter-group",
            "app-use1=a",
            "--instance-parameter-group",
            "app-use1=b",
        ]);
        expectErrorLine(
            r,
            2,
            '--cluster-parameter-group "app-use1"',
            "CLUSTER=GROUP",
            "--cluster-parameter-group app-use1=app-params-aurora-postgresql17",
        );
        expectErrorLine(
            r,
            2,
            '--instance-parameter-group "app-use1=b"',
            '--instance-parameter-group "app-use1=a"',
            "one group per cluster",
        );
        assert.strictEqual(r.stderr.split("\n").filter(Boolean).length, 2, r.stderr);
        assert.strictEqual(sim.calls.length, 0);
    });

    it("an unknown member, a missing group or a group of another family: exit 2 and nothing changed", async () => {
        const sim = simulate(AT_17_ON_DEFAULTS);
        await sim.clientFor("us-east-1").send(
            new CreateDBClusterParameterGroupCommand({
                DBClusterParameterGroupName: "old-16",
                DBParameterGroupFamily: "aurora-postgresql16",
                Description: "old",
            }),
        );
        const unknown = await cli(sim, [...UPGRADE, "--cluster-parameter-group", "app-euw1=x"]);
        expectErrorLine(
            unknown,
            2,
            '--cluster-parameter-group "app-euw1=x"',
            'cluster "app-euw1"',
            'not a member of global cluster "app-global"',
            '"app-use1", "app-apne1"',
        );
        const missing = await cli(sim, [...UPGRADE, "--instance-parameter-group", "app-use1=nope"]);
        expectErrorLine(
            missing,
            2,
            '--instance-parameter-group "app-use1=nope"',
            'no instance parameter group "nope" in us-east-1',
            "family aurora-postgresql17",
            "leave the flag out",
        );
        const family = await cli(sim, [
            "plan",
            ...PG_ARGS,
            "--target",
            "17.4",
            "--cluster-parameter-group",
            "app-use1=old-16",
        ]);
        expectErrorLine(
            family,
            2,
            '--cluster-parameter-group "app-use1=old-16"',
            '"old-16" (us-east-1)',
            "family aurora-postgresql16, not aurora-postgresql17",
            "give a group of family aurora-postgresql17",
        );
        assert.deepStrictEqual(mutatingCalls(sim), ["us-east-1 CreateDBClusterParameterGroup old-16"]);
    });

    it("on a major upgrade, a named group wins over the derived name: created from the member's custom group, tagged, applied", async () => {
        const sim = simulate(PG16_CUSTOM);
        const r = await cli(sim, [...MAJOR, "--cluster-parameter-group", "app-use1=app-v17"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.cluster("app-use1").clusterParameterGroup, "app-v17");
        assert.strictEqual(
            sim.cluster("app-apne1").clusterParameterGroup,
            "app-cluster-params-apne1-aurora-postgresql17",
        );
        const create = sim
            .callsOf("CreateDBClusterParameterGroup")
            .find((c) => c.input.DBClusterParameterGroupName === "app-v17");
        assert.deepStrictEqual(create?.input.Tags, [
            { Key: "aurora-global:for:app-use1", Value: "app-cluster-params" },
        ]);
    });
});
