import * as assert from "assert";
import { parseEndpoint, parseWatchOptions, redactSecrets, redactUrl } from "../../probe";

/** Asserts that parsing throws a WatchInputError with exactly `message`. */
function rejects(raw: Parameters<typeof parseWatchOptions>[0], message: string): void {
    assert.throws(() => parseWatchOptions(raw), { name: "WatchInputError", message });
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

    it("rejects bad --endpoint values with exact messages that name the value and the fix", () => {
        rejects(
            { endpoint: [] },
            "--endpoint is required; give at least one, e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres",
        );
        rejects(
            { endpoint: ["postgres://u:pw@h/db"] },
            '--endpoint "postgres://u:***@h/db": expected NAME=URL; use e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres',
        );
        rejects(
            { endpoint: ["=postgres://h/db"] },
            '--endpoint "=postgres://h/db": NAME is empty; put a name before "=", e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres',
        );
        rejects(
            { endpoint: ["us east=postgres://h/db"] },
            "--endpoint \"us east=postgres://h/db\": NAME \"us east\" is not valid; use up to 63 letters, digits, '.', '_' or '-', e.g. --endpoint us-east-1=postgres://user:password@host:5432/postgres",
        );
        rejects(
            { endpoint: ["a="] },
            '--endpoint "a=": URL is empty; put the URL after "=", e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        );
        rejects(
            { endpoint: ["a=db.example:5432"] },
            '--endpoint "a=db.example:5432": URL has no scheme; start it with postgres://, postgresql:// or mysql://, e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        );
        rejects(
            { endpoint: ["a=http://u:pw@h/"] },
            '--endpoint "a=http://u:***@h/": unsupported scheme "http://"; use postgres://, postgresql:// or mysql://',
        );
        rejects(
            { endpoint: ["a=postgres://u:pw@h:99999/db"] },
            '--endpoint "a=postgres://u:***@h:99999/db": URL is not valid; fix it (percent-encode special characters in the user and password), e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        );
        rejects(
            { endpoint: ["a=postgres:///db"] },
            '--endpoint "a=postgres:///db": URL has no host; put the host after "//", e.g. --endpoint a=postgres://user:password@host:5432/postgres',
        );
        rejects(
            { endpoint: ["a=postgres://h/db", "a=mysql://u:pw@h2/"] },
            '--endpoint "a=mysql://u:***@h2/": NAME "a" is already used by another --endpoint; give each endpoint a unique NAME',
        );
    });

    it("rejects bad --interval-ms, --duration, --timeout-ms and --format with exact messages", () => {
        const endpoint = ["a=postgres://h/db"];
        rejects(
            { endpoint, intervalMs: "fast" },
            '--interval-ms "fast" is not valid; use a whole number of milliseconds from 10 to 3600000, e.g. --interval-ms 500',
        );
        rejects(
            { endpoint, intervalMs: "5" },
            '--interval-ms "5" is not valid; use a whole number of milliseconds from 10 to 3600000, e.g. --interval-ms 500',
        );
        rejects(
            { endpoint, duration: "-1" },
            '--duration "-1" is not valid; use a positive number of seconds up to 604800, e.g. --duration 60 (leave it out to watch until Ctrl-C)',
        );
        rejects(
            { endpoint, timeoutMs: "1s" },
            '--timeout-ms "1s" is not valid; use a whole number of milliseconds from 100 to 600000, e.g. --timeout-ms 2000',
        );
        rejects({ endpoint, format: "yaml" }, '--format "yaml" is not valid; use --format text or --format json');
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
