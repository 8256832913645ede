import * as pulumi from "@pulumi/pulumi";

/** One malformed input: the rule that refused it, the property path and the message (value and fix). */
export interface ArgsProblem {
    /** Stable id of the input rule (`region`, `engine-version`, ...), like the planner's rule ids. */
    readonly rule: string;
    /** Property path in the component's args, as pulumi-eks reports them: `secondaries[0].region`. */
    readonly path: string;
    /** Starts with the path and the value, ends with the fix. */
    readonly message: string;
}

/** The one message of the error thrown for malformed input: every problem, with its rule id. */
export function argsErrorMessage(name: string, problems: readonly ArgsProblem[]): string {
    const count = `${problems.length} problem${problems.length === 1 ? "" : "s"}`;
    return `AuroraGlobalDatabase "${name}" has invalid arguments (${count}):\n${problems.map((p) => `  - [${p.rule}] ${p.message}`).join("\n")}`;
}

/**
 * The error a malformed `AuroraGlobalDatabase` throws before it declares anything.
 *
 * It is a `pulumi.ResourceError` (stack hidden), which is what a TypeScript program's runtime
 * prints cleanly (`@pulumi/pulumi/cmd/run/run.js`: RunError and ResourceError are reported
 * without the program's stack). It also carries `errors` with one `{ propertyPath, reason }`
 * per problem and the brand `InputPropertiesError.isInstance` checks (`utils.isInstance(obj,
 * "__pulumiInputPropertiesError")`, `@pulumi/pulumi` errors.js), so where the component is
 * constructed through a component provider (`@pulumi/pulumi/provider/server.js` `construct`), the engine
 * reports each property path as pulumi-eks's input errors are reported.
 */
export class AuroraGlobalDatabaseArgsError extends pulumi.ResourceError {
    /** What `pulumi.InputPropertiesError` carries: one entry per problem. */
    public readonly errors: pulumi.InputPropertyErrorDetails[];
    /** The brand of `pulumi.InputPropertiesError.isInstance`. */
    public readonly __pulumiInputPropertiesError = true;

    constructor(
        name: string,
        public readonly problems: readonly ArgsProblem[],
    ) {
        super(argsErrorMessage(name, problems), undefined, true);
        this.name = "AuroraGlobalDatabaseArgsError";
        this.errors = problems.map((p) => ({ propertyPath: p.path, reason: `[${p.rule}] ${p.message}` }));
    }
}
