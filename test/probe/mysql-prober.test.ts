import * as assert from "assert";
import { MysqlConnectionLike, mysqlProber, parseEndpoint, readMysqlVersion } from "../../probe";

/** A mysql2 connection fake answering each SQL text (a row, or an Error to throw). */
function fakeConnection(answers: Record<string, unknown>) {
    const log: string[] = [];
    const connection: MysqlConnectionLike = {
        query: async ({ sql, timeout }) => {
            log.push(`${sql} (timeout ${timeout})`);
            const answer = answers[sql];
            if (answer instanceof Error) throw answer;
            return [[answer], []];
        },
        end: async () => void log.push("end"),
        on: (event: string) => log.push(`on:${event}`),
    };
    return { connection, log };
}

const unknownVariable = () =>
    Object.assign(new Error("Unknown system variable 'aurora_version'"), {
        errno: 1193,
        code: "ER_UNKNOWN_SYSTEM_VARIABLE",
    });

describe("probe/mysql-prober (fake mysql2 connection)", () => {
    it("reads @@aurora_version on Aurora MySQL", async () => {
        const { connection, log } = fakeConnection({ "SELECT @@aurora_version AS version": { version: "3.05.2" } });
        assert.strictEqual(await readMysqlVersion(connection, 900), "3.05.2");
        assert.deepStrictEqual(log, ["SELECT @@aurora_version AS version (timeout 900)"]);
    });

    it("falls back to VERSION() when @@aurora_version does not exist", async () => {
        const { connection, log } = fakeConnection({
            "SELECT @@aurora_version AS version": unknownVariable(),
            "SELECT VERSION() AS version": { version: "8.0.36" },
        });
        assert.strictEqual(await readMysqlVersion(connection, 900), "8.0.36");
        assert.deepStrictEqual(log, [
            "SELECT @@aurora_version AS version (timeout 900)",
            "SELECT VERSION() AS version (timeout 900)",
        ]);
    });

    it("falls back to VERSION() when @@aurora_version is NULL", async () => {
        const { connection } = fakeConnection({
            "SELECT @@aurora_version AS version": { version: null },
            "SELECT VERSION() AS version": { version: "5.7.12" },
        });
        assert.strictEqual(await readMysqlVersion(connection), "5.7.12");
    });

    it("lets other errors through", async () => {
        const { connection, log } = fakeConnection({
            "SELECT @@aurora_version AS version": Object.assign(
                new Error("Connection lost: The server closed the connection."),
                { code: "PROTOCOL_CONNECTION_LOST" },
            ),
        });
        await assert.rejects(readMysqlVersion(connection), {
            message: "Connection lost: The server closed the connection.",
        });
        assert.strictEqual(log.length, 1);
    });

    it("connects with the URL and a short connect timeout, handles 'error' events, and closes", async () => {
        const options: unknown[] = [];
        const fake = fakeConnection({
            "SELECT @@aurora_version AS version": unknownVariable(),
            "SELECT VERSION() AS version": { version: "8.0.36" },
        });
        const probe = mysqlProber(async (o) => {
            options.push(o);
            return fake.connection;
        });
        assert.strictEqual(await probe(parseEndpoint("m=mysql://root:pw@h:3306/"), 600), "8.0.36");
        assert.deepStrictEqual(options, [{ uri: "mysql://root:pw@h:3306/", connectTimeout: 600 }]);
        assert.deepStrictEqual(fake.log[0], "on:error");
        assert.deepStrictEqual(fake.log[fake.log.length - 1], "end");
    });
});
