import * as pulumi from "@pulumi/pulumi";
import * as provider from "@pulumi/pulumi/provider";
import { checkInputs, diffInputs, UNKNOWN } from "./diff";
import { ResourceHandler } from "./resource-handler";
import { packageVersion, SdkProperties, sdkProperties } from "./sdk-schema";

/** A resource type the stand-in serves: its SDK module (for the schema) and its handler. */
export interface ServedType {
    readonly type: string;
    readonly module: string;
    readonly handler: ResourceHandler;
}

type In = Record<string, unknown>;

const typeOf = (urn: string) => urn.split("::")[2]!.split("$").pop()!;

/**
 * A Pulumi resource provider (`@pulumi/pulumi/provider`) for the types listed, reporting the
 * version of the SDK package (`@pulumi/aws`'s), with check/diff from the SDK's declared inputs and
 * the Terraform provider's ForceNew attributes, and CRUD through `handler`s. A type not listed
 * fails, naming it.
 */
export function standInProvider(pkg: string, served: readonly ServedType[]): provider.Provider {
    const table = new Map(served.map((s) => [s.type, { ...s, schema: sdkProperties(pkg, s.module, s.type) }]));
    const lookup = (urn: string): ServedType & { schema: SdkProperties } => {
        const entry = table.get(typeOf(urn));
        if (!entry) throw new Error(`stand-in ${pkg} provider: resource type ${typeOf(urn)} is not simulated here`);
        return entry;
    };
    return {
        version: packageVersion(pkg),
        check: async (urn, _olds, news) => checkInputs(lookup(urn).schema, news as In),
        diff: async (_id, urn, olds, news) => diffInputs(lookup(urn).schema, olds as In, news as In),
        create: async (urn, inputs) => {
            if (containsUnknown(inputs)) throw new Error(`create of ${urn} with unknown inputs`);
            return lookup(urn).handler.create(inputs as In);
        },
        read: async (id, urn, props) => {
            const live = await lookup(urn).handler.read(id, (props ?? {}) as In);
            return live ? { id, props: live } : { id: "", props: {} };
        },
        update: async (id, urn, olds, news) => ({ outs: await lookup(urn).handler.update(id, olds as In, news as In) }),
        delete: (id, urn, props) => lookup(urn).handler.delete(id, props as In),
        invoke: async (token) => {
            throw new Error(`stand-in ${pkg} provider: invoke ${token} is not simulated here`);
        },
    };
}

function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (value && typeof value === "object") return Object.values(value).some(containsUnknown);
    return false;
}

/**
 * Serves `p` to the engine (the plugin's main). Exits once the engine is gone (the plugin is
 * re-parented): the engine starts plugins in their own process group, so a killed `pulumi` would
 * otherwise leave them running.
 */
export function serve(p: provider.Provider): void {
    void pulumi; // the SDK's runtime must be loaded before the provider server
    const engine = process.ppid;
    setInterval(() => {
        if (process.ppid !== engine) process.exit(0);
    }, 1000).unref();
    void provider.main(p, process.argv.slice(2));
}
