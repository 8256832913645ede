import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { freshDir } from "../package/consumer-project";
import { describeResult, LAUNCHER, RealPulumiBed, ROOT, runProcess } from "./real-pulumi";

/** The pulumi Python SDK from PyPI at the CLI's version. */
const PULUMI_PYPI = "pulumi==3.248.0";

const PROGRAM = `import pulumi
import pulumi_aurora_global as aurora_global

orders = aurora_global.AuroraGlobalDatabase(
    "orders",
    engine="aurora-postgresql",
    engine_version=pulumi.Config().require("engineVersion"),
    global_cluster_identifier="orders",
    primary=aurora_global.MemberInputsArgs(region="us-east-1", instance_count=1),
    secondaries=[aurora_global.MemberInputsArgs(region="ap-northeast-1")],
    upgrade=aurora_global.UpgradeInputsArgs(strategy="auto", apply_pending_patches="none", poll_seconds=1),
)
pulumi.export("plan", orders.plan)
pulumi.export("upgradeSteps", orders.upgrade_steps_record)
`;

/**
 * Issue #19 item 7 (Python): `pulumi package add <repo>/provider` in a Python project (the `pulumi`
 * package from PyPI in its virtualenv) generates and installs `pulumi_aurora_global`; the program then
 * creates the global database at 17.4 and upgrades it to 17.5 under the real engine.
 */
describe("real Pulumi: a Python program using the component package", function () {
    this.timeout(20 * 60_000);
    const bed = new RealPulumiBed();
    const dir = freshDir("aurora-global-python-");
    const pulumi = (args: string[]) => runProcess(LAUNCHER, args, dir, bed.env());

    before(async () => {
        await bed.start();
        writeFileSync(
            join(dir, "Pulumi.yaml"),
            "name: orders-db\nruntime:\n  name: python\n  options:\n    toolchain: pip\n    virtualenv: venv\n",
        );
        writeFileSync(join(dir, "requirements.txt"), `${PULUMI_PYPI}\n`);
        writeFileSync(join(dir, "__main__.py"), PROGRAM);
        execFileSync("python3", ["-m", "venv", "venv"], { cwd: dir });
        execFileSync(join(dir, "venv", "bin", "pip"), ["install", "-q", PULUMI_PYPI], { cwd: dir });
        for (const args of [
            ["stack", "init", "dev"],
            ["config", "set", "aws:region", "us-east-1"],
            ["config", "set", "engineVersion", "17.4"],
        ]) {
            const r = await pulumi(args);
            assert.equal(r.code, 0, describeResult(r));
        }
    });
    after(async () => {
        await bed.stop();
        rmSync(dir, { recursive: true, force: true });
    });

    it("pulumi package add provider generates and installs the pulumi_aurora_global SDK", async () => {
        const r = await pulumi(["package", "add", join(ROOT, "provider")]);
        assert.equal(r.code, 0, describeResult(r));
        assert.match(r.stdout + r.stderr, /import pulumi_aurora_global as aurora_global/);
    });

    it("pulumi up creates the global database at 17.4", async () => {
        const r = await pulumi(["up", "--yes", "--non-interactive", "--skip-preview"]);
        assert.equal(r.code, 0, describeResult(r));
        assert.equal(bed.sim.globalCluster("orders").engineVersion, "17.4");
        assert.deepEqual(
            bed.sim.globalCluster("orders").members.map((m) => m.id),
            ["orders-us-east-1", "orders-ap-northeast-1"],
        );
    });

    it("engineVersion 17.5: pulumi up runs the managed upgrade through the real command provider", async () => {
        const set = await pulumi(["config", "set", "engineVersion", "17.5"]);
        assert.equal(set.code, 0, describeResult(set));
        const r = await pulumi(["up", "--yes", "--non-interactive", "--skip-preview"]);
        assert.equal(r.code, 0, describeResult(r));
        assert.match(r.stdout, /command:local:Command orders-upgrade-snapshot created/);
        assert.match(r.stdout, /command:local:Command orders-upgrade-global created/);
        assert.equal(bed.sim.callsOf("CreateDBClusterSnapshot").length, 1, "snapshotBeforeUpgrade defaults to true");
        assert.equal(bed.sim.callsOf("ModifyGlobalCluster").length, 1);
        assert.equal(bed.sim.globalCluster("orders").engineVersion, "17.5");
        assert.equal(bed.sim.cluster("orders-ap-northeast-1").engineVersion, "17.5");
    });
});
