import * as assert from "node:assert/strict";
import { mysqlGlobalMinorInPlaceRefused, parseVersion } from "../../engine-versions";
import { blueGreenMinimumMissed } from "../../planner/blue-green";
import { blueGreenRunsOn, mysqlGlobalMinorRefused } from "../../testbeds/simulator/aws-facts";

/**
 * The simulator keeps its own table of AWS's facts (testbeds/simulator/aws-facts.ts); the planner
 * keeps its rules. Each is checked against AWS's documented values here, and both must agree, so a
 * drift in either one fails.
 */
describe("simulator: its own table of AWS facts agrees with the planner's rules", () => {
    const pg = (v: string) => parseVersion("aurora-postgresql", v);
    const mysql = (v: string) => parseVersion("aurora-mysql", v);

    it("blue/green on Aurora PostgreSQL: 11.21, 12.16, 13.12, 14.9, 15.4, 16.1, 17.4 and higher", () => {
        const documented = { 11: 21, 12: 16, 13: 12, 14: 9, 15: 4, 16: 1, 17: 4 };
        const samples = Object.entries(documented).flatMap(([major, lowest]) => [
            [`${major}.${lowest - 1}`, false],
            [`${major}.${lowest}`, true],
            [`${major}.${lowest + 1}`, true],
        ]) as [string, boolean][];
        assert.equal(samples.length, 21);
        for (const [version, runs] of samples) {
            assert.equal(blueGreenRunsOn(pg(version)), runs, `simulator ${version}`);
            assert.equal(blueGreenMinimumMissed(pg(version)) === undefined, runs, `planner ${version}`);
        }
        assert.equal(blueGreenRunsOn(mysql("8.0.mysql_aurora.3.01.0")), true);
    });

    it("Aurora MySQL global minor in place: refused to 8.4, 3.04+ and 2.12, a patch and 3.03 allowed", () => {
        const cases: [string, string, boolean][] = [
            ["8.0.mysql_aurora.3.08.0", "8.0.mysql_aurora.3.10.0", true],
            ["8.0.mysql_aurora.3.03.0", "8.0.mysql_aurora.3.04.0", true],
            ["8.0.mysql_aurora.3.02.0", "8.0.mysql_aurora.3.03.0", false],
            ["8.0.mysql_aurora.3.08.0", "8.0.mysql_aurora.3.08.2", false],
            ["5.7.mysql_aurora.2.11.2", "5.7.mysql_aurora.2.12.0", true],
            ["5.7.mysql_aurora.2.10.0", "5.7.mysql_aurora.2.11.0", false],
            ["8.4.5", "8.4.7", true],
        ];
        for (const [from, to, refused] of cases) {
            assert.equal(mysqlGlobalMinorRefused(mysql(from), mysql(to)), refused, `simulator ${from} → ${to}`);
            assert.equal(mysqlGlobalMinorInPlaceRefused(mysql(from), mysql(to)), refused, `planner ${from} → ${to}`);
        }
    });
});
