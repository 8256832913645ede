import * as assert from "node:assert/strict";
import {
    awsEngineVersion,
    parameterGroupFamily,
    parseVersion,
    tryParseVersion,
    VersionParseError,
} from "../../engine-versions";
import { assertMeans } from "../support/assert-means";

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

    // The one pin of the message's wording; the table below asserts engine, value, reason and example.
    it("words the refusal: value, engine, reason and an example", () => {
        assert.throws(() => parseVersion("aurora-postgresql", "17"), {
            message:
                'engineVersion "17" is not a valid aurora-postgresql version (expected MAJOR.MINOR or MAJOR.MINOR.PATCH): use a version such as 17.4 (or 17.4.5 with the patch level aurora_version() prints)',
        });
    });

    const PG_EXAMPLE = ["17.4", "17.4.5"];
    const MYSQL_EXAMPLE = ["8.0.mysql_aurora.3.08.0", "5.7.mysql_aurora.2.12.1", "8.4.7"];
    const MYSQL_FORMS = ["MYSQL.mysql_aurora.AURORA.MINOR.PATCH", "8.4.MINOR"];
    /** engine, value, what the reason names, what the example names. */
    const bad: [string, string, string[], string[]][] = [
        ["aurora-postgresql", "17", ["MAJOR.MINOR", "MAJOR.MINOR.PATCH"], PG_EXAMPLE],
        ["aurora-postgresql", "17.x", ["MAJOR.MINOR", "MAJOR.MINOR.PATCH"], PG_EXAMPLE],
        ["aurora-postgresql", "9.6.22", ["major version 9"], PG_EXAMPLE],
        ["aurora-postgresql", "", ["empty"], PG_EXAMPLE],
        ["aurora-mysql", "8.0.36", MYSQL_FORMS, MYSQL_EXAMPLE],
        ["aurora-mysql", "5.7.mysql_aurora.3.08.0", ["MySQL 5.7", "Aurora MySQL version 2"], MYSQL_EXAMPLE],
        ["aurora-mysql", "17.4", MYSQL_FORMS, MYSQL_EXAMPLE],
    ];
    for (const [engine, text, reason, example] of bad) {
        it(`rejects ${engine} ${JSON.stringify(text)} with a message naming engine, value and an example`, () => {
            assert.throws(
                () => parseVersion(engine, text),
                (e: unknown) => {
                    assert.ok(e instanceof VersionParseError);
                    assert.deepEqual({ engine: e.engine, value: e.value }, { engine, value: text });
                    assertMeans({ message: e.reason }, { says: reason });
                    assertMeans(e.message, { says: [`"${text}"`, engine, ...example] });
                    return true;
                },
            );
        });
    }
    it('rejects engine "aurora", naming it and the two it supports', () => {
        assert.throws(
            () => parseVersion("aurora", "17.4"),
            (e: unknown) => {
                assert.ok(e instanceof VersionParseError);
                assertMeans(e.message, { says: ['"aurora"', '"aurora-postgresql"', '"aurora-mysql"'] });
                return true;
            },
        );
    });

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
