import * as assert from "assert";
import { BlueGreenDeployment, DeleteBlueGreenDeploymentCommand } from "@aws-sdk/client-rds";
import { deploymentLine } from "../../orchestrator/blue-green/status-meaning";
import { renderDeployments } from "../../orchestrator/cli/status-render";
import { assertNames, lineNaming } from "../support/meaning";
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

/** AWS's switchover command for a deployment aurora-global did not create. */
const SWITCHOVER =
    "aws rds switchover-blue-green-deployment --blue-green-deployment-identifier bgd-1 --region us-east-1";
/** Deleting a switched-over deployment someone else created (its green clusters are production now). */
const DELETE_ONLY = "aws rds delete-blue-green-deployment --blue-green-deployment-identifier bgd-1 --region us-east-1";
const THEIRS = 'blue/green deployment bgd-1 ("my-own")';

interface StatusCase {
    readonly what: string;
    readonly deployment: BlueGreenDeployment;
    /** What the line must name: the deployment, the status, the state in short, and the commands to run. */
    readonly names: readonly string[];
    /** What it must not name (a resume command for a deployment aurora-global did not create). */
    readonly not?: readonly string[];
}

describe("blue/green deployment status lines (docs/aws-rules.md §10)", () => {
    it("the wording, pinned once: aurora-global's own deployment failed (INVALID_CONFIGURATION)", () => {
        const d = ours("INVALID_CONFIGURATION", {
            StatusDetails: "The engine version upgrade of green DB cluster app-use1-green-abc123 failed.",
        });
        assert.strictEqual(
            deploymentLine(d),
            `${HEAD} failed: INVALID_CONFIGURATION (The engine version upgrade of green DB cluster app-use1-green-abc123 failed.): it cannot be switched over. Production is unchanged. Delete it with its green clusters (${DELETE}), fix the cause, then run the upgrade (${RESUME}) again.`,
        );
    });

    const cases: StatusCase[] = [
        {
            what: "PROVISIONING: in progress, with each region and task",
            deployment: ours("PROVISIONING", {
                Tasks: [{ Name: "CREATING_READ_REPLICA_OF_SOURCE", Status: "IN_PROGRESS" }],
            }),
            names: [
                HEAD,
                "in progress: PROVISIONING",
                "[us-east-1 PROVISIONING]",
                "CREATING_READ_REPLICA_OF_SOURCE IN_PROGRESS",
            ],
        },
        {
            what: "AVAILABLE: in progress",
            deployment: ours("AVAILABLE"),
            names: [HEAD, "in progress: AVAILABLE", "[us-east-1 AVAILABLE]"],
        },
        {
            what: "SWITCHOVER_IN_PROGRESS: in progress",
            deployment: ours("SWITCHOVER_IN_PROGRESS"),
            names: [HEAD, "in progress: SWITCHOVER_IN_PROGRESS", "[us-east-1 SWITCHOVER_IN_PROGRESS]"],
        },
        {
            what: "SWITCHOVER_COMPLETED: switched over, the cleanup a re-run does remains",
            deployment: ours("SWITCHOVER_COMPLETED"),
            names: [
                HEAD,
                "switched over",
                "-old1",
                "--old-clusters delete",
                "DeleteBlueGreenDeployment",
                `run ${RESUME} again`,
            ],
        },
        {
            what: "DELETING after the switchover (every member SWITCHOVER_COMPLETED): nothing to do",
            deployment: deleting("SWITCHOVER_COMPLETED"),
            names: [HEAD, "being deleted", "nothing to do"],
            not: [RESUME],
        },
        {
            what: "DELETING before a switchover (a member still AVAILABLE): production unchanged, start over once it is gone",
            deployment: deleting("AVAILABLE"),
            names: [
                HEAD,
                "before a switchover",
                "production is unchanged",
                "DescribeBlueGreenDeployments",
                `(${RESUME}) again`,
            ],
        },
        {
            what: "DELETING without member details: the members' versions tell",
            deployment: ours("DELETING", { SwitchoverDetails: [] }),
            names: [HEAD, "being deleted", "no switchover detail", "the members' versions"],
            not: [RESUME],
        },
        {
            what: "SWITCHOVER_FAILED: rolled back, fix and run again to switch over, or delete",
            deployment: ours("SWITCHOVER_FAILED", { StatusDetails: "Replica lag exceeded the switchover timeout." }),
            names: [
                HEAD,
                "SWITCHOVER_FAILED (Replica lag exceeded the switchover timeout.)",
                "rolled it back",
                "production is unchanged",
                "--switchover-timeout-seconds",
                `(${RESUME}) again`,
                DELETE,
            ],
        },
        {
            what: "PROVISIONING_FAILED (not a status AWS documents): unknown, check it",
            deployment: ours("PROVISIONING_FAILED"),
            names: [
                HEAD,
                'unknown status "PROVISIONING_FAILED"',
                "[us-east-1 PROVISIONING_FAILED]",
                "an upgrade run stops at it",
                "RDS console",
            ],
        },
        {
            what: "no status at all: unknown",
            deployment: ours(undefined, { SwitchoverDetails: [] }),
            names: [HEAD, 'unknown status "undefined" (?)', "an upgrade run stops at it", "RDS console"],
        },
        {
            what: "someone else's deployment, SWITCHOVER_COMPLETED: the cleanup is theirs",
            deployment: foreign("SWITCHOVER_COMPLETED"),
            names: [THEIRS, "switched over", "did not create it", DELETE_ONLY, "-old1"],
            not: ["aurora-global upgrade", "--delete-target"],
        },
        {
            what: "someone else's deployment, INVALID_CONFIGURATION: not resumed by an upgrade run",
            deployment: foreign("INVALID_CONFIGURATION"),
            names: [
                THEIRS,
                "INVALID_CONFIGURATION (no details)",
                "Production is unchanged",
                DELETE,
                "run whatever created it again",
            ],
            not: ["aurora-global upgrade"],
        },
        {
            what: "someone else's deployment, SWITCHOVER_FAILED: AWS's switchover command",
            deployment: foreign("SWITCHOVER_FAILED"),
            names: [THEIRS, "SWITCHOVER_FAILED (no details)", "rolled it back", SWITCHOVER, DELETE],
            not: ["aurora-global upgrade"],
        },
        {
            what: "a deployment named like aurora-global's but for another target than its tag: not resumed",
            deployment: { ...ours("SWITCHOVER_COMPLETED"), BlueGreenDeploymentName: "ag-app-global-to-17-6" },
            names: ['blue/green deployment bgd-1 ("ag-app-global-to-17-6")', "did not create it", DELETE_ONLY],
            not: ["aurora-global upgrade"],
        },
    ];
    for (const { what, deployment, names, not = [] } of cases) {
        it(what, () => {
            const line = deploymentLine(deployment);
            assertNames(line, names);
            assert.deepStrictEqual(
                not.filter((v) => line.includes(v)),
                [],
                line,
            );
            assert.strictEqual(line.includes("\n"), false, "one line");
            assert.strictEqual(renderDeployments([deployment], "text"), line);
            assert.strictEqual(renderDeployments([deployment], "markdown"), `- ${line}`);
        });
    }

    it("one line per deployment; none gives an empty string", () => {
        assert.strictEqual(renderDeployments([], "text"), "");
        const both = [deleting("SWITCHOVER_COMPLETED"), foreign("AVAILABLE")];
        assert.strictEqual(renderDeployments(both, "text"), both.map(deploymentLine).join("\n"));
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
        const line = status.stdout.split("\n").at(-2);
        assertNames(line, [
            `blue/green deployment ${id} ("ag-app-global-to-17-5")`,
            "switched over",
            `run ${RESUME} again`,
        ]);
        const plan = await cli(sim, ["plan", ...PG_ARGS, "--target", "17.5", "--strategy", "blue-green"]);
        assert.strictEqual(plan.stdout.split("\n").at(-2), line, "plan prints the line status prints");
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
        assertNames(status.stdout.split("\n").at(-2), [
            `blue/green deployment ${id} ("ag-app-global-to-17-5") being deleted`,
            "nothing to do",
        ]);
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
        const head = `blue/green deployment ${d.BlueGreenDeploymentIdentifier} ("ag-app-global-to-17-5")`;
        assertNames(status.stdout.split("\n").at(-2), [
            `${head} is being deleted before a switchover`,
            "production is unchanged",
            `run the upgrade (${RESUME}) again`,
        ]);
        const again = await cli(sim, PG_BG);
        assert.strictEqual(again.code, 1);
        lineNaming(
            again.stderr,
            `${head} is being deleted before a switchover`,
            "production is unchanged",
            "run the same command again",
        );
        assert.ok(!again.stdout.includes("(switched over)"), again.stdout);
        assert.strictEqual(sim.cluster("app-use1").engineVersion, "17.4");
        assert.strictEqual(sim.callsOf("SwitchoverBlueGreenDeployment").length, 0);
    });
});
