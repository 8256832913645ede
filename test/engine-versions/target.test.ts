import * as assert from "node:assert/strict";
import {
    awsEngineVersion,
    awsEngineVersionOf,
    parseVersion,
    readTarget,
    Target,
    targetFor,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";
import { planUpgrade } from "../../planner";
import { overallChange } from "../../aws/topology/fact-needs";
import { RunContext } from "../../orchestrator/execute/context";
import { RdsGateway } from "../../aws/gateway";
import { parseTarget } from "../../orchestrator/cli/options";
import { pgInput } from "../planner/fixtures";

/**
 * A target whose text says one version and whose parse (made "at the entry") says another: code
 * that uses the target as read follows the parse; code that parses the text again follows the text.
 */
function readAs(text: string, parsedFrom: string): Target {
    const read = readTarget(parsedFrom);
    return { text, versions: read.versions };
}

describe("engine-versions: the target is read once (readTarget) and carried", () => {
    it("reads the text as a version of each engine, keeping each engine's parse error", () => {
        const pg = readTarget("17.5");
        const version = targetFor(pg, "aurora-postgresql");
        assert.ok(!(version instanceof VersionParseError));
        assert.equal(version.major, "17");
        assert.equal(version.minor, 5);
        const asMysql = targetFor(pg, "aurora-mysql");
        assert.ok(asMysql instanceof VersionParseError);
        // The same error the planner's malformed-version rule reported when it parsed the text itself.
        assert.equal(asMysql.message, (tryParseVersion("aurora-mysql", "17.5") as VersionParseError).message);
        assert.equal(pg.text, "17.5");
    });

    it("the AWS form as a version equals what parsing the AWS form gives (no second parse needed)", () => {
        for (const [engine, text] of [
            ["aurora-postgresql", "17.4.5"],
            ["aurora-postgresql", "16.6"],
            ["aurora-mysql", "8.0.mysql_aurora.3.08.2"],
            ["aurora-mysql", "8.4.7"],
        ] as const) {
            const v = parseVersion(engine, text);
            assert.deepEqual(awsEngineVersionOf(v), parseVersion(engine, awsEngineVersion(v)), text);
        }
    });

    it("the planner classifies the change from the target as read, not by parsing its text again", () => {
        // Members run 17.4; the text says 17.4 (no change) but the entry read 17.5 (a minor upgrade).
        const plan = planUpgrade({ ...pgInput("17.4"), target: readAs("17.4", "17.5") });
        assert.equal(plan.change, "minor");
        assert.equal(plan.path, "managed");
        assert.equal(plan.to, "17.4", "the plan names the target by its text");
    });

    it("the planner still blocks a target that is no version of the engine (malformed-version)", () => {
        const plan = planUpgrade(pgInput("8.0.mysql_aurora.3.08.0"));
        assert.deepEqual(
            plan.violations.map((v) => v.rule),
            ["malformed-version"],
        );
        assert.match(
            plan.violations[0].message,
            /"8\.0\.mysql_aurora\.3\.08\.0" is not a valid aurora-postgresql version/,
        );
    });

    it("the topology read decides its facts from the target as read", () => {
        assert.equal(overallChange("aurora-postgresql", ["17.4", "17.4"], readAs("17.4", "17.5")), "minor");
        assert.equal(overallChange("aurora-postgresql", ["17.4", "17.4"], readAs("17.4", "not-a-version")), "unknown");
    });

    it("a run's steps take the target as read: stepVersion returns the very version the entry parsed", () => {
        const target = readTarget("17.5");
        const api = new RdsGateway({
            clients: () => ({}) as never,
            clock: { now: () => 0, sleep: async () => undefined },
        });
        const topology = { engine: "aurora-postgresql", globalClusterId: "g", homeRegion: "us-east-1", members: [] };
        const ctx = new RunContext(api, topology as never, { target });
        assert.equal(ctx.stepVersion("17.5"), targetFor(target, "aurora-postgresql"));
        assert.equal(ctx.atVersion("17.5", "17.5"), true);
        assert.equal(ctx.atVersion("17.4", "17.5"), false);
    });

    it("the CLI reads --target once: a Target, trimmed, parsed for every engine", () => {
        const errors: string[] = [];
        const target = parseTarget(" 8.0.mysql_aurora.3.09.0 ", errors);
        assert.deepEqual(errors, []);
        assert.equal(target.text, "8.0.mysql_aurora.3.09.0");
        assert.ok(!(targetFor(target, "aurora-mysql") instanceof VersionParseError));
        assert.ok(targetFor(target, "aurora-postgresql") instanceof VersionParseError);
        const bad: string[] = [];
        parseTarget("16.08", bad);
        assert.equal(bad.length, 1);
        assert.match(bad[0], /--target "16\.08" is not how AWS writes the version: use --target 16\.8/);
    });
});
