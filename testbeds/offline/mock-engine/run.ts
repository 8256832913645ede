import * as pulumi from "@pulumi/pulumi";
import { setAwsFactsClients } from "../../../components/resources/aws-facts";
import { startUpdate } from "../../../components/steps/update-id";
import { AwsIdentity } from "../../../cli-contract";
import { CallRecord, SimulatedRds } from "../../simulator";
import { CurrentState } from "./current-state";
import { CreatingControlPlane } from "./create-in-simulator";
import { installMocks } from "./install-mocks";
import { applyProjectConfig, ProjectFile } from "./project-config";
import { simulatorFor } from "./simulated-state";
import { RecordedOutputs, RecordedRead, RecordedResource, recordRegistrations } from "./recorder";

// Internal runtime helper (exported by the SDK's settings module, not by its typings): waits
// until every outstanding RPC of the current run has been answered.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };

/** A log line the program (or the SDK) wrote with `pulumi.log` (info, warn, error). */
export interface LogEntry {
    readonly severity: "info" | "warn" | "error";
    readonly message: string;
    /** URN of the resource the message is about, when given. */
    urn?: string;
}

export interface RunOptions<T> {
    /** The stack program: creates resources, returns the stack outputs. See {@link loadProgram}. */
    readonly program: () => T | Promise<T>;
    /**
     * What exists in AWS now; anything not described does not exist. @default {} The program's
     * AWS reads (the component's facts reader, the AWS SDK) are answered by a simulated control
     * plane seeded with it, unless `aws` is given.
     */
    readonly currentState?: CurrentState;
    /** The simulated control plane the program's AWS SDK reads go to (instead of one seeded from `currentState`). */
    readonly aws?: SimulatedRds;
    /** The control plane each identity's reads go to (accounts of their own; default: `aws` for every identity). */
    readonly awsForIdentity?: (identity: AwsIdentity) => SimulatedRds;
    /** Preview (`pulumi preview`) or update (`pulumi up`). @default true */
    readonly preview?: boolean;
    /** Stack config; keys without a namespace get the project's (`engine` → `aurora-global:engine`). */
    readonly config?: Readonly<Record<string, unknown>>;
    /** @default "aurora-global" (or `projectFile`'s name) */
    readonly project?: string;
    /**
     * The project's `Pulumi.yaml` ({@link loadProject}): when given, `config` is the stack's config
     * and is checked and merged exactly as the Pulumi CLI does before the program runs
     * (`ValidateStackConfigAndApplyProjectConfig`); a missing required key or a value of the wrong
     * type rejects with Pulumi's message ({@link PulumiConfigError}) and nothing runs. A stack run
     * this way also needs a region for the AWS provider's default provider ({@link MISSING_AWS_REGION}).
     */
    readonly projectFile?: ProjectFile;
    /** @default "dev" */
    readonly stack?: string;
    /** What `pulumi.getOrganization()` answers (a DIY backend's). @default "organization" */
    readonly organization?: string;
    /**
     * The engine's environment as the AWS provider sees it (`AWS_REGION`, `AWS_DEFAULT_REGION`).
     * The process's own environment is never consulted. @default {}
     */
    readonly environment?: Readonly<Record<string, string>>;
    /**
     * A simulated RDS control plane (testbeds/simulator): in an update (`preview: false`) every
     * new RDS resource is created in it through AWS's create calls and rules; a refusal fails
     * the run with AWS's code and text. Resources that exist there already are left alone.
     */
    readonly controlPlane?: CreatingControlPlane;
    /** Also print log lines to the console. @default false */
    readonly echoLogs?: boolean;
}

export interface RunResult<T> {
    /** Every registration, in the order the engine received them (the stack first). */
    readonly resources: readonly RecordedResource[];
    /** The stack outputs, resolved to plain values. */
    readonly outputs: Record<string, unknown>;
    /** What the program returned, unresolved. */
    readonly exports: T;
    /** Registered outputs by URN (components and the stack), secrets still marked. */
    readonly registeredOutputs: RecordedOutputs;
    readonly logs: readonly LogEntry[];
    /** Every invoke the program made. */
    readonly calls: readonly pulumi.runtime.MockCallArgs[];
    /** Every AWS API call the program made through the SDK (to the simulated control plane), in order. */
    readonly awsCalls: readonly CallRecord[];
    /** Every read of an existing resource (`StackReference`s, `.get()`s), in order. */
    readonly reads: readonly RecordedRead[];
}

let queue: Promise<unknown> = Promise.resolve();

const RECORDED = Symbol("aurora-global mock-engine recording");

/** What a failed run registered, logged and invoked before it failed (from the error it rejected with). */
export function recordedBeforeFailure(
    error: unknown,
): Pick<RunResult<void>, "resources" | "logs" | "calls" | "awsCalls"> | undefined {
    return typeof error === "object" && error !== null
        ? (error as Record<symbol, Pick<RunResult<void>, "resources" | "logs" | "calls" | "awsCalls">>)[RECORDED]
        : undefined;
}

/**
 * Runs a Pulumi program in-process under Pulumi's mock engine against a described current state
 * and returns the recorded resource graph, the outputs and the logs.
 *
 * Re-runnable in one process: runs are queued (the SDK's runtime state is process-global), and
 * each run starts clean — `setMocks` calls the SDK's `resetOptions` (fresh monitor, stack
 * resource, error count, feature flags, RPC queue), `setAllConfig` replaces the whole config map,
 * the program runs inside a fresh root stack (`runInPulumiStack`), and the run ends only when
 * every RPC is answered (`waitForRPCs`), so nothing spills into the next run. Modules stay
 * loaded: a program module with top-level code is re-executed through {@link loadProgram}.
 */
/** Program runs so far in this process (each gets its own update id). */
let programRuns = 0;

export function runProgramUnderMocks<T extends Record<string, unknown> | void>(
    options: RunOptions<T>,
): Promise<RunResult<T>> {
    const run = queue.then(() => runOnce(options));
    queue = run.catch(() => undefined);
    return run;
}

/**
 * Runs once while listening for unhandled rejections: a failed program leaves rejected promises
 * inside the SDK's Outputs that nobody awaits (the language host would log them and exit). They
 * are the run's own error again, so a failed run swallows them; a run that "succeeded" with
 * unhandled rejections fails with the first one instead of hiding it.
 */
async function runOnce<T extends Record<string, unknown> | void>(options: RunOptions<T>): Promise<RunResult<T>> {
    // Each program run is one update (or preview): its steps share one lease group, numbered for a reproducible transcript.
    startUpdate(`update-${++programRuns}`);
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => void unhandled.push(reason);
    process.on("unhandledRejection", listener);
    try {
        const result = await runGuarded(options);
        await settle();
        if (unhandled.length > 0) throw unhandled[0];
        return result;
    } catch (e) {
        await settle();
        throw e;
    } finally {
        process.off("unhandledRejection", listener);
    }
}

/** Lets Node report the rejections of the last turns before the listener goes. */
async function settle(): Promise<void> {
    for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
}

async function runGuarded<T extends Record<string, unknown> | void>(options: RunOptions<T>): Promise<RunResult<T>> {
    const project = options.projectFile?.name ?? options.project ?? "aurora-global";
    const stack = options.stack ?? "dev";
    const config = options.projectFile
        ? applyProjectConfig(options.projectFile, stack, options.config ?? {})
        : (options.config ?? {});
    const organization = options.organization ?? "organization";
    const state = options.currentState ?? {};
    const calls: pulumi.runtime.MockCallArgs[] = [];
    const providerErrors: Error[] = [];
    await installMocks(options, { project, stack, organization, config, state, calls, providerErrors });
    const { resources, outputs: registeredOutputs, reads } = recordRegistrations();
    pulumi.runtime.setAllConfig(configMap(project, config), []);
    const logs: LogEntry[] = [];
    const pending: Promise<unknown>[] = [];
    const restoreLogs = captureLogs(logs, pending, options.echoLogs ?? false);
    // The component reads AWS with the CLI's reader over the AWS SDK: the simulated control plane answers.
    const aws = options.aws ?? simulatorFor(state);
    const firstCall = aws.calls.length;
    const awsCalls = () => aws.calls.slice(firstCall);
    const byIdentity = options.awsForIdentity;
    const previousClients = setAwsFactsClients(
        aws.clientFor,
        aws.clock,
        byIdentity ? (identity) => byIdentity(identity).clientFor : undefined,
    );
    try {
        const { outputs, exports } = await runStackProgram(options.program, pending, providerErrors);
        return { resources, outputs, exports, registeredOutputs, logs, calls, awsCalls: awsCalls(), reads };
    } catch (e) {
        await settings.waitForRPCs().catch(() => undefined);
        if (typeof e === "object" && e !== null)
            Object.defineProperty(e, RECORDED, {
                value: { resources, logs, calls, awsCalls: awsCalls() },
                enumerable: false,
                configurable: true,
            });
        throw e;
    } finally {
        restoreLogs();
        setAwsFactsClients(previousClients);
    }
}

/**
 * Runs the program in a fresh root stack and waits until every RPC and log URN is settled; the
 * first provider error fails the run. The outputs resolved, and what the program returned.
 */
async function runStackProgram<T extends Record<string, unknown> | void>(
    program: () => T | Promise<T>,
    pending: readonly Promise<unknown>[],
    providerErrors: readonly Error[],
): Promise<{ outputs: Record<string, unknown>; exports: T }> {
    let exports: T | undefined;
    const outputs = await pulumi.runtime.runInPulumiStack(async () => {
        exports = await program();
        return exports ?? {};
    });
    await settings.waitForRPCs();
    await Promise.all(pending);
    if (providerErrors.length > 0) throw providerErrors[0];
    return { outputs: (outputs ?? {}) as Record<string, unknown>, exports: exports as T };
}

/** `{ engine: "x" }` → `{ "aurora-global:engine": "x" }`, values as the CLI passes them (strings, JSON). */
export function configMap(project: string, config: Readonly<Record<string, unknown>>): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        out[key.includes(":") ? key : `${project}:${key}`] = typeof value === "string" ? value : JSON.stringify(value);
    }
    return out;
}

type Severity = LogEntry["severity"];
type LogFn = (msg: string, resource?: pulumi.Resource) => Promise<void>;

/** Replaces `pulumi.log`'s functions while a run lasts; returns the restorer. */
function captureLogs(into: LogEntry[], pending: Promise<unknown>[], echo: boolean): () => void {
    const log = pulumi.log as unknown as Record<Severity, LogFn>;
    // debug lines are the SDK's own RPC tracing: left alone (silent without an engine).
    const originals = { info: log.info, warn: log.warn, error: log.error };
    for (const severity of Object.keys(originals) as Severity[]) {
        log[severity] = (message, resource) => {
            const entry: LogEntry = { severity, message };
            into.push(entry);
            if (resource)
                pending.push(
                    urnOf(resource).then(
                        (urn) => (entry.urn = urn),
                        () => undefined,
                    ),
                );
            if (echo) originals[severity](message);
            return Promise.resolve();
        };
    }
    return () => Object.assign(log, originals);
}

/**
 * A program from a module with top-level Pulumi code (like the stack's index.ts): each call
 * drops the module from Node's require cache and loads it again, so it runs once per run.
 */
export function loadProgram(modulePath: string): () => Record<string, unknown> {
    return () => {
        const resolved = require.resolve(modulePath);
        delete require.cache[resolved];
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        return { ...(require(resolved) as Record<string, unknown>) };
    };
}

/** The URN of a resource (Output.promise() is internal to the SDK's typings). */
function urnOf(resource: pulumi.Resource): Promise<string> {
    return (resource.urn as unknown as { promise(): Promise<string> }).promise();
}
