import * as assert from "assert";
import { parseRegion, parseTimeoutMinutes } from "../../orchestrator/cli";
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
        assert.strictEqual(
            r.stderr,
            [
                'aurora-global: --region "mars" is not valid: use an AWS region code such as us-east-1',
                'aurora-global: --global-cluster "app global" is not valid: use the global cluster identifier (letters, digits and hyphens, starting with a letter)',
                'aurora-global: --strategy "fast" is not valid: use one of auto, managed, rolling, blue-green',
                'aurora-global: --timeout-minutes "0" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
                'aurora-global: --poll-seconds "x" is not valid: give a whole number of seconds from 1 to 3600, e.g. --poll-seconds 15',
                "",
            ].join("\n"),
        );
        assert.strictEqual(sim.calls.length, 0);
    });

    it("patch and status validate --opt-in and --format", async () => {
        const sim = simulate(PG_SEED);
        const p = await cli(sim, ["patch", ...PG_ARGS, "--opt-in", "now"]);
        assert.strictEqual(p.code, 2);
        assert.strictEqual(
            p.stderr,
            'aurora-global: --opt-in "now" is not valid: use one of immediate, next-maintenance\n',
        );
        const s = await cli(sim, ["status", ...PG_ARGS, "--format", "yaml"]);
        assert.strictEqual(s.stderr, 'aurora-global: --format "yaml" is not valid: use one of text, markdown, json\n');
        assert.strictEqual(sim.calls.length, 0);
    });

    it("the home region comes from --region, else AWS_REGION; missing is an error naming both", async () => {
        const errors: string[] = [];
        assert.strictEqual(parseRegion(undefined, { AWS_REGION: "eu-west-1" }, errors), "eu-west-1");
        assert.strictEqual(parseRegion("us-east-1", { AWS_REGION: "eu-west-1" }, errors), "us-east-1");
        assert.deepStrictEqual(errors, []);
        parseRegion(undefined, {}, errors);
        assert.deepStrictEqual(errors, [
            "--region is required: give the home region of the global cluster, e.g. --region us-east-1, or set AWS_REGION",
        ]);
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
        assert.strictEqual(
            r.stderr,
            "aurora-global: --target is required: give the engine version to upgrade to, e.g. --target 17.5 or --target 8.0.mysql_aurora.3.09.0\n",
        );
        assert.strictEqual(sim.calls.length, 0);
    });

    it("whole-number flags accept only whole numbers in range", () => {
        const errors: string[] = [];
        assert.strictEqual(parseTimeoutMinutes("90", errors), 90);
        assert.strictEqual(parseTimeoutMinutes("1.5", errors), undefined);
        assert.deepStrictEqual(errors, [
            '--timeout-minutes "1.5" is not valid: give a whole number of minutes from 1 to 10080, e.g. --timeout-minutes 120',
        ]);
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
