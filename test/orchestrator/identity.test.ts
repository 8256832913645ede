import * as assert from "assert";
import { CredentialFactories, credentialsFor } from "../../aws/identity";
import { isExpiredCredentials, isRetryable } from "../../aws/errors";
import { parseIdentity } from "../../orchestrator/cli/identity-flags";
import { cli, engineModifies, PG_ARGS, PG_SEED, simulate } from "./harness";
import { assertNames } from "../support/meaning";

const ROLE = "arn:aws:iam::123456789012:role/aurora-upgrader";

/** Credential factories that record how they were called and return named stand-ins. */
function recorder() {
    const calls: { fn: string; arg: unknown }[] = [];
    const stand = (fn: string) => (arg?: unknown) => {
        calls.push({ fn, arg });
        return Object.assign(async () => ({ accessKeyId: fn, secretAccessKey: "x" }), { fn });
    };
    const sdk = {
        fromIni: stand("fromIni"),
        fromNodeProviderChain: stand("fromNodeProviderChain"),
        fromTemporaryCredentials: stand("fromTemporaryCredentials"),
    } as unknown as CredentialFactories;
    return { sdk, calls };
}

describe("orchestrator: the CLI acts as the identity it is given", () => {
    it("nothing given: no credential provider of its own (the client's default chain)", () => {
        const { sdk, calls } = recorder();
        assert.strictEqual(credentialsFor({}, "us-east-1", sdk), undefined);
        assert.deepStrictEqual(calls, []);
    });

    it("--profile: the profile's credentials (fromIni)", () => {
        const { sdk, calls } = recorder();
        const provider = credentialsFor({ profile: "prod" }, "us-east-1", sdk) as unknown as { fn: string };
        assert.strictEqual(provider.fn, "fromIni");
        assert.deepStrictEqual(calls, [{ fn: "fromIni", arg: { profile: "prod" } }]);
    });

    it("--profile with --role-arn: the role assumed with the profile's credentials, session name and external id", () => {
        const { sdk, calls } = recorder();
        const provider = credentialsFor(
            { profile: "prod", roleArn: ROLE, roleSessionName: "upgrades", externalId: "ext-1234" },
            "eu-west-1",
            sdk,
        ) as unknown as { fn: string };
        assert.strictEqual(provider.fn, "fromTemporaryCredentials");
        assert.strictEqual(calls[0].fn, "fromIni");
        const assume = calls[1].arg as { masterCredentials: { fn: string }; params: unknown; clientConfig: unknown };
        assert.strictEqual(assume.masterCredentials.fn, "fromIni");
        assert.deepStrictEqual(assume.params, {
            RoleArn: ROLE,
            RoleSessionName: "upgrades",
            ExternalId: "ext-1234",
        });
        assert.deepStrictEqual(assume.clientConfig, { region: "eu-west-1" });
    });

    it("--role-arn alone: assumed with the default chain's credentials, session name aurora-global", () => {
        const { sdk, calls } = recorder();
        credentialsFor({ roleArn: ROLE }, "us-east-1", sdk);
        assert.deepStrictEqual(
            calls.map((c) => c.fn),
            ["fromNodeProviderChain", "fromTemporaryCredentials"],
        );
        assert.deepStrictEqual((calls[1].arg as { params: unknown }).params, {
            RoleArn: ROLE,
            RoleSessionName: "aurora-global",
        });
    });

    it("validates the identity flags, naming flag, value and fix", () => {
        const errors: string[] = [];
        parseIdentity({ roleArn: "role/x", roleSessionName: "a", externalId: "ext 1" }, errors);
        assert.strictEqual(errors.length, 3, errors.join("\n"));
        assertNames(errors[0], ['--role-arn "role/x"', "IAM role ARN", "--role-arn arn:aws:iam::123456789012:role/"]);
        assertNames(errors[1], ['--role-session-name "a"', "2 to 64", "+=,.@_-"]);
        assertNames(errors[2], ['--external-id "ext 1"', "2 to 1224", "+=,.@:/_-"]);
        const orphan: string[] = [];
        parseIdentity({ externalId: "ext-1234" }, orphan);
        assert.strictEqual(orphan.length, 1, orphan.join("\n"));
        assertNames(orphan[0], ['--external-id "ext-1234"', "needs --role-arn"]);
    });

    it("a bad identity flag stops the run with exit 2 before any AWS call", async () => {
        const sim = simulate(PG_SEED);
        const r = await cli(sim, ["status", ...PG_ARGS, "--role-arn", "nope"]);
        assert.strictEqual(r.code, 2);
        // The wording of an identity refusal, pinned once.
        assert.strictEqual(
            r.stderr,
            'aurora-global: --role-arn "nope" is not valid: give an IAM role ARN, e.g. --role-arn arn:aws:iam::123456789012:role/aurora-upgrader\n',
        );
        assert.strictEqual(sim.calls.length, 0);
    });

    it("ExpiredToken is retried with a new client (fresh credentials), not fatal", async () => {
        assert.ok(isExpiredCredentials({ name: "ExpiredToken", message: "x" }));
        assert.ok(isRetryable({ name: "ExpiredTokenException", message: "x" }));
        const sim = simulate(PG_SEED);
        const built: string[] = [];
        sim.faults.failNext("ModifyDBCluster", {
            code: "ExpiredToken",
            message: "The security token included in the request is expired",
        });
        const r = await cli(
            sim,
            ["upgrade", ...PG_ARGS, "--target", "17.5", "--strategy", "rolling", "--profile", "prod"],
            {
                clients: (region) => {
                    built.push(region);
                    return sim.clientFor(region);
                },
            },
        );
        assert.strictEqual(r.code, 0, r.stderr);
        assert.match(r.stderr, /ExpiredToken: The security token included in the request is expired; retry 1/);
        const expired = sim.calls.filter((c) => c.error?.name === "ExpiredToken");
        assert.strictEqual(expired.length, 1);
        assert.strictEqual(built.filter((region) => region === expired[0].region).length, 2);
        assert.ok(engineModifies(sim).length >= 2);
    });
});
