import * as assert from "node:assert/strict";
import { readTarget, reportsVersion, targetFor, tryParseVersion } from "../../engine-versions";

const pg = (text: string) => ({ text, version: targetFor(readTarget(text), "aurora-postgresql") });

describe("engine-versions: reportsVersion, a member's reported EngineVersion against the target", () => {
    it("AWS's 17.5 is the target 17.5.4 (AWS leaves the patch out); 17.4 is not", () => {
        assert.equal(reportsVersion("aurora-postgresql", "17.5", pg("17.5.4")), true);
        assert.equal(reportsVersion("aurora-postgresql", "17.4", pg("17.5.4")), false);
        assert.equal(reportsVersion("aurora-postgresql", "17.5.3", pg("17.5.4")), false);
    });

    it("Aurora MySQL compares the whole version, patch included", () => {
        const target = {
            text: "8.0.mysql_aurora.3.08.2",
            version: tryParseVersion("aurora-mysql", "8.0.mysql_aurora.3.08.2"),
        };
        assert.equal(reportsVersion("aurora-mysql", "8.0.mysql_aurora.3.08.2", target), true);
        assert.equal(reportsVersion("aurora-mysql", "8.0.mysql_aurora.3.08.1", target), false);
    });

    it("nothing reported is never the target; an unparsable side compares the texts", () => {
        assert.equal(reportsVersion("aurora-postgresql", undefined, pg("17.5")), false);
        assert.equal(reportsVersion("aurora-postgresql", "custom-17", pg("custom-17")), true);
        assert.equal(reportsVersion("aurora-postgresql", "17.5", pg("custom-17")), false);
    });
});
