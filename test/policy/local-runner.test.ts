import { strict as assert } from "assert";
import { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import {
    analyzedInputs,
    analyzedOutputs,
    makeUrn,
    substituteIgnored,
} from "../../testbeds/offline/policy-runner/engine-emulation/preview";
import {
    formatVerdicts,
    RecordedResource,
    runPolicies,
    UNKNOWN,
} from "../../testbeds/offline/policy-runner/local-runner";
import { TYPES } from "../../policy/lib/resource-types";
import { str } from "../../policy/lib/props";

const cluster = (state?: RecordedResource["state"], ignoreChanges = ["engineVersion"]): RecordedResource => ({
    type: TYPES.cluster,
    name: "app-apne1",
    inputs: { clusterIdentifier: "app-apne1", engineVersion: "16.8", globalClusterIdentifier: "app-global" },
    ignoreChanges,
    ...(state ? { state } : {}),
});
const existing = {
    inputs: { clusterIdentifier: "app-apne1", engineVersion: "16.6", globalClusterIdentifier: "app-global" },
    outputs: { arn: "arn:1", engineVersionActual: "16.6", engineVersion: "16.6" },
};

describe("policy local runner (engine emulation)", () => {
    it("substitutes the state value for ignoreChanges properties of an existing resource, like the engine", () => {
        assert.equal(analyzedInputs(cluster(existing), "u").props.engineVersion, "16.6");
        assert.equal(analyzedInputs(cluster(existing, []), "u").props.engineVersion, "16.8");
        assert.equal(analyzedInputs(cluster(), "u").props.engineVersion, "16.8", "a new resource keeps its inputs");
    });

    it("handles nested ignoreChanges paths and properties absent from state", () => {
        assert.deepEqual(substituteIgnored({ tags: { a: "new", b: "x" }, v: 1 }, { tags: { a: "old" } }, ["tags.a"]), {
            tags: { a: "old", b: "x" },
            v: 1,
        });
        assert.deepEqual(substituteIgnored({ v: 1, w: 2 }, { w: 3 }, ["v"]), { w: 2 });
        assert.deepEqual(substituteIgnored({ v: 1 }, { v: 0, w: 3 }, ["*"]), { v: 0, w: 3 });
    });

    it("gives stack policies the planned outputs: state overlaid with inputs, AWS-assigned outputs unknown for new resources", () => {
        assert.deepEqual(analyzedOutputs(cluster(existing), "u").props, { ...existing.outputs, ...existing.inputs });
        const created = analyzedOutputs(cluster(), "u").props;
        assert.equal(created.arn, UNKNOWN);
        assert.equal(created.engineVersion, "16.8");
        const component: RecordedResource = {
            type: TYPES.component,
            name: "app",
            inputs: { engineVersion: "1" },
            outputs: { plan: { violations: [] } },
        };
        assert.deepEqual(analyzedOutputs(component, "u").props, { plan: { violations: [] } });
    });

    it("builds URNs the way the engine does, with the parent's type chain", () => {
        const parent = makeUrn("p", "s", TYPES.component, "app");
        assert.equal(parent, `urn:pulumi:s::p::${TYPES.component}::app`);
        assert.equal(
            makeUrn("p", "s", TYPES.cluster, "c", parent),
            `urn:pulumi:s::p::${TYPES.component}$${TYPES.cluster}::c`,
        );
    });

    it("honours the pack config: a level per policy, disabled policies skipped, properties passed to getConfig", async () => {
        const seen: unknown[] = [];
        const probe: ResourceValidationPolicy = {
            name: "probe",
            description: "reports every cluster",
            enforcementLevel: "mandatory",
            validateResource: (args, report) => {
                seen.push(args.getConfig());
                if (args.type === TYPES.cluster) report(`saw ${args.name}`);
            },
        };
        const one = [cluster(existing)];
        assert.deepEqual((await runPolicies(one, { policies: [probe] })).verdicts, [
            {
                policy: "probe",
                enforcementLevel: "mandatory",
                message: "saw app-apne1",
                urn: "urn:pulumi:dev::aurora-global::aws:rds/cluster:Cluster::app-apne1",
            },
        ]);
        const advisory = await runPolicies(one, {
            policies: [probe],
            config: { probe: { enforcementLevel: "advisory", threshold: 3 } },
        });
        assert.deepEqual([advisory.verdicts[0].enforcementLevel, advisory.failed], ["advisory", false]);
        assert.deepEqual(seen.at(-1), { threshold: 3 });
        assert.deepEqual((await runPolicies(one, { policies: [probe], config: { probe: "disabled" } })).verdicts, []);
    });

    it("turns a read of an unknown preview value into an advisory, like the policy runtime", async () => {
        const careless: StackValidationPolicy = {
            name: "careless",
            description: "reads the ARN of every resource",
            enforcementLevel: "mandatory",
            validateStack: (args) => {
                for (const r of args.resources) void r.props.arn.length;
            },
        };
        const run = await runPolicies([cluster()], { policies: [careless] });
        assert.deepEqual(run.verdicts, [
            {
                policy: "careless",
                enforcementLevel: "advisory",
                message:
                    "can't run policy 'careless' during preview: string value at .arn can't be known during preview",
            },
        ]);
        assert.equal(run.failed, false);
    });

    it("lets the pack's own readers treat unknown values as absent", async () => {
        const reader: StackValidationPolicy = {
            name: "reader",
            description: "reads the ARN safely",
            validateStack: (args, report) => {
                for (const r of args.resources) report(`arn=${str(r.props, "arn") ?? "unknown"}`);
            },
        };
        assert.deepEqual(
            (await runPolicies([cluster()], { policies: [reader] })).verdicts.map((v) => v.message),
            ["arn=unknown"],
        );
    });

    it("formats verdicts for the offline run, mandatory first", () => {
        assert.equal(formatVerdicts({ verdicts: [], failed: false }), "policy pack aurora-global: no violations");
        const text = formatVerdicts({
            failed: true,
            verdicts: [
                { policy: "a", enforcementLevel: "advisory", message: "soft", urn: "urn:pulumi:dev::p::t::res-a" },
                { policy: "b", enforcementLevel: "mandatory", message: "hard" },
            ],
        });
        assert.equal(
            text,
            "policy pack aurora-global: 1 mandatory, 1 advisory violation(s)\n  [mandatory] b: hard\n  [advisory] a (res-a): soft",
        );
    });
});
