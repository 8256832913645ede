import * as assert from "assert";
import { parseFlag, parseRegion } from "../../orchestrator/cli";
import { assertRefusal, cliRefusalLines, Refusal } from "../support/refusal";
import { cli, PG_ARGS, PG_SEED, simulate } from "./harness";

describe("orchestrator: CLI input", () => {
    it("every bad flag value is reported with the flag, the value and the fix; exit 2 and no AWS call", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, [
            "upgrade",
            "--region",
            "mars",
            "--global-cluster",
            "app global",
            "--target",
            "17.5",
            "--strategy",
            "fast",
            "--timeout-minutes",
            "0",
            "--poll-seconds",
            "x",
        ]);
        assert.strictEqual(r.code, 2);
        const expected: Refusal[] = [
            { field: "--region", value: '"mars"', fix: "us-east-1" },
            { field: "--global-cluster", value: '"app global"' },
            { field: "--strategy", value: '"fast"', fix: '"blue-green"' },
            { field: "--timeout-minutes", value: '"0"', says: ["from 1 to 10080"], fix: "e.g. 120" },
            { field: "--poll-seconds", value: '"x"', says: ["from 1 to 3600"], fix: "e.g. 15" },
        ];
        const lines = cliRefusalLines(r.stderr);
        assert.strictEqual(lines.length, expected.length, r.stderr);
        expected.forEach((e, i) => assertRefusal(lines[i], e));
        assert.strictEqual(sim.calls.length, 0);
    });

    it("patch and status validate --opt-in and --format", async () => {
        const sim = simulate(PG_SEED);
        const p = await cli(sim, ["patch", ...PG_ARGS, "--opt-in", "now"]);
        assert.strictEqual(p.code, 2);
        assert.strictEqual(cliRefusalLines(p.stderr).length, 1, p.stderr);
        assertRefusal(cliRefusalLines(p.stderr)[0], { field: "--opt-in", value: '"now"', fix: '"next-maintenance"' });
        const s = await cli(sim, ["status", ...PG_ARGS, "--format", "yaml"]);
        assert.strictEqual(s.code, 2);
        assert.strictEqual(cliRefusalLines(s.stderr).length, 1, s.stderr);
        assertRefusal(cliRefusalLines(s.stderr)[0], {
            field: "--format",
            value: '"yaml"',
            fix: '"markdown" or "json"',
        });
        assert.strictEqual(sim.calls.length, 0);
    });

    it("the home region comes from --region, else AWS_REGION; missing is an error naming both", async () => {
        const errors: string[] = [];
        assert.strictEqual(parseRegion(undefined, { AWS_REGION: "eu-west-1" }, errors), "eu-west-1");
        assert.strictEqual(parseRegion("us-east-1", { AWS_REGION: "eu-west-1" }, errors), "us-east-1");
        assert.deepStrictEqual(errors, []);
        parseRegion(undefined, {}, errors);
        assert.strictEqual(errors.length, 1);
        assertRefusal(errors[0], { field: "--region", says: ["AWS_REGION"], fix: "--region us-east-1" });
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["status", "--global-cluster", "app-global"], { env: { AWS_REGION: "us-east-1" } });
        assert.strictEqual(r.code, 0, r.stderr);
        assert.strictEqual(sim.callsOf("DescribeGlobalClusters")[0].region, "us-east-1");
    });

    it("unknown options and missing required flags exit 2", async () => {
        const sim = simulate(PG_SEED);
        assert.strictEqual((await cli(sim, ["upgrade", ...PG_ARGS, "--target", "17.5", "--force"])).code, 2);
        const r = await cli(sim, ["plan", ...PG_ARGS]);
        assert.strictEqual(r.code, 2);
        assert.strictEqual(cliRefusalLines(r.stderr).length, 1, r.stderr);
        assertRefusal(cliRefusalLines(r.stderr)[0], { field: "--target", says: ["required"], fix: "--target 17.5" });
        assert.strictEqual(sim.calls.length, 0);
    });

    it("whole-number flags accept only whole numbers in range", () => {
        const errors: string[] = [];
        assert.strictEqual(parseFlag("timeoutMinutes", "90", errors), 90);
        assert.strictEqual(parseFlag("timeoutMinutes", "1.5", errors), undefined);
        assert.strictEqual(errors.length, 1);
        assertRefusal(errors[0], {
            field: "--timeout-minutes",
            value: '"1.5"',
            says: ["a whole number from 1 to 10080"],
            fix: "e.g. 120",
        });
    });

    it("--help lists the commands, including watch, and exits 0", async () => {
        const r = await cli(simulate(PG_SEED), ["--help"]);
        assert.strictEqual(r.code, 0);
        for (const c of ["plan", "upgrade", "patch", "status", "watch"])
            assert.match(r.stdout, new RegExp(`\\n  ${c} `));
    });

    it("upgrade --help shows the parameter-group flags the troubleshooting table names, and the defaults", async () => {
        const r = await cli(simulate(PG_SEED), ["upgrade", "--help"]);
        assert.strictEqual(r.code, 0);
        // A flag's line with its wrapped continuation lines (help wraps at HELP_WIDTH).
        const line = (flag: string) => {
            const lines = r.stdout.split("\n");
            const at = lines.findIndex((l) => l.trimStart().startsWith(flag));
            if (at < 0) return "";
            const rest = lines.slice(at + 1);
            const end = rest.findIndex((l) => !/^ {10,}\S/.test(l));
            return [lines[at], ...rest.slice(0, end < 0 ? rest.length : end).map((l) => l.trim())].join(" ");
        };
        assert.match(line("--cluster-parameter-group <cluster=name>"), /target-family cluster parameter group/);
        assert.match(line("--instance-parameter-group <cluster=name>"), /target-family DB parameter group/);
        assert.match(line("--strategy <strategy>"), /auto \| managed \| rolling \| blue-green \(default: "auto"\)$/);
        assert.match(line("--timeout-minutes <n>"), /\(default: "180"\)$/);
        assert.match(line("--allow-major"), /\(default: false\)$/);
        const patch = await cli(simulate(PG_SEED), ["patch", "--help"]);
        assert.match(patch.stdout, /--opt-in <when>\s+immediate \|\s+next-maintenance\s+\(default:\s+"immediate"\)/);
        const status = await cli(simulate(PG_SEED), ["status", "--help"]);
        assert.match(status.stdout, /--format <format>\s+text \| markdown \| json\s+\(default:\s+"text"\)/);
    });

    it("plan prints markdown without changing anything", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["plan", ...PG_ARGS, "--target", "17.5", "--format", "markdown"]);
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stdout, /```mermaid/);
        assert.ok(sim.calls.every((c) => c.command.startsWith("Describe")));
    });
});
