import * as assert from "node:assert/strict";
import { classifyChange, compareVersions, parseVersion, sameVersion } from "../../engine-versions";

const pg = (v: string) => parseVersion("aurora-postgresql", v);
const my = (v: string) => parseVersion("aurora-mysql", v);

describe("engine-versions: compare and classify", () => {
    const cases: [string, ReturnType<typeof pg>, ReturnType<typeof pg>, string][] = [
        ["PG same", pg("17.4"), pg("17.4"), "none"],
        ["PG patch hidden by EngineVersion", pg("17.4.5"), pg("17.4"), "none"],
        ["PG patch", pg("17.4.5"), pg("17.4.6"), "patch"],
        ["PG minor", pg("17.4"), pg("17.5"), "minor"],
        ["PG minor with patch levels", pg("17.4.5"), pg("17.5.4"), "minor"],
        ["PG minor compares numerically (9 < 10)", pg("16.9"), pg("16.10"), "minor"],
        ["PG major", pg("16.6"), pg("17.4"), "major"],
        ["PG downgrade minor", pg("17.5"), pg("17.4"), "downgrade"],
        ["PG downgrade major", pg("17.4"), pg("16.6"), "downgrade"],
        ["PG downgrade patch", pg("17.4.6"), pg("17.4.5"), "downgrade"],
        ["MySQL same", my("8.0.mysql_aurora.3.08.0"), my("8.0.mysql_aurora.3.08.0"), "none"],
        ["MySQL patch", my("8.0.mysql_aurora.3.08.0"), my("8.0.mysql_aurora.3.08.1"), "patch"],
        ["MySQL minor", my("8.0.mysql_aurora.3.08.0"), my("8.0.mysql_aurora.3.10.0"), "minor"],
        ["MySQL 2 → 3 is major", my("5.7.mysql_aurora.2.12.1"), my("8.0.mysql_aurora.3.08.0"), "major"],
        ["MySQL 3 → 8.4 is major", my("8.0.mysql_aurora.3.10.0"), my("8.4.7"), "major"],
        ["MySQL 8.4 minor", my("8.4.7"), my("8.4.8"), "minor"],
        ["MySQL downgrade", my("8.0.mysql_aurora.3.10.0"), my("8.0.mysql_aurora.3.08.0"), "downgrade"],
        ["engine change", pg("17.4"), my("8.0.mysql_aurora.3.08.0"), "engine-change"],
    ];
    for (const [name, from, to, kind] of cases) {
        it(`${name}: ${from.text} → ${to.text} is ${kind}`, () => assert.equal(classifyChange(from, to), kind));
    }

    it("orders versions", () => {
        assert.equal(compareVersions(pg("16.6"), pg("17.4")), -1);
        assert.equal(compareVersions(my("8.0.mysql_aurora.3.10.0"), my("8.0.mysql_aurora.3.08.1")), 1);
        assert.ok(sameVersion(pg("17.4"), pg("17.4.5")));
    });

    it("refuses to compare across engines", () => {
        assert.throws(() => compareVersions(pg("17.4"), my("8.4.7")), {
            message: "cannot compare aurora-postgresql 17.4 with aurora-mysql 8.4.7",
        });
    });
});
