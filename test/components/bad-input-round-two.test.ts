import * as assert from "assert";
import { AuroraGlobalDatabase, AuroraGlobalDatabaseArgs, AuroraGlobalDatabaseArgsError } from "../../components";
import { argsFromConfig, ConfigSource, StackConfigError } from "../../components";
import { recordedBeforeFailure, runProgramUnderMocks } from "../../testbeds/offline/mock-engine";
import { pgArgs, PRIMARY, runningPg, SECONDARY } from "./fixtures";

/**
 * The component's bad-input catalogue, round two (issue #20): what was declared wrong silently,
 * refused by AWS only at `up`, or ignored. Each row asserts the rule id, the property path and the
 * values the message must name, and that nothing was declared or read (only the stack).
 */
interface Row {
    readonly name: string;
    /** Overrides of the seed topology (pgArgs). */
    readonly args: Record<string, unknown>;
    /** The component's name (default "db"). */
    readonly component?: string;
    readonly rule: string;
    readonly path: string;
    /** Fragments the message must contain: the value and the fix. */
    readonly says: readonly string[];
}

const KEY_ARN = (region: string) => `arn:aws:kms:${region}:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

const ROWS: readonly Row[] = [
    {
        name: "a misspelt member key (instanceCnt)",
        args: { secondaries: [{ region: SECONDARY, instanceCnt: 2 }] },
        rule: "unknown-key",
        path: "secondaries[0].instanceCnt",
        says: ["did you mean instanceCount?"],
    },
    {
        name: "a misspelt top-level key",
        args: { engineVerison: "17.5" },
        rule: "unknown-key",
        path: "engineVerison",
        says: ["did you mean engineVersion?"],
    },
    {
        name: "a misspelt upgrade option",
        args: { upgrade: { stratgy: "rolling" } },
        rule: "unknown-key",
        path: "upgrade.stratgy",
        says: ["did you mean strategy?"],
    },
    {
        name: "identity as a string",
        args: { upgrade: { identity: "admin" } },
        rule: "identity",
        path: "upgrade.identity",
        says: ['"admin"', '{ profile: "admin" }'],
    },
    {
        name: "an identity role that is no IAM role ARN",
        args: { upgrade: { identity: { roleArn: "aurora-upgrader" } } },
        rule: "identity",
        path: "upgrade.identity.roleArn",
        says: ['"aurora-upgrader"', "arn:aws:iam::ACCOUNT:role/NAME"],
    },
    {
        name: "an empty KMS key on an encrypted secondary",
        args: { secondaries: [{ region: SECONDARY, kmsKeyId: "" }] },
        rule: "kms-key-id",
        path: "secondaries[0].kmsKeyId",
        says: ['kmsKeyId "" is empty', `arn:aws:kms:${SECONDARY}:`],
    },
    {
        name: "a KMS key of another region",
        args: { secondaries: [{ region: SECONDARY, kmsKeyId: KEY_ARN(PRIMARY) }] },
        rule: "kms-key-id",
        path: "secondaries[0].kmsKeyId",
        says: [`a key of ${PRIMARY}, not of ${SECONDARY}`, `arn:aws:kms:${SECONDARY}:`],
    },
    {
        name: "a KMS key that is no key identifier",
        args: { primary: { region: PRIMARY, kmsKeyId: "my-key" } },
        rule: "kms-key-id",
        path: "primary.kmsKeyId",
        says: ['"my-key" is not a KMS key identifier', `arn:aws:kms:${PRIMARY}:`],
    },
    {
        name: "storage not encrypted with a key",
        args: { storageEncrypted: false, primary: { region: PRIMARY, kmsKeyId: KEY_ARN(PRIMARY) } },
        rule: "storage-encrypted",
        path: "storageEncrypted",
        says: ["primary.kmsKeyId is set", "storageEncrypted: true"],
    },
    {
        name: "security groups as one string",
        args: { primary: { region: PRIMARY, vpcSecurityGroupIds: "sg-1" } },
        rule: "vpc-security-group-ids",
        path: "primary.vpcSecurityGroupIds",
        says: ['"sg-1" is not a list', '["sg-1"]'],
    },
    {
        name: "the reserved master user rdsadmin",
        args: { masterUsername: "rdsadmin" },
        rule: "master-username-reserved",
        path: "masterUsername",
        says: ['"rdsadmin" is reserved', '"dbadmin"'],
    },
    {
        name: "a tag key starting aws:",
        args: { tags: { "aws:owner": "db-team" } },
        rule: "tag-key",
        path: "tags.aws:owner",
        says: ['"aws:owner"', "aws: and rds:"],
    },
    {
        name: "db.t3.micro (an RDS class, not Aurora's)",
        args: { primary: { region: PRIMARY, instanceClass: "db.t3.micro" } },
        rule: "instance-class-offered",
        path: "primary.instanceClass",
        says: ['"db.t3.micro"', "memory-optimized", '"db.r6g.large"'],
    },
    {
        name: "a made-up class db.fake.huge",
        args: { secondaries: [{ region: SECONDARY, instanceClass: "db.fake.huge" }] },
        rule: "instance-class-offered",
        path: "secondaries[0].instanceClass",
        says: ['"db.fake.huge"'],
    },
    {
        name: "a long global identifier deriving member identifiers over 63",
        args: { globalClusterIdentifier: "a".repeat(55) },
        rule: "derived-identifier",
        path: "primary.clusterIdentifier",
        says: [`"${"a".repeat(55)}-${PRIMARY}"`, "AWS allows 63"],
    },
    {
        name: "a component name with an underscore as the default identifier",
        args: { globalClusterIdentifier: undefined },
        component: "my_db",
        rule: "default-identifier",
        path: "globalClusterIdentifier",
        says: ['"my_db"', 'e.g. "my-db"'],
    },
    {
        name: "a component name in capitals as the default identifier",
        args: { globalClusterIdentifier: undefined },
        component: "OrdersDB",
        rule: "default-identifier",
        path: "globalClusterIdentifier",
        says: ['"OrdersDB"', 'e.g. "ordersdb"'],
    },
    {
        name: "an upper-case global identifier",
        args: { globalClusterIdentifier: "APP" },
        rule: "identifier-lowercase",
        path: "globalClusterIdentifier",
        says: ['"APP"', 'write "app"'],
    },
    {
        name: "an upper-case cluster identifier",
        args: { secondaries: [{ region: SECONDARY, clusterIdentifier: "App-Apne1" }] },
        rule: "identifier-lowercase",
        path: "secondaries[0].clusterIdentifier",
        says: ['"App-Apne1"', 'write "app-apne1"'],
    },
    {
        name: "a switchover timeout with strategy rolling",
        args: { upgrade: { strategy: "rolling", switchoverTimeoutSeconds: 600 } },
        rule: "blue-green-only-options",
        path: "upgrade.switchoverTimeoutSeconds",
        says: ['"rolling"', 'set upgrade.strategy to "blue-green"'],
    },
    {
        name: "old clusters with strategy auto",
        args: { upgrade: { oldClusters: "delete" } },
        rule: "blue-green-only-options",
        path: "upgrade.oldClusters",
        says: ['"auto"', "auto never chooses blue-green"],
    },
    {
        name: "a version written with a leading zero",
        args: { engineVersion: "16.08" },
        rule: "engine-version",
        path: "engineVersion",
        says: ['"16.08" is not how AWS writes the version', 'write "16.8"'],
    },
];

async function construct(component: string, args: AuroraGlobalDatabaseArgs) {
    return runProgramUnderMocks({ program: () => ({ plan: new AuroraGlobalDatabase(component, args).plan }) });
}

describe(`components: bad-input catalogue, round two (${ROWS.length} rows: rule, path, value and fix; nothing declared)`, () => {
    for (const row of ROWS)
        it(`${row.name}: [${row.rule}] ${row.path}`, async () => {
            const args = { ...pgArgs(), ...row.args } as AuroraGlobalDatabaseArgs;
            let recorded: ReturnType<typeof recordedBeforeFailure> | undefined;
            await assert.rejects(construct(row.component ?? "db", args), (e: unknown) => {
                recorded = recordedBeforeFailure(e);
                assert.ok(e instanceof AuroraGlobalDatabaseArgsError, String(e));
                const problem = e.problems.find((p) => p.rule === row.rule && p.path === row.path);
                assert.ok(problem, JSON.stringify(e.problems));
                for (const fragment of row.says) assert.ok(problem.message.includes(fragment), problem.message);
                // Nothing else is wrong with the row's input: every problem is the row's rule.
                assert.deepStrictEqual([...new Set(e.problems.map((p) => p.rule))], [row.rule]);
                return true;
            });
            assert.deepStrictEqual(
                recorded?.resources.map((r) => r.type),
                ["pulumi:pulumi:Stack"],
            );
            assert.deepStrictEqual(recorded?.calls, []);
        });

    it("a new database at a PostgreSQL patch level is blocked at preview (AWS creates 17.4 and chooses the patch)", async () => {
        const r = await runProgramUnderMocks({
            program: () => ({ plan: new AuroraGlobalDatabase("db", pgArgs({ engineVersion: "17.4.5" })).plan }),
        }).catch((e: unknown) => e);
        const text = r instanceof Error ? r.message : JSON.stringify(r);
        assert.ok(text.includes("patch-level-with-version-change"), text);
    });
});

/** A stack configuration from a plain map (what `pulumi.Config` reads). */
function source(values: Record<string, unknown>): ConfigSource {
    return {
        get: (k) => (typeof values[k] === "string" ? (values[k] as string) : undefined),
        getNumber: (k) => (typeof values[k] === "number" ? (values[k] as number) : undefined),
        getBoolean: (k) => (typeof values[k] === "boolean" ? (values[k] as boolean) : undefined),
        getObject: <T>(k: string) => values[k] as T | undefined,
    };
}

const BASE = {
    engine: "aurora-postgresql",
    engineVersion: "17.4",
    primaryRegion: PRIMARY,
    secondaryRegions: [SECONDARY],
};

const CONFIG_ROWS: readonly { name: string; config: Record<string, unknown>; path: string; says: string[] }[] = [
    {
        name: "a KMS key for a region that is no member",
        config: { kmsKeyIds: [`eu-west-1=${KEY_ARN("eu-west-1")}`] },
        path: "kmsKeyIds",
        says: ["names eu-west-1, which is no member region", "add eu-west-1 to secondaryRegions"],
    },
    {
        name: "two subnet groups for one region",
        config: { dbSubnetGroups: [`${PRIMARY}=a`, `${PRIMARY}=b`] },
        path: "dbSubnetGroups",
        says: [`"${PRIMARY}=a" and "${PRIMARY}=b" both name ${PRIMARY}`, "keep one"],
    },
    {
        name: "a secondary cluster group for the primary region",
        config: { secondaryClusterParameterGroups: [`${PRIMARY}=grp`] },
        path: "secondaryClusterParameterGroups",
        says: [`names the primary region ${PRIMARY}`, "primaryClusterParameterGroup"],
    },
    {
        name: "security groups for a region that is no member",
        config: { vpcSecurityGroupIds: ["eu-west-1=sg-1"] },
        path: "vpcSecurityGroupIds",
        says: ['"eu-west-1=sg-1"', "no member region"],
    },
];

describe("components: stack config entries that would declare another database are refused", () => {
    for (const row of CONFIG_ROWS)
        it(`${row.name}: [config-region-entry] ${row.path}`, () => {
            assert.throws(
                () => argsFromConfig(source({ ...BASE, ...row.config })),
                (e: unknown) => {
                    assert.ok(e instanceof StackConfigError, String(e));
                    const p = e.problems.find((x) => x.rule === "config-region-entry" && x.path === row.path);
                    assert.ok(p, JSON.stringify(e.problems));
                    for (const fragment of row.says) assert.ok(p.message.includes(fragment), p.message);
                    return true;
                },
            );
        });

    it("several security groups for one member region stay allowed", () => {
        const args = argsFromConfig(source({ ...BASE, vpcSecurityGroupIds: [`${PRIMARY}=sg-1`, `${PRIMARY}=sg-2`] }));
        assert.deepStrictEqual(args.primary.vpcSecurityGroupIds, ["sg-1", "sg-2"]);
    });
});

void runningPg;
