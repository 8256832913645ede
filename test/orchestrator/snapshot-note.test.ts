import * as assert from "node:assert/strict";
import { cli, PG_ARGS, PG_SEED, simulate } from "./harness";

const snapshotNotes = (stdout: string) =>
    stdout.split("\n").filter((l) => l.startsWith("note: ") && l.includes("snapshot"));
const upgrade = (strategy: string, ...flags: string[]) => [
    "upgrade",
    ...PG_ARGS,
    "--target",
    "17.5",
    "--strategy",
    strategy,
    ...flags,
];

/** The CLI's note for `--no-snapshot` (planner/plan.ts): it cannot know whether a snapshot was taken before it. */
const NO_SNAPSHOT_IN_THIS_RUN =
    "note: this run takes no snapshot: unless one was taken before it (the component's snapshot step, or your own), a minor upgrade cannot be rolled back";

/**
 * The component's upgrade steps run the CLI with `--no-snapshot` after their own snapshot step (a
 * member step with `--only-member`, the managed or major global step without a filter): the CLI
 * must not say the program chose no snapshot (`snapshotBeforeUpgrade is false`).
 */
describe("orchestrator CLI: the snapshot note of a run told to take none", () => {
    for (const [what, argv] of [
        ["a member step (--only-member)", upgrade("rolling", "--no-snapshot", "--only-member", "app-apne1")],
        ["the managed global step (no filter)", upgrade("managed", "--no-snapshot")],
        ["a whole rolling run", upgrade("rolling", "--no-snapshot")],
    ] as const)
        it(`${what}: this run takes none, unless one was taken before it`, async () => {
            const run = await cli(simulate(PG_SEED), [...argv]);
            assert.equal(run.code, 0, run.stderr);
            assert.deepEqual(snapshotNotes(run.stdout), [NO_SNAPSHOT_IN_THIS_RUN]);
        });

    it("a run that takes its snapshot has no snapshot note", async () => {
        const run = await cli(simulate(PG_SEED), upgrade("rolling"));
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(snapshotNotes(run.stdout), []);
    });
});
