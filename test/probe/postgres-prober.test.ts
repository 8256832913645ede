import * as assert from "assert";
import { parseEndpoint, PgClientLike, postgresProber, readPostgresVersion } from "../../probe";

/** A pg client fake answering each SQL text from `answers` (a value, or an Error to throw). */
function fakeClient(answers: Record<string, unknown>) {
    const log: string[] = [];
    const client: PgClientLike = {
        connect: async () => void log.push("connect"),
        query: async (sql: string) => {
            log.push(sql);
            if (!(sql in answers)) throw new Error(`unexpected query ${sql}`);
            const answer = answers[sql];
            if (answer instanceof Error) throw answer;
            return { rows: [answer as Record<string, unknown>] };
        },
        end: async () => void log.push("end"),
        on: (event: string) => log.push(`on:${event}`),
    };
    return { client, log };
}

const serverError = (message: string) => Object.assign(new Error(message), { severity: "ERROR", code: "42883" });
const DETECT = "SELECT to_regprocedure('aurora_version()') IS NOT NULL AS present";

describe("probe/postgres-prober (fake pg client)", () => {
    it("reads aurora_version() when the function exists", async () => {
        const { client, log } = fakeClient({
            [DETECT]: { present: true },
            "SELECT aurora_version() AS version": { version: "17.4.5" },
        });
        assert.strictEqual(await readPostgresVersion(client), "17.4.5");
        assert.deepStrictEqual(log, [DETECT, "SELECT aurora_version() AS version"]);
    });

    it("falls back to SHOW server_version when aurora_version() does not exist", async () => {
        const { client, log } = fakeClient({
            [DETECT]: { present: false },
            "SHOW server_version": { server_version: "15.18 (Debian 15.18-0+deb12u1)" },
        });
        assert.strictEqual(await readPostgresVersion(client), "15.18 (Debian 15.18-0+deb12u1)");
        assert.deepStrictEqual(log, [DETECT, "SHOW server_version"]);
    });

    it("falls back to version() when the server rejects detection and SHOW", async () => {
        const { client } = fakeClient({
            [DETECT]: serverError("function to_regprocedure(unknown) does not exist"),
            "SHOW server_version": serverError("unrecognized configuration parameter"),
            "SELECT version() AS version": { version: "PostgreSQL 13.0" },
        });
        assert.strictEqual(await readPostgresVersion(client), "PostgreSQL 13.0");
    });

    it("lets a connection failure through instead of trying the fallbacks", async () => {
        const { client, log } = fakeClient({ [DETECT]: new Error("Connection terminated unexpectedly") });
        await assert.rejects(readPostgresVersion(client), { message: "Connection terminated unexpectedly" });
        assert.deepStrictEqual(log, [DETECT]);
    });

    it("opens a fresh client per probe with short timeouts, handles 'error' events, and closes it", async () => {
        const configs: unknown[] = [];
        const fakes: ReturnType<typeof fakeClient>[] = [];
        const probe = postgresProber((config) => {
            configs.push(config);
            const fake = fakeClient({
                [DETECT]: { present: false },
                "SHOW server_version": { server_version: "16.2" },
            });
            fakes.push(fake);
            return fake.client;
        });
        const endpoint = parseEndpoint("a=postgres://u:pw@h:5432/db");
        assert.strictEqual(await probe(endpoint, 750), "16.2");
        assert.strictEqual(await probe(endpoint, 750), "16.2");
        assert.strictEqual(fakes.length, 2);
        assert.deepStrictEqual(fakes[0].log, ["on:error", "connect", DETECT, "SHOW server_version", "end"]);
        assert.deepStrictEqual(configs[0], {
            connectionString: "postgres://u:pw@h:5432/db",
            connectionTimeoutMillis: 750,
            query_timeout: 750,
            statement_timeout: 750,
            application_name: "aurora-global-watch",
        });
    });
});
