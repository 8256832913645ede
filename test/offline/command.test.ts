import { strict as assert } from "assert";
import { main, parseSpeed } from "../../testbeds/offline/main";
import { wrapLine } from "../../testbeds/offline/run/sections";
import { listScenarios } from "../../testbeds/offline/scenario/load";
import { assertNames, expectErrorLine, lineNaming } from "../support/meaning";
import { nonEmpty } from "../support/non-empty";

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
    return { code, stdout, stderr };
}

describe("npm run offline (offline/main)", function () {
    this.timeout(60_000);

    it("prints the default scenario: graph, plan, verdicts, progress, final state, no-drift preview", async () => {
        const { code, stdout, stderr } = await run(["--speed", "max"]);
        assert.equal(stderr, "");
        assert.equal(code, 0, stdout);
        const expected = [
            "aurora-global offline run — scenario pg-managed-minor",
            '  - aurora-global:engineVersion: "17.4"',
            '  + aurora-global:engineVersion: "17.5"',
            "  aurora-global-dev (pulumi:pulumi:Stack)",
            "  └─ aurora (aurora-global:index:AuroraGlobalDatabase)",
            "(aws:rds:GlobalCluster) region=us-east-1 ignoreChanges=[engineVersion]",
            "(aws:rds:Cluster) region=ap-northeast-1",
            "  live reads answered by the simulator: DescribeGlobalClusters ×1, DescribeDBClusters ×2, DescribeDBEngineVersions ×2",
            "(aurora-global-dev-us-east-1 17.4, aurora-global-dev-ap-northeast-1 17.4)",
            "  changes against the deployed stack: + aurora-upgrade-snapshot, + aurora-upgrade-global",
            '  Aurora PostgreSQL global cluster "aurora-global-dev": 17.4 → 17.5 (minor upgrade)',
            "  path: managed",
            "  policy pack aurora-global: no violations",
            "▶ aurora-upgrade-snapshot: aurora-global upgrade ",
            // The snapshot step says it did the snapshot step, not the upgrade (each step first
            // takes the run lease: 2 s of settle wait before its work, docs/lease.md).
            "✔ aurora-upgrade-snapshot: exit 0 after 2m02s — the snapshot step of managed 17.4 → 17.5: done in 2m00s",
            "▶ aurora-upgrade-global: aurora-global upgrade ",
            "ap-northeast-1  secondary upgrading  17.4.5 → 17.5.4",
            '  global cluster "aurora-global-dev": aurora-postgresql 17.5, available',
            "  failover ready: yes",
            '  plan: Aurora PostgreSQL global cluster "aurora-global-dev": 17.5 → 17.5 (no version change); path: nothing to do',
            "  stack outputs: failoverReady=true",
            "  upgrade steps kept unchanged: aurora-upgrade-snapshot, aurora-upgrade-global",
            "  upgrade steps to run: 0",
            "  database resources: no changes (no drift): every cluster, instance and the global cluster match what the update left",
        ];
        let at = 0;
        for (const piece of expected) {
            const found = stdout.indexOf(piece, at);
            assert.ok(found >= 0, `missing (in order) ${JSON.stringify(piece)} in:\n${stdout}`);
            at = found;
        }
        // The seed's managed upgrade takes the seed's 3 minutes, as the plan's impact says.
        assert.match(
            stdout,
            /\[\+5m04s\] +✔ aurora-upgrade-global: exit 0 after 3m02s — managed 17\.4 → 17\.5: done in 3m00s/,
        );
        assert.match(stdout, /about 3\s+minutes in all/);
    });

    it("prints no prose line wider than 120 characters (graph lines and markdown tables stay whole)", async () => {
        for (const scenario of ["pg-managed-minor", "mysql-secondary-upgrade-fails", "pg-downgrade-blocked"]) {
            const { stdout } = await run(["--scenario", scenario, "--speed", "max"]);
            const wide = stdout.split("\n").filter((l) => [...l].length > 120 && !/[├└]─/.test(l));
            assert.deepEqual(wide, [], scenario);
        }
    });

    it("wraps a long progress line under its text, and keeps structure whole", () => {
        const line = `  [+16m00s]     step │ aurora-global: STOPPED: ${"word ".repeat(30).trim()}`;
        const hang = " ".repeat(23);
        assert.deepEqual(wrapLine(line, 60), [
            "  [+16m00s]     step │ aurora-global: STOPPED: word word",
            ...Array<string>(4).fill(`${hang}${"word ".repeat(7).trim()}`),
        ]);
        assert.deepEqual(wrapLine(`    plain prose ${"alpha beta ".repeat(8).trim()}`, 60), [
            "    plain prose alpha beta alpha beta alpha beta alpha beta",
            "        alpha beta alpha beta alpha beta alpha beta",
        ]);
        const tree = `     ├─ aurora-upgrade-snapshot (command:local:Command) after=[${"x, ".repeat(60)}]`;
        assert.deepEqual(wrapLine(tree, 60), [tree]);
        assert.deepEqual(wrapLine(`  | a | ${"b ".repeat(80)}|`, 60).length, 1);
    });

    it("--markdown shows the plan as the preview logs it: members from → to, the mermaid diagram, the impact table", async () => {
        const { code, stdout } = await run(["--speed", "max", "--markdown"]);
        assert.equal(code, 0);
        assert.ok(stdout.includes("── 3. The upgrade plan, markdown"), stdout);
        assert.ok(
            stdout.includes("  | `aurora-global-dev-ap-northeast-1` | ap-northeast-1 | secondary | 17.4 → 17.5 |\n"),
            stdout,
        );
        assert.ok(stdout.includes("  ```mermaid\n  flowchart LR\n"), stdout);
        assert.ok(
            stdout.includes("  | wave | action | member | region | role | version | expected impact |\n"),
            stdout,
        );
    });

    it("refuses an unknown scenario with the list of the available ones (exit 2)", async () => {
        const { code, stdout, stderr } = await run(["--scenario", "pg-nope"]);
        assert.equal(stdout, "");
        // Its wording: scenario-file.test.ts. Here: the name refused and every scenario there is.
        const line = expectErrorLine({ code, stdout, stderr }, 2, 'offline: unknown scenario "pg-nope"', "--list");
        assertNames(line, nonEmpty(listScenarios(), "scenario"));
        assert.equal(stderr, `${line}\n`);
    });

    it("refuses a bad --speed with the fix (exit 2)", async () => {
        const { code, stderr } = await run(["--speed", "fast"]);
        assert.equal(code, 2);
        assert.equal(
            stderr,
            'offline: --speed "fast" is not valid: give how many times faster than real time the upgrade runs, a number from 1 to 100000 (default 400: 1 virtual minute ≈ 150 ms), or "max" for no delay\n',
        );
    });

    it("--speed takes a factor over real time or max; default 400", () => {
        const errors: string[] = [];
        assert.equal(parseSpeed(undefined, errors), 400);
        assert.equal(parseSpeed("max", errors), "max");
        assert.equal(parseSpeed("60", errors), 60);
        assert.equal(parseSpeed("2.5", errors), 2.5);
        assert.deepEqual(errors, []);
        assert.equal(parseSpeed("0", errors), 400);
        assert.equal(errors.length, 1);
    });

    it("--list names every scenario and marks the default", async () => {
        const { code, stdout } = await run(["--list"]);
        assert.equal(code, 0);
        for (const name of [
            "mysql-rolling-minor",
            "mysql-secondary-upgrade-fails",
            "pending-patch-round",
            "pg-downgrade-blocked",
            "pg-major-opt-in",
        ])
            assert.match(stdout, new RegExp(`^${name}$`, "m"));
        assert.match(stdout, /^pg-managed-minor \(default\)$/m);
    });

    it("a blocked scenario prints the violations with fixes, proves no AWS call, exits 2", async () => {
        const { code, stdout } = await run(["--scenario", "pg-downgrade-blocked", "--speed", "max"]);
        assert.equal(code, 2);
        const logical = stdout.replace(/\n {6}/g, " ");
        lineNaming(
            logical,
            '✗ [downgrade] secondary cluster "aurora-global-dev-ap-northeast-1" (ap-northeast-1) runs 17.5',
            "fix: set engineVersion to 17.5 or newer",
        );
        assert.match(stdout, /\[mandatory\] no-blocked-version-change/);
        assert.match(stdout, /✗ policy pack: 1 mandatory violation \(no-blocked-version-change\): the CI check fails/);
        // The preview's reads are named as reads, never called "no AWS call" (the wording, pinned once).
        assert.match(
            stdout.replace(/\n {6}/g, " "),
            /Nothing was changed in AWS: the preview only read \(DescribeGlobalClusters ×1, DescribeDBClusters ×2, [^)]*\); since the stack was set up, the simulated control plane's call log holds 0 mutating calls\.\n/,
        );
        assert.doesNotMatch(stdout, /pulumi up: the upgrade steps/);
    });
});
