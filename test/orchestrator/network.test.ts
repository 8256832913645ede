import * as assert from "assert";
import { spawnSync } from "child_process";
import * as http from "http";
import * as net from "net";
import * as path from "path";
import { DescribeGlobalClustersCommand } from "@aws-sdk/client-rds";
import { rdsClients, RequestTimeouts } from "../../aws/clients";
import { isNetworkError, isNotFound, isRetryable } from "../../aws/errors";
import { RdsGateway } from "../../aws/gateway";
import { main } from "../../orchestrator/cli";
import { CLI_BIN } from "../../cli-contract";
import { DeadlineReached, EndpointUnreachable } from "../../aws/run-errors";
import { systemClock } from "../../aws/ports";
import { assertNames, expectErrorLine } from "../support/meaning";

/**
 * The RDS endpoint unreachable, on real loopback sockets: a closed port (ECONNREFUSED), a server
 * that accepts and never answers (the request timeout), a host name that does not resolve
 * (ENOTFOUND, injected through the agent's lookup so no DNS query leaves the machine), and no
 * credentials. Each is told apart from AWS's "not found" and ends with exit 1.
 */
const CREDENTIALS = { accessKeyId: "AKIDLOOPBACKTEST0000", secretAccessKey: "loopback-secret-not-used" };
const FAST: RequestTimeouts = { connectionTimeoutMs: 300, requestTimeoutMs: 300 };
const STATUS = ["status", "--region", "us-east-1", "--global-cluster", "app-global"];

/** A TCP server that accepts connections and never answers. */
async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
    const sockets = new Set<net.Socket>();
    const server = net.createServer((s) => {
        sockets.add(s);
        s.on("close", () => sockets.delete(s));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    return {
        port,
        close: () =>
            new Promise<void>((resolve) => {
                for (const s of sockets) s.destroy();
                server.close(() => resolve());
            }),
    };
}

/** A loopback port nothing listens on (opened, then closed). */
async function closedPort(): Promise<number> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return port;
}

/** An agent whose DNS lookup fails as getaddrinfo does for an unknown name: no query is sent. */
function unresolvableAgent(): http.Agent {
    const lookup = (hostname: string, _options: unknown, callback: (e: Error) => void) =>
        process.nextTick(() =>
            callback(
                Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
                    code: "ENOTFOUND",
                    errno: -3008,
                    syscall: "getaddrinfo",
                    hostname,
                }),
            ),
        );
    return new http.Agent({ lookup: lookup as unknown as net.LookupFunction });
}

async function run(argv: readonly string[], clients: ReturnType<typeof rdsClients>) {
    let stdout = "";
    let stderr = "";
    const code = await main(argv, {
        clients,
        clock: systemClock,
        random: () => 0,
        env: {},
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
    });
    return { code, stdout, stderr };
}

/** The last line of stderr (earlier lines are the retries). */
const last = (stderr: string) => stderr.trimEnd().split("\n").pop();

describe("orchestrator: an unreachable RDS endpoint (real loopback sockets)", function () {
    this.timeout(30_000);

    it("a closed port: retried 4 times, then exit 1 'cannot reach', never 'not found'", async () => {
        const port = await closedPort();
        const r = await run(STATUS, rdsClients({ endpoint: `http://127.0.0.1:${port}`, credentials: CREDENTIALS }));
        assert.strictEqual(r.code, 1);
        assert.strictEqual(r.stdout, "");
        // The wording, pinned once; the other unreachable endpoints assert the cause, the call and the attempts.
        assert.strictEqual(
            last(r.stderr),
            `aurora-global: cannot reach the RDS endpoint for us-east-1 (connect ECONNREFUSED 127.0.0.1:${port}; DescribeGlobalClusters, 4 attempts): check the network, proxy and DNS of this machine, the region, and AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_RDS if set; nothing was changed (status only reads): run it again once the endpoint is reachable`,
        );
        assert.strictEqual((r.stderr.match(/; retry \d in /g) ?? []).length, 3);
        assert.doesNotMatch(r.stderr, /not found/);
    });

    it("a server that accepts and never answers: every request times out, then exit 1", async () => {
        const server = await silentServer();
        try {
            const r = await run(
                STATUS,
                rdsClients({ endpoint: `http://127.0.0.1:${server.port}`, credentials: CREDENTIALS, timeouts: FAST }),
            );
            assertNames(expectErrorLine(r, 1, "cannot reach the RDS endpoint for us-east-1"), [
                "300 ms requestTimeout",
                "DescribeGlobalClusters, 4 attempts",
                "AWS_ENDPOINT_URL",
                "nothing was changed (status only reads)",
            ]);
        } finally {
            await server.close();
        }
    });

    it("a host name that does not resolve (ENOTFOUND) is not 'global cluster not found' (exit 1, not 2)", async () => {
        const r = await run(
            ["plan", "--region", "us-east-1", "--global-cluster", "app-global", "--target", "17.5"],
            rdsClients({ endpoint: "http://nosuch.invalid", credentials: CREDENTIALS, httpAgent: unresolvableAgent() }),
        );
        assertNames(expectErrorLine(r, 1, "cannot reach the RDS endpoint for us-east-1"), [
            "getaddrinfo ENOTFOUND nosuch.invalid",
            "DescribeGlobalClusters, 4 attempts",
            "AWS_ENDPOINT_URL",
            "nothing was changed (plan only reads)",
        ]);
    });

    it("an upgrade's deadline holds while a request hangs: DeadlineReached, not the 10 s request timeout", async () => {
        const server = await silentServer();
        try {
            const api = new RdsGateway({
                clients: rdsClients({ endpoint: `http://127.0.0.1:${server.port}`, credentials: CREDENTIALS }),
                clock: systemClock,
                random: () => 0,
                deadline: { at: Date.now() + 400, flag: "--timeout-minutes 1", graceMs: 0 },
            });
            await assert.rejects(
                api.send("us-east-1", new DescribeGlobalClustersCommand({ GlobalClusterIdentifier: "app-global" })),
                (e: unknown) => {
                    assert.ok(e instanceof DeadlineReached, String(e));
                    assert.strictEqual(
                        e.message,
                        "the run reached its deadline (--timeout-minutes 1) (DescribeGlobalClusters in us-east-1 had no answer): run the same command again to resume from what AWS reports, or raise --timeout-minutes",
                    );
                    return true;
                },
            );
            assert.strictEqual(api.stats.calls.DescribeGlobalClusters, 1);
        } finally {
            await server.close();
        }
    });

    it("no credentials: what is missing and how to provide it, exit 1, for status and plan alike", async () => {
        const noCredentials = async () => {
            throw Object.assign(new Error("Could not load credentials from any providers"), {
                name: "CredentialsProviderError",
            });
        };
        const clients = rdsClients({ endpoint: "http://127.0.0.1:9", credentials: noCredentials });
        for (const argv of [STATUS, ["plan", ...STATUS.slice(1), "--target", "17.5"]]) {
            const r = await run(argv, clients);
            assert.strictEqual(r.code, 1, argv[0]);
            assert.strictEqual(
                r.stderr,
                "aurora-global: no AWS credentials were found (Could not load credentials from any providers), so nothing was read or changed. Provide them one of these ways: a profile (AWS_PROFILE=NAME, set up with `aws configure --profile NAME`); IAM Identity Center (`aws sso login --profile NAME`, then AWS_PROFILE=NAME); a role (a profile with role_arn and source_profile, or AWS_ROLE_ARN with AWS_WEB_IDENTITY_TOKEN_FILE in CI); or environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and, for temporary credentials, AWS_SESSION_TOKEN)\n",
            );
        }
    });
});

describe("orchestrator: network errors are classified apart from AWS's NotFound codes", () => {
    const node = (code: string, message: string) => Object.assign(new Error(message), { code, $metadata: {} });
    for (const [code, message] of [
        ["ENOTFOUND", "getaddrinfo ENOTFOUND rds.us-east-1.amazonaws.com"],
        ["ECONNREFUSED", "connect ECONNREFUSED 127.0.0.1:9"],
        ["ECONNRESET", "read ECONNRESET"],
        ["ETIMEDOUT", "connect ETIMEDOUT 10.0.0.1:443"],
    ]) {
        it(`${code}: a network error, retryable, never "not found"`, () => {
            const e = node(code, message);
            assert.strictEqual(isNetworkError(e), true);
            assert.strictEqual(isRetryable(e), true);
            assert.strictEqual(isNotFound(e), false);
        });
    }
    it("AWS's DBClusterNotFoundFault (HTTP 404) stays 'not found' and is no network error", () => {
        const e = Object.assign(new Error("DBCluster x not found."), {
            name: "DBClusterNotFoundFault",
            $metadata: { httpStatusCode: 404 },
        });
        assert.strictEqual(isNotFound(e), true);
        assert.strictEqual(isNetworkError(e), false);
    });
    it("EndpointUnreachable is retryable by a wait (it keeps polling until the deadline)", () => {
        const e = new EndpointUnreachable(
            "us-east-1",
            "DescribeDBClusters",
            "read ECONNRESET",
            4,
            node("ECONNRESET", "x"),
        );
        assert.strictEqual(isRetryable(e), true);
        assert.strictEqual(isNotFound(e), false);
    });
});

describe("orchestrator: bin/aurora-global.js keeps the AWS SDK's Node version notice out of its output", function () {
    this.timeout(90_000);
    it("a run that builds RDS clients prints no NodeVersionSupportWarning", async () => {
        const port = await closedPort();
        const env: NodeJS.ProcessEnv = {
            PATH: process.env.PATH,
            HOME: process.env.HOME,
            AWS_REGION: "us-east-1",
            AWS_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
            AWS_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
            AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
        };
        const r = spawnSync(process.execPath, [CLI_BIN, ...STATUS], {
            encoding: "utf8",
            cwd: path.join(__dirname, "..", ".."),
            env,
        });
        assert.strictEqual(r.status, 1, r.stderr);
        assert.doesNotMatch(r.stderr, /NodeVersionSupportWarning|AWS SDK for JavaScript/);
        assert.match(r.stderr, /aurora-global: cannot reach the RDS endpoint for us-east-1 \(connect ECONNREFUSED/);
    });
});
