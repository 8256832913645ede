import * as assert from "node:assert/strict";
import { crossRegionVerdict, databaseVerdict, parseVersion, postgresPatchBarrier } from "../../engine-versions";

const pg = (v: string) => parseVersion("aurora-postgresql", v);
const my = (v: string) => parseVersion("aurora-mysql", v);

describe("engine-versions: switchover/failover compatibility (AWS's patch level table)", () => {
    const cases: [string, ReturnType<typeof pg>, ReturnType<typeof pg>, boolean][] = [
        ["PG different minors", pg("17.4.5"), pg("17.5.1"), false],
        ["PG different majors", pg("16.6"), pg("17.4"), false],
        ["PG 17 patch levels may differ", pg("17.4.5"), pg("17.4.6"), true],
        ["PG 15 (every minor tolerant) patch levels may differ", pg("15.2.1"), pg("15.2.3"), true],
        ["PG 14.5 is the first tolerant 14 minor", pg("14.5.1"), pg("14.5.2"), true],
        ["PG 14.4 needs the same patch", pg("14.4.1"), pg("14.4.2"), false],
        ["PG 13.8 tolerant", pg("13.8.0"), pg("13.8.3"), true],
        ["PG 13.7 not", pg("13.7.0"), pg("13.7.3"), false],
        ["PG 12.12 tolerant", pg("12.12.1"), pg("12.12.2"), true],
        ["PG 12.11 not", pg("12.11.1"), pg("12.11.2"), false],
        ["PG 11.17 tolerant", pg("11.17.0"), pg("11.17.1"), true],
        ["PG 11.16 not", pg("11.16.0"), pg("11.16.1"), false],
        ["PG 16.1.5 vs 16.1.6 crosses the listed release", pg("16.1.5"), pg("16.1.6"), false],
        ["PG 16.1.6 vs 16.1.7 both past it", pg("16.1.6"), pg("16.1.7"), true],
        ["PG 16.1.4 vs 16.1.5 both before it", pg("16.1.4"), pg("16.1.5"), true],
        ["PG 15.4.8 vs 15.4.9", pg("15.4.8"), pg("15.4.9"), false],
        ["PG 14.13.1 vs 14.13.2", pg("14.13.1"), pg("14.13.2"), false],
        ["PG without patch level (AWS's EngineVersion) matches", pg("16.1"), pg("16.1.6"), true],
        ["MySQL same patch", my("8.0.mysql_aurora.3.08.2"), my("8.0.mysql_aurora.3.08.2"), true],
        ["MySQL different patch", my("8.0.mysql_aurora.3.08.0"), my("8.0.mysql_aurora.3.08.2"), false],
        ["MySQL different minor", my("8.0.mysql_aurora.3.08.2"), my("8.0.mysql_aurora.3.10.0"), false],
        ["MySQL 8.4 same", my("8.4.7"), my("8.4.7"), true],
        ["MySQL 8.4 different", my("8.4.6"), my("8.4.7"), false],
    ];
    for (const [name, a, b, ok] of cases) {
        it(`${name}: ${ok ? "possible" : "impossible"}`, () => {
            assert.equal(crossRegionVerdict(a, b).failover, ok);
            assert.equal(crossRegionVerdict(b, a).switchover, ok, "symmetric");
            if (!ok) assert.ok(crossRegionVerdict(a, b).reason);
        });
    }

    it("names the listed patch release in the reason", () => {
        assert.match(crossRegionVerdict(pg("16.1.5"), pg("16.1.6")).reason ?? "", /16\.1\.6 or newer/);
        assert.equal(postgresPatchBarrier(pg("17.4.5")), undefined);
        assert.equal(postgresPatchBarrier(pg("15.3.1")), "15.3.8");
    });

    it("Aurora MySQL 2 below 2.09.1: failover yes, switchover no", () => {
        const v = crossRegionVerdict(my("5.7.mysql_aurora.2.09.0"), my("5.7.mysql_aurora.2.09.0"));
        assert.deepEqual([v.switchover, v.failover], [false, true]);
        const ok = crossRegionVerdict(my("5.7.mysql_aurora.2.09.1"), my("5.7.mysql_aurora.2.09.1"));
        assert.deepEqual([ok.switchover, ok.failover], [true, true]);
    });

    it("database verdict: every secondary against the primary, with targets", () => {
        const p = { name: "primary", version: pg("16.1.5") };
        const a = { name: "eu", version: pg("16.1.5") };
        const b = { name: "ap", version: pg("16.1.6") };
        assert.deepEqual(databaseVerdict(p, [a]), { switchover: true, failover: true, targets: ["eu"] });
        const mixed = databaseVerdict(p, [a, b]);
        assert.equal(mixed.failover, false);
        assert.deepEqual(mixed.targets, []);
        assert.match(mixed.reason ?? "", /^ap: /);
        assert.equal(databaseVerdict(p, []).reason, "no secondary region");
    });
});
