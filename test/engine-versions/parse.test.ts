import * as assert from "node:assert/strict";
import {
    awsEngineVersion,
    parameterGroupFamily,
    parseVersion,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";

describe("engine-versions: parse", () => {
    const good: [string, string, Partial<ReturnType<typeof parseVersion>>][] = [
        ["aurora-postgresql", "16.6", { major: "16", minor: 6, patch: undefined }],
        ["aurora-postgresql", "17.4", { major: "17", minor: 4, patch: undefined }],
        ["aurora-postgresql", "17.4.5", { major: "17", minor: 4, patch: 5 }],
        ["aurora-postgresql", " 13.12 ", { major: "13", minor: 12, text: "13.12" }],
        ["aurora-mysql", "5.7.mysql_aurora.2.12.1", { major: "5.7", minor: 12, patch: 1, auroraMysqlGeneration: 2 }],
        ["aurora-mysql", "8.0.mysql_aurora.3.08.0", { major: "8.0", minor: 8, patch: 0, auroraMysqlGeneration: 3 }],
        ["aurora-mysql", "8.4.7", { major: "8.4", minor: 7, patch: undefined, auroraMysqlGeneration: 8.4 }],
    ];
    for (const [engine, text, expected] of good) {
        it(`parses ${engine} ${JSON.stringify(text)}`, () => {
            const v = parseVersion(engine, text);
            for (const [k, want] of Object.entries(expected))
                assert.equal((v as unknown as Record<string, unknown>)[k], want, k);
        });
    }

    const bad: [string, string, string][] = [
        [
            "aurora-postgresql",
            "17",
            'engineVersion "17" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
        ],
        [
            "aurora-postgresql",
            "17.x",
            'engineVersion "17.x" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
        ],
        [
            "aurora-postgresql",
            "9.6.22",
            'engineVersion "9.6.22" is not a valid aurora-postgresql version (major version 9 is not an Aurora PostgreSQL global database version): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
        ],
        [
            "aurora-postgresql",
            "",
            'engineVersion "" is not a valid aurora-postgresql version (it is empty): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
        ],
        [
            "aurora-mysql",
            "8.0.36",
            'engineVersion "8.0.36" is not a valid aurora-mysql version (expected MYSQL.mysql_aurora.AURORA.MINOR.PATCH or 8.4.MINOR): use a version such as 8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)',
        ],
        [
            "aurora-mysql",
            "5.7.mysql_aurora.3.08.0",
            'engineVersion "5.7.mysql_aurora.3.08.0" is not a valid aurora-mysql version (MySQL 5.7 pairs with Aurora MySQL version 2): use a version such as 8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)',
        ],
        [
            "aurora-mysql",
            "17.4",
            'engineVersion "17.4" is not a valid aurora-mysql version (expected MYSQL.mysql_aurora.AURORA.MINOR.PATCH or 8.4.MINOR): use a version such as 8.0.mysql_aurora.3.08.0 (or 5.7.mysql_aurora.2.12.1, or 8.4.7)',
        ],
        ["aurora", "17.4", 'engine "aurora" is not supported: use "aurora-postgresql" or "aurora-mysql"'],
    ];
    for (const [engine, text, message] of bad) {
        it(`rejects ${engine} ${JSON.stringify(text)} with a message naming engine, value and an example`, () => {
            assert.throws(
                () => parseVersion(engine, text),
                (e: unknown) => e instanceof VersionParseError && e.message === message,
            );
        });
    }

    it("tryParseVersion returns the error instead of throwing", () => {
        const r = tryParseVersion("aurora-postgresql", "abc");
        assert.ok(r instanceof VersionParseError);
        assert.equal(r.value, "abc");
    });

    it("reports the EngineVersion AWS shows (PostgreSQL without the patch level)", () => {
        assert.equal(awsEngineVersion(parseVersion("aurora-postgresql", "17.4.5")), "17.4");
        assert.equal(
            awsEngineVersion(parseVersion("aurora-mysql", "8.0.mysql_aurora.3.08.1")),
            "8.0.mysql_aurora.3.08.1",
        );
    });

    it("names the parameter group family of a version", () => {
        assert.equal(parameterGroupFamily(parseVersion("aurora-postgresql", "17.4")), "aurora-postgresql17");
        assert.equal(parameterGroupFamily(parseVersion("aurora-mysql", "8.0.mysql_aurora.3.08.0")), "aurora-mysql8.0");
        assert.equal(parameterGroupFamily(parseVersion("aurora-mysql", "8.4.7")), "aurora-mysql8.4");
    });
});
