import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs } from "../../components";
import { runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { named, ofType, pgArgs, PRIMARY, runningPg, SECONDARY, T } from "./fixtures";
import { nonEmpty } from "../support/non-empty";
import { assertMeans } from "../support/assert-means";

const ROLE = "arn:aws:iam::123456789012:role/aurora-upgrader";

/** The stack program with one database at 17.4 → 17.5 (rolling), its steps' commands and environments. */
async function steps(
    args: AuroraGlobalDatabaseArgs,
    options: { config?: Record<string, unknown>; provider?: (region: string) => aws.Provider } = {},
) {
    const r = await runProgramUnderMocks({
        program: () => {
            const provider = options.provider?.(PRIMARY);
            const db = new AuroraGlobalDatabase("db", args, provider ? { providers: [provider] } : {});
            return { plan: db.plan };
        },
        currentState: runningPg("17.4", [PRIMARY, SECONDARY]),
        config: options.config ?? {},
    });
    return ofType(r, T.command).map((c) => ({
        name: c.name,
        create: String(c.inputs.create),
        environment: c.inputs.environment as Record<string, string>,
        primaryCluster: named(r, "db-primary-cluster"),
    }));
}

const rolling = (upgrade: object = {}) =>
    pgArgs({ engineVersion: "17.5", upgrade: { strategy: "rolling", ...upgrade } });

describe("components: the upgrade steps act as the AWS provider's identity", () => {
    it("without any identity set, the steps pass no identity flag (the SDK's default chain)", async () => {
        for (const s of nonEmpty(await steps(rolling()), "upgrade step")) {
            assert.doesNotMatch(s.create, /--profile|--role-arn|--external-id|--endpoint-url/);
            assert.deepStrictEqual(Object.keys(s.environment).sort(), ["AURORA_GLOBAL_LEASE_GROUP", "AWS_REGION"]);
            assert.strictEqual(s.environment.AWS_REGION, PRIMARY);
        }
    });

    it("takes the default provider's profile, assumed role (session name, external id) and RDS endpoint from stack config", async () => {
        const all = await steps(rolling(), {
            config: {
                "aws:profile": "prod",
                "aws:assumeRoles": [{ roleArn: ROLE, sessionName: "upgrades", externalId: "ext-1234" }],
                "aws:endpoints": [{ rds: "https://rds.vpce.example.com" }],
            },
        });
        assert.strictEqual(all.length, 3);
        for (const s of nonEmpty(all, "upgrade step")) {
            assert.ok(
                s.create.includes(
                    ` --region ${PRIMARY} --global-cluster app --profile prod --role-arn ${ROLE} --role-session-name upgrades --external-id ext-1234 --endpoint-url https://rds.vpce.example.com `,
                ),
                s.create,
            );
            assert.deepStrictEqual(Object.keys(s.environment).sort(), ["AURORA_GLOBAL_LEASE_GROUP", "AWS_REGION"]);
            assert.strictEqual(s.environment.AWS_REGION, PRIMARY);
        }
    });

    it("takes a provider passed to the component (providers), never its keys", async () => {
        const all = await steps(rolling(), {
            provider: (region) =>
                new aws.Provider("deployer", {
                    region: region as aws.Region,
                    profile: "platform",
                    accessKey: "AKIAEXAMPLEKEY000000",
                    secretKey: "not-a-real-secret-key",
                    assumeRoles: [{ roleArn: ROLE, sessionName: "pulumi-deployer" }],
                }),
        });
        assert.strictEqual(all.length, 3);
        for (const s of nonEmpty(all, "upgrade step")) {
            assert.ok(
                s.create.includes(`--profile platform --role-arn ${ROLE} --role-session-name pulumi-deployer `),
                s.create,
            );
            const seen = JSON.stringify({ create: s.create, environment: s.environment });
            assert.ok(!seen.includes("AKIAEXAMPLEKEY000000") && !seen.includes("not-a-real-secret-key"), seen);
        }
    });

    it("upgrade.identity wins over the provider's settings", async () => {
        const all = await steps(rolling({ identity: { profile: "breakglass" } }), {
            config: { "aws:profile": "prod" },
        });
        for (const s of nonEmpty(all, "upgrade step")) assert.match(s.create, / --profile breakglass /);
    });

    it("refuses a chain of roles with the fix", async () => {
        await assert.rejects(
            steps(rolling(), {
                config: {
                    "aws:assumeRoles": [{ roleArn: ROLE }, { roleArn: "arn:aws:iam::210987654321:role/target" }],
                },
            }),
            (e: Error) => {
                assertMeans(e.message, {
                    about: "aws:assumeRoles",
                    says: ["2 roles", ROLE, "arn:aws:iam::210987654321:role/target", "upgrade.identity"],
                });
                return true;
            },
        );
    });

    it("refuses static keys alone in stack config (the steps could not act as them), naming the fix", async () => {
        await assert.rejects(
            steps(rolling(), {
                config: { "aws:accessKey": "AKIAEXAMPLEKEY000000", "aws:secretKey": "not-a-real-secret-key" },
            }),
            (e: unknown) => {
                const message = String((e as Error).message);
                assert.ok(message.includes("sets static keys (aws:accessKey / aws:secretKey)"), message);
                assert.ok(message.includes("upgrade.identity"), message);
                assert.ok(!message.includes("AKIAEXAMPLEKEY000000") && !message.includes("not-a-real-secret-key"));
                return true;
            },
        );
    });

    it("static keys alone with nothing to upgrade: no step, nothing refused", async () => {
        const r = await runProgramUnderMocks({
            program: () => ({ plan: new AuroraGlobalDatabase("db", pgArgs(), {}).plan }),
            currentState: runningPg("17.4", [PRIMARY, SECONDARY]),
            config: { "aws:accessKey": "AKIAEXAMPLEKEY000000", "aws:secretKey": "not-a-real-secret-key" },
        });
        assert.deepStrictEqual(ofType(r, T.command), []);
    });

    it("static keys with upgrade.identity: the steps act as the identity given", async () => {
        const all = await steps(rolling({ identity: { profile: "deploy" } }), {
            config: { "aws:accessKey": "AKIAEXAMPLEKEY000000", "aws:secretKey": "not-a-real-secret-key" },
        });
        assert.strictEqual(all.length, 3);
        for (const s of all) assert.match(s.create, / --profile deploy /);
    });
});
