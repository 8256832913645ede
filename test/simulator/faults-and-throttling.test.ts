import assert from "node:assert/strict";
import { DescribeDBClustersCommand, RDSServiceException } from "@aws-sdk/client-rds";
import { expectAwsError } from "../support/aws-error";
import { pgTopology, seeded } from "./helpers";

const describe1 = (sim: ReturnType<typeof seeded>, region = "us-east-1", id = "pg-east") =>
    sim.clientFor(region).send(new DescribeDBClustersCommand({ DBClusterIdentifier: id }));

describe("simulator: fault injection and throttling", () => {
    it("faults.throttle: the next N calls fail with ThrottlingException: Rate exceeded (HTTP 400)", async () => {
        const sim = seeded(pgTopology());
        sim.faults.throttle({ count: 2 });
        await expectAwsError(describe1(sim), "ThrottlingException", "Rate exceeded");
        await expectAwsError(describe1(sim, "us-west-2", "pg-west"), "ThrottlingException", "Rate exceeded");
        const ok = await describe1(sim);
        assert.equal(ok.DBClusters?.[0].DBClusterIdentifier, "pg-east");
        assert.deepEqual(
            sim.calls.map((c) => c.error?.name ?? "ok"),
            ["ThrottlingException", "ThrottlingException", "ok"],
        );
    });

    it("faults.throttle with a region throttles only that region", async () => {
        const sim = seeded(pgTopology());
        sim.faults.throttle({ region: "us-west-2", count: 1 });
        await describe1(sim);
        await expectAwsError(describe1(sim, "us-west-2", "pg-west"), "ThrottlingException", "Rate exceeded");
        await describe1(sim, "us-west-2", "pg-west");
    });

    it("the per-region token bucket allows a burst of 300, then refills 12 per second", async () => {
        const sim = seeded(pgTopology());
        const results: string[] = [];
        for (let i = 0; i < 301; i++) {
            results.push(
                await describe1(sim).then(
                    () => "ok",
                    (e: RDSServiceException) => e.name,
                ),
            );
        }
        assert.equal(results.filter((r) => r === "ok").length, 300);
        assert.equal(results[300], "ThrottlingException");
        assert.equal(sim.rateLimited("us-east-1"), 1);
        await describe1(sim, "us-west-2", "pg-west");
        assert.equal(sim.rateLimited("us-west-2"), 0);
        await sim.clock.sleep(1_000);
        for (let i = 0; i < 12; i++) await describe1(sim);
        await expectAwsError(describe1(sim), "ThrottlingException", "Rate exceeded");
        assert.equal(sim.rateLimited(), 2);
    });

    it("the rate limiter can be configured or turned off", async () => {
        const strict = seeded(pgTopology(), { rateLimit: { burst: 1, refillPerSecond: 1 } });
        await describe1(strict);
        await expectAwsError(describe1(strict), "ThrottlingException", "Rate exceeded");
        const open = seeded(pgTopology(), { rateLimit: false });
        for (let i = 0; i < 400; i++) await describe1(open);
        assert.equal(open.rateLimited(), 0);
    });

    it("faults.failNext answers one call of a command with the given error and changes nothing", async () => {
        const sim = seeded(pgTopology());
        sim.faults.failNext("DescribeDBClusters", {
            code: "InternalFailure",
            message: "An internal error has occurred.",
            httpStatusCode: 500,
        });
        let error: unknown;
        await describe1(sim).catch((e: unknown) => (error = e));
        assert.ok(error instanceof RDSServiceException);
        assert.deepEqual(
            [error.name, error.message, error.$fault, error.$metadata.httpStatusCode],
            ["InternalFailure", "An internal error has occurred.", "server", 500],
        );
        await describe1(sim);
        sim.faults.failNext("DescribeDBClustersCommand", {
            code: "InvalidDBClusterStateFault",
            message: "busy",
            region: "us-west-2",
        });
        await describe1(sim);
        await expectAwsError(describe1(sim, "us-west-2", "pg-west"), "InvalidDBClusterStateFault", "busy");
    });

    it("rejects bad fault settings with a message naming the value", () => {
        const sim = seeded(pgTopology());
        assert.throws(() => sim.faults.throttle({ count: 0 }), {
            message: "faults.throttle: count must be a positive integer, got 0",
        });
        assert.throws(() => sim.faults.slowUpgrade("pg-east", -1), {
            message: "faults.slowUpgrade: ms must be >= 0, got -1",
        });
        assert.throws(() => sim.cluster("nope"), {
            message: 'simulator: no cluster "nope"; seeded: pg-east, pg-west, pg-tokyo',
        });
    });
});
