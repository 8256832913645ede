import * as assert from "assert";
import { RDSClient } from "@aws-sdk/client-rds";
import { RdsGateway } from "../../aws/gateway";
import { RunContext } from "../../orchestrator/execute/context";
import { VirtualClock } from "../../testbeds/simulator";

const S = 1000;

/** A run context on a virtual clock (no AWS call is made). */
function context(): { ctx: RunContext; clock: VirtualClock } {
    const clock = new VirtualClock({ autoAdvance: false });
    const api = new RdsGateway({ clients: () => ({}) as RDSClient, clock, random: () => 0.5 });
    const ctx = new RunContext(
        api,
        {
            globalClusterId: "g",
            homeRegion: "us-east-1",
            engine: "aurora-mysql",
            status: "available",
            members: [],
            warnings: [],
        },
        {},
    );
    return { ctx, clock };
}

describe("orchestrator: the run's poll pool (the critical wait pays from it)", () => {
    it("each wait earns one call per 15 s and spends its polls (reads before it included); ended waits leave their surplus", async () => {
        const { ctx, clock } = context();
        const t0 = clock.now();
        const a = ctx.openWait(t0, 2);
        const b = ctx.openWait(t0, 1);
        assert.strictEqual(ctx.pooledPolls(t0), -3, "the reads before the waits are spent");
        await clock.advance(120 * S);
        // 8 earned by each in 2 minutes, nothing polled yet.
        assert.strictEqual(ctx.pooledPolls(clock.now()), 8 - 2 + 8 - 1);
        a.polls += 4;
        ctx.closeWait(a);
        assert.strictEqual(ctx.pooledPolls(clock.now()), 8 - 6 + 8 - 1);
        await clock.advance(30 * S);
        assert.strictEqual(ctx.pooledPolls(clock.now()), 2 + 10 - 1, "a closed wait earns no more");
        ctx.closeWait(a);
        assert.strictEqual(ctx.pooledPolls(clock.now()), 11, "closing twice counts once");
        b.polls += 11;
        ctx.closeWait(b);
        assert.strictEqual(ctx.pooledPolls(clock.now()), 0, "everything earned is spent");
    });

    it("a wait is critical only while it is the run's only wait in progress", () => {
        const { ctx, clock } = context();
        const a = ctx.openWait(clock.now(), 0);
        assert.strictEqual(ctx.isOnlyWait(a), true);
        const b = ctx.openWait(clock.now(), 0);
        assert.strictEqual(ctx.isOnlyWait(a), false);
        assert.strictEqual(ctx.isOnlyWait(b), false);
        ctx.closeWait(a);
        assert.strictEqual(ctx.isOnlyWait(b), true);
        assert.strictEqual(ctx.isOnlyWait(a), false, "an ended wait is never critical");
    });
});
