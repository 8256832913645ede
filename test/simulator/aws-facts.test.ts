import * as assert from "node:assert/strict";
import { IDENTIFIER_RULES, identifierProblem, IdentifierKind } from "../../aws/identifiers";
import { crossRegionVerdict, mysqlGlobalMinorInPlaceRefused, parseVersion } from "../../engine-versions";
import { blueGreenMinimumMissed } from "../../planner/blue-green";
import {
    AWS_IDENTIFIER_LIMITS,
    awsAllowsGlobalMove,
    awsTakesIdentifier,
    blueGreenRunsOn,
    mysqlGlobalMinorRefused,
} from "../../testbeds/simulator/aws-facts";

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

    it("managed switchover and failover: the documented cases, and the planner's table agrees over a grid", () => {
        const documented: [string, string, string, boolean, boolean][] = [
            // engine, a, b, switchover, failover
            ["pg", "17.4.3", "17.4.4", true, true],
            ["pg", "17.4", "17.5", false, false],
            ["pg", "14.4.1", "14.4.2", false, false],
            ["pg", "14.5.1", "14.5.2", true, true],
            ["pg", "11.16.1", "11.16.2", false, false],
            ["pg", "16.1.5", "16.1.6", false, false],
            ["pg", "16.1.6", "16.1.7", true, true],
            ["pg", "15.4.8", "15.4.9", false, false],
            ["mysql", "8.0.mysql_aurora.3.08.0", "8.0.mysql_aurora.3.08.1", false, false],
            ["mysql", "8.0.mysql_aurora.3.08.1", "8.0.mysql_aurora.3.08.1", true, true],
            ["mysql", "5.7.mysql_aurora.2.09.0", "5.7.mysql_aurora.2.09.0", false, true],
            ["mysql", "5.7.mysql_aurora.2.09.1", "5.7.mysql_aurora.2.09.1", true, true],
        ];
        for (const [engine, a, b, switchover, failover] of documented) {
            const v = engine === "pg" ? pg : mysql;
            assert.equal(awsAllowsGlobalMove(v(a), v(b), "switchover"), switchover, `switchover ${a} ${b}`);
            assert.equal(awsAllowsGlobalMove(v(a), v(b), "failover"), failover, `failover ${a} ${b}`);
        }
        const grid = [11, 12, 13, 14, 15, 16, 17].flatMap((major) =>
            [1, 5, 8, 9, 12, 13, 17].flatMap((minor) => [0, 1, 2, 4, 6, 8, 9, 10].map((p) => `${major}.${minor}.${p}`)),
        );
        const mysqlGrid = ["2.07", "2.09", "2.11", "3.04", "3.08"].flatMap((m) =>
            [0, 1, 2].map((p) => `${m.startsWith("2") ? "5.7" : "8.0"}.mysql_aurora.${m}.${p}`),
        );
        let compared = 0;
        for (const [versions, parse] of [
            [grid, pg],
            [mysqlGrid, mysql],
        ] as const)
            for (const a of versions)
                for (const b of versions) {
                    const planner = crossRegionVerdict(parse(a), parse(b));
                    for (const move of ["switchover", "failover"] as const) {
                        assert.equal(awsAllowsGlobalMove(parse(a), parse(b), move), planner[move], `${move} ${a} ${b}`);
                        compared++;
                    }
                }
        assert.ok(compared > 10_000, `${compared} pairs compared`);
    });

    it("identifiers: the simulator's limits are AWS's, and the product's builder agrees with them", () => {
        const documented = { "cluster-snapshot": 63, "final-snapshot": 63, "blue-green-deployment": 60 };
        for (const [kind, max] of Object.entries(documented))
            assert.equal(AWS_IDENTIFIER_LIMITS[kind as IdentifierKind].max, max, kind);
        const samples = ["a", "a-b", "a--b", "a-", "1a", "A9-z", "a_b", "", "x".repeat(60), "x".repeat(61)];
        let compared = 0;
        for (const kind of Object.keys(IDENTIFIER_RULES) as IdentifierKind[]) {
            assert.equal(AWS_IDENTIFIER_LIMITS[kind].parameter, IDENTIFIER_RULES[kind].parameter, kind);
            for (const value of [...samples, "y".repeat(IDENTIFIER_RULES[kind].max + 1)]) {
                assert.equal(
                    awsTakesIdentifier(kind, value),
                    identifierProblem(kind, value) === undefined,
                    `${kind} "${value}"`,
                );
                compared++;
            }
        }
        assert.ok(compared >= 50, `${compared} pairs compared`);
    });
});
