import * as assert from "assert";
import { parseEndpoint, parseWatchOptions, redactSecrets, redactUrl } from "../../probe";
import { assertNames } from "../support/meaning";

/** The example URL every --endpoint fix shows. */
const EXAMPLE = "postgres://user:password@host:5432/postgres";

/**
 * Asserts that parsing throws a WatchInputError naming each of `keyValues` (the flag and the value
 * as shown, what is wrong with it, the fix) and never a password.
 */
function rejects(raw: Parameters<typeof parseWatchOptions>[0], ...keyValues: string[]): void {
    assert.throws(
        () => parseWatchOptions(raw),
        (e: unknown) => {
            assert.ok(e instanceof Error && e.name === "WatchInputError", String(e));
            assertNames(e.message, keyValues);
            assert.ok(!/:pw@/.test(e.message), `a password shown: ${e.message}`);
            return true;
        },
    );
}

describe("probe/inputs", () => {
    it("parses NAME=URL for each supported scheme and redacts the password for display", () => {
        assert.deepStrictEqual(parseEndpoint("us-east-1=postgres://app:p%40ss@db:5432/postgres"), {
            name: "us-east-1",
            engine: "postgres",
            url: "postgres://app:p%40ss@db:5432/postgres",
            displayUrl: "postgres://app:***@db:5432/postgres",
        });
        assert.strictEqual(parseEndpoint("b=postgresql://db/x").engine, "postgres");
        assert.strictEqual(parseEndpoint("c=mysql://root@db:3306").engine, "mysql");
    });

    it("applies the defaults", () => {
        const r = parseWatchOptions({ endpoint: ["a=postgres://h/db"] });
        assert.deepStrictEqual([r.intervalMs, r.durationMs, r.timeoutMs, r.format], [500, undefined, 2000, "text"]);
        assert.strictEqual(parseWatchOptions({ endpoint: ["a=postgres://h/db"], duration: "1.5" }).durationMs, 1500);
    });

    it("the wording of a bad --endpoint, pinned once: the value (password redacted), the form expected, an example", () => {
        assert.throws(() => parseWatchOptions({ endpoint: ["postgres://u:pw@h/db"] }), {
            name: "WatchInputError",
            message: `--endpoint "postgres://u:***@h/db": expected NAME=URL; use e.g. --endpoint us-east-1=${EXAMPLE}`,
        });
    });

    it("rejects bad --endpoint values naming the value, what is wrong and the fix", () => {
        rejects({ endpoint: [] }, "--endpoint is required", `--endpoint us-east-1=${EXAMPLE}`);
        rejects(
            { endpoint: ["=postgres://h/db"] },
            '--endpoint "=postgres://h/db"',
            "NAME is empty",
            `--endpoint us-east-1=${EXAMPLE}`,
        );
        rejects(
            { endpoint: ["us east=postgres://h/db"] },
            '--endpoint "us east=postgres://h/db"',
            'NAME "us east" is not valid',
            "63 letters, digits, '.', '_' or '-'",
            `--endpoint us-east-1=${EXAMPLE}`,
        );
        rejects({ endpoint: ["a="] }, '--endpoint "a="', "URL is empty", `--endpoint a=${EXAMPLE}`);
        rejects(
            { endpoint: ["a=db.example:5432"] },
            '--endpoint "a=db.example:5432"',
            "no scheme",
            "postgres://, postgresql:// or mysql://",
            `--endpoint a=${EXAMPLE}`,
        );
        rejects(
            { endpoint: ["a=http://u:pw@h/"] },
            '--endpoint "a=http://u:***@h/"',
            'unsupported scheme "http://"',
            "postgres://, postgresql:// or mysql://",
        );
        rejects(
            { endpoint: ["a=postgres://u:pw@h:99999/db"] },
            '--endpoint "a=postgres://u:***@h:99999/db"',
            "URL is not valid",
            "percent-encode",
            `--endpoint a=${EXAMPLE}`,
        );
        rejects(
            { endpoint: ["a=postgres:///db"] },
            '--endpoint "a=postgres:///db"',
            "no host",
            `--endpoint a=${EXAMPLE}`,
        );
        rejects(
            { endpoint: ["a=postgres://h/db", "a=mysql://u:pw@h2/"] },
            '--endpoint "a=mysql://u:***@h2/"',
            'NAME "a" is already used',
            "unique NAME",
        );
    });

    it("rejects bad --interval-ms, --duration, --timeout-ms and --format naming the value, the range and an example", () => {
        const endpoint = ["a=postgres://h/db"];
        rejects({ endpoint, intervalMs: "fast" }, '--interval-ms "fast"', "10 to 3600000", "--interval-ms 500");
        rejects({ endpoint, intervalMs: "5" }, '--interval-ms "5"', "10 to 3600000", "--interval-ms 500");
        rejects({ endpoint, duration: "-1" }, '--duration "-1"', "up to 604800", "--duration 60", "Ctrl-C");
        rejects({ endpoint, timeoutMs: "1s" }, '--timeout-ms "1s"', "100 to 600000", "--timeout-ms 2000");
        rejects({ endpoint, format: "yaml" }, '--format "yaml"', "--format text", "--format json");
    });

    it("redacts passwords in URLs, including unparseable ones and password= parameters", () => {
        assert.strictEqual(redactUrl("postgres://u:p@ss@h/db"), "postgres://u:***@h/db");
        assert.strictEqual(
            redactUrl("postgres://u@h/db?sslmode=require&password=x"),
            "postgres://u@h/db?sslmode=require&password=***",
        );
        assert.strictEqual(redactUrl("mysql://root@h/"), "mysql://root@h/");
        assert.strictEqual(
            redactSecrets("login p@ss failed; p%40ss", ["postgres://u:p%40ss@h/db"]),
            "login *** failed; ***",
        );
    });
});
