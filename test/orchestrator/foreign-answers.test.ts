import * as assert from "assert";
import * as http from "http";
import * as net from "net";
import { rdsClients, RequestTimeouts } from "../../aws/clients";
import { foreignAnswer } from "../../aws/errors";
import { systemClock } from "../../aws/ports";
import { main } from "../../orchestrator/cli";
import { assertNames } from "../support/meaning";

/**
 * An endpoint that answers, but not as AWS does, on a real loopback HTTP server started here:
 * headers and then a body that never comes (the whole request is bounded, said in progress
 * lines), a proxy's HTML page (403, 404), a 200 that is not XML. Each ends with exit 1 naming
 * the endpoint, the status and what was expected, and is never "not found" (exit 2).
 */
const CREDENTIALS = { accessKeyId: "AKIDLOOPBACKTEST0000", secretAccessKey: "loopback-secret-not-used" };
const FAST: RequestTimeouts = { connectionTimeoutMs: 200, requestTimeoutMs: 300 };
const WHOLE_MS = FAST.connectionTimeoutMs + FAST.requestTimeoutMs;
const HOME = ["--region", "us-east-1", "--global-cluster", "app-global"];
const COMMANDS: readonly (readonly string[])[] = [
    ["status", ...HOME],
    ["plan", ...HOME, "--target", "17.5"],
];

interface Loopback {
    readonly url: string;
    /** Requests received (every one a read: the first call of each command is a describe). */
    readonly actions: string[];
    close(): Promise<void>;
}

async function loopback(answer: (res: http.ServerResponse) => void): Promise<Loopback> {
    const actions: string[] = [];
    const sockets = new Set<net.Socket>();
    const server = http.createServer((req, res) => {
        let body = "";
        req.on("data", (chunk) => (body += chunk));
        req.on("end", () => {
            actions.push(new URLSearchParams(body).get("Action") ?? "?");
            answer(res);
        });
    });
    server.on("connection", (s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
    return {
        url,
        actions,
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) s.destroy();
                server.close(() => resolve());
            }),
    };
}

async function run(argv: readonly string[], url: string) {
    let stdout = "";
    let stderr = "";
    const started = Date.now();
    const code = await main(argv, {
        clients: rdsClients({ endpoint: url, credentials: CREDENTIALS, timeouts: FAST }),
        clock: systemClock,
        random: () => 0,
        env: {},
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr, elapsedMs: Date.now() - started };
}

const lastLine = (text: string) => text.trimEnd().split("\n").pop() ?? "";
const isRead = (action: string) => action.startsWith("Describe") || action.startsWith("List");

describe("orchestrator: an endpoint that answers, but not as AWS does (real loopback HTTP)", function () {
    this.timeout(30_000);

    for (const argv of COMMANDS) {
        it(`${argv[0]}: headers, then a body that never comes: bounded per request, said in progress lines, exit 1`, async () => {
            const server = await loopback((res) => {
                res.writeHead(200, { "content-type": "text/xml", "content-length": "1000" });
                res.write("<DescribeGlobalClustersResponse");
            });
            try {
                const r = await run(argv, server.url);
                assert.strictEqual(r.code, 1);
                const retries = r.stderr.split("\n").filter((l) => l.includes("; retry "));
                assert.ok(retries.length >= 1, r.stderr);
                for (const line of retries)
                    assert.match(line, new RegExp(`no answer \\(no complete answer within ${WHOLE_MS} ms`));
                assert.match(lastLine(r.stderr), /^aurora-global: cannot reach the RDS endpoint for us-east-1 \(/);
                assert.match(lastLine(r.stderr), new RegExp(`nothing was changed \\(${argv[0]} only reads\\)`));
                // 4 attempts of at most WHOLE_MS each, with backoff between: well under the 700 s of the report.
                assert.ok(r.elapsedMs < 15_000, `${r.elapsedMs} ms`);
                assert.ok(server.actions.length > 0 && server.actions.every(isRead), server.actions.join());
            } finally {
                await server.close();
            }
        });
    }

    const FOREIGN: readonly { name: string; status: number; type: string; body: string }[] = [
        {
            name: "a proxy's 403 HTML page",
            status: 403,
            type: "text/html",
            body: "<html><body>Forbidden</body></html>",
        },
        { name: "a 404 HTML page", status: 404, type: "text/html", body: "<html><body>Not Found</body></html>" },
        { name: "a 200 that is not XML", status: 200, type: "text/plain", body: "hello" },
        { name: "a 200 of JSON", status: 200, type: "application/json", body: '{"ok":true}' },
    ];
    for (const f of FOREIGN)
        for (const argv of COMMANDS)
            it(`${argv[0]}: ${f.name}: names the endpoint, HTTP ${f.status} and what AWS answers, exit 1 (never 'not found')`, async () => {
                const server = await loopback((res) => {
                    res.writeHead(f.status, { "content-type": f.type });
                    res.end(f.body);
                });
                try {
                    const r = await run(argv, server.url);
                    assert.strictEqual(r.code, 1, r.stderr);
                    const line = lastLine(r.stderr);
                    assertNames(line, [
                        server.url,
                        "DescribeGlobalClusters",
                        `HTTP ${f.status}`,
                        `a ${f.type} body`,
                        "AWS answers in XML",
                    ]);
                    assert.doesNotMatch(r.stderr, /not found|Unknown|parse error/i);
                    assert.ok(server.actions.every(isRead), server.actions.join());
                } finally {
                    await server.close();
                }
            });
});

describe("orchestrator: which answers are AWS's (foreignAnswer)", () => {
    const answer = (status: number, headers: Record<string, string>, extra: Record<string, unknown> = {}) =>
        Object.assign(new Error(String(extra.message ?? "x")), {
            $metadata: { httpStatusCode: status, requestId: extra.requestId },
            $response: { statusCode: status, headers },
            ...(extra.name ? { name: extra.name } : {}),
        });
    it("AWS's XML error (a code, text/xml) is AWS's", () => {
        const e = answer(404, { "content-type": "text/xml" }, { name: "GlobalClusterNotFoundFault", requestId: "r-1" });
        assert.strictEqual(foreignAnswer(e), undefined);
    });
    it("an AWS error without a content type but with its code and request id is AWS's", () => {
        const e = answer(400, {}, { name: "InvalidParameterValue", requestId: "r-2" });
        assert.strictEqual(foreignAnswer(e), undefined);
    });
    it("an HTML page is not, whatever its status", () => {
        for (const status of [200, 403, 404, 502])
            assert.deepStrictEqual(
                foreignAnswer(answer(status, { "content-type": "text/html; charset=utf-8" }, { name: "Unknown" })),
                {
                    status,
                    contentType: "text/html",
                },
            );
    });
    it("a body the SDK could not parse is not", () => {
        const e = answer(
            200,
            { "content-type": "text/xml" },
            { message: "@aws-sdk XML parse error. Deserialization error: …" },
        );
        assert.deepStrictEqual(foreignAnswer(e), { status: 200, contentType: "text/xml" });
    });
    it("a network error (no HTTP answer) is neither", () => {
        assert.strictEqual(
            foreignAnswer(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" })),
            undefined,
        );
    });
});
