import * as assert from "assert";
import { BlueGreenDeployment, DeleteBlueGreenDeploymentCommand } from "@aws-sdk/client-rds";
import { deploymentLine } from "../../orchestrator/blue-green/status-meaning";
import { renderDeployments } from "../../orchestrator/cli/status-render";
import { cli, PG_ARGS, PG_BG_SEED, simulate } from "./harness";

const SOURCE = "arn:aws:rds:us-east-1:123456789012:cluster:app-use1";
const TARGET = "arn:aws:rds:us-east-1:123456789012:cluster:app-use1-green-abc123";
const HEAD = 'blue/green deployment bgd-1 ("ag-app-global-to-17-5")';
const RESUME = "aurora-global upgrade --global-cluster app-global --target 17.5 --strategy blue-green";
// AWS deletes green clusters only with deletion protection off, and green copies blue's.
const DELETE =
    "aws rds modify-db-cluster --db-cluster-identifier app-use1-green-abc123 --no-deletion-protection --region us-east-1; " +
    "then aws rds delete-blue-green-deployment --blue-green-deployment-identifier bgd-1 --delete-target --region us-east-1";

/** aurora-global's own deployment (named and tagged as it creates them), at `status`. */
function ours(status: string | undefined, extra: Partial<BlueGreenDeployment> = {}): BlueGreenDeployment {
    return {
        BlueGreenDeploymentIdentifier: "bgd-1",
        BlueGreenDeploymentName: "ag-app-global-to-17-5",
        Source: SOURCE,
        Target: TARGET,
        Status: status,
        SwitchoverDetails: [{ SourceMember: SOURCE, TargetMember: TARGET, Status: status }],
        TagList: [
            { Key: "aurora-global:global-cluster", Value: "app-global" },
            { Key: "aurora-global:target-version", Value: "17.5" },
        ],
        ...extra,
    };
}

/** Ours, being deleted, its member reporting `member` (SwitchoverDetail.Status). */
function deleting(member: string): BlueGreenDeployment {
    return ours("DELETING", { SwitchoverDetails: [{ SourceMember: SOURCE, TargetMember: TARGET, Status: member }] });
}

/** A deployment of the same clusters that someone else created (no aurora-global name or tags). */
function foreign(status: string, extra: Partial<BlueGreenDeployment> = {}): BlueGreenDeployment {
    return { ...ours(status, extra), BlueGreenDeploymentName: "my-own", TagList: [] };
}

describe("blue/green deployment status lines (docs/aws-rules.md §10)", () => {
    const cases: [string, BlueGreenDeployment, string][] = [
        [
            "PROVISIONING: in progress, with each region and task",
            ours("PROVISIONING", { Tasks: [{ Name: "CREATING_READ_REPLICA_OF_SOURCE", Status: "IN_PROGRESS" }] }),
            `${HEAD} in progress: PROVISIONING [us-east-1 PROVISIONING]; tasks: CREATING_READ_REPLICA_OF_SOURCE IN_PROGRESS`,
        ],
        ["AVAILABLE: in progress", ours("AVAILABLE"), `${HEAD} in progress: AVAILABLE [us-east-1 AVAILABLE]`],
        [
            "SWITCHOVER_IN_PROGRESS: in progress",
            ours("SWITCHOVER_IN_PROGRESS"),
            `${HEAD} in progress: SWITCHOVER_IN_PROGRESS [us-east-1 SWITCHOVER_IN_PROGRESS]`,
        ],
        [
            "SWITCHOVER_COMPLETED: switched over, the cleanup a re-run does remains",
            ours("SWITCHOVER_COMPLETED"),
            `${HEAD} switched over; cleanup (the -old1 clusters kept with deletion protection on and tagged, or deleted with --old-clusters delete; then DeleteBlueGreenDeployment) remains: run ${RESUME} again to finish it`,
        ],
        [
            "DELETING after the switchover (every member SWITCHOVER_COMPLETED): nothing to do",
            deleting("SWITCHOVER_COMPLETED"),
            `${HEAD} being deleted (the upgrade ended; nothing to do)`,
        ],
        [
            "DELETING before a switchover (a member still AVAILABLE): production unchanged, start over once it is gone",
            deleting("AVAILABLE"),
            `${HEAD} is being deleted before a switchover: production is unchanged. Once AWS no longer lists it (DescribeBlueGreenDeployments), run the upgrade (${RESUME}) again to start over.`,
        ],
        [
            "DELETING without member details: the members' versions tell",
            ours("DELETING", { SwitchoverDetails: [] }),
            `${HEAD} being deleted (AWS reports no switchover detail: the members' versions say whether the upgrade happened)`,
        ],
        [
            "INVALID_CONFIGURATION: failed, delete it with its green resources, fix, run again",
            ours("INVALID_CONFIGURATION", {
                StatusDetails: "The engine version upgrade of green DB cluster app-use1-green-abc123 failed.",
            }),
            `${HEAD} failed: INVALID_CONFIGURATION (The engine version upgrade of green DB cluster app-use1-green-abc123 failed.): it cannot be switched over. Production is unchanged. Delete it with its green clusters (${DELETE}), fix the cause, then run the upgrade (${RESUME}) again.`,
        ],
        [
            "SWITCHOVER_FAILED: rolled back, fix and run again to switch over, or delete",
            ours("SWITCHOVER_FAILED", { StatusDetails: "Replica lag exceeded the switchover timeout." }),
            `${HEAD} failed to switch over: SWITCHOVER_FAILED (Replica lag exceeded the switchover timeout.); AWS rolled it back: production is unchanged and the green environment is kept. Fix the cause (replica lag: wait for a quieter moment, or raise --switchover-timeout-seconds), then run the upgrade (${RESUME}) again to switch over; or give up and delete it with its green clusters: ${DELETE}.`,
        ],
        [
            "PROVISIONING_FAILED (not a status AWS documents): unknown, check it",
            ours("PROVISIONING_FAILED"),
            `${HEAD} reports an unknown status "PROVISIONING_FAILED" (PROVISIONING_FAILED [us-east-1 PROVISIONING_FAILED]): an upgrade run stops at it; check it in the RDS console`,
        ],
        [
            "no status at all: unknown",
            ours(undefined, { SwitchoverDetails: [] }),
            `${HEAD} reports an unknown status "undefined" (?): an upgrade run stops at it; check it in the RDS console`,
        ],
        [
            "someone else's deployment, SWITCHOVER_COMPLETED: the cleanup is theirs",
            foreign("SWITCHOVER_COMPLETED"),
            'blue/green deployment bgd-1 ("my-own") switched over; aurora-global did not create it, so its cleanup is yours: delete the deployment (aws rds delete-blue-green-deployment --blue-green-deployment-identifier bgd-1 --region us-east-1), and the -old1 clusters once no longer needed',
        ],
        [
            "someone else's deployment, INVALID_CONFIGURATION: not resumed by an upgrade run",
            foreign("INVALID_CONFIGURATION"),
            `blue/green deployment bgd-1 ("my-own") failed: INVALID_CONFIGURATION (no details): it cannot be switched over. Production is unchanged. Delete it with its green clusters (${DELETE}), fix the cause, then run whatever created it again.`,
        ],
        [
            "someone else's deployment, SWITCHOVER_FAILED: AWS's switchover command",
            foreign("SWITCHOVER_FAILED"),
            `blue/green deployment bgd-1 ("my-own") failed to switch over: SWITCHOVER_FAILED (no details); AWS rolled it back: production is unchanged and the green environment is kept. Fix the cause, then switch over again (aws rds switchover-blue-green-deployment --blue-green-deployment-identifier bgd-1 --region us-east-1), or delete it with its green clusters: ${DELETE}.`,
        ],
        [
            "a deployment named like aurora-global's but for another target than its tag: not resumed",
            { ...ours("SWITCHOVER_COMPLETED"), BlueGreenDeploymentName: "ag-app-global-to-17-6" },
            'blue/green deployment bgd-1 ("ag-app-global-to-17-6") switched over; aurora-global did not create it, so its cleanup is yours: delete the deployment (aws rds delete-blue-green-deployment --blue-green-deployment-identifier bgd-1 --region us-east-1), and the -old1 clusters once no longer needed',
        ],
    ];
    for (const [what, d, line] of cases) {
        it(what, () => {
            assert.strictEqual(deploymentLine(d), line);
            assert.strictEqual(renderDeployments([d], "text"), line);
            assert.strictEqual(renderDeployments([d], "markdown"), `- ${line}`);
        });
    }

    it("one line per deployment; none gives an empty string", () => {
        assert.strictEqual(renderDeployments([], "text"), "");
        assert.strictEqual(
            renderDeployments([deleting("SWITCHOVER_COMPLETED"), foreign("AVAILABLE")], "text"),
            `${HEAD} being deleted (the upgrade ended; nothing to do)\nblue/green deployment bgd-1 ("my-own") in progress: AVAILABLE [us-east-1 AVAILABLE]`,
        );
    });
});

describe("aurora-global status and plan: a deployment after its switchover", () => {
    const PG_BG = ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"];
    const idIn = (text: string) => /blue\/green deployment (bgd-[a-z0-9]+) /.exec(text)?.[1];

    it("killed before the cleanup: status and plan say switched over and what finishes it; the run they name does", async () => {
        const sim = simulate(PG_BG_SEED);
        let killed = false;
        const first = await cli(sim, PG_BG, {
            hooks: {
                onPoll: (_id, s) => {
                    if (s === "SWITCHOVER_COMPLETED" && !killed) {
                        killed = true;
                        throw new Error("killed at SWITCHOVER_COMPLETED");
                    }
                },
            },
        });
        assert.strictEqual(first.code, 1);
        const status = await cli(sim, ["status", ...PG_ARGS]);
        assert.strictEqual(status.code, 0, status.stderr);
        const id = idIn(status.stdout);
        const line = `blue/green deployment ${id} ("ag-app-global-to-17-5") switched over; cleanup (the -old1 clusters kept with deletion protection on and tagged, or deleted with --old-clusters delete; then DeleteBlueGreenDeployment) remains: run ${RESUME} again to finish it`;
        assert.strictEqual(status.stdout.split("\n").at(-2), line);
        const plan = await cli(sim, ["plan", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"]);
        assert.strictEqual(plan.stdout.split("\n").at(-2), line);
        const again = await cli(sim, [...RESUME.split(" ").slice(1), "--region", "us-east-1"]);
        assert.strictEqual(again.code, 0, again.stderr);
        // The re-run's plan reads 17.5 everywhere: the summary's "from" is the old writer's version.
        assert.match(
            again.stdout,
            /blue-green 17\.4 → 17\.5 \(switched over\) in .*; old clusters kept: app-use1-old1 /,
        );
        assert.strictEqual(sim.callsOf("DeleteBlueGreenDeployment").length, 1);
    });

    it("right after a whole run: status says the deployment is being deleted and nothing is left to do", async () => {
        const sim = simulate(PG_BG_SEED);
        const run = await cli(sim, PG_BG);
        assert.strictEqual(run.code, 0, run.stderr);
        const status = await cli(sim, ["status", ...PG_ARGS]);
        const id = idIn(status.stdout);
        assert.strictEqual(
            status.stdout.split("\n").at(-2),
            `blue/green deployment ${id} ("ag-app-global-to-17-5") being deleted (the upgrade ended; nothing to do)`,
        );
    });

    it("deleted before its switchover: the re-run stops (exit 1) saying production is unchanged, never 'switched over'", async () => {
        const sim = simulate(PG_BG_SEED);
        let killed = false;
        const first = await cli(sim, PG_BG, {
            hooks: {
                onPoll: (_id, s) => {
                    if (s === "AVAILABLE" && !killed) {
                        killed = true;
                        throw new Error("killed once green is AVAILABLE");
                    }
                },
            },
        });
        assert.strictEqual(first.code, 1);
        const [d] = sim.blueGreenDeployments();
        // Someone gives up on it before the switchover (and takes the green copies with it).
        await sim.clientFor("us-east-1").send(
            new DeleteBlueGreenDeploymentCommand({
                BlueGreenDeploymentIdentifier: d.BlueGreenDeploymentIdentifier,
                DeleteTarget: true,
            }),
        );
        const status = await cli(sim, ["status", ...PG_ARGS]);
        assert.strictEqual(
            status.stdout.split("\n").at(-2),
            `blue/green deployment ${d.BlueGreenDeploymentIdentifier} ("ag-app-global-to-17-5") is being deleted before a switchover: production is unchanged. Once AWS no longer lists it (DescribeBlueGreenDeployments), run the upgrade (${RESUME}) again to start over.`,
        );
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 1);
        assert.ok(
            again.stderr.includes(
                `blue/green deployment ${d.BlueGreenDeploymentIdentifier} ("ag-app-global-to-17-5") is being deleted before a switchover: production is unchanged. Once AWS no longer lists it (DescribeBlueGreenDeployments), run the same command again to start over.`,
            ),
            again.stderr,
        );
        assert.ok(!again.stdout.includes("(switched over)"), again.stdout);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.4");
        assert.strictEqual(sim.callsOf("SwitchoverBlueGreenDeployment").length, 0);
    });
});
