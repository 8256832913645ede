import * as assert from "assert";
import { isSecretValue } from "../../testbeds/offline/mock-engine";
import { componentOutputs, named, ofType, pgArgs, PRIMARY, runDb, SECONDARY, SECONDARY_2, T } from "./fixtures";
import { nonEmpty } from "../support/non-empty";

describe("components: structure of a new global database", () => {
    it("owns the global cluster, a password and one member per region, all parented to it", async () => {
        const r = await runDb(pgArgs({ secondaries: [{ region: SECONDARY }, { region: SECONDARY_2 }] }));
        const db = named(r, "db");
        const children = r.resources.filter((x) => x.parent === db.urn).map((x) => `${x.type} ${x.name}`);
        assert.deepStrictEqual(
            children.sort(),
            [
                `${T.member} db-primary`,
                `${T.member} db-secondary-${SECONDARY}`,
                `${T.member} db-secondary-${SECONDARY_2}`,
                `${T.global} db-global`,
                `${T.password} db-master-password`,
            ].sort(),
        );
    });

    it("gives each member its cluster and instanceCount instances, parented to the member", async () => {
        const r = await runDb(pgArgs());
        const primary = named(r, "db-primary");
        const secondary = named(r, `db-secondary-${SECONDARY}`);
        assert.deepStrictEqual(
            r.resources.filter((x) => x.parent === primary.urn).map((x) => x.name),
            ["db-primary-cluster", "db-primary-instance-1", "db-primary-instance-2"],
        );
        assert.deepStrictEqual(
            r.resources.filter((x) => x.parent === secondary.urn).map((x) => x.name),
            [
                `db-secondary-${SECONDARY}-kms-key`,
                `db-secondary-${SECONDARY}-kms-alias`,
                `db-secondary-${SECONDARY}-cluster`,
                `db-secondary-${SECONDARY}-instance-1`,
            ],
            "an encrypted secondary gets a KMS key of its region (with its alias) before its cluster",
        );
    });

    it("places every regional resource in its region with the per-resource region input", async () => {
        const r = await runDb(pgArgs());
        assert.strictEqual(named(r, "db-global").region, PRIMARY);
        for (const name of ["db-primary-cluster", "db-primary-instance-1", "db-primary-instance-2"])
            assert.strictEqual(named(r, name).region, PRIMARY, name);
        for (const name of [`db-secondary-${SECONDARY}-cluster`, `db-secondary-${SECONDARY}-instance-1`])
            assert.strictEqual(named(r, name).region, SECONDARY, name);
        assert.deepStrictEqual(
            ofType(r, T.cluster).map((c) => c.provider),
            ["", ""],
            "one default provider serves every region",
        );
    });

    it("never lets the provider change an engine version: ignoreChanges on the global cluster, every cluster and instance", async () => {
        const r = await runDb(pgArgs({ secondaries: [{ region: SECONDARY }, { region: SECONDARY_2 }] }));
        assert.deepStrictEqual(named(r, "db-global").ignoreChanges, ["engineVersion"]);
        for (const c of nonEmpty(ofType(r, T.cluster), "cluster"))
            assert.ok(c.ignoreChanges.includes("engineVersion"), c.name);
        for (const i of nonEmpty(ofType(r, T.instance), "instance"))
            assert.deepStrictEqual(i.ignoreChanges, ["engineVersion", "dbParameterGroupName"], i.name);
        assert.deepStrictEqual(named(r, `db-secondary-${SECONDARY}-cluster`).ignoreChanges, [
            "engineVersion",
            "dbClusterParameterGroupName",
            "replicationSourceIdentifier",
        ]);
        assert.deepStrictEqual(named(r, "db-primary-cluster").ignoreChanges, [
            "engineVersion",
            "dbClusterParameterGroupName",
        ]);
        assert.strictEqual(ofType(r, T.cluster).length + ofType(r, T.instance).length, 3 + 4);
    });

    it("has secure defaults: encrypted, deletion protection, final snapshot kept, no public instance, no auto minor upgrade", async () => {
        const r = await runDb(pgArgs());
        const g = named(r, "db-global").inputs;
        assert.strictEqual(g.storageEncrypted, true);
        assert.strictEqual(g.deletionProtection, true);
        for (const c of nonEmpty(ofType(r, T.cluster), "cluster")) {
            assert.strictEqual(c.inputs.storageEncrypted, true, c.name);
            assert.strictEqual(c.inputs.deletionProtection, true, c.name);
            assert.strictEqual(c.inputs.skipFinalSnapshot, false, c.name);
            assert.strictEqual(c.inputs.finalSnapshotIdentifier, `${c.inputs.clusterIdentifier}-final`, c.name);
        }
        for (const i of nonEmpty(ofType(r, T.instance), "instance")) {
            assert.strictEqual(i.inputs.publiclyAccessible, false, i.name);
            assert.strictEqual(i.inputs.autoMinorVersionUpgrade, false, i.name);
        }
    });

    it("joins every cluster to the global cluster at the declared engine and version", async () => {
        const r = await runDb(pgArgs());
        for (const c of nonEmpty(ofType(r, T.cluster), "cluster")) {
            assert.strictEqual(c.inputs.globalClusterIdentifier, "app", c.name);
            assert.strictEqual(c.inputs.engine, "aurora-postgresql", c.name);
            assert.strictEqual(c.inputs.engineVersion, "17.4", c.name);
        }
        assert.deepStrictEqual(
            ofType(r, T.cluster).map((c) => c.inputs.clusterIdentifier),
            [`app-${PRIMARY}`, `app-${SECONDARY}`],
        );
    });

    it("gives the primary a master user and a secret random password; secondaries get none", async () => {
        const r = await runDb(pgArgs());
        const primary = named(r, "db-primary-cluster").inputs;
        assert.strictEqual(primary.masterUsername, "dbadmin");
        assert.ok(isSecretValue(primary.masterPassword), "master password is sent as a secret");
        const secondary = named(r, `db-secondary-${SECONDARY}-cluster`).inputs;
        assert.strictEqual(secondary.masterUsername, undefined);
        assert.strictEqual(secondary.masterPassword, undefined);
        assert.strictEqual(named(r, "db-master-password").inputs.length, 32);
    });

    it("never puts the password in outputs, component args or logs", async () => {
        const r = await runDb(pgArgs());
        const everything = JSON.stringify([
            r.outputs,
            [...r.registeredOutputs.values()],
            r.logs,
            named(r, "db").inputs,
            named(r, "db-primary").inputs,
        ]);
        assert.ok(!everything.includes("mock-password"), "the generated password leaked");
        assert.ok(
            JSON.stringify(named(r, "db-primary-cluster").inputs).includes("mock-password"),
            "control: the cluster does receive it",
        );
    });

    it("creates secondaries after the primary: each secondary cluster depends on the primary's cluster and instances", async () => {
        const r = await runDb(pgArgs({ secondaries: [{ region: SECONDARY }, { region: SECONDARY_2 }] }));
        const primaryUrns = ["db-primary-cluster", "db-primary-instance-1", "db-primary-instance-2"].map(
            (n) => named(r, n).urn,
        );
        for (const region of [SECONDARY, SECONDARY_2]) {
            const deps = named(r, `db-secondary-${region}-cluster`).dependencies;
            for (const urn of nonEmpty(primaryUrns, "primary resource"))
                assert.ok(deps.includes(urn), `${region} waits for ${urn}`);
        }
        assert.ok(
            !named(r, "db-primary-cluster").dependencies.some((d) => d.includes("secondary")),
            "the primary waits for no secondary",
        );
    });

    it("sends only plain structural args with the components (no Inputs, no secrets)", async () => {
        const r = await runDb(
            pgArgs({ primary: { region: PRIMARY, kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc" } }),
        );
        const args = named(r, "db").inputs;
        assert.deepStrictEqual(args.members, [
            {
                role: "primary",
                region: PRIMARY,
                clusterIdentifier: `app-${PRIMARY}`,
                instanceCount: 1,
                instanceClass: "db.r6g.large",
            },
            {
                role: "secondary",
                region: SECONDARY,
                clusterIdentifier: `app-${SECONDARY}`,
                instanceCount: 1,
                instanceClass: "db.r6g.large",
            },
        ]);
        assert.strictEqual(args.engineVersion, "17.4");
        assert.ok(!JSON.stringify(args).includes("kms"), "Inputs stay out of the component args");
        assert.deepStrictEqual(Object.keys(named(r, "db-primary").inputs).sort(), [
            "clusterIdentifier",
            "engine",
            "engineVersion",
            "instanceClass",
            "instanceCount",
            "region",
            "role",
        ]);
    });

    it("registers its outputs: plan, violations, member versions and failover readiness", async () => {
        const r = await runDb(pgArgs());
        assert.deepStrictEqual(Object.keys(componentOutputs(r)).sort(), [
            "engine",
            "engineVersion",
            "failoverReady",
            "globalClusterIdentifier",
            "memberVersions",
            "plan",
            "planBlocked",
            "upgradeSteps",
            "violations",
        ]);
    });
});
