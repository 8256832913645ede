import * as assert from "assert";
import { named, ofType, pgArgs, PRIMARY, runDb, SECONDARY, SECONDARY_2, T } from "./fixtures";
import { nonEmpty } from "../support/non-empty";

const KMS_KEY = "aws:kms/key:Key";
const KMS_ALIAS = "aws:kms/alias:Alias";

describe("components: what AWS accepts at creation (docs/aws-rules.md §7)", () => {
    describe("a KMS key of its own region for every encrypted secondary", () => {
        it("creates a rotating key with an alias in each secondary region without kmsKeyId, parented to the member", async () => {
            const r = await runDb(pgArgs({ secondaries: [{ region: SECONDARY }, { region: SECONDARY_2 }] }));
            const keys = ofType(r, KMS_KEY);
            assert.deepStrictEqual(
                keys.map((k) => [k.name, k.region]),
                [
                    [`db-secondary-${SECONDARY}-kms-key`, SECONDARY],
                    [`db-secondary-${SECONDARY_2}-kms-key`, SECONDARY_2],
                ],
            );
            for (const region of [SECONDARY, SECONDARY_2]) {
                const member = named(r, `db-secondary-${region}`);
                const key = named(r, `db-secondary-${region}-kms-key`);
                const alias = named(r, `db-secondary-${region}-kms-alias`);
                assert.strictEqual(key.parent, member.urn);
                assert.strictEqual(alias.parent, member.urn);
                assert.strictEqual(key.inputs.enableKeyRotation, true);
                assert.strictEqual(alias.inputs.name, `alias/app-${region}`);
                assert.strictEqual(alias.region, region);
                const cluster = named(r, `db-secondary-${region}-cluster`);
                assert.deepStrictEqual(cluster.propertyDependencies.kmsKeyId, [key.urn], "the cluster uses the key");
            }
        });
        it("creates none for the primary (its region's aws/rds key), a secondary given a key, or unencrypted storage", async () => {
            const given = "arn:aws:kms:ap-northeast-1:123456789012:key/mine";
            const r = await runDb(
                pgArgs({ secondaries: [{ region: SECONDARY, kmsKeyId: given }, { region: SECONDARY_2 }] }),
            );
            assert.deepStrictEqual(
                ofType(r, KMS_KEY).map((k) => k.region),
                [SECONDARY_2],
            );
            assert.strictEqual(named(r, `db-secondary-${SECONDARY}-cluster`).inputs.kmsKeyId, given);
            assert.strictEqual(named(r, "db-primary-cluster").inputs.kmsKeyId, undefined);
            const plain = await runDb(pgArgs({ storageEncrypted: false }));
            assert.deepStrictEqual(ofType(plain, KMS_KEY), []);
            assert.deepStrictEqual(ofType(plain, KMS_ALIAS), []);
        });
    });

    describe("versions as AWS knows them", () => {
        it("an Aurora PostgreSQL version with a patch level reaches resources as MAJOR.MINOR (17.4.5 → 17.4)", async () => {
            const r = await runDb(pgArgs({ engineVersion: "17.4.5" }));
            assert.strictEqual(named(r, "db-global").inputs.engineVersion, "17.4");
            for (const c of nonEmpty(ofType(r, T.cluster), "cluster"))
                assert.strictEqual(c.inputs.engineVersion, "17.4", c.name);
            const sent = r.resources.filter((x) => x.custom && x.type.startsWith("aws:")).map((x) => x.inputs);
            assert.ok(!JSON.stringify(sent).includes("17.4.5"), "no AWS resource is sent 17.4.5");
        });
        it("no DB instance carries an engineVersion (the cluster's applies; AWS refuses a mismatch)", async () => {
            const r = await runDb(pgArgs({ engineVersion: "17.4.5" }));
            assert.strictEqual(ofType(r, T.instance).length, 3);
            for (const i of nonEmpty(ofType(r, T.instance), "instance"))
                assert.ok(!("engineVersion" in i.inputs), i.name);
        });
        it("Aurora MySQL keeps its full version", async () => {
            const r = await runDb(
                pgArgs({
                    engine: "aurora-mysql",
                    engineVersion: "8.0.mysql_aurora.3.08.0",
                    primary: { region: PRIMARY },
                }),
            );
            for (const c of nonEmpty(ofType(r, T.cluster), "cluster"))
                assert.strictEqual(c.inputs.engineVersion, "8.0.mysql_aurora.3.08.0");
        });
    });
});
