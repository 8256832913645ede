import * as assert from "node:assert/strict";
import { communityMysqlVersion, mysqlGlobalMinorInPlaceRefused, parseVersion } from "../../engine-versions";

const my = (v: string) => parseVersion("aurora-mysql", v);

describe("engine-versions: community MySQL of Aurora MySQL 3 minors", () => {
    it("maps every Aurora MySQL 3 minor from 3.04 to 3.10 (release notes)", () => {
        const table = ["04", "05", "06", "07", "08", "09", "10"].map(
            (minor) => `3.${minor} ${communityMysqlVersion(my(`8.0.mysql_aurora.3.${minor}.1`))}`,
        );
        assert.deepEqual(table, [
            "3.04 8.0.28",
            "3.05 8.0.32",
            "3.06 8.0.34",
            "3.07 8.0.36",
            "3.08 8.0.39",
            "3.09 8.0.40",
            "3.10 8.0.42",
        ]);
    });
    it("knows nothing of version 2, 8.4 or PostgreSQL", () => {
        assert.equal(communityMysqlVersion(my("5.7.mysql_aurora.2.12.1")), undefined);
        assert.equal(communityMysqlVersion(my("8.4.7")), undefined);
        assert.equal(communityMysqlVersion(parseVersion("aurora-postgresql", "17.4")), undefined);
    });

    const cases: [string, string, string, boolean][] = [
        ["3.08.2 → 3.10.0 (reported refused)", "8.0.mysql_aurora.3.08.2", "8.0.mysql_aurora.3.10.0", true],
        ["3.04.0 → 3.10.0 (reported refused)", "8.0.mysql_aurora.3.04.0", "8.0.mysql_aurora.3.10.0", true],
        ["3.03.1 → 3.04.0 (to 3.04 or higher)", "8.0.mysql_aurora.3.03.1", "8.0.mysql_aurora.3.04.0", true],
        ["3.02.0 → 3.03.1 (below 3.04: in place)", "8.0.mysql_aurora.3.02.0", "8.0.mysql_aurora.3.03.1", false],
        ["3.08.0 → 3.08.2 (patch inside one minor)", "8.0.mysql_aurora.3.08.0", "8.0.mysql_aurora.3.08.2", false],
        ["2.11.2 → 2.12.1 (to 2.12)", "5.7.mysql_aurora.2.11.2", "5.7.mysql_aurora.2.12.1", true],
        ["2.10.3 → 2.11.2 (below 2.12: in place)", "5.7.mysql_aurora.2.10.3", "5.7.mysql_aurora.2.11.2", false],
        ["8.4.5 → 8.4.7 (8.4 minor)", "8.4.5", "8.4.7", true],
        ["2.12.1 → 3.08.0 (a major, not a minor)", "5.7.mysql_aurora.2.12.1", "8.0.mysql_aurora.3.08.0", false],
        ["3.10.0 → 3.08.2 (a downgrade)", "8.0.mysql_aurora.3.10.0", "8.0.mysql_aurora.3.08.2", false],
    ];
    for (const [name, from, to, refused] of cases) {
        it(`in-place minor on a global database ${refused ? "refused" : "allowed"}: ${name}`, () => {
            assert.equal(mysqlGlobalMinorInPlaceRefused(my(from), my(to)), refused);
        });
    }
});
