import { strict as assert } from "assert";
import { readTarget } from "../../engine-versions";
import { stackArgs } from "../../testbeds/offline/policy-runner/engine-emulation/policy-args";
import { UNKNOWN } from "../../testbeds/offline/policy-runner/local-runner";
import { findGlobalDatabases } from "../../policy/lib/global-topology";
import { engineOfVersion, planInputFor, versionsOf } from "../../policy/lib/plan-input";
import { TYPES } from "../../policy/lib/resource-types";
import { patch, plainGlobal, res, urn } from "./support";

const views = (resources: Parameters<typeof stackArgs>[0]) => findGlobalDatabases(stackArgs(resources).resources);
const roles = (resources: Parameters<typeof stackArgs>[0]) =>
    views(resources)[0].members.map((m) => `${m.identifier}=${m.role}`);

describe("policy helpers: global database topology", () => {
    it("groups members, instances and regions of a global database", () => {
        const [db] = views(plainGlobal());
        assert.equal(db.identifier, "app-global");
        assert.equal(db.globalCluster?.name, "app-global");
        assert.deepEqual(
            db.members.map((m) => [m.identifier, m.region, m.role, m.instances.map((i) => i.name)]),
            [
                ["app-use1", "us-east-1", "primary", ["app-use1-1"]],
                ["app-apne1", "ap-northeast-1", "secondary", ["app-apne1-1"]],
            ],
        );
    });

    it("links members of a global cluster not created yet through their property dependencies", () => {
        const resources = plainGlobal().map((r) =>
            r.type === TYPES.cluster ? { ...r, props: { ...r.props, globalClusterIdentifier: UNKNOWN } } : r,
        );
        assert.deepEqual(
            views(resources)[0].members.map((m) => m.identifier),
            ["app-use1", "app-apne1"],
        );
    });

    it("groups members of a global cluster outside the program by its identifier", () => {
        const resources = plainGlobal()
            .filter((r) => r.type !== TYPES.globalCluster)
            .map((r) => ({ ...r, dependencies: [], propertyDependencies: {} }));
        const [db] = views(resources);
        assert.equal(db.identifier, "app-global");
        assert.equal(db.globalCluster, undefined);
        assert.equal(db.members.length, 2);
    });

    it("infers the primary: role tag, then master credentials, then the member the others depend on", () => {
        assert.deepEqual(roles(patch(plainGlobal(), "app-apne1", { tags: { "aurora-global:role": "primary" } })), [
            "app-use1=secondary",
            "app-apne1=primary",
        ]);
        assert.deepEqual(roles(patch(plainGlobal(), "app-use1", { masterUsername: undefined })), [
            "app-use1=primary",
            "app-apne1=secondary",
        ]);
        const reversed = patch(
            patch(
                plainGlobal(),
                "app-use1",
                { masterUsername: undefined },
                { dependencies: [urn(TYPES.cluster, "app-apne1")] },
            ),
            "app-apne1",
            {},
            { dependencies: [] },
        );
        assert.deepEqual(roles(reversed), ["app-use1=secondary", "app-apne1=primary"]);
    });

    it("reads a member's versions the way the engine hands them over", () => {
        const [gc, primary] = stackArgs(plainGlobal("16.8")).resources;
        assert.deepEqual(versionsOf(gc), { exists: true, current: "16.6", declared: "16.8" });
        assert.deepEqual(
            versionsOf(primary),
            { exists: true, current: "16.6" },
            "ignoreChanges: the state value is the running version",
        );
        const [created] = stackArgs([
            res(TYPES.cluster, "new", { engineVersion: "16.8", arn: UNKNOWN }, { ignoreChanges: ["engineVersion"] }),
        ]).resources;
        assert.deepEqual(versionsOf(created), { exists: false, declared: "16.8" });
    });

    it("tells the engine of a version string by which engine parses it", () => {
        assert.equal(engineOfVersion("17.4"), "aurora-postgresql");
        assert.equal(engineOfVersion("8.0.mysql_aurora.3.08.0"), "aurora-mysql");
        assert.equal(engineOfVersion("8.4.7"), "aurora-mysql");
        assert.equal(engineOfVersion("nonsense"), undefined);
    });

    it("builds the planner input: target from the global cluster, current versions from state, instance counts", () => {
        const input = planInputFor(views(plainGlobal("16.8"))[0]);
        assert.deepEqual(input, {
            engine: "aurora-postgresql",
            globalClusterId: "app-global",
            globalCurrentEngine: "aurora-postgresql",
            globalCurrentVersion: "16.6",
            target: readTarget("16.8"),
            members: [
                { cluster: "app-use1", region: "us-east-1", role: "primary", currentVersion: "16.6", instanceCount: 1 },
                {
                    cluster: "app-apne1",
                    region: "ap-northeast-1",
                    role: "secondary",
                    currentVersion: "16.6",
                    instanceCount: 1,
                },
            ],
            options: {
                strategy: "auto",
                allowMajorVersionUpgrade: false,
                snapshotBeforeUpgrade: true,
                applyPendingPatches: false,
                mysqlInPlaceMajorConfirmed: false,
            },
        });
    });

    it("skips clusters of engines the planner does not know", () => {
        assert.equal(planInputFor(views(plainGlobal("5.7.12", "5.7.12", "mysql"))[0]), undefined);
    });
});
