import { strict as assert } from "assert";
import { main } from "../../testbeds/offline/main";

async function run(argv: string[]): Promise<{ code: number; stdout: string }> {
    let stdout = "";
    const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: () => undefined });
    return { code, stdout };
}

/** The printed lines joined back where the offline run wrapped them (continuations hang indented). */
function logicalLines(stdout: string): string[] {
    const lines: string[] = [];
    for (const line of stdout.split("\n")) {
        if (/^ {6,}\S/.test(line) && lines.length > 0) lines[lines.length - 1] += ` ${line.trim()}`;
        else lines.push(line);
    }
    return lines;
}

describe("npm run offline: what a user reads", function () {
    this.timeout(120_000);

    it("names scenario files by their path from the repository root, and opens with what the scenario is", async () => {
        const { code, stdout } = await run(["--speed", "max"]);
        assert.equal(code, 0);
        assert.match(stdout, /What runs in AWS now \(testbeds\/scenarios\/pg-managed-minor\.yaml\):/);
        assert.doesNotMatch(stdout, /[^/]scenarios\/pg-managed-minor\.yaml/);
        const opening = stdout.split("\n")[1];
        assert.match(opening, /^ {2}A minor upgrade of a running global database/);
        assert.doesNotMatch(stdout, /seed/i);
    });

    it("switched-over-rolling shows the preview's warning that the configured primary does not write, with the fix", async () => {
        const { code, stdout } = await run(["--scenario", "switched-over-rolling", "--speed", "max"]);
        assert.equal(code, 0);
        const warning = logicalLines(stdout).find((l) => l.includes("warning (the preview shows it on the component)"));
        assert.ok(warning, "no warning printed");
        assert.match(warning, /cluster "aurora-global-dev-us-east-1" \(us-east-1\), is not the writer/);
        assert.match(warning, /Fix: .*aws rds switchover-global-cluster --global-cluster-identifier aurora-global-dev/);
    });

    it("blue/green progress: a line per change with elapsed time, a short heartbeat in between, no repeated state", async () => {
        const { code, stdout } = await run(["--scenario", "mysql-minor-blue-green", "--speed", "max"]);
        assert.equal(code, 0);
        const progress = logicalLines(stdout).filter((l) => /│ blue\/green deployment bgd-\w+: /.test(l));
        assert.ok(progress.length >= 4, `only ${progress.length} progress lines`);
        const bodies = progress.map((l) => l.replace(/^.*│ blue\/green deployment bgd-\w+: /, ""));
        for (const body of bodies)
            assert.match(
                body,
                /\((green environment provisioning|switchover), \d+m?\d*s\)|switchover completed|every region ready/,
            );
        const full = bodies.filter((b) => b.includes("; tasks: "));
        assert.equal(full.length, 2, "the whole state once per wait (provisioning, switchover)");
        assert.ok(
            bodies.some((b) => /^eu-west-1 AVAILABLE \(/.test(b)),
            "a region's change is its own line",
        );
        assert.ok(bodies.some((b) => /^status PROVISIONING → AVAILABLE, /.test(b)));
        const heartbeats = bodies.filter((b) => b.startsWith("still PROVISIONING, "));
        assert.ok(heartbeats.length >= 1 && heartbeats.length <= 8, `${heartbeats.length} heartbeats`);
        assert.ok(progress.length <= 20, `${progress.length} progress lines`);
    });
});
