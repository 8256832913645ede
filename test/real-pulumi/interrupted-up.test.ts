import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { databaseChangingTo, describeResult, LAUNCHER, RealPulumiBed, RunResult } from "./real-pulumi";

/**
 * Issue #19 item 5: `pulumi up` killed (SIGKILL to the CLI, its plugins and the step's
 * `aurora-global` process, as when a CI job is killed) while the upgrade step waits on AWS,
 * then run again: the second run finishes the upgrade and ModifyGlobalCluster is sent once. (A first
 * Ctrl-C does not interrupt: Pulumi then waits for the running step to finish.)
 */
describe("real Pulumi: pulumi up interrupted during the upgrade step", function () {
    this.timeout(25 * 60_000);
    // Slower simulated clock: the 10-minute member upgrades last 20 s of real time, time to interrupt.
    const bed = new RealPulumiBed(30);

    before(() => databaseChangingTo(bed, "17.5"));
    after(() => bed.stop());

    const modifies = () => bed.sim.calls.filter((c) => c.command === "ModifyGlobalCluster" && !c.error).length;

    it("is killed once ModifyGlobalCluster was sent, the upgrade still running", async () => {
        const first = await upKilledAfter(bed, () => modifies() > 0);
        assert.notEqual(first.code, 0, describeResult(first));
        assert.equal(modifies(), 1);
        assert.notEqual(bed.sim.globalCluster("aurora-global").engineVersion, "17.5", "interrupted before the end");
    });

    it("after the engine's own recovery steps, the next pulumi up finishes without sending ModifyGlobalCluster again", async () => {
        // A killed update leaves the DIY backend's lock and a pending create of the step; the engine
        // names the fix for each (docs/real-pulumi.md, difference 7), which a user follows in turn.
        const recoveries: Record<string, string[]> = {
            "the stack is currently locked": ["cancel", "--yes"],
            "pending operations": ["refresh", "--yes", "--non-interactive", "--clear-pending-creates"],
        };
        const followed: string[] = [];
        let r = await bed.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
        for (let attempt = 0; r.code !== 0 && attempt < 3; attempt++) {
            const [problem, fix] = Object.entries(recoveries).find(([p]) => (r.stdout + r.stderr).includes(p)) ?? [];
            assert.ok(fix, describeResult(r));
            followed.push(problem!);
            const recovered = await bed.run(fix);
            assert.equal(recovered.code, 0, describeResult(recovered));
            r = await bed.run(["up", "--yes", "--non-interactive", "--skip-preview"]);
        }
        assert.equal(r.code, 0, describeResult(r));
        assert.ok(followed.includes("the stack is currently locked"), followed.join(", "));
        assert.equal(modifies(), 1, "ModifyGlobalCluster sent once in all");
        assert.equal(bed.sim.globalCluster("aurora-global").engineVersion, "17.5");
        assert.equal(bed.sim.cluster("aurora-global-ap-northeast-1").engineVersion, "17.5");
    });
});

/**
 * SIGKILL to `pulumi` and everything it started: its own process group and that of each plugin
 * (the engine starts the language host and the providers in process groups of their own).
 */
function killWithPlugins(pid: number): void {
    const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
        .split("\n")
        .map((l) => Number(l.trim()))
        .filter((n) => n > 0);
    const kill = (target: number) => {
        try {
            process.kill(target, "SIGKILL");
        } catch {
            // already gone
        }
    };
    for (const group of [pid, ...children]) {
        kill(-group);
        kill(group);
    }
}

/** `pulumi up`, killed with its plugins ({@link killWithPlugins}) as soon as `ready()` holds (polled every 200 ms). */
function upKilledAfter(bed: RealPulumiBed, ready: () => boolean): Promise<RunResult> {
    return new Promise((resolve, reject) => {
        const child = spawn(LAUNCHER, ["up", "--yes", "--non-interactive", "--skip-preview"], {
            cwd: bed.project,
            env: bed.env(),
            stdio: ["ignore", "pipe", "pipe"],
            detached: true,
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
        child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
        const timer = setInterval(() => {
            if (ready()) {
                clearInterval(timer);
                killWithPlugins(child.pid!);
            }
        }, 200);
        child.on("error", reject);
        child.on("close", (code) => {
            clearInterval(timer);
            resolve({ code: code ?? -1, stdout, stderr });
        });
    });
}
