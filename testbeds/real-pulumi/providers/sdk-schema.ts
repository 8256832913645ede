import { readFileSync } from "node:fs";

/**
 * A resource type's input and output property names as its Pulumi SDK declares them: the
 * generated class's constructor copies every input with `resourceInputs["x"] = args?.x` and marks
 * every output-only property `resourceInputs["y"] = undefined /*out*\/` (e.g. @pulumi/aws
 * `@pulumi/aws/rds/cluster.js`). The stand-in providers take their schema from there, not from a hand-made list.
 */
export interface SdkProperties {
    readonly type: string;
    readonly inputs: ReadonlySet<string>;
    readonly outputs: ReadonlySet<string>;
    /** The package version (what the SDK asks the engine for). */
    readonly version: string;
}

/** `module` is the SDK file, e.g. `@pulumi/aws/rds/cluster.js`, of package `pkg`. */
export function sdkProperties(pkg: string, module: string, type: string): SdkProperties {
    const source = readFileSync(require.resolve(module), "utf8");
    const inputs = new Set([...source.matchAll(/resourceInputs\["(\w+)"\] = args\?\.\w+/g)].map((m) => m[1]!));
    const outputs = new Set(
        [...source.matchAll(/resourceInputs\["(\w+)"\] = undefined \/\*out\*\//g)].map((m) => m[1]!),
    );
    if (inputs.size === 0) throw new Error(`${module}: no inputs found; the SDK's generated code changed`);
    if (!source.includes(`__pulumiType = '${type}'`)) throw new Error(`${module} does not declare ${type}`);
    return { type, inputs, outputs, version: packageVersion(pkg) };
}

export function packageVersion(pkg: string): string {
    return (JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as { version: string }).version;
}
