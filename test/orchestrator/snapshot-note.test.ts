import * as assert from "node:assert/strict";
import { cli, PG_ARGS, PG_SEED, simulate } from "./harness";

const notes = (stdout: string) => stdout.split("\n").filter((l) => l.startsWith("note: "));
const upgrade = (...flags: string[]) => ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling", ...flags];

/**
 * The component's upgrade steps run `--no-snapshot --only-member …`: the snapshot (when the program
 * takes one) is a step of its own, so a member step must not say the program chose no snapshot.
 */
describe("orchestrator CLI: the snapshot note of a run that is one step of the plan", () => {
    it("a member step with --no-snapshot says it takes none because the snapshot is its own step", async () => {
        const run = await cli(simulate(PG_SEED), upgrade("--no-snapshot", "--only-member", "app-apne1"));
        assert.equal(run.code, 0, run.stderr);
        const snapshotNotes = notes(run.stdout).filter((l) => l.includes("snapshot"));
        assert.equal(snapshotNotes.length, 1, run.stdout);
        assert.match(snapshotNotes[0], /one step of the plan/);
        assert.doesNotMatch(snapshotNotes[0], /snapshotBeforeUpgrade is false/);
    });

    it("a whole run with --no-snapshot still says no snapshot was chosen (a minor upgrade cannot be rolled back)", async () => {
        const run = await cli(simulate(PG_SEED), upgrade("--no-snapshot"));
        assert.equal(run.code, 0, run.stderr);
        const snapshotNotes = notes(run.stdout).filter((l) => l.includes("snapshot"));
        assert.equal(snapshotNotes.length, 1, run.stdout);
        assert.match(snapshotNotes[0], /snapshotBeforeUpgrade is false/);
    });

    it("a whole run with its snapshot has no snapshot note", async () => {
        const run = await cli(simulate(PG_SEED), upgrade());
        assert.equal(run.code, 0, run.stderr);
        assert.deepEqual(
            notes(run.stdout).filter((l) => l.includes("snapshot")),
            [],
        );
    });
});
